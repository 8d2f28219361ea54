import type { NotificationItem } from '../../../contracts/api/notifications.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { NotificationTable } from './notifications.tables.ts';

/** A notification as its recipient sees it, in the caller's language. */
export function presentNotification(row: NotificationTable, locale: Locale): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    title: locale === 'en' ? row.titleEn : row.titleZh,
    body: locale === 'en' ? row.bodyEn : row.bodyZh,
    link: row.link,
    object: row.objectType && row.objectId ? { type: row.objectType, id: row.objectId } : null,
    createdAt: row.createdAt,
    readAt: row.readAt,
    emailStatus: row.emailStatus,
  };
}
