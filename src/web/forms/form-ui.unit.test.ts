import { describe, expect, it } from 'vitest';
import { describeForm } from './form-model.ts';
import {
  anchorElementId,
  effectiveFormData,
  fieldOfPath,
  mergeErrors,
  renderSchema,
  sortErrors,
  toErrorSchema,
  toUiSchema,
} from './form-ui.ts';
import { parseNumber } from './widgets.tsx';

const SCHEMA = {
  type: 'object',
  properties: {
    applicantName: { type: 'string', title: '申请人姓名', 'x-title-en': 'Applicant name', minLength: 2 },
    idNumber: { type: 'string', format: 'cn-id-number', title: '公民身份号码' },
    kind: {
      type: 'string',
      enum: ['shop', 'stall'],
      'x-enum-titles': ['店铺', '摊位'],
      'x-enum-titles-en': ['Shop', 'Stall'],
      title: '类型',
      'x-title-en': 'Kind',
    },
    area: { type: 'number', minimum: 0, multipleOf: 0.01, title: '面积', 'x-title-en': 'Area' },
    pledge: { type: 'boolean', const: true, title: '承诺', 'x-title-en': 'Pledge' },
    branches: { type: 'array', items: { type: 'string' }, title: '分支' },
  },
  required: ['applicantName', 'idNumber', 'kind', 'pledge'],
};
const UI = {
  order: ['kind', 'applicantName'],
  widgets: { kind: 'radio', applicantName: 'checkbox', area: 'number' },
  helpZh: { idNumber: '18位' },
  prefill: { applicantName: 'population.name' },
};
const model = describeForm(SCHEMA, UI);

describe('FormUi → rjsf uiSchema', () => {
  it('orders the fields as the ui asks, then the rest; unsupported ones are left out', () => {
    expect(model.fields.map((field) => field.name)).toEqual([
      'kind',
      'applicantName',
      'idNumber',
      'area',
      'pledge',
    ]);
    expect(model.unsupported).toEqual(['branches']);
    const ui = toUiSchema(model, { language: 'zh-CN', readOnlyFields: new Set(), isReadOnly: false });
    expect(ui['ui:order']).toEqual(['kind', 'applicantName', 'idNumber', 'area', 'pledge']);
    expect(ui['ui:submitButtonOptions']).toEqual({ norender: true });
  });

  it('names our widget per field (a widget that does not fit the type falls back) and titles by language', () => {
    const zh = toUiSchema(model, { language: 'zh-CN', readOnlyFields: new Set(), isReadOnly: false });
    expect(zh['kind']).toEqual({ 'ui:widget': 'radio', 'ui:title': '类型' });
    expect(zh['applicantName']).toEqual({ 'ui:widget': 'text', 'ui:title': '申请人姓名' });
    expect(zh['area']).toEqual({ 'ui:widget': 'number', 'ui:title': '面积' });
    expect(zh['pledge']).toEqual({ 'ui:widget': 'checkbox', 'ui:title': '承诺' });
    const en = toUiSchema(model, {
      language: 'en',
      readOnlyFields: new Set(['idNumber']),
      isReadOnly: false,
    });
    expect(en['applicantName']).toMatchObject({ 'ui:title': 'Applicant name' });
    // No English title: the Chinese one stands.
    expect(en['idNumber']).toEqual({ 'ui:widget': 'text', 'ui:title': '公民身份号码', 'ui:readonly': true });
    const readOnly = toUiSchema(model, { language: 'en', readOnlyFields: new Set(), isReadOnly: true });
    expect(readOnly['kind']).toMatchObject({ 'ui:readonly': true });
  });

  it('hands rjsf a plain schema of the supported fields, with what widgets need', () => {
    const shown = renderSchema(SCHEMA, model);
    expect(Object.keys(shown['properties'] as object)).toEqual([
      'kind',
      'applicantName',
      'idNumber',
      'area',
      'pledge',
    ]);
    expect((shown['properties'] as Record<string, unknown>)['kind']).toEqual({
      type: 'string',
      enum: ['shop', 'stall'],
      'x-enum-titles': ['店铺', '摊位'],
      'x-enum-titles-en': ['Shop', 'Stall'],
    });
    expect(shown['required']).toEqual(['kind', 'applicantName', 'idNumber', 'pledge']);
    // Half-typed JSON in the editor still gives rjsf something it can render.
    expect(renderSchema('{ "type": ', describeForm('{ "type": ', {}))).toEqual({
      type: 'object',
      properties: {},
      required: [],
    });
  });

  it('links a radio group’s summary entry to its first option', () => {
    const [kind, name] = model.fields;
    expect(anchorElementId(kind!, 'svc')).toBe('svc-kind-0');
    expect(anchorElementId(name!, 'svc')).toBe('svc-applicantName');
  });
});

describe('the data the form shows', () => {
  const prefill = {
    applicantName: { value: '张三', sourceZh: '公安户籍', sourceEn: 'Household register', locked: true },
    idNumber: {
      value: '310109198503121014',
      sourceZh: '公安户籍',
      sourceEn: 'Household register',
      locked: false,
    },
  };

  it('fills prefills (locked ones always win), and answers unticked boxes with false', () => {
    expect(effectiveFormData(model, { applicantName: '李四', idNumber: '1' }, prefill)).toEqual({
      applicantName: '张三',
      idNumber: '1',
      pledge: false,
    });
    expect(effectiveFormData(model, {}, prefill)).toEqual({
      applicantName: '张三',
      idNumber: '310109198503121014',
      pledge: false,
    });
  });

  it('reads typed numbers as numbers, and anything else as the text (so `type` reports it)', () => {
    expect(parseNumber('1,200.50')).toBe(1200.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('12.')).toBe('12.');
    expect(parseNumber('十二')).toBe('十二');
    expect(parseNumber('  ')).toBeUndefined();
  });
});

describe('server error paths → fields', () => {
  it('reads the first segment of a JSON pointer, unescaped', () => {
    expect(fieldOfPath('/applicantName')).toBe('applicantName');
    expect(fieldOfPath('/address/street')).toBe('address');
    expect(fieldOfPath('/a~1b~0c')).toBe('a/b~c');
    expect(fieldOfPath('')).toBeNull();
  });

  it('puts each error on its field and the rest on the whole form, without repeats', () => {
    const sorted = sortErrors(
      [
        { path: '/idNumber', message: '身份证号码无效' },
        { path: '/idNumber', message: '身份证号码无效' },
        { path: '/kind', message: '此项为必填项' },
        { path: '/unknown', message: '不允许的字段' },
        { path: '', message: 'Body too large' },
      ],
      model,
    );
    expect(sorted.byField).toEqual(
      new Map([
        ['idNumber', ['身份证号码无效']],
        ['kind', ['此项为必填项']],
      ]),
    );
    expect(sorted.general).toEqual(['不允许的字段', 'Body too large']);
    const merged = mergeErrors(sorted, sortErrors([{ path: '/kind', message: 'x' }], model));
    expect(merged.byField.get('kind')).toEqual(['此项为必填项', 'x']);
    expect(toErrorSchema(merged.byField)).toEqual({
      idNumber: { __errors: ['身份证号码无效'] },
      kind: { __errors: ['此项为必填项', 'x'] },
    });
  });
});
