// 法人库 details of an invented enterprise beyond what the platform's own enterprise table keeps:
// type, capital, industry, size, scope. Deterministic from the USCC; the name picks the industry.
import { intBetween, randomFor } from './seed-of.ts';

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
}

const INDUSTRIES: readonly [match: string, zh: string, en: string, scope: string][] = [
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
  };
}
