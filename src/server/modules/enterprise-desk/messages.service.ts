// The message thread between an enterprise and its service manager. Members of the enterprise
// write on the enterprise's side; the manager and their head on the manager's side. Each side
// has its own unread marks; every new message tells the other side (inbox and e-mail).
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { applicantNames } from '../identity/applicants.service.ts';
import { notify } from '../notifications/notify.ts';
import { findManagerOf, managerRelationTo, enterprisesOverseenBy } from './assignments.service.ts';
import type { DeskMessageTable } from './messages.tables.ts';

export type ThreadSide = 'enterprise' | 'manager';

/** The caller's side of the enterprise's thread; refuses everyone else alike. */
export async function sideOf(db: Db, principal: Principal, enterpriseId: string): Promise<ThreadSide> {
  if (principal.kind === 'resident') {
    await assertEnterpriseMember(db, principal, enterpriseId);
    return 'enterprise';
  }
  if (await managerRelationTo(db, principal, enterpriseId)) return 'manager';
  throw new AppError('DESK_THREAD_NOT_FOUND');
}

function present(row: DeskMessageTable, side: ThreadSide) {
  return {
    id: row.id,
    senderSide: row.senderSide,
    senderName: row.senderName,
    body: row.body,
    createdAt: row.createdAt,
    isMine: row.senderSide === side,
    isUnread:
      row.senderSide !== side &&
      (side === 'enterprise' ? row.readByEnterpriseAt : row.readByManagerAt) === null,
  };
}

/** The thread as the caller sees it (oldest first, the latest 500) and their unread count. */
export async function getThread(db: Db, principal: Principal, enterpriseId: string) {
  const side = await sideOf(db, principal, enterpriseId);
  const rows = await db
    .selectFrom('deskMessages')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const items = rows.reverse().map((row) => present(row, side));
  const names = await applicantNames(db, { personIds: [], enterpriseIds: [enterpriseId] });
  return {
    enterpriseName: names.get(enterpriseId) ?? '',
    side,
    unread: items.filter((m) => m.isUnread).length,
    items,
  };
}

/** Posts a message on the caller's side and tells the other side. Audited. */
export async function postMessage(
  deps: AppDeps,
  principal: Principal,
  enterpriseId: string,
  body: string,
  requestId: string,
) {
  const { db } = deps.database;
  const side = await sideOf(db, principal, enterpriseId);
  const manager = await findManagerOf(db, enterpriseId);
  if (!manager) throw new AppError('DESK_NOT_ASSIGNED');
  const at = deps.clock.now().toISOString();
  const row: DeskMessageTable = {
    id: uuidv7(),
    enterpriseId,
    senderSide: side,
    senderUserId: principal.userId,
    senderName: principal.displayName,
    body: body.trim(),
    createdAt: at,
    // The sender has read their own message.
    readByEnterpriseAt: side === 'enterprise' ? at : null,
    readByManagerAt: side === 'manager' ? at : null,
  };
  const enterpriseName =
    (await applicantNames(db, { personIds: [], enterpriseIds: [enterpriseId] })).get(enterpriseId) ?? '';
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskMessages').values(row).execute();
    await notify(trx, deps.jobs, {
      recipients:
        side === 'enterprise' ? { userIds: [manager.managerUserId] } : { enterpriseIds: [enterpriseId] },
      kind: 'desk.message',
      title:
        side === 'enterprise'
          ? { zh: `${enterpriseName} 发来留言`, en: `A message from ${enterpriseName}` }
          : { zh: '服务专员（店小二）发来留言', en: 'A message from your service manager' },
      body: { zh: row.body.slice(0, 200), en: row.body.slice(0, 200) },
      link: `/desk/messages/${enterpriseId}`,
      object: { type: 'desk_thread', id: enterpriseId },
    });
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'desk.message.post',
      objectType: 'deskMessage',
      objectId: row.id,
      subjectEnterpriseId: enterpriseId,
      requestId,
      details: { side },
    });
  });
  return present(row, side);
}

/** Marks the other side's messages read for the caller's side; returns how many changed. */
export async function markThreadRead(
  deps: AppDeps,
  principal: Principal,
  enterpriseId: string,
): Promise<number> {
  const { db } = deps.database;
  const side = await sideOf(db, principal, enterpriseId);
  const at = deps.clock.now().toISOString();
  const column = side === 'enterprise' ? 'readByEnterpriseAt' : 'readByManagerAt';
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('deskMessages')
      .set({ [column]: at })
      .where('enterpriseId', '=', enterpriseId)
      .where('senderSide', '!=', side)
      .where(column, 'is', null)
      .executeTakeFirst();
    const marked = Number(result.numUpdatedRows);
    if (marked > 0)
      await appendAudit(trx, {
        actor: { userId: principal.userId, name: principal.displayName },
        action: 'desk.message.read',
        objectType: 'deskThread',
        objectId: enterpriseId,
        subjectEnterpriseId: enterpriseId,
        details: { side, marked },
      });
    return marked;
  });
}

/** Unread counts per enterprise for one side (the workspace's badges). */
export async function unreadCounts(
  db: Db,
  enterpriseIds: string[],
  side: ThreadSide,
): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0) return new Map();
  const column = side === 'enterprise' ? 'readByEnterpriseAt' : 'readByManagerAt';
  const rows = await db
    .selectFrom('deskMessages')
    .select(['enterpriseId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('enterpriseId', 'in', enterpriseIds)
    .where('senderSide', '!=', side)
    .where(column, 'is', null)
    .groupBy('enterpriseId')
    .execute();
  return new Map(rows.map((r) => [r.enterpriseId, Number(r.count)]));
}

/** The threads on a manager's desk: every enterprise they look after or head, with unread counts. */
export async function listManagerThreads(db: Db, principal: Principal) {
  const enterprises = await enterprisesOverseenBy(db, principal);
  const unread = await unreadCounts(
    db,
    enterprises.map((e) => e.enterpriseId),
    'manager',
  );
  return enterprises.map((e) => ({
    enterpriseId: e.enterpriseId,
    enterpriseName: e.enterpriseName,
    unread: unread.get(e.enterpriseId) ?? 0,
  }));
}
