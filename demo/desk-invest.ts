// The enterprise desk's investment pipeline and policy library in the demo city (invented, and
// saying so): the 临港新片区 parcels 101/103/105, a robot industry park in 宝山 with a 431-亩
// parcel, a 北外滩 office plot; prospects of 虹口, 宝山 and 浦东 over two years (so year-on-year
// growth means something); monthly fixed-asset investment for 2025 and 2026; three published
// policies of 虹口区商务委 and one draft; and the sharing-catalogue rules the policy matcher and
// the desk's metrics read the enterprise register under. Idempotent: loaded once.
import type { Db } from '../src/server/platform/db/database.ts';
import { seedSharing } from '../src/server/modules/sharing/sharing-seed.ts';
import {
  seedInvestment,
  type DemoProspect,
  type DemoZone,
} from '../src/server/modules/enterprise-desk/investment-seed.ts';
import { seedPolicies, type DemoPolicy } from '../src/server/modules/enterprise-desk/policies-seed.ts';
import {
  POLICY_MATCHING_CONSUMER,
  POLICY_REGISTER_FIELDS,
} from '../src/server/modules/enterprise-desk/policies-facts.ts';
import {
  DESK_METRICS_CONSUMER,
  DESK_METRICS_REGISTER_FIELDS,
} from '../src/server/modules/enterprise-desk/desk-metrics-retention.ts';
import { muToSqm } from '../src/server/modules/enterprise-desk/investment-matching.ts';

const PUBLIC_DATA_BASIS = '《上海市公共数据和一网通办管理办法》第三十条（共享使用）';
const WAN = 1_000_000; // fen in 10k yuan

export const DEMO_ZONES: DemoZone[] = [
  {
    code: 'LINGANG',
    nameZh: '临港新片区（演示）',
    nameEn: 'Lin-gang Special Area (demo)',
    districtCode: '310115',
    parcels: [
      {
        code: '101',
        areaSqm: 120_000,
        landUse: 'industrial',
        status: 'available',
        maxFloorAreaSqm: 180_000,
        powerCapacityKva: 20_000,
        fitOut: 'bare',
      },
      {
        code: '103',
        areaSqm: 66_667,
        landUse: 'research',
        status: 'reserved',
        maxFloorAreaSqm: 133_000,
        powerCapacityKva: 8_000,
        fitOut: 'basic',
      },
      {
        code: '105',
        areaSqm: 200_000,
        landUse: 'industrial',
        status: 'signed',
        maxFloorAreaSqm: 300_000,
        powerCapacityKva: 40_000,
        fitOut: 'bare',
      },
    ],
  },
  {
    code: 'BAOSHAN-ROBOT',
    nameZh: '宝山机器人产业园（演示）',
    nameEn: 'Baoshan Robot Industry Park (demo)',
    districtCode: '310113',
    parcels: [
      {
        code: 'R-01',
        areaSqm: muToSqm(431),
        landUse: 'industrial',
        status: 'available',
        maxFloorAreaSqm: 430_000,
        powerCapacityKva: 50_000,
        fitOut: 'bare',
      },
      {
        code: 'R-02',
        areaSqm: muToSqm(60),
        landUse: 'warehouse',
        status: 'available',
        maxFloorAreaSqm: 48_000,
        powerCapacityKva: 5_000,
        fitOut: 'basic',
      },
    ],
  },
  {
    code: 'HK-NORTH-BUND',
    nameZh: '北外滩商务区（演示）',
    nameEn: 'North Bund Business District (demo)',
    districtCode: '310109',
    parcels: [
      {
        code: 'NB-07',
        areaSqm: 15_000,
        landUse: 'commercial',
        status: 'available',
        maxFloorAreaSqm: 90_000,
        powerCapacityKva: 3_000,
        fitOut: 'full',
      },
    ],
  },
];

