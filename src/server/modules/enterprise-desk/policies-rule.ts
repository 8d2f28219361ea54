// The eligibility rule language of the policy library (政策找企业): rules are data, never code.
// A rule is `{ all: [...] }`, `{ any: [...] }`, `{ not: rule }` or a condition
// `{ field, op, value }` over the named enterprise facts below. The shape is a JSON Schema checked
// by the project's ajv set-up (createFormAjv); the meaning (known field, value of the field's
// type, allowed options) by `ruleProblems`. `evaluateRule` is a pure function: no eval, no I/O.
import type { ErrorObject } from 'ajv';
import type { Rule, RuleCondition, RuleOp, RuleValue } from '../../../contracts/api/desk-policies.ts';
import { createFormAjv } from '../../../contracts/form-ajv.ts';
import type { Locale } from '../../platform/i18n/locale.ts';

export type { Rule, RuleCondition, RuleOp, RuleValue };

export const RULE_OPS: readonly RuleOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin'];
const ORDERING_OPS = new Set<RuleOp>(['lt', 'lte', 'gt', 'gte']);
const LIST_OPS = new Set<RuleOp>(['in', 'nin']);
export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_NODES = 100;

/** One enterprise fact a rule may name: its type and, for closed vocabularies, the options. */
export interface PolicyField {
  name: string;
  type: 'string' | 'integer';
  options?: readonly string[];
  pattern?: RegExp;
  nameZh: string;
  nameEn: string;
}

/**
 * The facts rules may use. `district`/`street` come from the enterprise's record; the others from
 * the enterprise register (法人库) through the sharing gateway; `ageYears` is whole years since
 * `establishedOn` on the day of evaluation. "Tax band" is a range over `annualTaxPaidWan`.
 */
export const POLICY_FIELDS: readonly PolicyField[] = [
  { name: 'district', type: 'string', pattern: /^\d{6}$/, nameZh: '所在区', nameEn: 'District' },
  { name: 'street', type: 'string', pattern: /^\d{9}$/, nameZh: '所在街镇', nameEn: 'Street or town' },
  { name: 'industry', type: 'string', nameZh: '行业', nameEn: 'Industry' },
  {
    name: 'sizeClass',
    type: 'string',
    options: ['micro', 'small', 'medium', 'large'],
    nameZh: '企业规模',
    nameEn: 'Size',
  },
  {
    name: 'companyType',
    type: 'string',
    options: ['llc', 'joint_stock', 'sole_proprietorship', 'partnership'],
    nameZh: '企业类型',
    nameEn: 'Company type',
  },
  { name: 'employees', type: 'integer', nameZh: '从业人数', nameEn: 'Headcount' },
  { name: 'ageYears', type: 'integer', nameZh: '成立年限（年）', nameEn: 'Age (years)' },
  {
    name: 'registeredCapitalWan',
    type: 'integer',
    nameZh: '注册资本（万元）',
    nameEn: 'Registered capital (10k yuan)',
  },
  {
    name: 'annualTaxPaidWan',
    type: 'integer',
    nameZh: '上年度纳税额（万元）',
    nameEn: 'Tax paid last year (10k yuan)',
  },
  {
    name: 'taxCreditRating',
    type: 'string',
    options: ['A', 'B', 'M', 'C', 'D'],
    nameZh: '纳税信用等级',
    nameEn: 'Tax credit rating',
  },
];
const FIELDS = new Map(POLICY_FIELDS.map((field) => [field.name, field]));

/** The enterprise facts a rule is evaluated over (absent facts are left out). */
export type EnterpriseFacts = Record<string, string | number>;

