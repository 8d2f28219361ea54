// A room's tasks (owner, due date, status) and its checklist of materials for the next step.
// Membership is checked first, as everywhere in rooms.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { userDisplayNames } from '../identity/applicants.service.ts';
import {
  findActiveMember,
  findChecklistItem,
  findTask,
  listChecklist,
  listTasks,
  recordActivity,
} from './rooms.repository.ts';
import { assertRoomMember } from './rooms.service.ts';
import type { DeskRoomChecklistItemTable, DeskRoomTaskTable, RoomTaskStatus } from './rooms.tables.ts';
import type { DeskContext } from './visits.service.ts';

export interface TaskView {
  id: string;
  title: string;
  ownerUserId: string;
  ownerName: string;
  dueDate: string;
  status: RoomTaskStatus;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

async function presentTasks(db: Db, rows: DeskRoomTaskTable[]): Promise<TaskView[]> {
  const names = await userDisplayNames(
    db,
    rows.map((r) => r.ownerUserId),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    ownerUserId: row.ownerUserId,
    ownerName: names.get(row.ownerUserId) ?? '',
    dueDate: row.dueDate,
    status: row.status,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    doneAt: row.doneAt,
  }));
}

/** The room's tasks, earliest due first (members only). */
export async function listRoomTasks(db: Db, principal: Principal, roomId: string): Promise<TaskView[]> {
  await assertRoomMember(db, principal, roomId);
  return presentTasks(db, await listTasks(db, roomId));
}

/** A member adds a task for a member of the room. Audited. */
export async function addRoomTask(
  context: DeskContext,
  roomId: string,
  input: { title: string; ownerUserId: string; dueDate: string },
): Promise<TaskView> {
  const { db, principal } = context;
  const { room } = await assertRoomMember(db, principal, roomId);
  if (!(await findActiveMember(db, roomId, input.ownerUserId)))
    throw new AppError('DESK_ROOM_MEMBER_NOT_FOUND');
  const at = nowIso();
  const row: DeskRoomTaskTable = {
    id: uuidv7(),
    roomId,
    title: input.title.trim(),
    ownerUserId: input.ownerUserId,
    dueDate: input.dueDate,
    status: 'open',
    createdByUserId: principal.userId,
    createdAt: at,
    updatedAt: at,
    doneAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskRoomTasks').values(row).execute();
    await recordActivity(trx, roomId, principal.userId, 'task.created', {
      title: row.title,
      dueDate: row.dueDate,
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.task.add',
      objectType: 'desk_room_task',
      objectId: row.id,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { roomId, ownerUserId: row.ownerUserId, dueDate: row.dueDate },
    });
  });
  return (await presentTasks(db, [row]))[0]!;
}

/**
 * Changes a task's status, due date or owner. The task's owner, its creator and the room's
 * owner may; other members may not. Audited.
 */
export async function updateRoomTask(
  context: DeskContext,
  roomId: string,
  taskId: string,
  input: { status?: RoomTaskStatus; dueDate?: string; ownerUserId?: string },
): Promise<TaskView> {
  const { db, principal } = context;
  const { room, member } = await assertRoomMember(db, principal, roomId);
  const task = await findTask(db, roomId, taskId);
  if (!task) throw new AppError('DESK_ROOM_TASK_NOT_FOUND');
  const mayChange =
    member.role === 'owner' ||
    task.ownerUserId === principal.userId ||
    task.createdByUserId === principal.userId;
  if (!mayChange) throw new AppError('AUTH_FORBIDDEN');
  if (input.ownerUserId && !(await findActiveMember(db, roomId, input.ownerUserId))) {
    throw new AppError('DESK_ROOM_MEMBER_NOT_FOUND');
  }
  const at = nowIso();
  const status = input.status ?? task.status;
  const changes = {
    status,
    dueDate: input.dueDate ?? task.dueDate,
    ownerUserId: input.ownerUserId ?? task.ownerUserId,
    updatedAt: at,
    doneAt: status === 'done' ? (task.doneAt ?? at) : null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('deskRoomTasks').set(changes).where('id', '=', taskId).execute();
    await recordActivity(trx, roomId, principal.userId, 'task.updated', {
      title: task.title,
      status: changes.status,
      dueDate: changes.dueDate,
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.task.update',
      objectType: 'desk_room_task',
      objectId: taskId,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { roomId, ...input },
    });
  });
  return (await presentTasks(db, [{ ...task, ...changes }]))[0]!;
}

export interface ChecklistItemView {
  id: string;
  label: string;
  step: string;
  isDone: boolean;
  doneByName: string | null;
  doneAt: string | null;
  createdAt: string;
}

async function presentChecklist(db: Db, rows: DeskRoomChecklistItemTable[]): Promise<ChecklistItemView[]> {
  const names = await userDisplayNames(
    db,
    rows.flatMap((r) => (r.doneByUserId ? [r.doneByUserId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    step: row.step,
    isDone: row.isDone === 1,
    doneByName: row.doneByUserId ? (names.get(row.doneByUserId) ?? '') : null,
    doneAt: row.doneAt,
    createdAt: row.createdAt,
  }));
}

/** The checklist of materials for the next step (members only). */
export async function listRoomChecklist(
  db: Db,
  principal: Principal,
  roomId: string,
): Promise<ChecklistItemView[]> {
  await assertRoomMember(db, principal, roomId);
  return presentChecklist(db, await listChecklist(db, roomId));
}

/** A member adds a material to the checklist. Audited. */
export async function addChecklistItem(
  context: DeskContext,
  roomId: string,
  input: { label: string; step: string },
): Promise<ChecklistItemView> {
  const { db, principal } = context;
  const { room } = await assertRoomMember(db, principal, roomId);
  const row: DeskRoomChecklistItemTable = {
    id: uuidv7(),
    roomId,
    label: input.label.trim(),
    step: input.step.trim(),
    isDone: 0,
    doneByUserId: null,
    doneAt: null,
    createdByUserId: principal.userId,
    createdAt: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskRoomChecklistItems').values(row).execute();
    await recordActivity(trx, roomId, principal.userId, 'checklist.added', {
      label: row.label,
      step: row.step,
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.checklist.add',
      objectType: 'desk_room',
      objectId: roomId,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { itemId: row.id, label: row.label },
    });
  });
  return (await presentChecklist(db, [row]))[0]!;
}

/** A member ticks a material off (or back on). Audited. */
export async function setChecklistItemDone(
  context: DeskContext,
  roomId: string,
  itemId: string,
  isDone: boolean,
): Promise<ChecklistItemView> {
  const { db, principal } = context;
  const { room } = await assertRoomMember(db, principal, roomId);
  const item = await findChecklistItem(db, roomId, itemId);
  if (!item) throw new AppError('DESK_ROOM_CHECKLIST_ITEM_NOT_FOUND');
  const changes = {
    isDone: isDone ? 1 : 0,
    doneByUserId: isDone ? principal.userId : null,
    doneAt: isDone ? nowIso() : null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('deskRoomChecklistItems').set(changes).where('id', '=', itemId).execute();
    await recordActivity(trx, roomId, principal.userId, isDone ? 'checklist.done' : 'checklist.reopened', {
      label: item.label,
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.checklist.set',
      objectType: 'desk_room',
      objectId: roomId,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { itemId, isDone },
    });
  });
  return (await presentChecklist(db, [{ ...item, ...changes }]))[0]!;
}