const p = (
  districtCode: string,
  name: string,
  industry: string,
  originCountry: string,
  stages: [DemoProspect['stages'][number][0], string][],
  extra: Partial<DemoProspect> = {},
): DemoProspect => ({
  districtCode,
  name,
  industry,
  originCountry,
  stages,
  needFloorAreaSqm: null,
  needPowerKva: null,
  needFitOut: null,
  needLandUse: null,
  specialNeeds: null,
  plannedInvestmentFen: null,
  contractAmountFen: null,
  parcelCode: null,
  ...extra,
});

/** Prospects with their stage dates; FDI signed in 2025 and 2026 gives the figures their YoY. */
export const DEMO_PROSPECTS: DemoProspect[] = [
  // 虹口
  p(
    '310109',
    '德国精工机器人（演示）',
    '通用设备制造业',
    'DE',
    [
      ['lead', '2025-01-08'],
      ['talks', '2025-02-10'],
      ['signed', '2025-03-18'],
      ['landed', '2025-09-01'],
      ['operating', '2026-03-01'],
    ],
    {
      contractAmountFen: 42_000 * WAN,
      needFloorAreaSqm: 12_000,
      needPowerKva: 2_500,
      needLandUse: 'industrial',
      parcelCode: 'R-02',
    },
  ),
  p(
    '310109',
    '新加坡航运科技（演示）',
    '航运服务',
    'SG',
    [
      ['lead', '2025-02-20'],
      ['talks', '2025-04-01'],
      ['signed', '2025-06-26'],
    ],
    {
      contractAmountFen: 18_000 * WAN,
      needFloorAreaSqm: 6_000,
      needLandUse: 'commercial',
      needFitOut: 'full',
    },
  ),
  p(
    '310109',
    '日本数字医疗（演示）',
    '医疗器械',
    'JP',
    [
      ['lead', '2025-07-02'],
      ['talks', '2025-08-15'],
      ['signed', '2025-11-20'],
    ],
    { contractAmountFen: 25_000 * WAN },
  ),
  p(
    '310109',
    '法国奢品中国总部（演示）',
    '批发和零售业',
    'FR',
    [
      ['lead', '2025-11-03'],
      ['talks', '2026-01-12'],
      ['signed', '2026-02-27'],
      ['landed', '2026-07-01'],
    ],
    {
      contractAmountFen: 30_000 * WAN,
      needFloorAreaSqm: 8_000,
      needLandUse: 'commercial',
      needFitOut: 'full',
      parcelCode: 'NB-07',
    },
  ),
  p(
    '310109',
    '美国云计算亚太（演示）',
    '软件和信息技术服务业',
    'US',
    [
      ['lead', '2026-01-05'],
      ['talks', '2026-02-02'],
      ['signed', '2026-05-19'],
    ],
    { contractAmountFen: 52_000 * WAN },
  ),
  p(
    '310109',
    '韩国新能源材料（演示）',
    '新材料',
    'KR',
    [
      ['lead', '2026-03-03'],
      ['talks', '2026-04-20'],
      ['signed', '2026-08-07'],
    ],
    { contractAmountFen: 16_000 * WAN },
  ),
  p(
    '310109',
    '英国金融科技（演示）',
    '金融科技',
    'GB',
    [
      ['lead', '2026-05-11'],
      ['talks', '2026-07-22'],
    ],
    {
      needFloorAreaSqm: 3_000,
      needPowerKva: 800,
      needFitOut: 'full',
      needLandUse: 'commercial',
      specialNeeds: '需要双路供电与独立机房',
      plannedInvestmentFen: 9_000 * WAN,
    },
  ),
  p('310109', '上海智造装备（演示）', '通用设备制造业', 'CN', [['lead', '2026-06-01']], {
    needFloorAreaSqm: 60_000,
    needPowerKva: 12_000,
    needLandUse: 'industrial',
    needFitOut: 'bare',
    specialNeeds: '重型行车，地坪承重 5 吨/㎡',
    plannedInvestmentFen: 80_000 * WAN,
  }),
  p('310109', '长三角文创集团（演示）', '文化创意', 'CN', [['lead', '2026-09-14']], {
    needFloorAreaSqm: 5_000,
    needLandUse: 'commercial',
  }),
  p(
    '310109',
    '杭州电商物流（演示）',
    '道路运输业',
    'CN',
    [
      ['lead', '2025-04-09'],
      ['talks', '2025-05-30'],
      ['signed', '2025-08-08'],
      ['landed', '2026-01-15'],
    ],
    { contractAmountFen: 12_000 * WAN },
  ),
  // 宝山
  p(
    '310113',
    '瑞士协作机器人（演示）',
    '通用设备制造业',
    'CH',
    [
      ['lead', '2025-03-01'],
      ['talks', '2025-05-10'],
      ['signed', '2025-10-09'],
    ],
    { contractAmountFen: 60_000 * WAN },
  ),
  p(
    '310113',
    '宝山智能焊接（演示）',
    '通用设备制造业',
    'CN',
    [
      ['lead', '2026-04-18'],
      ['talks', '2026-06-30'],
    ],
    { needFloorAreaSqm: 150_000, needPowerKva: 30_000, needLandUse: 'industrial' },
  ),
  // 浦东 (临港)
  p(
    '310115',
    '美国电池储能（演示）',
    '电池制造',
    'US',
    [
      ['lead', '2025-01-20'],
      ['talks', '2025-03-05'],
      ['signed', '2025-07-15'],
      ['landed', '2026-02-01'],
    ],
    { contractAmountFen: 150_000 * WAN, parcelCode: '105' },
  ),
  p(
    '310115',
    '荷兰半导体设备（演示）',
    '专用设备制造业',
    'NL',
    [
      ['lead', '2026-02-14'],
      ['talks', '2026-05-06'],
      ['signed', '2026-09-29'],
    ],
    { contractAmountFen: 98_000 * WAN },
  ),
];

