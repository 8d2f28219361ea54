// The words for JSON Schema validation errors, in both languages, shared by the server (every
// 400 VALIDATION_FAILED) and the web app's form renderer, so that a field error reads the same
// whether the browser or the server found it.

export type MessageLocale = 'zh-CN' | 'en';

/** Texts per error key, with {placeholders} filled from ajv's params. */
export const formValidationMessages: Record<string, Record<MessageLocale, string>> = {
  required: { 'zh-CN': '此项为必填项', en: 'This field is required' },
  minLength: { 'zh-CN': '至少需要 {limit} 个字符', en: 'Must be at least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', en: 'Must be at most {limit} characters' },
  pattern: { 'zh-CN': '格式不正确', en: 'The format is not valid' },
  format: { 'zh-CN': '格式不正确（应为 {format}）', en: 'The format is not valid (expected {format})' },
  type: { 'zh-CN': '类型不正确（应为 {type}）', en: 'Wrong type (expected {type})' },
  'type:number': { 'zh-CN': '请输入数字', en: 'Enter a number' },
  'type:integer': { 'zh-CN': '请输入整数', en: 'Enter a whole number' },
  enum: { 'zh-CN': '取值不在允许范围内', en: 'The value is not one of the allowed values' },
  const: { 'zh-CN': '取值不正确', en: 'The value is not allowed' },
  /** A box that must be ticked (`const: true`), e.g. the applicant's pledge. */
  'const:true': { 'zh-CN': '请勾选此项', en: 'Tick this box' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'Must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'Must be at most {limit}' },
  exclusiveMinimum: { 'zh-CN': '须大于 {limit}', en: 'Must be more than {limit}' },
  exclusiveMaximum: { 'zh-CN': '须小于 {limit}', en: 'Must be less than {limit}' },
  multipleOf: { 'zh-CN': '须为 {multipleOf} 的整数倍', en: 'Must be a multiple of {multipleOf}' },
  minItems: { 'zh-CN': '至少需要 {limit} 项', en: 'Needs at least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', en: 'At most {limit} items' },
  additionalProperties: {
    'zh-CN': '不允许的字段：{additionalProperty}',
    en: 'Unknown field: {additionalProperty}',
  },
  'format:cn-id-number': {
    'zh-CN': '身份证号码无效（请核对18位号码及校验位）',
    en: 'Invalid resident ID number (check the 18 characters and the check digit)',
  },
  'format:cn-mobile': { 'zh-CN': '请输入11位手机号码', en: 'Enter an 11-digit mobile number' },
  'format:cn-uscc': {
    'zh-CN': '统一社会信用代码无效（校验位不正确）',
    en: 'Invalid unified social credit code (bad check digit)',
  },
  'format:date': { 'zh-CN': '请输入有效日期，例如 2026-03-01', en: 'Enter a real date, e.g. 2026-03-01' },
  'format:email': {
    'zh-CN': '请输入有效的电子邮箱地址',
    en: 'Enter an email address, like name@example.com',
  },
  default: { 'zh-CN': '取值无效', en: 'The value is not valid' },
};

/** What the messages need of an ajv error (ajv's ErrorObject has it). */
export interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** A field error: a JSON pointer into the data ("/idNumber") and its message. */
export interface FieldMessage {
  path: string;
  message: string;
}

/** The table's key for an ajv error: the most specific one the table has. */
export function validationMessageKey(error: Pick<AjvErrorLike, 'keyword' | 'params'>): string {
  const refined =
    error.keyword === 'format'
      ? `format:${String(error.params['format'])}`
      : error.keyword === 'type'
        ? `type:${String(error.params['type'])}`
        : error.keyword === 'const' && error.params['allowedValue'] === true
          ? 'const:true'
          : error.keyword;
  if (refined in formValidationMessages) return refined;
  return error.keyword in formValidationMessages ? error.keyword : 'default';
}

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** One ajv error worded for people, in the given language. */
export function validationMessageFor(
  error: Pick<AjvErrorLike, 'keyword' | 'params'>,
  locale: MessageLocale,
): string {
  const entry = formValidationMessages[validationMessageKey(error)] ?? formValidationMessages['default']!;
  return fill(entry[locale], error.params);
}

/**
 * ajv errors as field errors: `required` points at the missing property itself, so that the
 * message lands on the field that is empty.
 */
export function translateAjvErrors(errors: readonly AjvErrorLike[], locale: MessageLocale): FieldMessage[] {
  return errors.map((error) => {
    const missing = error.params['missingProperty'];
    const path =
      error.keyword === 'required' && typeof missing === 'string'
        ? `${error.instancePath}/${missing}`
        : error.instancePath;
    return { path, message: validationMessageFor(error, locale) };
  });
}
