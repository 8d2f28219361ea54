import type { ModuleErrorTable } from '../../../platform/module-errors.ts';

/** The reconciliation's own error codes (documented in docs/errors/reconciliation.md). */
export const reconciliationErrors = {
  RECONCILIATION_RUN_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该对账记录',
    en: 'No such reconciliation run',
  },
  RECONCILIATION_MISMATCH_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该对账差异',
    en: 'No such reconciliation mismatch',
  },
  RECONCILIATION_ALREADY_RESOLVED: {
    status: 409,
    'zh-CN': '该差异已处理',
    en: 'This mismatch has already been resolved',
  },
  RECONCILIATION_DATE_NOT_OVER: {
    status: 422,
    'zh-CN': '只能对已经开始的日期对账：{date}',
    en: 'Only a day that has begun can be reconciled: {date}',
  },
  RECONCILIATION_RUNNING: {
    status: 409,
    'zh-CN': '{date} 的对账正在进行，请稍后再试',
    en: 'The reconciliation of {date} is running; try again shortly',
  },
  RECONCILIATION_SOURCE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '暂时无法取得支付机构对账单或缴费单位销账记录，请稍后重试',
    en: 'The provider’s statement or the billers’ confirmations cannot be fetched now; try again later',
  },
} satisfies ModuleErrorTable;