const scalar = { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'number' }] };
/** The rule's shape as JSON Schema (recursive through `$defs`). */
export const RULE_JSON_SCHEMA = {
  $id: 'tongban:desk-policy-rule',
  $ref: '#/$defs/rule',
  $defs: {
    rule: {
      oneOf: [
        {
          type: 'object',
          required: ['all'],
          additionalProperties: false,
          properties: { all: { type: 'array', maxItems: 50, items: { $ref: '#/$defs/rule' } } },
        },
        {
          type: 'object',
          required: ['any'],
          additionalProperties: false,
          properties: { any: { type: 'array', maxItems: 50, items: { $ref: '#/$defs/rule' } } },
        },
        {
          type: 'object',
          required: ['not'],
          additionalProperties: false,
          properties: { not: { $ref: '#/$defs/rule' } },
        },
        {
          type: 'object',
          required: ['field', 'op', 'value'],
          additionalProperties: false,
          properties: {
            field: { type: 'string', minLength: 1, maxLength: 60 },
            op: { type: 'string', enum: [...RULE_OPS] },
            value: { anyOf: [scalar, { type: 'array', minItems: 1, maxItems: 100, items: scalar }] },
          },
        },
      ],
    },
  },
} as const;

const ajv = createFormAjv();
const checkShape = ajv.compile(RULE_JSON_SCHEMA);

export interface RuleProblem {
  /** JSON pointer into the rule, e.g. `/all/1/value`. */
  path: string;
  message: string;
}

const MESSAGES = {
  shape: {
    'zh-CN': '规则格式不正确：须为 all、any、not 或 {field, op, value} 条件',
    en: 'The rule is malformed: use all, any, not or a {field, op, value} condition',
  },
  depth: {
    'zh-CN': `规则嵌套不能超过 ${MAX_RULE_DEPTH} 层`,
    en: `Rules nest at most ${MAX_RULE_DEPTH} levels deep`,
  },
  size: {
    'zh-CN': `规则最多 ${MAX_RULE_NODES} 个节点`,
    en: `A rule has at most ${MAX_RULE_NODES} parts`,
  },
  unknownField: { 'zh-CN': '未知字段「{field}」', en: 'Unknown field "{field}"' },
  listNeeded: {
    'zh-CN': '「{op}」的值须为列表',
    en: 'The value of "{op}" must be a list',
  },
  scalarNeeded: {
    'zh-CN': '「{op}」的值须为单个值',
    en: 'The value of "{op}" must be a single value',
  },
  integerNeeded: {
    'zh-CN': '字段「{field}」的值须为整数',
    en: 'Values of "{field}" must be whole numbers',
  },
  stringNeeded: {
    'zh-CN': '字段「{field}」的值须为文字',
    en: 'Values of "{field}" must be text',
  },
  notOrdered: {
    'zh-CN': '字段「{field}」不能比较大小',
    en: '"{field}" cannot be compared as larger or smaller',
  },
  badOption: {
    'zh-CN': '字段「{field}」没有取值「{value}」（可选：{options}）',
    en: '"{field}" has no value "{value}" (options: {options})',
  },
  badPattern: {
    'zh-CN': '字段「{field}」的取值「{value}」格式不正确',
    en: 'The value "{value}" of "{field}" is not well-formed',
  },
} satisfies Record<string, Record<Locale, string>>;

