import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The notifications module's error codes (documented in docs/errors/notifications.md). */
export const notificationsErrors = {
  NOTIFICATION_NOT_FOUND: { status: 404, 'zh-CN': '找不到该消息。', en: 'Notification not found.' },
  NOTIFICATION_CONFIRMATION_INVALID: {
    status: 400,
    'zh-CN': '确认链接无效或已过期，请在消息设置中重新保存邮箱以获取新的确认邮件。',
    en: 'The confirmation link is invalid or has expired. Save your e-mail address again in the notification settings to get a new one.',
  },
} satisfies ModuleErrorTable;
