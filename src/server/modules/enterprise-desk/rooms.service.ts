// Coordination rooms (协调群): a room per project or issue with members from several
// organisations. Every function's first step is the membership check: a room the caller is not
// an active member of answers DESK_ROOM_NOT_FOUND, whether it exists or not. Only the owner (the
// manager who opened it) invites and removes members; members are accounts found by username.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { applicantNames, userDisplayNames } from '../identity/applicants.service.ts';
import { findEnabledUserByUsername } from '../identity/user-lookup.ts';
import { findManagerOf } from './assignments.service.ts';
import {
  findActiveMember,
  findMembership,
  findRoom,
  listActiveMembers,
  listActivity,
  listMessages,
  listRoomsOfUser,
  recordActivity,
} from './rooms.repository.ts';
import type {
  DeskRoomMemberTable,
  DeskRoomTable,
  RoomMemberRole,
  RoomOrganisationKind,
} from './rooms.tables.ts';
import { assertDeskManager } from './visits.access.ts';
import type { DeskContext } from './visits.service.ts';

export interface RoomAccess {
  room: DeskRoomTable;
  member: DeskRoomMemberTable;
}

/**
 * Access rule "active member of the room": the first check of every room function. Anything
 * else (no such room, never a member, removed) is refused alike with DESK_ROOM_NOT_FOUND.
 */
export async function assertRoomMember(db: Db, principal: Principal, roomId: string): Promise<RoomAccess> {
  const member = await findActiveMember(db, roomId, principal.userId);
  const room = member ? await findRoom(db, roomId) : undefined;
  if (!member || !room) throw new AppError('DESK_ROOM_NOT_FOUND');
  return { room, member };
}

async function assertRoomOwner(db: Db, principal: Principal, roomId: string): Promise<RoomAccess> {
  const found = await assertRoomMember(db, principal, roomId);
  if (found.member.role !== 'owner') throw new AppError('DESK_ROOM_OWNER_ONLY');
  return found;
}

export interface RoomSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  projectId: string | null;
  title: string;
  description: string;
  myRole: RoomMemberRole;
  createdAt: string;
  updatedAt: string;
}

/** The rooms the caller is a member of (only those). */
export async function listMyRooms(db: Db, principal: Principal): Promise<RoomSummary[]> {
  const rows = await listRoomsOfUser(db, principal.userId);
  const names = await applicantNames(db, { personIds: [], enterpriseIds: rows.map((r) => r.enterpriseId) });
  return rows.map((row) => ({
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: names.get(row.enterpriseId) ?? '',
    projectId: row.projectId,
    title: row.title,
    description: row.description,
    myRole: row.myRole,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export interface NewRoomInput {
  title: string;
  description: string;
}

/**
 * Opens a room for one of the manager's enterprises (optionally for one of its projects, which
 * the projects module checks); the manager becomes its owner. Audited.
 */
export async function openRoom(
  context: DeskContext,
  enterpriseId: string,
  input: NewRoomInput,
  options: { projectId?: string } = {},
): Promise<RoomSummary> {
  const { db, principal } = context;
  await assertDeskManager(db, principal, enterpriseId);
  const manager = await findManagerOf(db, enterpriseId);
  const at = nowIso();
  const room: DeskRoomTable = {
    id: uuidv7(),
    enterpriseId,
    projectId: options.projectId ?? null,
    title: input.title.trim(),
    description: input.description.trim(),
    ownerUserId: principal.userId,
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskRooms').values(room).execute();
    await trx
      .insertInto('deskRoomMembers')
      .values({
        id: uuidv7(),
        roomId: room.id,
        userId: principal.userId,
        role: 'owner',
        organisationKind: 'service_manager',
        organisationName: manager?.officeNameZh ?? '',
        addedByUserId: principal.userId,
        addedAt: at,
        removedAt: null,
      })
      .execute();
    await recordActivity(trx, room.id, principal.userId, 'room.opened', { title: room.title });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.open',
      objectType: 'desk_room',
      objectId: room.id,
      subjectEnterpriseId: enterpriseId,
      requestId: context.requestId,
      details: { title: room.title, projectId: room.projectId },
    });
  });
  const names = await applicantNames(db, { personIds: [], enterpriseIds: [enterpriseId] });
  const { ownerUserId: _owner, ...shown } = room;
  return { ...shown, enterpriseName: names.get(enterpriseId) ?? '', myRole: 'owner' };
}

export interface MemberView {
  memberId: string;
  userId: string;
  displayName: string;
  role: RoomMemberRole;
  organisationKind: RoomOrganisationKind;
  organisationName: string;
  addedAt: string;
}

export async function presentMembers(db: Db, members: DeskRoomMemberTable[]): Promise<MemberView[]> {
  const names = await userDisplayNames(
    db,
    members.map((m) => m.userId),
  );
  return members.map((m) => ({
    memberId: m.id,
    userId: m.userId,
    displayName: names.get(m.userId) ?? '',
    role: m.role,
    organisationKind: m.organisationKind,
    organisationName: m.organisationName,
    addedAt: m.addedAt,
  }));
}

export interface NewMemberInput {
  username: string;
  organisationKind: RoomOrganisationKind;
  organisationName: string;
}

/** The owner invites an account (by username) speaking for an organisation. Audited. */
export async function addMember(
  context: DeskContext,
  roomId: string,
  input: NewMemberInput,
): Promise<MemberView> {
  const { db, principal } = context;
  const { room } = await assertRoomOwner(db, principal, roomId);
  const user = await findEnabledUserByUsername(db, input.username);
  if (!user) throw new AppError('DESK_ROOM_USER_NOT_FOUND');
  const at = nowIso();
  const member = await db.transaction().execute(async (trx) => {
    const existing = await findMembership(trx, roomId, user.userId);
    if (existing && existing.removedAt === null) throw new AppError('DESK_ROOM_MEMBER_EXISTS');
    const values = {
      role: 'member' as const,
      organisationKind: input.organisationKind,
      organisationName: input.organisationName.trim(),
      addedByUserId: principal.userId,
      addedAt: at,
      removedAt: null,
    };
    let row: DeskRoomMemberTable;
    if (existing) {
      await trx.updateTable('deskRoomMembers').set(values).where('id', '=', existing.id).execute();
      row = { ...existing, ...values };
    } else {
      row = { id: uuidv7(), roomId, userId: user.userId, ...values };
      await trx.insertInto('deskRoomMembers').values(row).execute();
    }
    await recordActivity(trx, roomId, principal.userId, 'member.added', {
      name: user.displayName,
      organisationName: row.organisationName,
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.member.add',
      objectType: 'desk_room',
      objectId: roomId,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: {
        userId: user.userId,
        organisationKind: row.organisationKind,
        organisationName: row.organisationName,
      },
    });
    return row;
  });
  return (await presentMembers(db, [member]))[0]!;
}

/** The owner removes a member (never themselves); the member sees nothing of the room after. */
export async function removeMember(context: DeskContext, roomId: string, memberId: string): Promise<void> {
  const { db, principal } = context;
  const { room } = await assertRoomOwner(db, principal, roomId);
  await db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('deskRoomMembers')
      .selectAll()
      .where('id', '=', memberId)
      .where('roomId', '=', roomId)
      .where('removedAt', 'is', null)
      .executeTakeFirst();
    if (!member) throw new AppError('DESK_ROOM_MEMBER_NOT_FOUND');
    if (member.role === 'owner') throw new AppError('DESK_ROOM_OWNER_STAYS');
    await trx
      .updateTable('deskRoomMembers')
      .set({ removedAt: nowIso() })
      .where('id', '=', memberId)
      .execute();
    const names = await userDisplayNames(trx, [member.userId]);
    await recordActivity(trx, roomId, principal.userId, 'member.removed', {
      name: names.get(member.userId) ?? '',
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.member.remove',
      objectType: 'desk_room',
      objectId: roomId,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { userId: member.userId },
    });
  });
}

