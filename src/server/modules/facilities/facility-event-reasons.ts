import type { Locale } from '../../platform/i18n/locale.ts';
import { interpolate } from '../../platform/i18n/messages.ts';

/** Why one event of a batch was refused, in both languages (placeholders in braces). */
export const EVENT_REJECTION_REASONS = {
  NOT_AN_OBJECT: { 'zh-CN': '事件必须是一个 JSON 对象。', en: 'An event must be a JSON object.' },
  EVENT_ID_INVALID: {
    'zh-CN': 'eventId 必填，1–100 个字母、数字或 . _ : -。',
    en: 'eventId is required: 1–100 letters, digits or . _ : -.',
  },
  KIND_UNKNOWN: {
    'zh-CN': '未知的事件类型“{kind}”。',
    en: 'Unknown event kind "{kind}".',
  },
  OCCURRED_AT_INVALID: {
    'zh-CN': 'occurredAt 必须是带时区的 ISO-8601 时间。',
    en: 'occurredAt must be an ISO-8601 time with a time zone.',
  },
  OCCURRED_AT_FUTURE: {
    'zh-CN': 'occurredAt 晚于接收时间，请校准设备时钟。',
    en: "occurredAt is in the future; check the device's clock.",
  },
  FACILITY_MISMATCH: {
    'zh-CN': '该设备密钥只能上报本设施（{facility}）的事件。',
    en: 'This device key may only report events of its own facility ({facility}).',
  },
  FIELD_INVALID: { 'zh-CN': '字段 {field} 的值无效。', en: 'The value of {field} is invalid.' },
  FIELD_UNKNOWN: {
    'zh-CN': '事件类型不接受字段 {field}。',
    en: 'This kind of event does not take the field {field}.',
  },
  SERVICE_UNKNOWN: { 'zh-CN': '未知的服务项目“{service}”。', en: 'Unknown service "{service}".' },
  TERMINAL_UNKNOWN: {
    'zh-CN': '终端 {terminal} 不属于本设施。',
    en: 'Terminal {terminal} is not installed at this facility.',
  },
  DEVICE_ID_NOT_PSEUDONYMOUS: {
    'zh-CN': 'deviceId 必须是假名化标识，不能是身份证号或手机号。',
    en: 'deviceId must be a pseudonym, not an ID number or a phone number.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type EventRejectionCode = keyof typeof EVENT_REJECTION_REASONS;

export function rejectionMessage(code: EventRejectionCode, locale: Locale, params: Record<string, unknown>) {
  return interpolate(EVENT_REJECTION_REASONS[code][locale], params);
}
