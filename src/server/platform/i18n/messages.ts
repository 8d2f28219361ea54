import { formValidationMessages } from '../../../contracts/validation-messages.ts';
import type { Locale } from './locale.ts';

/**
 * Server-side messages (error texts) in both languages. Every AppError code has an entry;
 * a test keeps this table, errors.ts and docs/errors.md in step.
 */
export const errorMessages: Record<string, Record<Locale, string>> = {
  INTERNAL_ERROR: {
    'zh-CN': '服务器内部错误，请稍后再试。',
    en: 'Internal server error. Please try again later.',
  },
  NOT_FOUND: { 'zh-CN': '找不到请求的资源。', en: 'The requested resource was not found.' },
  VALIDATION_FAILED: {
    'zh-CN': '提交的信息有误，请检查后重试。',
    en: 'Some of the information is invalid. Please check and try again.',
  },
  RATE_LIMITED: { 'zh-CN': '操作过于频繁，请稍后再试。', en: 'Too many requests. Please try again later.' },
  SERVER_BUSY: {
    'zh-CN': '系统繁忙，您的请求未被处理，请稍后重试。',
    en: 'The service is busy and did not handle your request. Please try again in a moment.',
  },
  AUTH_REQUIRED: { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  AUTH_FORBIDDEN: { 'zh-CN': '您无权进行此操作。', en: 'You are not allowed to do this.' },
  AUTH_INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' },
  AUTH_ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请于 {until} 后再试。',
    en: 'Too many failed sign-ins. The account is locked until {until}.',
  },
  AUTH_ACCOUNT_DISABLED: { 'zh-CN': '该账号已停用。', en: 'This account has been disabled.' },
  AUTH_CSRF_INVALID: {
    'zh-CN': '安全校验失败，请刷新页面后重试。',
    en: 'Security check failed. Please reload the page and try again.',
  },
  USERNAME_TAKEN: { 'zh-CN': '该用户名已被使用。', en: 'This username is already taken.' },
  PERSON_ALREADY_REGISTERED: {
    'zh-CN': '该身份证号已注册过账号，请直接登录。',
    en: 'An account already exists for this ID number. Please sign in.',
  },
  IDENTITY_VERIFICATION_FAILED: {
    'zh-CN': '实名核验未通过：姓名与身份证号不匹配。',
    en: 'Real-name verification failed: the name and ID number do not match.',
  },
  PERSON_NOT_FOUND: { 'zh-CN': '找不到该自然人。', en: 'Person not found.' },
  ENTERPRISE_NOT_FOUND: { 'zh-CN': '找不到该企业。', en: 'Enterprise not found.' },
  ENTERPRISE_LINK_NOT_FOUND: { 'zh-CN': '找不到该授权关系。', en: 'Authorisation not found.' },
  ENTERPRISE_LINK_EXISTS: {
    'zh-CN': '该人员已是本企业的有效代理人。',
    en: 'This person is already an active agent of the enterprise.',
  },
  SESSION_NOT_FOUND: { 'zh-CN': '找不到该登录会话。', en: 'Session not found.' },
  OFFICE_NOT_FOUND: { 'zh-CN': '找不到该部门窗口。', en: 'Office not found.' },
  PURPOSE_REQUIRED: {
    'zh-CN': '查阅个人信息须说明用途。',
    en: 'A purpose is required to read personal data.',
  },
  CATALOG_ENTRY_NOT_FOUND: { 'zh-CN': '找不到该事项。', en: 'Service not found.' },
  CATALOG_CODE_TAKEN: {
    'zh-CN': '事项编码 {code} 已被使用。',
    en: 'The service code {code} is already in use.',
  },
  CATALOG_IMMUTABLE_FIELD: {
    'zh-CN': '事项的编码、类型和所属部门创建后不能修改。',
    en: "A service's code, type and department cannot change after it is created.",
  },
  CATALOG_NO_DRAFT: { 'zh-CN': '该事项没有待发布的草稿。', en: 'This service has no draft to publish.' },
  CATALOG_NOT_PUBLISHED: { 'zh-CN': '该事项当前未发布。', en: 'This service is not published.' },
  FACILITY_NOT_FOUND: { 'zh-CN': '找不到该社区服务设施。', en: 'Facility not found.' },
  FACILITY_KEY_INVALID: {
    'zh-CN': '设施设备密钥缺失、无效或已被轮换作废。',
    en: 'The facility device key is missing, invalid or was revoked by a rotation.',
  },
};

/** Texts for validation problems (JSON Schema keywords and module rules), with {placeholders}. */
export const validationMessages: Record<string, Record<Locale, string>> = {
  // JSON Schema keywords: one table with the web app's form renderer (src/contracts).
  ...formValidationMessages,
  'enterprise.agentExpiry': {
    'zh-CN': '授权截止时间须为将来的时间，且不超过五年',
    en: 'The authorisation must end in the future, at most five years from now',
  },
  'catalog.promisedExceedsLegal': {
    'zh-CN': '承诺时限不能超过法定时限（{legal} 个工作日）',
    en: 'The promised time limit cannot exceed the legal one ({legal} working days)',
  },
  'catalog.formSchemaInvalid': {
    'zh-CN': '表单的 JSON Schema 无效：{reason}',
    en: 'The form JSON Schema is invalid: {reason}',
  },
  'catalog.uiOrderUnknownField': {
    'zh-CN': '字段顺序中的 {field} 不是表单中的字段',
    en: '{field} in the field order is not a field of the form',
  },
  'catalog.provincesRequired': {
    'zh-CN': '跨省通办须列出可通办的省份',
    en: 'Cross-province services must list the provinces',
  },
  'catalog.unknownDepartment': { 'zh-CN': '没有代码为 {code} 的部门', en: 'No department with code {code}' },
  'catalog.unknownMember': {
    'zh-CN': '成员事项 {code} 不存在或未发布',
    en: 'Member service {code} does not exist or is not published',
  },
  'calendar.invalidDate': { 'zh-CN': '{date} 不是有效的日期', en: '{date} is not a valid date' },
  'calendar.outsideYear': { 'zh-CN': '日期须在 {year} 年内', en: 'The date must be in {year}' },
  'calendar.duplicateDate': { 'zh-CN': '{date} 重复出现', en: '{date} is listed more than once' },
  'calendar.workdayNotWeekend': {
    'zh-CN': '调休上班日须为星期六或星期日',
    en: 'A make-up workday must be a Saturday or a Sunday',
  },
  'catalog.csvNewService': {
    'zh-CN': '没有编码为 {code} 的事项：新事项请用 JSON 格式导入（含办事指南、材料和表单）',
    en: 'No service {code}: new services are imported as JSON (with guide, materials and form)',
  },
  'catalog.unknownMemberField': {
    'zh-CN': '成员事项 {code} 的表单中没有字段 {field}',
    en: 'Member service {code} has no form field {field}',
  },
};

/** Fills {name} placeholders from params; unknown placeholders stay as written. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** A field-level validation message by key, in the caller's language. */
export function validationMessage(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = validationMessages[key] ?? validationMessages.default!;
  return interpolate(entry[locale], params);
}
