import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import {
  confirmNotificationEmail,
  getNotificationSettings,
  saveNotificationSettings,
} from './notification-settings.service.ts';
import {
  countOwnUnread,
  listOwnNotifications,
  markAllOwnNotificationsRead,
  markOwnNotificationRead,
} from './notifications.service.ts';
import {
  ConfirmEmailBody,
  InboxQuery,
  InboxSchema,
  NotificationIdParams,
  NotificationSchema,
  NotificationSettingsBody,
  NotificationSettingsSchema,
  UnreadCountSchema,
} from '../../../contracts/api/notifications.ts';

/** The signed-in user's own inbox (站内消息) and e-mail settings; every kind of account has them. */
export const notificationsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const mailConfigured = deps.config.smtpUrl !== undefined;

  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the number unread',
        querystring: InboxQuery,
        response: { 200: InboxSchema },
      },
    },
    async (request) =>
      listOwnNotifications(
        db,
        requirePrincipal(request),
        {
          isUnreadOnly: request.query.unread ?? false,
          limit: request.query.limit ?? 20,
          offset: request.query.offset ?? 0,
        },
        pickLocale(request.headers['accept-language']),
      ),
  );

  app.get(
    '/api/v1/me/notifications/unread-count',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread (for the header badge)',
        response: { 200: UnreadCountSchema },
      },
    },
    async (request) => ({ unreadCount: await countOwnUnread(db, requirePrincipal(request)) }),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read (another user’s is not found)',
        params: NotificationIdParams,
        response: { 200: NotificationSchema },
      },
    },
    async (request) =>
      markOwnNotificationRead(
        db,
        requirePrincipal(request),
        request.params.id,
        pickLocale(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (request) => ({ marked: await markAllOwnNotificationsRead(db, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/me/notification-settings',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'My e-mail settings for notifications',
        response: { 200: NotificationSettingsSchema },
      },
    },
    async (request) =>
      getNotificationSettings(db, requirePrincipal(request), {
        mailConfigured,
        locale: pickLocale(request.headers['accept-language']),
      }),
  );

  app.put(
    '/api/v1/me/notification-settings',
    {
      // Each new address gets a confirmation e-mail: a per-process cap keeps this from being
      // used to mail strangers in bulk.
      config: { access: access.signedIn, rateLimit: { max: 60, timeWindow: 600_000 } },
      schema: {
        tags: ['notifications'],
        summary:
          'Save my e-mail settings; a new address gets a confirmation e-mail and receives nothing until confirmed',
        body: NotificationSettingsBody,
        response: { 200: NotificationSettingsSchema },
      },
    },
    async (request) =>
      saveNotificationSettings(db, deps.jobs, requirePrincipal(request), request.body, {
        requestId: request.id,
        locale: pickLocale(request.headers['accept-language']),
        mailConfigured,
      }),
  );

  app.post(
    '/api/v1/me/notification-settings/confirm',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'Confirm my e-mail address with the token from the confirmation e-mail',
        body: ConfirmEmailBody,
        response: { 200: NotificationSettingsSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await confirmNotificationEmail(db, principal, request.body.token, request.id);
      return getNotificationSettings(db, principal, {
        mailConfigured,
        locale: pickLocale(request.headers['accept-language']),
      });
    },
  );
};
