// Builders of demo form fields: each field is a JSON Schema property (title in Chinese,
// `x-title-en` in English) plus its UI hints; `form()` assembles a ServiceForm from them.
import type { FormUi, ServiceForm } from '../../src/contracts/catalog.ts';

export type Widget = NonNullable<FormUi['widgets']>[string];

/** One form field: its JSON Schema and its UI hints. */
export interface Field {
  name: string;
  schema: Record<string, unknown>;
  required: boolean;
  widget?: Widget;
  helpZh?: string;
  helpEn?: string;
  /** Register field that can prefill it, e.g. "population.name". */
  prefill?: string;
  /** The prefilled value may not be changed (the register is authoritative). */
  locked?: boolean;
}

export interface FieldOptions {
  optional?: boolean;
  helpZh?: string;
  helpEn?: string;
  prefill?: string;
  locked?: boolean;
  widget?: Widget;
}

type Extra = Record<string, unknown>;

function field(
  name: string,
  titleZh: string,
  titleEn: string,
  schema: Extra,
  options: FieldOptions = {},
  widget?: Widget,
): Field {
  const result: Field = {
    name,
    schema: { ...schema, title: titleZh, 'x-title-en': titleEn },
    required: !options.optional,
  };
  const chosenWidget = options.widget ?? widget;
  if (chosenWidget) result.widget = chosenWidget;
  if (options.helpZh) result.helpZh = options.helpZh;
  if (options.helpEn) result.helpEn = options.helpEn;
  if (options.prefill) result.prefill = options.prefill;
  if (options.prefill && options.locked) result.locked = true;
  return result;
}

/** An option of a select or radio field: value, Chinese label, English label. */
export type Choice = readonly [value: string, zh: string, en: string];

function choices(options: readonly Choice[]): Extra {
  return {
    type: 'string',
    enum: options.map((o) => o[0]),
    'x-enum-titles': options.map((o) => o[1]),
    'x-enum-titles-en': options.map((o) => o[2]),
  };
}

