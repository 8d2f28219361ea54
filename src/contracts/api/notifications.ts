// The inbox (站内消息) and e-mail settings API: the schemas the routes declare and the types of
// their answers, which the web client imports (`import type`, so no schema code reaches it).
import { Type, type Static } from 'typebox';

export const EmailStatusSchema = Type.Unsafe<'none' | 'queued' | 'sent' | 'failed' | 'not_configured'>({
  type: 'string',
  enum: ['none', 'queued', 'sent', 'failed', 'not_configured'],
});
export const MailLanguageSchema = Type.Unsafe<'zh-CN' | 'en'>({ type: 'string', enum: ['zh-CN', 'en'] });

export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'what happened, e.g. `application.submitted`' }),
  title: Type.String({ description: "in the caller's language (Accept-Language)" }),
  body: Type.String(),
  link: Type.Union([Type.String({ description: 'an app path, e.g. `/applications/<id>`' }), Type.Null()]),
  object: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
  emailStatus: EmailStatusSchema,
});

export const InboxQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'only unread notifications' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const InboxSchema = Type.Object({
  items: Type.Array(NotificationSchema),
  total: Type.Integer({ description: 'how many match the filter' }),
  unreadCount: Type.Integer(),
});

export const UnreadCountSchema = Type.Object({ unreadCount: Type.Integer() });

export const NotificationIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const NotificationSettingsSchema = Type.Object({
  email: Type.Union([Type.String(), Type.Null()]),
  emailConfirmed: Type.Boolean(),
  emailEnabled: Type.Boolean(),
  language: MailLanguageSchema,
  mailConfigured: Type.Boolean({ description: 'whether this platform sends e-mail at all' }),
});

export const NotificationSettingsBody = Type.Object(
  {
    email: Type.Optional(
      Type.String({ format: 'email', maxLength: 254, description: 'omit for no e-mail address' }),
    ),
    emailEnabled: Type.Boolean(),
    language: MailLanguageSchema,
  },
  { additionalProperties: false },
);

export const ConfirmEmailBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export type EmailStatus = Static<typeof EmailStatusSchema>;
export type MailLanguage = Static<typeof MailLanguageSchema>;
export type NotificationItem = Static<typeof NotificationSchema>;
export type Inbox = Static<typeof InboxSchema>;
export type NotificationSettings = Static<typeof NotificationSettingsSchema>;
export type NotificationSettingsInput = Static<typeof NotificationSettingsBody>;
