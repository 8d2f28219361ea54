import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../../contracts/form-ajv.ts';
import { makeIdNumber } from '../../contracts/id-number.ts';
import { translateValidation } from '../../server/platform/errors.ts';
import { checkForm } from './form-validator.ts';

const SCHEMA = {
  type: 'object',
  properties: {
    applicantName: { type: 'string', minLength: 2, maxLength: 30 },
    idNumber: { type: 'string', format: 'cn-id-number' },
    mobile: { type: 'string', format: 'cn-mobile' },
    uscc: { type: 'string', format: 'cn-uscc' },
    startDate: { type: 'string', format: 'date' },
    email: { type: 'string', format: 'email' },
    area: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01 },
    staff: { type: 'integer', minimum: 1 },
    kind: { type: 'string', enum: ['shop', 'stall'] },
    pledge: { type: 'boolean', const: true },
  },
  required: ['applicantName', 'idNumber', 'mobile', 'kind', 'pledge'],
  additionalProperties: false,
};

const BAD = {
  applicantName: '张',
  idNumber: '110105194912310021',
  mobile: '12345',
  uscc: '91310000MA1FL0000X',
  startDate: '2026-02-30',
  email: 'not-an-email',
  area: 19.999,
  staff: 'two',
  kind: 'house',
  pledge: false,
  extra: 1,
};

describe('the browser’s checks', () => {
  it('word every error exactly as the server does, in both languages', () => {
    const validate = createFormAjv().compile(SCHEMA);
    for (const data of [{}, BAD]) {
      expect(validate(data)).toBe(false);
      for (const language of ['zh-CN', 'en'] as const) {
        const server = translateValidation(validate.errors ?? [], language);
        const browser = checkForm(SCHEMA, data, language);
        expect(browser).toEqual({ status: 'checked', errors: server });
      }
    }
  });

  it('say which field is required, in Chinese and English', () => {
    const zh = checkForm(SCHEMA, {}, 'zh-CN');
    expect(zh.status === 'checked' && zh.errors).toEqual([
      { path: '/applicantName', message: '此项为必填项' },
      { path: '/idNumber', message: '此项为必填项' },
      { path: '/mobile', message: '此项为必填项' },
      { path: '/kind', message: '此项为必填项' },
      { path: '/pledge', message: '此项为必填项' },
    ]);
    const en = checkForm(SCHEMA, { pledge: false }, 'en');
    expect(en.status === 'checked' && en.errors).toContainEqual({
      path: '/pledge',
      message: 'Tick this box',
    });
    expect(en.status === 'checked' && en.errors).toContainEqual({
      path: '/applicantName',
      message: 'This field is required',
    });
  });

  it('know our formats and word them specifically', () => {
    const byPath = (language: 'zh-CN' | 'en') => {
      const result = checkForm(SCHEMA, BAD, language);
      return Object.fromEntries(
        result.status === 'checked' ? result.errors.map((e) => [e.path, e.message]) : [],
      );
    };
    expect(byPath('zh-CN')).toMatchObject({
      '/idNumber': '身份证号码无效（请核对18位号码及校验位）',
      '/mobile': '请输入11位手机号码',
      '/uscc': '统一社会信用代码无效（校验位不正确）',
      '/startDate': '请输入有效日期，例如 2026-03-01',
      '/email': '请输入有效的电子邮箱地址',
      '/area': '须为 0.01 的整数倍',
      '/staff': '请输入整数',
      '/kind': '取值不在允许范围内',
      '/pledge': '请勾选此项',
      '/applicantName': '至少需要 2 个字符',
    });
    expect(byPath('en')).toMatchObject({
      '/idNumber': 'Invalid resident ID number (check the 18 characters and the check digit)',
      '/mobile': 'Enter an 11-digit mobile number',
    });
    const good = checkForm(
      SCHEMA,
      {
        applicantName: '张三',
        idNumber: makeIdNumber('310109', '19850312', 101),
        mobile: '13800138000',
        kind: 'shop',
        pledge: true,
        area: 19.99,
      },
      'zh-CN',
    );
    expect(good).toEqual({ status: 'checked', errors: [] });
  });

  it('report a schema ajv cannot compile instead of throwing', () => {
    const result = checkForm({ type: 'object', properties: { a: { type: 'strnig' } } }, {}, 'zh-CN');
    expect(result.status).toBe('invalidSchema');
  });
});