export const f = {
  text: (name: string, zh: string, en: string, options: FieldOptions & Extra = {}): Field => {
    const { optional, helpZh, helpEn, prefill, locked, widget, ...extra } = options;
    return field(
      name,
      zh,
      en,
      { type: 'string', minLength: 1, maxLength: 100, ...extra },
      { optional, helpZh, helpEn, prefill, locked, widget } as FieldOptions,
      'text',
    );
  },
  textarea: (name: string, zh: string, en: string, options: FieldOptions = {}): Field =>
    field(name, zh, en, { type: 'string', minLength: 1, maxLength: 1000 }, options, 'textarea'),
  integer: (name: string, zh: string, en: string, min: number, max: number, options: FieldOptions = {}) =>
    field(name, zh, en, { type: 'integer', minimum: min, maximum: max }, options, 'number'),
  /** An amount in yuan with two decimals (the stored money of applications is fen). */
  amount: (name: string, zh: string, en: string, max: number, options: FieldOptions = {}) =>
    field(name, zh, en, { type: 'number', minimum: 0, maximum: max, multipleOf: 0.01 }, options, 'number'),
  date: (name: string, zh: string, en: string, options: FieldOptions = {}): Field =>
    field(name, zh, en, { type: 'string', format: 'date' }, options, 'date'),
  select: (name: string, zh: string, en: string, options: readonly Choice[], o: FieldOptions = {}) =>
    field(name, zh, en, choices(options), o, 'select'),
  radio: (name: string, zh: string, en: string, options: readonly Choice[], o: FieldOptions = {}) =>
    field(name, zh, en, choices(options), o, 'radio'),
  checkbox: (name: string, zh: string, en: string, options: FieldOptions = {}): Field =>
    field(name, zh, en, { type: 'boolean' }, options, 'checkbox'),
  /** A promise the applicant must tick (告知承诺). */
  pledge: (
    name = 'pledge',
    zh = '本人承诺所填信息真实有效',
    en = 'I declare that the information is true',
  ): Field => field(name, zh, en, { type: 'boolean', const: true }, {}, 'checkbox'),
  email: (name = 'email', zh = '电子邮箱', en = 'Email', options: FieldOptions = {}): Field =>
    field(name, zh, en, { type: 'string', format: 'email', maxLength: 100 }, options, 'text'),

  // The applicant themself, prefilled from the population register.
  name: (name = 'applicantName', zh = '申请人姓名', en = 'Applicant name'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', minLength: 2, maxLength: 30 },
      { prefill: 'population.name', locked: true },
    ),
  idNumber: (name = 'idNumber', zh = '公民身份号码', en = 'Citizen ID number'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', format: 'cn-id-number' },
      {
        prefill: 'population.idNumber',
        locked: true,
        helpZh: '18位居民身份证号码',
        helpEn: 'The 18-character ID number',
      },
      'text',
    ),
  mobile: (name = 'mobile', zh = '联系电话', en = 'Mobile phone', options: FieldOptions = {}): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', format: 'cn-mobile' },
      {
        helpZh: '用于接收办理进度短信',
        helpEn: 'Progress messages are sent here',
        prefill: 'account.mobile',
        ...options,
      },
      'text',
    ),
  address: (name = 'address', zh = '居住地址', en = 'Residential address'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', minLength: 5, maxLength: 200 },
      { prefill: 'population.address' },
      'address',
    ),

  // Another person (spouse, child, deceased): never prefilled from the applicant's record.
  personName: (name: string, zh: string, en: string, options: FieldOptions = {}): Field =>
    field(name, zh, en, { type: 'string', minLength: 2, maxLength: 30 }, options, 'text'),
  personId: (name: string, zh: string, en: string, options: FieldOptions = {}): Field =>
    field(name, zh, en, { type: 'string', format: 'cn-id-number' }, options, 'text'),

  // The enterprise, prefilled from the enterprise register.
  enterpriseName: (name = 'enterpriseName', zh = '企业名称', en = 'Enterprise name'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', minLength: 4, maxLength: 100 },
      { prefill: 'enterprise.name', locked: true },
    ),
  uscc: (name = 'uscc', zh = '统一社会信用代码', en = 'Unified social credit code'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', format: 'cn-uscc' },
      {
        prefill: 'enterprise.uscc',
        locked: true,
        helpZh: '营业执照上的18位代码',
        helpEn: 'The 18-character code printed on the business licence',
      },
      'text',
    ),
  legalRep: (name = 'legalRepresentative', zh = '法定代表人', en = 'Legal representative'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', minLength: 2, maxLength: 30 },
      { prefill: 'enterprise.legalRepresentative' },
    ),
  enterpriseAddress: (
    name = 'enterpriseAddress',
    zh = '住所（经营场所）',
    en = 'Registered address',
  ): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', minLength: 5, maxLength: 200 },
      { prefill: 'enterprise.address' },
      'address',
    ),
  /** An address of premises not yet registered (a company being set up): never prefilled. */
  premises: (name: string, zh: string, en: string): Field =>
    field(name, zh, en, { type: 'string', minLength: 5, maxLength: 200 }, {}, 'address'),
  contactName: (name = 'contactName', zh = '联系人', en = 'Contact person'): Field =>
    field(name, zh, en, { type: 'string', minLength: 2, maxLength: 30 }, {}, 'text'),
  plate: (name = 'plateNumber', zh = '号牌号码', en = 'Plate number', options: FieldOptions = {}): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', pattern: '^[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}$' },
      {
        helpZh: '如：沪A12345；新能源车为6位',
        helpEn: 'e.g. 沪A12345; new-energy plates have six characters',
        ...options,
      },
      'text',
    ),
  projectName: (name = 'projectName', zh = '项目名称', en = 'Project name'): Field =>
    field(name, zh, en, { type: 'string', minLength: 4, maxLength: 100 }, {}, 'text'),
  projectCode: (name = 'projectCode', zh = '项目代码', en = 'Project code'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', pattern: '^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$' },
      {
        helpZh: '投资项目在线审批监管平台赋予的项目代码，如 2024-310109-47-01-123456',
        helpEn: 'The code from the investment project approval platform, e.g. 2024-310109-47-01-123456',
      },
      'text',
    ),
  bankAccount: (name = 'bankAccount', zh = '银行账号', en = 'Bank account number'): Field =>
    field(
      name,
      zh,
      en,
      { type: 'string', pattern: '^\\d{12,25}$' },
      {
        helpZh: '本人名下的一类银行账户（已预填社保卡金融账户，可改为其他账户）',
        helpEn:
          'A Type I account in your own name (prefilled with your social security card account; you may change it)',
        prefill: 'social_insurance.cardBankAccount',
      },
      'text',
    ),
};

