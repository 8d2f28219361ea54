import type { ModuleErrorTable } from '../../../platform/module-errors.ts';

/** The open platform webhooks' own error codes (documented in docs/errors/webhooks.md). */
export const webhookErrors = {
  WEBHOOK_APP_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该应用，或您不是它的负责人',
    en: 'No such app, or you do not own it',
  },
  WEBHOOK_NOT_FOUND: {
    status: 404,
    'zh-CN': '该应用尚未设置事件推送',
    en: 'The app has no webhook subscription',
  },
  WEBHOOK_URL_INVALID: {
    status: 422,
    'zh-CN': '推送地址不可用：{reason}',
    en: 'The webhook URL cannot be used: {reason}',
  },
  WEBHOOK_EVENT_NOT_ALLOWED: {
    status: 422,
    'zh-CN': '该应用获批的权限范围不包括这些事件：{events}',
    en: "The app's approved scopes do not cover these events: {events}",
  },
  WEBHOOK_DELIVERY_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该推送记录',
    en: 'No such delivery',
  },
  WEBHOOK_DELIVERY_PENDING: {
    status: 409,
    'zh-CN': '该推送仍在尝试中，请等它结束后再重新推送',
    en: 'The delivery is still being tried; redeliver it once it has finished',
  },
} satisfies ModuleErrorTable;
