// The staff workbench: the task queues of the caller's offices, sorted by deadline, with the
// working days left and a colour-coded state; and per-office figures for the dashboards.
import type { Principal } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { applicantNames, listOfficeStaff } from '../identity/applicants.service.ts';
import type { StaffRole } from '../identity/identity.tables.ts';
import { listOffices } from '../reference/reference.service.ts';
import { CASEWORK_OFFICE_ROLES } from './application-access.ts';

export type TimeState = 'ok' | 'due_soon' | 'overdue' | 'paused';

export interface QueueFilter {
  officeId?: string;
  status: 'open' | 'done' | 'all';
  role?: StaffRole;
  assignee: 'me' | 'unassigned' | 'any';
  q?: string;
  overdue?: boolean;
  sort: 'due' | 'opened';
  limit: number;
  offset: number;
}

function caseworkOffices(principal: Principal): string[] {
  return [
    ...new Set(
      principal.staff
        .filter((post) => (CASEWORK_OFFICE_ROLES as readonly string[]).includes(post.role))
        .map((post) => post.officeId),
    ),
  ];
}

/** The queue of the caller's offices (or one of them), deadline first. */
export async function listQueue(deps: AppDeps, principal: Principal, filter: QueueFilter) {
  const db = deps.database.db;
  const mine = caseworkOffices(principal);
  if (filter.officeId && !mine.includes(filter.officeId)) throw new AppError('AUTH_FORBIDDEN');
  const officeIds = filter.officeId ? [filter.officeId] : mine;
  if (officeIds.length === 0) return { items: [], total: 0, offices: [] };
  const now = deps.clock.now();
  let query = db
    .selectFrom('applicationTasks as t')
    .innerJoin('applications as a', 'a.id', 't.applicationId')
    .where('t.officeId', 'in', officeIds);
  if (filter.status !== 'all') query = query.where('t.status', '=', filter.status);
  else query = query.where('t.status', '!=', 'cancelled');
  if (filter.role) query = query.where('t.role', '=', filter.role);
  if (filter.assignee === 'me') query = query.where('t.assigneeUserId', '=', principal.userId);
  if (filter.assignee === 'unassigned') query = query.where('t.assigneeUserId', 'is', null);
  if (filter.q) query = query.where('a.receiptNo', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`);
  if (filter.overdue) query = query.where('t.dueAt', '<', now.toISOString()).where('t.pausedAt', 'is', null);
  const [rows, total] = await Promise.all([
    query
      .leftJoin('users as u', 'u.id', 't.assigneeUserId')
      .select([
        't.id',
        't.taskKey',
        't.kind',
        't.role',
        't.nameZh',
        't.nameEn',
        't.officeId',
        't.status',
        't.awaitingSupplement',
        't.assigneeUserId',
        'u.displayName as assigneeName',
        't.openedAt',
        't.dueAt',
        't.dueDate',
        't.pausedAt',
        't.closedAt',
        't.escalatedAt',
        'a.id as applicationId',
        'a.receiptNo',
        'a.nameZh as entryNameZh',
        'a.nameEn as entryNameEn',
        'a.channel',
        'a.applicantPersonId',
        'a.applicantEnterpriseId',
        'a.stateVersion',
      ])
      .orderBy(filter.sort === 'due' ? 't.dueAt' : 't.openedAt', filter.sort === 'due' ? 'asc' : 'desc')
      .orderBy('t.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const names = await applicantNames(db, {
    personIds: rows.flatMap((r) => (r.applicantPersonId ? [r.applicantPersonId] : [])),
    enterpriseIds: rows.flatMap((r) => (r.applicantEnterpriseId ? [r.applicantEnterpriseId] : [])),
  });
  const offices = await listOffices(db, { ids: mine });
  const officeNames = new Map(offices.map((o) => [o.id, o]));
  const calendar = await deps.calendar.fresh();
  return {
    total: Number(total.count),
    offices: offices.map((o) => ({ id: o.id, nameZh: o.nameZh, nameEn: o.nameEn })),
    items: rows.map((r) => {
      const due = new Date(r.dueAt);
      const daysLeft =
        due >= now ? calendar.workingDaysBetween(now, due) : -calendar.workingDaysBetween(due, now);
      const timeState: TimeState =
        r.pausedAt || r.awaitingSupplement
          ? 'paused'
          : due < now
            ? 'overdue'
            : daysLeft <= 1
              ? 'due_soon'
              : 'ok';
      const office = officeNames.get(r.officeId);
      return {
        id: r.id,
        taskKey: r.taskKey,
        kind: r.kind,
        role: r.role,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        office: { id: r.officeId, nameZh: office?.nameZh ?? '', nameEn: office?.nameEn ?? '' },
        status: r.status,
        awaitingSupplement: r.awaitingSupplement === 1,
        assignee: r.assigneeUserId ? { userId: r.assigneeUserId, name: r.assigneeName ?? '' } : null,
        openedAt: r.openedAt,
        dueAt: r.dueAt,
        dueDate: r.dueDate,
        closedAt: r.closedAt,
        escalated: r.escalatedAt !== null,
        workingDaysLeft: r.status === 'open' ? daysLeft : null,
        timeState: r.status === 'open' ? timeState : null,
        application: {
          id: r.applicationId,
          receiptNo: r.receiptNo,
          nameZh: r.entryNameZh,
          nameEn: r.entryNameEn,
          channel: r.channel,
          applicantName: names.get(r.applicantEnterpriseId ?? r.applicantPersonId ?? '') ?? '',
          stateVersion: r.stateVersion,
        },
      };
    }),
  };
}

/** Colleagues a task can be assigned or handed over to (same office, same post). */
export async function listAssignees(deps: AppDeps, principal: Principal, taskId: string) {
  const db = deps.database.db;
  const task = await db
    .selectFrom('applicationTasks')
    .select(['officeId', 'role'])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task || !principal.staff.some((post) => post.officeId === task.officeId))
    throw new AppError('TASK_NOT_FOUND');
  return listOfficeStaff(db, task.officeId, [task.role as StaffRole]);
}
