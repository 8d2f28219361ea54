// Short named queries over the coordination room tables.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type {
  DeskRoomChecklistItemTable,
  DeskRoomMemberTable,
  DeskRoomTable,
  DeskRoomTaskTable,
} from './rooms.tables.ts';

export type Executor = Db | Transaction<Database>;

export function findRoom(db: Executor, roomId: string): Promise<DeskRoomTable | undefined> {
  return db.selectFrom('deskRooms').selectAll().where('id', '=', roomId).executeTakeFirst();
}

export function findRoomOfProject(db: Executor, projectId: string): Promise<DeskRoomTable | undefined> {
  return db.selectFrom('deskRooms').selectAll().where('projectId', '=', projectId).executeTakeFirst();
}

/** The user's membership rows of the room (active or removed). */
function membershipOf(db: Executor, roomId: string, userId: string) {
  return db
    .selectFrom('deskRoomMembers')
    .selectAll()
    .where('roomId', '=', roomId)
    .where('userId', '=', userId);
}

/** The user's active membership of the room, if any. */
export function findActiveMember(
  db: Executor,
  roomId: string,
  userId: string,
): Promise<DeskRoomMemberTable | undefined> {
  return membershipOf(db, roomId, userId).where('removedAt', 'is', null).executeTakeFirst();
}

export function findMembership(
  db: Executor,
  roomId: string,
  userId: string,
): Promise<DeskRoomMemberTable | undefined> {
  return membershipOf(db, roomId, userId).executeTakeFirst();
}

export function listActiveMembers(db: Executor, roomId: string): Promise<DeskRoomMemberTable[]> {
  return db
    .selectFrom('deskRoomMembers')
    .selectAll()
    .where('roomId', '=', roomId)
    .where('removedAt', 'is', null)
    .orderBy('role', 'desc')
    .orderBy('addedAt')
    .orderBy('id')
    .execute();
}

/** The rooms the user is an active member of, most recently changed first. */
export function listRoomsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('deskRooms as r')
    .innerJoin('deskRoomMembers as m', 'm.roomId', 'r.id')
    .selectAll('r')
    .select('m.role as myRole')
    .where('m.userId', '=', userId)
    .where('m.removedAt', 'is', null)
    .orderBy('r.updatedAt', 'desc')
    .execute();
}

export function listTasks(db: Executor, roomId: string): Promise<DeskRoomTaskTable[]> {
  return db
    .selectFrom('deskRoomTasks')
    .selectAll()
    .where('roomId', '=', roomId)
    .orderBy('dueDate')
    .orderBy('createdAt')
    .execute();
}

export function findTask(
  db: Executor,
  roomId: string,
  taskId: string,
): Promise<DeskRoomTaskTable | undefined> {
  return db
    .selectFrom('deskRoomTasks')
    .selectAll()
    .where('roomId', '=', roomId)
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export function listChecklist(db: Executor, roomId: string): Promise<DeskRoomChecklistItemTable[]> {
  return db
    .selectFrom('deskRoomChecklistItems')
    .selectAll()
    .where('roomId', '=', roomId)
    .orderBy('createdAt')
    .execute();
}

export function findChecklistItem(
  db: Executor,
  roomId: string,
  itemId: string,
): Promise<DeskRoomChecklistItemTable | undefined> {
  return db
    .selectFrom('deskRoomChecklistItems')
    .selectAll()
    .where('roomId', '=', roomId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export function listDocuments(db: Executor, roomId: string) {
  return db
    .selectFrom('deskRoomDocuments')
    .selectAll()
    .where('roomId', '=', roomId)
    .orderBy('createdAt', 'desc')
    .execute();
}

export function listMessages(db: Executor, roomId: string, limit: number, before?: string) {
  let query = db.selectFrom('deskRoomMessages').selectAll().where('roomId', '=', roomId);
  if (before) query = query.where('createdAt', '<', before);
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function listActivity(db: Executor, roomId: string, limit: number) {
  return db
    .selectFrom('deskRoomActivity')
    .selectAll()
    .where('roomId', '=', roomId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Records what moved in a room (the room's feed and its members' digests) and touches the room. */
export async function recordActivity(
  trx: Transaction<Database>,
  roomId: string,
  actorUserId: string | null,
  kind: string,
  summary: Record<string, unknown>,
): Promise<void> {
  const at = nowIso();
  await trx
    .insertInto('deskRoomActivity')
    .values({ id: uuidv7(), roomId, actorUserId, kind, summary: JSON.stringify(summary), createdAt: at })
    .execute();
  await trx.updateTable('deskRooms').set({ updatedAt: at }).where('id', '=', roomId).execute();
}
