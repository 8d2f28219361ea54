import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLES, DEMO_SERVICES } from '../../../demo/catalog/index.ts';
import { describeForm, toFormData } from '../forms/form-model.ts';
import { checkFormData } from './service-form.ts';

const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名', 'x-title-en': 'Name', minLength: 2, maxLength: 30 },
    idNumber: { type: 'string', format: 'cn-id-number', title: '公民身份号码' },
    mobile: { type: 'string', format: 'cn-mobile', title: '联系电话' },
    startDate: { type: 'string', format: 'date', title: '开始日期' },
    area: { type: 'number', minimum: 0, maximum: 1000, title: '面积' },
    staff: { type: 'integer', minimum: 1, title: '人数' },
    kind: {
      type: 'string',
      enum: ['shop', 'stall'],
      'x-enum-titles': ['店铺', '摊位'],
      'x-enum-titles-en': ['Shop', 'Stall'],
      title: '类型',
    },
    agree: { type: 'boolean', const: true, title: '承诺' },
    hasBranch: { type: 'boolean', title: '有分支机构' },
  },
  required: ['name', 'idNumber', 'mobile', 'kind', 'agree'],
  additionalProperties: false,
};
const UI = {
  order: ['kind', 'name', 'idNumber'],
  widgets: { kind: 'select', name: 'checkbox' },
  helpEn: { mobile: 'For progress messages' },
  prefill: { name: 'population.name' },
};

describe('service form model', () => {
  it('lists the ui order first, then the rest, with titles, widgets and hints', () => {
    const model = describeForm(SCHEMA, UI);
    expect(model.fields.map((f) => f.name)).toEqual([
      'kind',
      'name',
      'idNumber',
      'mobile',
      'startDate',
      'area',
      'staff',
      'agree',
      'hasBranch',
    ]);
    const kind = model.fields[0];
    expect(kind?.widget).toBe('select');
    expect(kind?.options).toEqual([
      { value: 'shop', labelZh: '店铺', labelEn: 'Shop' },
      { value: 'stall', labelZh: '摊位', labelEn: 'Stall' },
    ]);
    const name = model.fields[1];
    // A checkbox cannot hold a name: the widget falls back to a text box.
    expect(name).toMatchObject({
      widget: 'text',
      titleEn: 'Name',
      prefill: 'population.name',
      isRequired: true,
    });
    expect(model.fields.find((f) => f.name === 'idNumber')?.titleEn).toBe('公民身份号码');
    expect(model.fields.find((f) => f.name === 'startDate')?.widget).toBe('date');
    expect(model.fields.find((f) => f.name === 'agree')).toMatchObject({
      widget: 'checkbox',
      isConsent: true,
    });
    expect(model.fields.find((f) => f.name === 'mobile')?.helpEn).toBe('For progress messages');
  });

  it('survives half-typed schemas and reports what it cannot show', () => {
    expect(describeForm(null, undefined)).toEqual({ fields: [], unsupported: [] });
    const model = describeForm(
      { type: 'object', properties: { list: { type: 'array' }, ok: { type: 'string' }, odd: 3 } },
      { order: 'name' },
    );
    expect(model.fields.map((f) => f.name)).toEqual(['ok']);
    expect(model.unsupported).toEqual(['list', 'odd']);
  });

  it('turns answers into JSON: empty left out, numbers as numbers, consent only when ticked', () => {
    const model = describeForm(SCHEMA, UI);
    expect(
      toFormData(model, {
        name: ' 张三 ',
        area: '12.5',
        staff: 'three',
        kind: 'stall',
        agree: false,
        mobile: '',
      }),
    ).toEqual({ name: '张三', area: 12.5, staff: 'three', kind: 'stall', hasBranch: false });
  });
});

describe('service form checks', () => {
  const model = describeForm(SCHEMA, UI);
  const check = (values: Record<string, string | boolean>) =>
    checkFormData(SCHEMA, model, toFormData(model, values));

  it('accepts a complete, valid answer', () => {
    expect(
      check({
        kind: 'shop',
        name: '张三',
        idNumber: '11010519491231002X',
        mobile: '13800138000',
        startDate: '2026-03-01',
        area: '12.5',
        staff: '3',
        agree: true,
      }),
    ).toEqual({ status: 'checked', problems: [] });
  });

  it('names each problem once per field, in form order, as translation keys', () => {
    const result = check({
      name: '张',
      idNumber: '110105194912310021',
      mobile: '12345',
      startDate: '2026-02-30',
      area: '2000',
      staff: '1.5',
    });
    expect(result).toEqual({
      status: 'checked',
      problems: [
        { field: 'kind', key: 'required', params: {} },
        { field: 'name', key: 'minLength', params: { limit: 2 } },
        { field: 'idNumber', key: 'formatIdNumber', params: {} },
        { field: 'mobile', key: 'formatMobile', params: {} },
        { field: 'startDate', key: 'formatDate', params: {} },
        { field: 'area', key: 'maximum', params: { limit: 1000 } },
        { field: 'staff', key: 'integer', params: {} },
        { field: 'agree', key: 'consent', params: {} },
      ],
    });
  });

  it('says when the schema itself cannot be compiled', () => {
    const broken = { type: 'object', properties: { a: { type: 'strin' } } };
    expect(checkFormData(broken, describeForm(broken, {}), {}).status).toBe('invalidSchema');
  });

  it('renders and checks every demo form without surprises', () => {
    for (const entry of [...DEMO_SERVICES, ...DEMO_BUNDLES]) {
      const form = describeForm(entry.form.schema, entry.form.ui);
      expect(form.unsupported, entry.code).toEqual([]);
      expect(form.fields.length, entry.code).toBeGreaterThan(0);
      const result = checkFormData(entry.form.schema, form, {});
      expect(result.status, entry.code).toBe('checked');
    }
  });
});