function message(key: keyof typeof MESSAGES, locale: Locale, params: Record<string, string> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** Everything wrong with a rule, shape first; an empty list means it may be saved. */
export function ruleProblems(input: unknown, locale: Locale): RuleProblem[] {
  if (!checkShape(input)) {
    const first = (checkShape.errors ?? [])[0] as ErrorObject | undefined;
    return [{ path: first?.instancePath ?? '', message: message('shape', locale) }];
  }
  const problems: RuleProblem[] = [];
  let nodes = 0;
  const visit = (rule: Rule, path: string, depth: number) => {
    nodes += 1;
    if (depth > MAX_RULE_DEPTH) {
      problems.push({ path, message: message('depth', locale) });
      return;
    }
    if ('all' in rule) rule.all.forEach((inner, index) => visit(inner, `${path}/all/${index}`, depth + 1));
    else if ('any' in rule)
      rule.any.forEach((inner, index) => visit(inner, `${path}/any/${index}`, depth + 1));
    else if ('not' in rule) visit(rule.not, `${path}/not`, depth + 1);
    else problems.push(...conditionProblems(rule, path, locale));
  };
  visit(input as Rule, '', 1);
  if (nodes > MAX_RULE_NODES) problems.unshift({ path: '', message: message('size', locale) });
  return problems;
}

function conditionProblems(condition: RuleCondition, path: string, locale: Locale): RuleProblem[] {
  const field = FIELDS.get(condition.field);
  if (!field)
    return [{ path: `${path}/field`, message: message('unknownField', locale, { field: condition.field }) }];
  const params = { field: condition.field, op: condition.op };
  const isList = Array.isArray(condition.value);
  if (LIST_OPS.has(condition.op) !== isList)
    return [
      {
        path: `${path}/value`,
        message: message(isList ? 'scalarNeeded' : 'listNeeded', locale, params),
      },
    ];
  if (ORDERING_OPS.has(condition.op) && field.type !== 'integer')
    return [{ path: `${path}/op`, message: message('notOrdered', locale, params) }];
  const values = isList ? (condition.value as (string | number)[]) : [condition.value as string | number];
  for (const value of values) {
    if (field.type === 'integer' && !Number.isInteger(value))
      return [{ path: `${path}/value`, message: message('integerNeeded', locale, params) }];
    if (field.type === 'string' && typeof value !== 'string')
      return [{ path: `${path}/value`, message: message('stringNeeded', locale, params) }];
    if (field.options && !field.options.includes(String(value)))
      return [
        {
          path: `${path}/value`,
          message: message('badOption', locale, {
            ...params,
            value: String(value),
            options: field.options.join(', '),
          }),
        },
      ];
    if (field.pattern && !field.pattern.test(String(value)))
      return [
        {
          path: `${path}/value`,
          message: message('badPattern', locale, { ...params, value: String(value) }),
        },
      ];
  }
  return [];
}

function compare(op: RuleOp, actual: string | number | undefined, expected: RuleValue): boolean {
  // A condition on a fact the register does not hold is false (and `not` of it true): an
  // enterprise is never granted a benefit on a value nobody knows.
  if (actual === undefined) return false;
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'lt':
      return typeof actual === 'number' && actual < (expected as number);
    case 'lte':
      return typeof actual === 'number' && actual <= (expected as number);
    case 'gt':
      return typeof actual === 'number' && actual > (expected as number);
    case 'gte':
      return typeof actual === 'number' && actual >= (expected as number);
    case 'in':
      return (expected as (string | number)[]).includes(actual);
    case 'nin':
      return !(expected as (string | number)[]).includes(actual);
  }
}

/** Whether the facts satisfy the rule (a valid rule; see ruleProblems). `all: []` holds, `any: []` not. */
export function evaluateRule(rule: Rule, facts: EnterpriseFacts): boolean {
  if ('all' in rule) return rule.all.every((inner) => evaluateRule(inner, facts));
  if ('any' in rule) return rule.any.some((inner) => evaluateRule(inner, facts));
  if ('not' in rule) return !evaluateRule(rule.not, facts);
  return compare(rule.op, facts[rule.field], rule.value);
}

/** The fields a rule names, in first-use order (what the matcher reads and records). */
export function ruleFields(rule: Rule): string[] {
  const seen = new Set<string>();
  const visit = (inner: Rule) => {
    if ('all' in inner) inner.all.forEach(visit);
    else if ('any' in inner) inner.any.forEach(visit);
    else if ('not' in inner) visit(inner.not);
    else seen.add(inner.field);
  };
  visit(rule);
  return [...seen];
}

/** Whole years from `establishedOn` (YYYY-MM-DD) to `on` (an ISO date or timestamp). */
export function ageInYears(establishedOn: string, on: string): number {
  const [y1, m1, d1] = establishedOn.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.slice(0, 10).split('-').map(Number) as [number, number, number];
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years -= 1;
  return Math.max(0, years);
}
