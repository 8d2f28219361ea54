// Typed calls for the signed-in user's inbox (站内消息) and e-mail settings. Titles and bodies come
// back in the page's language (Accept-Language).
import type {
  Inbox,
  MailLanguage,
  NotificationItem,
  NotificationSettings,
  NotificationSettingsInput,
} from '../../contracts/api/notifications.ts';
import { api } from './client.ts';

export type { Inbox, MailLanguage, NotificationItem, NotificationSettings };

export const listNotifications = (options: { isUnreadOnly: boolean; limit: number; offset: number }) =>
  api.get<Inbox>(
    `/api/v1/me/notifications?${new URLSearchParams({
      ...(options.isUnreadOnly ? { unread: 'true' } : {}),
      limit: String(options.limit),
      offset: String(options.offset),
    }).toString()}`,
  );
export const getUnreadCount = () => api.get<{ unreadCount: number }>('/api/v1/me/notifications/unread-count');
export const markNotificationRead = (id: string) =>
  api.post<NotificationItem>(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () =>
  api.post<{ marked: number }>('/api/v1/me/notifications/read-all');
export const getNotificationSettings = () =>
  api.get<NotificationSettings>('/api/v1/me/notification-settings');
export const saveNotificationSettings = (input: NotificationSettingsInput) =>
  api.put<NotificationSettings>('/api/v1/me/notification-settings', input);
export const confirmNotificationEmail = (token: string) =>
  api.post<NotificationSettings>('/api/v1/me/notification-settings/confirm', { token });

/** Fired on `window` when this tab changed read marks, so the header badge updates at once. */
export const NOTIFICATIONS_CHANGED_EVENT = 'tongban:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
}
