import type { CatalogTopicTable } from './catalog.tables.ts';

/** The life events (residents) and lifecycle stages (enterprises) the catalogue is browsed by. */
export const CATALOG_TOPICS: CatalogTopicTable[] = [
  { code: 'birth', audience: 'resident', nameZh: '出生', nameEn: 'Having a baby', sortOrder: 1 },
  { code: 'education', audience: 'resident', nameZh: '入学', nameEn: 'Going to school', sortOrder: 2 },
  { code: 'employment', audience: 'resident', nameZh: '就业', nameEn: 'Work', sortOrder: 3 },
  { code: 'marriage', audience: 'resident', nameZh: '婚育', nameEn: 'Marriage and family', sortOrder: 4 },
  { code: 'housing', audience: 'resident', nameZh: '住房', nameEn: 'Housing', sortOrder: 5 },
  { code: 'health', audience: 'resident', nameZh: '医疗', nameEn: 'Health care', sortOrder: 6 },
  { code: 'social_security', audience: 'resident', nameZh: '社保', nameEn: 'Social insurance', sortOrder: 7 },
  { code: 'transport', audience: 'resident', nameZh: '出行', nameEn: 'Getting around', sortOrder: 8 },
  { code: 'retirement', audience: 'resident', nameZh: '退休', nameEn: 'Retirement', sortOrder: 9 },
  { code: 'elderly', audience: 'resident', nameZh: '养老', nameEn: 'Older people', sortOrder: 10 },
  { code: 'death', audience: 'resident', nameZh: '身后事', nameEn: 'When someone dies', sortOrder: 11 },
  { code: 'daily_life', audience: 'resident', nameZh: '生活', nameEn: 'Daily life', sortOrder: 12 },
  { code: 'startup', audience: 'enterprise', nameZh: '开办', nameEn: 'Starting a business', sortOrder: 21 },
  { code: 'operation', audience: 'enterprise', nameZh: '经营', nameEn: 'Running a business', sortOrder: 22 },
  {
    code: 'construction',
    audience: 'enterprise',
    nameZh: '项目建设',
    nameEn: 'Building projects',
    sortOrder: 23,
  },
  { code: 'change', audience: 'enterprise', nameZh: '变更', nameEn: 'Changes', sortOrder: 24 },
  { code: 'hiring', audience: 'enterprise', nameZh: '用工', nameEn: 'Hiring', sortOrder: 25 },
  { code: 'tax', audience: 'enterprise', nameZh: '税费', nameEn: 'Taxes and fees', sortOrder: 26 },
  { code: 'investment', audience: 'enterprise', nameZh: '投资', nameEn: 'Investment', sortOrder: 27 },
  {
    code: 'deregistration',
    audience: 'enterprise',
    nameZh: '注销',
    nameEn: 'Closing a business',
    sortOrder: 28,
  },
];
