// The words of the facility registry: what a facility offers and what it is called.

/** Service keys a facility may offer, with their names. */
export const FACILITY_SERVICES = {
  elderly_care: { zh: '养老照护', en: 'Elderly care' },
  day_care: { zh: '日间照料', en: 'Day care' },
  meals: { zh: '助餐', en: 'Community meals' },
  culture: { zh: '文化活动', en: 'Culture' },
  education: { zh: '教育培训', en: 'Education' },
  health: { zh: '健康服务', en: 'Health' },
  sports: { zh: '体育健身', en: 'Sports' },
  employment: { zh: '就业服务', en: 'Employment' },
  repairs: { zh: '便民维修', en: 'Repairs' },
  housekeeping: { zh: '家政服务', en: 'Housekeeping' },
  counselling: { zh: '心理咨询', en: 'Counselling' },
  legal_aid: { zh: '法律援助', en: 'Legal aid' },
  volunteer: { zh: '志愿服务', en: 'Volunteering' },
  childcare: { zh: '托育服务', en: 'Childcare' },
  government_affairs: { zh: '政务服务', en: 'Government services' },
  library: { zh: '图书阅览', en: 'Reading room' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type FacilityServiceKey = keyof typeof FACILITY_SERVICES;
export const FACILITY_SERVICE_KEYS = Object.keys(FACILITY_SERVICES) as FacilityServiceKey[];

export function isFacilityServiceKey(key: string): key is FacilityServiceKey {
  return Object.hasOwn(FACILITY_SERVICES, key);
}

/**
 * The 13 kinds of names Shanghai's community facilities go by (districts brand them
 * differently: 静安/虹口 市民驿站, 徐汇 邻里汇, 杨浦 睦邻中心/睦邻点, 浦东 家门口服务站,
 * 闵行/浦东 邻里中心; 党群服务中心 everywhere). 社区综合为老服务中心 is the city's name for
 * the elderly-care hub, so the kind is 综合为老服务中心 rather than a bare 为老服务中心.
 */
export const FACILITY_NAME_TYPES = [
  '社区(生活)服务中心',
  '市民驿站',
  '生活驿站',
  '邻里汇',
  '邻里中心',
  '睦邻中心',
  '社区综合服务中心',
  '党群服务中心',
  '家门口服务站',
  '邻里之家',
  '睦邻点',
  '综合为老服务中心',
  '社区服务站',
] as const;

export type FacilityNameType = (typeof FACILITY_NAME_TYPES)[number];

export function isFacilityNameType(value: string): value is FacilityNameType {
  return (FACILITY_NAME_TYPES as readonly string[]).includes(value);
}

export const FACILITY_TIERS = ['street', 'area', 'village'] as const;
export const OPERATOR_MODELS = ['self', 'purchased'] as const;