export interface MessageView {
  id: string;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** The room's messages, newest first, `limit` at a time before a time (members only). */
export async function listRoomMessages(
  db: Db,
  principal: Principal,
  roomId: string,
  page: { limit: number; before?: string },
): Promise<MessageView[]> {
  await assertRoomMember(db, principal, roomId);
  const rows = await listMessages(db, roomId, page.limit, page.before);
  const names = await userDisplayNames(
    db,
    rows.map((r) => r.authorUserId),
  );
  return rows.map((row) => ({
    id: row.id,
    authorUserId: row.authorUserId,
    authorName: names.get(row.authorUserId) ?? '',
    body: row.body,
    createdAt: row.createdAt,
  }));
}

/** A member writes to the room. Audited (without the text, which stays in the room). */
export async function postRoomMessage(
  context: DeskContext,
  roomId: string,
  body: string,
): Promise<MessageView> {
  const { db, principal } = context;
  const { room } = await assertRoomMember(db, principal, roomId);
  const row = {
    id: uuidv7(),
    roomId,
    authorUserId: principal.userId,
    body: body.trim(),
    createdAt: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskRoomMessages').values(row).execute();
    await recordActivity(trx, roomId, principal.userId, 'message', { excerpt: row.body.slice(0, 60) });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.message',
      objectType: 'desk_room',
      objectId: roomId,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { messageId: row.id },
    });
  });
  return { ...row, authorName: principal.displayName };
}

export interface ActivityView {
  id: string;
  actorName: string | null;
  kind: string;
  summary: Record<string, unknown>;
  createdAt: string;
}

export async function presentActivity(
  db: Db,
  rows: { id: string; actorUserId: string | null; kind: string; summary: string; createdAt: string }[],
): Promise<ActivityView[]> {
  const names = await userDisplayNames(
    db,
    rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    actorName: row.actorUserId ? (names.get(row.actorUserId) ?? '') : null,
    kind: row.kind,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    createdAt: row.createdAt,
  }));
}

/** The room with its members and latest activity (members only). */
export async function getRoom(db: Db, principal: Principal, roomId: string) {
  const { room, member } = await assertRoomMember(db, principal, roomId);
  const names = await applicantNames(db, { personIds: [], enterpriseIds: [room.enterpriseId] });
  return {
    id: room.id,
    enterpriseId: room.enterpriseId,
    enterpriseName: names.get(room.enterpriseId) ?? '',
    projectId: room.projectId,
    title: room.title,
    description: room.description,
    myRole: member.role,
    myUserId: principal.userId,
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
    members: await presentMembers(db, await listActiveMembers(db, roomId)),
    activity: await presentActivity(db, await listActivity(db, roomId, 30)),
  };
}
