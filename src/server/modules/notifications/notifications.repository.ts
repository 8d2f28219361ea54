// Short named queries over the notifications module's own tables; no business rules here.
import type { Transaction } from 'kysely';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { EmailStatus, NotificationSettingsTable, NotificationTable } from './notifications.tables.ts';

type Executor = Db | Transaction<Database>;

export async function insertNotifications(db: Executor, rows: NotificationTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

/** Users among `userIds` with a confirmed, enabled e-mail address: they get mail. */
export async function findMailableUserIds(db: Executor, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notificationSettings')
    .select('userId')
    .where('userId', 'in', [...userIds])
    .where('emailEnabled', '=', 1)
    .where('email', 'is not', null)
    .where('emailConfirmedAt', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.userId));
}

export async function findInboxPage(
  db: Db,
  userId: string,
  options: { isUnreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationTable[]; total: number; unreadCount: number }> {
  let filtered = db.selectFrom('notifications').where('userId', '=', userId);
  if (options.isUnreadOnly) filtered = filtered.where('readAt', 'is', null);
  const [rows, total, unreadCount] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    countUnread(db, userId),
  ]);
  return { rows, total: Number(total.count), unreadCount };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findOwnNotification(
  db: Executor,
  userId: string,
  id: string,
): Promise<NotificationTable | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** Marks one unread notification read; an already read one keeps its first readAt. */
export async function markRead(db: Executor, userId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .execute();
}

export async function markAllRead(db: Executor, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setEmailStatus(db: Executor, id: string, status: EmailStatus): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ emailStatus: status, emailUpdatedAt: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** A notification with its recipient's mail settings, for the mail job. */
export async function findNotificationForMail(db: Db, id: string) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notificationSettings as s', 's.userId', 'n.userId')
    .select([
      'n.id',
      'n.userId',
      'n.kind',
      'n.titleZh',
      'n.titleEn',
      'n.bodyZh',
      'n.bodyEn',
      'n.link',
      'n.objectType',
      'n.objectId',
      'n.emailStatus',
      's.email',
      's.emailEnabled',
      's.emailConfirmedAt',
      's.language',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export async function findSettings(
  db: Executor,
  userId: string,
): Promise<NotificationSettingsTable | undefined> {
  return db.selectFrom('notificationSettings').selectAll().where('userId', '=', userId).executeTakeFirst();
}

export async function upsertSettings(db: Executor, row: NotificationSettingsTable): Promise<void> {
  const { userId, ...changes } = row;
  await db
    .insertInto('notificationSettings')
    .values(row)
    .onConflict((oc) => oc.column('userId').doUpdateSet(changes))
    .execute();
  void userId;
}

export async function updateSettings(
  db: Executor,
  userId: string,
  changes: Partial<Omit<NotificationSettingsTable, 'userId'>>,
): Promise<void> {
  await db.updateTable('notificationSettings').set(changes).where('userId', '=', userId).execute();
}

/** Stores a confirmation token's hash, only while the address is still the one it was made for. */
export async function setConfirmToken(
  db: Executor,
  userId: string,
  email: string,
  token: { hash: string; expiresAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('notificationSettings')
    .set({ confirmTokenHash: token.hash, confirmTokenExpiresAt: token.expiresAt })
    .where('userId', '=', userId)
    .where('email', '=', email)
    .where('emailConfirmedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
