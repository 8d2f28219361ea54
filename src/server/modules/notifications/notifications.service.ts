import type { NotificationItem } from '../../../contracts/api/notifications.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { presentNotification } from './notifications.presenter.ts';
import {
  countUnread,
  findInboxPage,
  findOwnNotification,
  markAllRead,
  markRead,
} from './notifications.repository.ts';

// Read marks are not audit-logged: they change only the state of the caller's own inbox, never a
// record anyone relies on, and opening a message must not grow the hash-chained audit log.

/** The caller's own inbox, newest first. */
export async function listOwnNotifications(
  db: Db,
  principal: Principal,
  options: { isUnreadOnly: boolean; limit: number; offset: number },
  locale: Locale,
): Promise<{ items: NotificationItem[]; total: number; unreadCount: number }> {
  const page = await findInboxPage(db, principal.userId, options);
  return {
    items: page.rows.map((row) => presentNotification(row, locale)),
    total: page.total,
    unreadCount: page.unreadCount,
  };
}

/** How many of the caller's notifications are unread. */
export async function countOwnUnread(db: Db, principal: Principal): Promise<number> {
  return countUnread(db, principal.userId);
}

/** Marks one of the caller's notifications read; someone else's is NOTIFICATION_NOT_FOUND. */
export async function markOwnNotificationRead(
  db: Db,
  principal: Principal,
  id: string,
  locale: Locale,
): Promise<NotificationItem> {
  return db.transaction().execute(async (trx) => {
    const row = await findOwnNotification(trx, principal.userId, id);
    if (!row) throw new AppError('NOTIFICATION_NOT_FOUND');
    if (row.readAt === null) {
      row.readAt = nowIso();
      await markRead(trx, principal.userId, id, row.readAt);
    }
    return presentNotification(row, locale);
  });
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllOwnNotificationsRead(db: Db, principal: Principal): Promise<number> {
  return markAllRead(db, principal.userId, nowIso());
}
