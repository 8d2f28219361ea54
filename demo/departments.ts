// The demo city's departments. District-level departments get one office per district;
// city-level ones a single city office; street offices (街道办事处/镇政府) one per street or town.

export interface DemoDepartment {
  code: string;
  nameZh: string;
  nameEn: string;
  level: 'city' | 'district' | 'street';
  /** Short name used to build office names: 虹口区 + 市场监管局. */
  shortZh: string;
  shortEn: string;
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'samr',
    nameZh: '市场监督管理局',
    nameEn: 'Administration for Market Regulation',
    level: 'district',
    shortZh: '市场监管局',
    shortEn: 'Market Regulation Bureau',
  },
  {
    code: 'hrss',
    nameZh: '人力资源和社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    level: 'district',
    shortZh: '人社局',
    shortEn: 'Human Resources and Social Security Bureau',
  },
  {
    code: 'medical-insurance',
    nameZh: '医疗保障局',
    nameEn: 'Healthcare Security Bureau',
    level: 'district',
    shortZh: '医保局',
    shortEn: 'Healthcare Security Bureau',
  },
  {
    code: 'housing-fund',
    nameZh: '住房公积金管理中心',
    nameEn: 'Housing Provident Fund Management Centre',
    level: 'district',
    shortZh: '公积金中心',
    shortEn: 'Housing Provident Fund Centre',
  },
  {
    code: 'police-household',
    nameZh: '公安局（户籍）',
    nameEn: 'Public Security Bureau (Household Registration)',
    level: 'district',
    shortZh: '公安分局户政',
    shortEn: 'Police Household Registration',
  },
  {
    code: 'police-traffic',
    nameZh: '公安局交通警察支队',
    nameEn: 'Traffic Police',
    level: 'district',
    shortZh: '交警支队',
    shortEn: 'Traffic Police',
  },
  {
    code: 'civil-affairs',
    nameZh: '民政局',
    nameEn: 'Civil Affairs Bureau',
    level: 'district',
    shortZh: '民政局',
    shortEn: 'Civil Affairs Bureau',
  },
  {
    code: 'health',
    nameZh: '卫生健康委员会',
    nameEn: 'Health Commission',
    level: 'district',
    shortZh: '卫健委',
    shortEn: 'Health Commission',
  },
  {
    code: 'housing-construction',
    nameZh: '住房和城乡建设管理委员会',
    nameEn: 'Housing and Urban-Rural Construction Commission',
    level: 'district',
    shortZh: '建管委',
    shortEn: 'Construction Commission',
  },
  {
    code: 'planning',
    nameZh: '规划和自然资源局',
    nameEn: 'Planning and Natural Resources Bureau',
    level: 'district',
    shortZh: '规划资源局',
    shortEn: 'Planning and Natural Resources Bureau',
  },
  {
    code: 'tax',
    nameZh: '税务局',
    nameEn: 'Taxation Bureau',
    level: 'district',
    shortZh: '税务局',
    shortEn: 'Taxation Bureau',
  },
  {
    code: 'fire',
    nameZh: '消防救援支队',
    nameEn: 'Fire and Rescue Brigade',
    level: 'district',
    shortZh: '消防救援支队',
    shortEn: 'Fire and Rescue Brigade',
  },
  {
    code: 'ecology',
    nameZh: '生态环境局',
    nameEn: 'Ecology and Environment Bureau',
    level: 'district',
    shortZh: '生态环境局',
    shortEn: 'Ecology and Environment Bureau',
  },
  {
    code: 'water',
    nameZh: '水务局',
    nameEn: 'Water Authority',
    level: 'district',
    shortZh: '水务局',
    shortEn: 'Water Authority',
  },
  {
    code: 'education',
    nameZh: '教育局',
    nameEn: 'Education Bureau',
    level: 'district',
    shortZh: '教育局',
    shortEn: 'Education Bureau',
  },
  {
    code: 'commerce',
    nameZh: '商务委员会',
    nameEn: 'Commerce Commission',
    level: 'district',
    shortZh: '商务委',
    shortEn: 'Commerce Commission',
  },
  {
    code: 'culture-tourism',
    nameZh: '文化和旅游局',
    nameEn: 'Culture and Tourism Bureau',
    level: 'district',
    shortZh: '文旅局',
    shortEn: 'Culture and Tourism Bureau',
  },
  {
    code: 'data-bureau',
    nameZh: '大数据中心',
    nameEn: 'Big Data Centre',
    level: 'city',
    shortZh: '上海市大数据中心',
    shortEn: 'Shanghai Big Data Centre',
  },
  {
    code: 'street-office',
    nameZh: '街道办事处/镇人民政府',
    nameEn: 'Subdistrict Office / Town Government',
    level: 'street',
    shortZh: '社区事务受理服务中心',
    shortEn: 'Community Affairs Service Centre',
  },
];
