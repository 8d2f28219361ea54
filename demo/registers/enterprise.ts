// 法人库 details of an invented enterprise beyond what the platform's own enterprise table keeps:
// type, capital, industry, size, scope, tax figures, branches (分支机构) and former registered
// addresses. Deterministic from the USCC; the name picks the industry. Branches and address changes
// are listed for the named demo enterprises only (DEMO_ENTERPRISE_HISTORY); others have none.
import { intBetween, randomFor } from './seed-of.ts';

/** A branch (分支机构) the enterprise registered, with where and when. */
export interface EnterpriseBranch {
  name: string;
  districtCode: string;
  streetCode: string;
  registeredOn: string;
}

/** A registered address (住所) the enterprise moved away from, and when. */
export interface FormerAddress {
  districtCode: string;
  streetCode: string;
  movedOutOn: string;
}

export interface EnterpriseRegisterDetails {
  companyType: 'llc' | 'joint_stock' | 'sole_proprietorship' | 'partnership';
  registeredCapitalWan: number;
  industry: string;
  industryEn: string;
  sizeClass: 'micro' | 'small' | 'medium' | 'large';
  employees: number;
  establishedOn: string;
  businessScope: string;
  registrationStatus: 'active';
  email: string;
  /** 纳税信用等级 (A, B, M, C, D). */
  taxCreditRating: 'A' | 'B' | 'M' | 'C' | 'D';
  /** Tax paid last year, in 10k yuan (the 纳税规模 band a policy names is a range over it). */
  annualTaxPaidWan: number;
  branches: EnterpriseBranch[];
  formerAddresses: FormerAddress[];
}

/**
 * Branches and address changes of the named demo enterprises (keyed by the USCC's 9-character
 * body), so that the desk's "enterprises retained" figure has something to count: 虹口 enterprises
 * that opened branches elsewhere and kept their registration, and one that moved away after.
 */
export const DEMO_ENTERPRISE_HISTORY: Record<
  string,
  { branches: EnterpriseBranch[]; formerAddresses: FormerAddress[] }
> = {
  MA1HK0002: {
    branches: [
      {
        name: '上海曲阳数智科技有限公司浦东分公司（演示）',
        districtCode: '310115',
        streetCode: '310115001',
        registeredOn: '2023-04-18',
      },
    ],
    formerAddresses: [],
  },
  MA1HK0003: {
    branches: [
      {
        name: '上海北外滩机器人科技有限公司宝山分公司（演示）',
        districtCode: '310113',
        streetCode: '310113004',
        registeredOn: '2024-09-02',
      },
      {
        name: '上海北外滩机器人科技有限公司临港分公司（演示）',
        districtCode: '310115',
        streetCode: '310115002',
        registeredOn: '2025-06-20',
      },
    ],
    formerAddresses: [],
  },
  MA1HK0004: {
    branches: [
      {
        name: '上海嘉兴路物流有限公司闵行分公司（演示）',
        districtCode: '310112',
        streetCode: '310112001',
        registeredOn: '2022-03-10',
      },
    ],
    // Opened a branch while registered in 嘉兴路街道, then moved its registration to 北外滩街道.
    formerAddresses: [{ districtCode: '310109', streetCode: '310109004', movedOutOn: '2024-11-30' }],
  },
};

const INDUSTRIES: readonly [match: string, zh: string, en: string, scope: string][] = [
  // Before 科技: a robot maker's name often ends in 科技.
  ['机器人', '通用设备制造业', 'General equipment', '工业机器人制造；智能机器人研发；工业机器人销售'],
  ['餐饮', '餐饮业', 'Food service', '餐饮服务；餐饮管理；食品销售（仅销售预包装食品）'],
  [
    '科技',
    '软件和信息技术服务业',
    'Software and IT services',
    '技术服务、技术开发、技术咨询；软件开发；信息系统集成服务',
  ],
  ['物流', '道路运输业', 'Road transport', '普通货物仓储服务；国内货物运输代理；装卸搬运'],
  ['医疗', '专用设备制造业', 'Special equipment', '第二类医疗器械销售；医疗设备租赁'],
  ['', '批发业', 'Wholesale', '日用百货销售；五金产品批发；办公用品销售'],
];

export function enterpriseDetailsOf(uscc: string, name: string): EnterpriseRegisterDetails {
  const random = randomFor(uscc, 'enterprise');
  const [, industry, industryEn, businessScope] = INDUSTRIES.find(([match]) => name.includes(match))!;
  const employees = intBetween(random, 6, 180);
  return {
    companyType: 'llc',
    registeredCapitalWan: intBetween(random, 5, 200) * 10,
    industry,
    industryEn,
    sizeClass: employees < 10 ? 'micro' : employees < 100 ? 'small' : 'medium',
    employees,
    establishedOn: `${intBetween(random, 2012, 2023)}-${String(intBetween(random, 1, 12)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`,
    businessScope,
    registrationStatus: 'active',
    email: `office-${uscc.slice(-6).toLowerCase()}@example.com`,
    // Drawn after the fields above, so that adding them left those values as they were.
    taxCreditRating: (['A', 'B', 'B', 'M', 'C'] as const)[intBetween(random, 0, 4)]!,
    annualTaxPaidWan: intBetween(random, 1, 3 * employees),
    ...(DEMO_ENTERPRISE_HISTORY[uscc.slice(8, 17)] ?? { branches: [], formerAddresses: [] }),
  };
}
