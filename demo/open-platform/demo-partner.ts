/**
 * The demo partner app (a 随申办-style life helper that plays a third-party entrance; its code is
 * in examples/partner-app). DEMO ONLY: the client secret is public (it is in this file); a real
 * partner takes theirs from /open-platform, shown once, stored hashed.
 */
export const DEMO_PARTNER_CLIENT_ID = 'demo-life-helper';
export const DEMO_PARTNER_CLIENT_SECRET = 'demo-only-life-helper-secret';

export const DEMO_PARTNER_APP = {
  id: DEMO_PARTNER_CLIENT_ID,
  nameZh: '随申办生活助手（演示）',
  nameEn: 'Life Helper (demo)',
  organisation: '上海示范生活服务科技有限公司（演示）',
  purpose: '在生活助手中查询社保、公积金、医保和交通违法，查看并缴纳水电燃气账单，跟踪办件进度',
  privacyPolicyUrl: 'https://example.org/demo-life-helper/privacy',
  scopes: [
    'profile',
    'social_insurance',
    'housing_fund',
    'medical_insurance',
    'vehicle_violations',
    'bills_payments',
    'applications.read',
    'applications.submit',
    'services.read',
  ],
} as const;
