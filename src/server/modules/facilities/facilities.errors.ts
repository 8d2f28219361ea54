import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The facilities module's own error codes (documented in docs/errors/facilities.md). */
export const facilityErrors = {
  FACILITY_STREET_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该街道（镇）',
    en: 'No such street or town',
  },
  FACILITY_DISTRICT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该区',
    en: 'No such district',
  },
  FACILITY_SERVICE_NOT_OFFERED: {
    status: 409,
    'zh-CN': '该设施不提供此项服务，不能设置其服务能力',
    en: 'The facility does not offer that service, so it has no capacity to set',
  },
  FACILITY_RECOMMENDATION_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该调配建议',
    en: 'No such recommendation',
  },
  FACILITY_RECOMMENDATION_DECIDED: {
    status: 409,
    'zh-CN': '该建议已处理（{status}），不能再次处理',
    en: 'The recommendation has already been dealt with ({status})',
  },
  FACILITY_RECOMMENDATION_STALE: {
    status: 409,
    'zh-CN': '建议依据的服务能力已变化，请重新计算后再处理',
    en: 'The capacities the recommendation was computed from have changed; recompute first',
  },
  FACILITY_TERMINAL_NOT_FOUND: {
    status: 404,
    'zh-CN': '该设施没有这台终端',
    en: 'No such terminal at this facility',
  },
  FACILITY_TERMINAL_RETIRED: {
    status: 409,
    'zh-CN': '该终端已停用',
    en: 'The terminal has already been retired',
  },
  FACILITY_IMPORT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该导入',
    en: 'No such import',
  },
  FACILITY_IMPORT_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件过大，不能超过 {maxSize}',
    en: 'The file is too large; it can be at most {maxSize}',
  },
  FACILITY_IMPORT_FILE_INVALID: {
    status: 400,
    'zh-CN': '无法读取该 CSV 文件：{reason}',
    en: 'The CSV file cannot be read: {reason}',
  },
  FACILITY_IMPORT_NOT_PREVIEWED: {
    status: 409,
    'zh-CN': '该导入已执行或正在执行（{status}）',
    en: 'The import has already been applied or is being applied ({status})',
  },
  FACILITY_IMPORT_STALE: {
    status: 409,
    'zh-CN': '预览之后设施数据已有变化，请重新上传预览',
    en: 'Facilities have changed since the preview; upload the file again for a fresh preview',
  },
} satisfies ModuleErrorTable;
