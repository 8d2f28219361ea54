// Per-office figures (on-time rate, average working days, supplement rate), for the workbench
// and later the dashboards. An application counts for the office that received it (受理).
import type { Principal } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { endOfShanghaiDay } from '../../platform/calendar/working-days.ts';
import { listOffices } from '../reference/reference.service.ts';
import { CASEWORK_OFFICE_ROLES } from './application-access.ts';

export interface OfficeStatsQuery {
  officeId?: string;
  /** Shanghai dates, inclusive, of the finishing day. */
  from?: string;
  to?: string;
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

export async function officeStats(deps: AppDeps, principal: Principal, query: OfficeStatsQuery) {
  const db = deps.database.db;
  const mine = [
    ...new Set(
      principal.staff
        .filter((p) => (CASEWORK_OFFICE_ROLES as readonly string[]).includes(p.role))
        .map((p) => p.officeId),
    ),
  ];
  if (query.officeId && !mine.includes(query.officeId)) throw new AppError('AUTH_FORBIDDEN');
  const officeIds = query.officeId ? [query.officeId] : mine;
  if (officeIds.length === 0) return [];
  const now = deps.clock.now();
  const calendar = await deps.calendar.fresh();
  let finishedQuery = db
    .selectFrom('applications')
    .select([
      'receivingOfficeId',
      'submittedAt',
      'finishedAt',
      'promisedDate',
      'pausedWorkingDays',
      'supplementCount',
    ])
    .where('receivingOfficeId', 'in', officeIds)
    .where('finishedAt', 'is not', null)
    .where('status', '!=', 'withdrawn');
  if (query.from)
    finishedQuery = finishedQuery.where(
      'finishedAt',
      '>=',
      new Date(`${query.from}T00:00:00+08:00`).toISOString(),
    );
  if (query.to)
    finishedQuery = finishedQuery.where('finishedAt', '<=', endOfShanghaiDay(query.to).toISOString());
  const [finished, tasks, seconds, offices] = await Promise.all([
    finishedQuery.execute(),
    db
      .selectFrom('applicationTasks')
      .select(['officeId', 'dueAt', 'pausedAt'])
      .where('officeId', 'in', officeIds)
      .where('status', '=', 'open')
      .execute(),
    db
      .selectFrom('applicationSupplements as s')
      .innerJoin('applicationTasks as t', 't.id', 's.taskId')
      .select('t.officeId')
      .where('t.officeId', 'in', officeIds)
      .where('s.ordinal', '>', 1)
      .execute(),
    listOffices(db, { ids: officeIds }),
  ]);
  return offices.map((office) => {
    const rows = finished.filter((r) => r.receivingOfficeId === office.id);
    const onTime = rows.filter((r) => endOfShanghaiDay(r.promisedDate) >= new Date(r.finishedAt!)).length;
    const days = rows.map((r) =>
      Math.max(
        0,
        calendar.workingDaysBetween(new Date(r.submittedAt), new Date(r.finishedAt!)) - r.pausedWorkingDays,
      ),
    );
    const open = tasks.filter((t) => t.officeId === office.id);
    return {
      office: { id: office.id, nameZh: office.nameZh, nameEn: office.nameEn },
      finished: rows.length,
      onTime,
      onTimeRate: ratio(onTime, rows.length),
      averageWorkingDays: rows.length
        ? Math.round((days.reduce((a, b) => a + b, 0) / rows.length) * 10) / 10
        : null,
      supplementRate: ratio(rows.filter((r) => r.supplementCount > 0).length, rows.length),
      secondSupplements: seconds.filter((s) => s.officeId === office.id).length,
      openTasks: open.length,
      overdueTasks: open.filter((t) => !t.pausedAt && new Date(t.dueAt) < now).length,
    };
  });
}