/** Builds a form: a JSON Schema object of the fields, and UI hints in the given order. */
export function form(...fields: Field[]): ServiceForm {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const ui: FormUi = { order: [] };
  for (const item of fields) {
    if (item.name in properties) throw new Error(`duplicate form field ${item.name}`);
    properties[item.name] = item.schema;
    if (item.required) required.push(item.name);
    ui.order.push(item.name);
    if (item.widget) (ui.widgets ??= {})[item.name] = item.widget;
    if (item.helpZh) (ui.helpZh ??= {})[item.name] = item.helpZh;
    if (item.helpEn) (ui.helpEn ??= {})[item.name] = item.helpEn;
    if (item.prefill) (ui.prefill ??= {})[item.name] = item.prefill;
    if (item.locked) (ui.prefillLocked ??= []).push(item.name);
  }
  return {
    schema: { type: 'object', properties, required, additionalProperties: false },
    ui,
  };
}

export const GENDER: readonly Choice[] = [
  ['male', '男', 'Male'],
  ['female', '女', 'Female'],
];

export const COMPANY_TYPES: readonly Choice[] = [
  ['llc', '有限责任公司', 'Limited liability company'],
  ['joint_stock', '股份有限公司', 'Joint-stock company'],
  ['sole_proprietorship', '个人独资企业', 'Sole proprietorship'],
  ['partnership', '合伙企业', 'Partnership'],
];

/** Shanghai's 16 districts, for fields that ask where something is handled. */
export const DISTRICTS: readonly Choice[] = [
  ['huangpu', '黄浦区', 'Huangpu'],
  ['xuhui', '徐汇区', 'Xuhui'],
  ['changning', '长宁区', 'Changning'],
  ['jingan', '静安区', "Jing'an"],
  ['putuo', '普陀区', 'Putuo'],
  ['hongkou', '虹口区', 'Hongkou'],
  ['yangpu', '杨浦区', 'Yangpu'],
  ['minhang', '闵行区', 'Minhang'],
  ['baoshan', '宝山区', 'Baoshan'],
  ['jiading', '嘉定区', 'Jiading'],
  ['pudong', '浦东新区', 'Pudong New Area'],
  ['jinshan', '金山区', 'Jinshan'],
  ['songjiang', '松江区', 'Songjiang'],
  ['qingpu', '青浦区', 'Qingpu'],
  ['fengxian', '奉贤区', 'Fengxian'],
  ['chongming', '崇明区', 'Chongming'],
];

/** The three provinces of the Yangtze River Delta that share 跨省通办 with Shanghai. */
export const YRD_PROVINCES = ['江苏省', '浙江省', '安徽省'];

/** The applicant's relation to the person concerned (a deceased, a child, a spouse). */
export const RELATIONSHIP: readonly Choice[] = [
  ['spouse', '配偶', 'Spouse'],
  ['child', '子女', 'Child'],
  ['parent', '父母', 'Parent'],
  ['sibling', '兄弟姐妹', 'Sibling'],
  ['other', '其他近亲属', 'Other close relative'],
];

export const DISABILITY_LEVELS: readonly Choice[] = [
  ['1', '一级', 'Grade 1'],
  ['2', '二级', 'Grade 2'],
  ['3', '三级', 'Grade 3'],
  ['4', '四级', 'Grade 4'],
];

export const DELIVERY: readonly Choice[] = [
  ['post', '邮寄到家', 'Post to me'],
  ['pickup', '到窗口领取', 'Collect at the counter'],
];

/** 残疾人证号: the holder's ID number followed by the category (1–7) and grade (1–4) digits. */
export function disabilityCertField(options: FieldOptions = {}): Field {
  return f.text('disabilityCertNumber', '残疾人证号', 'Disability certificate number', {
    pattern: '^\\d{17}[\\dX][1-7][1-4]$',
    helpZh: '身份号码加两位类别、等级代码',
    helpEn: 'ID number followed by category and grade digits',
    ...options,
  });
}
