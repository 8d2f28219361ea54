import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/**
 * The enterprise desk's investment pipeline, policy library and metrics codes (documented in
 * docs/errors/invest.md).
 */
export const investErrors = {
  INVEST_DISTRICT_NOT_FOUND: { status: 404, 'zh-CN': '找不到该区', en: 'No such district' },
  INVEST_STREET_NOT_FOUND: { status: 404, 'zh-CN': '找不到该街道（镇）', en: 'No such street or town' },
  INVEST_ZONE_NOT_FOUND: { status: 404, 'zh-CN': '找不到该园区', en: 'No such zone or park' },
  INVEST_PARCEL_NOT_FOUND: { status: 404, 'zh-CN': '找不到该地块', en: 'No such parcel' },
  INVEST_PARCEL_TAKEN: {
    status: 409,
    'zh-CN': '该地块已签约给其他项目',
    en: 'The parcel is already signed to another project',
  },
  INVEST_PROSPECT_NOT_FOUND: { status: 404, 'zh-CN': '找不到该招商项目', en: 'No such prospect' },
  INVEST_STAGE_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '招商阶段只能向前推进（当前：{from}）',
    en: 'A prospect only moves forward through the stages (now: {from})',
  },
  INVEST_SIGNING_INCOMPLETE: {
    status: 422,
    'zh-CN': '签约须填写合同金额和签约日期',
    en: 'Signing needs the contract amount and the signing date',
  },
  POLICY_NOT_FOUND: { status: 404, 'zh-CN': '找不到该政策', en: 'No such policy' },
  POLICY_CODE_TAKEN: {
    status: 409,
    'zh-CN': '政策编号 {code} 已被使用',
    en: 'The policy code {code} is already in use',
  },
  POLICY_OFFICE_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到发布政策的部门',
    en: 'No such issuing office',
  },
  POLICY_RULE_INVALID: {
    status: 422,
    'zh-CN': '适用条件有误，请按提示修改',
    en: 'The eligibility rule has problems; see the details',
  },
  POLICY_BENEFIT_AMOUNT_REQUIRED: {
    status: 422,
    'zh-CN': '免申即享政策须填写每户兑现金额',
    en: 'A 免申即享 policy needs the benefit amount per enterprise',
  },
  POLICY_RETIRED: {
    status: 409,
    'zh-CN': '该政策已废止，不能修改或重新匹配',
    en: 'The policy is retired; it cannot be changed or matched again',
  },
  POLICY_NOT_PUBLISHED: {
    status: 409,
    'zh-CN': '政策发布后才能匹配企业',
    en: 'Only a published policy is matched against enterprises',
  },
  POLICY_ENTERPRISE_NOT_FOUND: { status: 404, 'zh-CN': '找不到该企业', en: 'No such enterprise' },
} satisfies ModuleErrorTable;