/** Monthly fixed-asset investment (fen), invented: 2025 whole year, 2026 through October. */
export function demoFixedAssetInvestment(): { districtCode: string; month: string; amountFen: number }[] {
  const base: Record<string, number> = { '310109': 14_000, '310113': 36_000, '310115': 120_000 };
  const growth: Record<string, number> = { '310109': 1.08, '310113': 1.12, '310115': 0.97 };
  const rows: { districtCode: string; month: string; amountFen: number }[] = [];
  for (const [districtCode, wan] of Object.entries(base)) {
    for (const year of [2025, 2026]) {
      for (let month = 1; month <= (year === 2025 ? 12 : 10); month += 1) {
        const seasonal = 0.8 + 0.4 * (month / 12);
        const factor = year === 2026 ? growth[districtCode]! : 1;
        rows.push({
          districtCode,
          month: `${year}-${String(month).padStart(2, '0')}`,
          amountFen: Math.round(wan * seasonal * factor) * WAN,
        });
      }
    }
  }
  return rows;
}

const HONGKOU = '310109';
export const DEMO_POLICIES: DemoPolicy[] = [
  {
    code: 'HK-2026-001',
    titleZh: '虹口区科技型中小企业研发费用补贴（演示）',
    titleEn: 'Hongkou R&D subsidy for technology SMEs (demo)',
    summaryZh: '对区内软件、装备制造类中小企业按研发投入给予补贴，须提交研发费用明细申请。',
    summaryEn:
      'A subsidy on R&D spending for software and equipment SMEs of the district; apply with the R&D accounts.',
    issuerOfficeCode: `commerce-${HONGKOU}`,
    districtCode: HONGKOU,
    isAutoGrant: false,
    benefitAmountFen: null,
    status: 'published',
    rule: {
      all: [
        { field: 'district', op: 'eq', value: HONGKOU },
        { field: 'industry', op: 'in', value: ['软件和信息技术服务业', '通用设备制造业', '专用设备制造业'] },
        { field: 'employees', op: 'lte', value: 200 },
      ],
    },
  },
  {
    code: 'HK-2026-002',
    titleZh: '虹口区小微企业稳岗补贴（免申即享，演示）',
    titleEn: 'Hongkou job-keeping grant for small businesses (granted without applying, demo)',
    summaryZh: '纳税信用良好的小微企业，无需申请，按户直接兑现 5000 元稳岗补贴。',
    summaryEn: 'Small businesses with a good tax record get a ¥5,000 job-keeping grant without applying.',
    issuerOfficeCode: `commerce-${HONGKOU}`,
    districtCode: HONGKOU,
    isAutoGrant: true,
    benefitAmountFen: 500_000,
    status: 'published',
    rule: {
      all: [
        { field: 'district', op: 'eq', value: HONGKOU },
        { field: 'sizeClass', op: 'in', value: ['micro', 'small'] },
        { field: 'taxCreditRating', op: 'in', value: ['A'] },
      ],
    },
  },
  {
    code: 'HK-2026-003',
    titleZh: '虹口区老字号餐饮企业纾困补助（免申即享，演示）',
    titleEn: 'Hongkou relief for long-established restaurants (granted without applying, demo)',
    summaryZh: '成立 12 年以上的餐饮企业，无需申请，直接兑现 3000 元纾困补助。',
    summaryEn: 'Restaurants established 12 years or more get ¥3,000 relief without applying.',
    issuerOfficeCode: `commerce-${HONGKOU}`,
    districtCode: HONGKOU,
    isAutoGrant: true,
    benefitAmountFen: 300_000,
    status: 'published',
    rule: {
      all: [
        { field: 'industry', op: 'eq', value: '餐饮业' },
        { field: 'ageYears', op: 'gte', value: 12 },
      ],
    },
  },
  {
    code: 'HK-2026-004',
    titleZh: '虹口区总部企业认定奖励（草稿，演示）',
    titleEn: 'Hongkou headquarters recognition award (draft, demo)',
    summaryZh: '注册资本 1000 万元以上、上年度纳税 100 万元以上的企业，经认定给予奖励。',
    summaryEn:
      'An award for enterprises with registered capital of ¥10m+ and tax of ¥1m+ last year, once recognised.',
    issuerOfficeCode: `commerce-${HONGKOU}`,
    districtCode: HONGKOU,
    isAutoGrant: false,
    benefitAmountFen: null,
    status: 'draft',
    rule: {
      all: [
        { field: 'registeredCapitalWan', op: 'gte', value: 1000 },
        { field: 'annualTaxPaidWan', op: 'gte', value: 100 },
      ],
    },
  },
];

