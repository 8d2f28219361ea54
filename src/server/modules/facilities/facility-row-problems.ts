// Why a row of a facilities CSV is refused, in both languages. The CLI reports the English text;
// the operator console shows the caller's language.
import type { Locale } from '../../platform/i18n/locale.ts';
import { interpolate } from '../../platform/i18n/messages.ts';

export const ROW_PROBLEMS = {
  CODE_INVALID: {
    en: 'code must be 2–40 letters, digits, "-" or "_"',
    'zh-CN': '设施编码须为 2–40 个字母、数字、“-”或“_”',
  },
  NAME_INVALID: { en: 'name is empty or longer than 100 characters', 'zh-CN': '名称为空或超过 100 个字' },
  NAME_TYPE_UNKNOWN: { en: 'unknown name_type "{value}"', 'zh-CN': '未知的名称类型“{value}”' },
  TIER_INVALID: { en: 'tier must be street, area or village', 'zh-CN': '层级须为 street、area 或 village' },
  DISTRICT_UNKNOWN: { en: 'unknown district "{value}"', 'zh-CN': '未知的区“{value}”' },
  STREET_UNKNOWN: { en: 'unknown street "{value}"', 'zh-CN': '未知的街道（镇）“{value}”' },
  STREET_NOT_IN_DISTRICT: {
    en: 'street "{value}" is not in that district',
    'zh-CN': '街道（镇）“{value}”不属于该区',
  },
  ADDRESS_INVALID: {
    en: 'address is empty or longer than 200 characters',
    'zh-CN': '地址为空或超过 200 个字',
  },
  COORDINATE_INVALID: {
    en: '{field} must be a number between {min} and {max}',
    'zh-CN': '{field} 须为 {min} 到 {max} 之间的数字',
  },
  YEAR_INVALID: { en: '{field} must be a four-digit year', 'zh-CN': '{field} 须为四位数年份' },
  YEAR_OUT_OF_RANGE: {
    en: '{field} {value} is outside 1949–{max}',
    'zh-CN': '{field} {value} 不在 1949–{max} 之间',
  },
  RENOVATED_BEFORE_BUILT: {
    en: 'renovated_year is before built_year',
    'zh-CN': '改造年份早于建成年份',
  },
  OPERATOR_MODEL_INVALID: {
    en: 'operator_model must be self or purchased',
    'zh-CN': '运营方式须为 self（自营）或 purchased（购买服务）',
  },
  OPERATOR_NAME_MISSING: {
    en: 'a purchased service needs its operator_name',
    'zh-CN': '购买服务的设施须填写运营机构名称',
  },
  SERVICE_UNKNOWN: { en: 'unknown service "{value}"', 'zh-CN': '未知的服务项目“{value}”' },
  SERVICE_REPEATED: { en: 'a service is listed twice', 'zh-CN': '服务项目重复' },
  OPENING_HOURS_INVALID: { en: 'opening_hours: {detail}', 'zh-CN': '开放时间格式有误：{detail}' },
  FIELD_COUNT: {
    en: 'has {fields} fields, the header {columns}',
    'zh-CN': '本行有 {fields} 个字段，表头有 {columns} 个',
  },
  NOT_YOUR_STREET: { en: 'not your street', 'zh-CN': '不是您所在街道的设施' },
  CODE_REPEATED: {
    en: 'code repeated (first on line {line})',
    'zh-CN': '设施编码重复（首次出现在第 {line} 行）',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type RowProblemCode = keyof typeof ROW_PROBLEMS;

export interface RowProblem {
  code: RowProblemCode;
  params?: Record<string, string | number>;
}

export function rowProblemText(problem: RowProblem, locale: Locale): string {
  return interpolate(ROW_PROBLEMS[problem.code][locale], problem.params ?? {});
}
