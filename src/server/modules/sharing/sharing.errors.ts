import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The sharing gateway's error codes (documented in docs/errors/sharing.md). */
export const sharingErrors = {
  SHARING_NOT_ALLOWED: {
    status: 403,
    'zh-CN': '共享目录未授权此次数据使用，已拒绝并记录。',
    en: 'No sharing rule allows this use of the data; it was refused and recorded.',
  },
  REGISTER_UNAVAILABLE: {
    status: 503,
    'zh-CN': '部门系统暂时无法访问，请稍后再试。',
    en: 'The department system cannot be reached right now. Please try again later.',
  },
  REGISTER_FIELD_UNKNOWN: {
    status: 400,
    'zh-CN': '数据项不存在：{{fields}}。',
    en: 'Unknown data fields: {{fields}}.',
  },
  REGISTER_SUBJECT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该数据主体。',
    en: 'The person or enterprise was not found.',
  },
  SHARING_RULE_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该共享规则或变更申请。',
    en: 'Sharing rule or proposed change not found.',
  },
  SHARING_RULE_INVALID: {
    status: 400,
    'zh-CN': '共享规则填写有误，请按提示修改。',
    en: 'The sharing rule has errors; see the fields marked.',
  },
  SHARING_REVIEW_OWN_PROPOSAL: {
    status: 409,
    'zh-CN': '不能审核自己提出的变更，请由另一位管理员审核。',
    en: 'You cannot review your own change; another admin must review it.',
  },
  SHARING_PROPOSAL_NOT_PENDING: {
    status: 409,
    'zh-CN': '该变更已审核，不能再次审核。',
    en: 'This change has already been reviewed.',
  },
  SHARING_PROPOSAL_PENDING: {
    status: 409,
    'zh-CN': '该规则已有待审核的变更，请先审核该变更。',
    en: 'This rule already has a change waiting for review; review it first.',
  },
  SHARING_APP_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该应用。',
    en: 'App not found.',
  },
  CONSENT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该授权。',
    en: 'Consent not found.',
  },
  CONSENT_INVALID: {
    status: 400,
    'zh-CN': '授权填写有误，请按提示修改。',
    en: 'The consent has errors; see the fields marked.',
  },
  ACCESS_RECORD_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该用数记录。',
    en: 'Access record not found.',
  },
  OBJECTION_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该异议。',
    en: 'Objection not found.',
  },
  OBJECTION_ALREADY_ANSWERED: {
    status: 409,
    'zh-CN': '该异议已答复。',
    en: 'This objection has already been answered.',
  },
} satisfies ModuleErrorTable;