/** Loads the pipeline, the policies and their sharing rules (each part once). */
export async function seedDemoInvest(db: Db): Promise<void> {
  await seedSharing(
    db,
    [
      {
        ruleKey: `form:${POLICY_MATCHING_CONSUMER}:enterprise`,
        consumerKind: 'service_form',
        consumerRef: POLICY_MATCHING_CONSUMER,
        register: 'enterprise',
        fields: [...POLICY_REGISTER_FIELDS],
        purposeZh: '政策找企业：核对企业是否符合政策条件，免申即享直接兑现',
        purposeEn: 'Policies that find the enterprise: check eligibility; grant 免申即享 benefits',
        legalBasisZh: PUBLIC_DATA_BASIS,
      },
      {
        ruleKey: `form:${DESK_METRICS_CONSUMER}:enterprise`,
        consumerKind: 'service_form',
        consumerRef: DESK_METRICS_CONSUMER,
        register: 'enterprise',
        fields: [...DESK_METRICS_REGISTER_FIELDS],
        purposeZh: '店小二工作指标：统计企业扩张后住所仍留在本街镇的情况',
        purposeEn:
          'Enterprise desk metrics: enterprises that kept their registration in the street after expanding',
        legalBasisZh: PUBLIC_DATA_BASIS,
      },
    ],
    [],
  );
  await seedInvestment(db, {
    zones: DEMO_ZONES,
    prospects: DEMO_PROSPECTS,
    fixedAsset: demoFixedAssetInvestment(),
  });
  await seedPolicies(db, DEMO_POLICIES);
}
