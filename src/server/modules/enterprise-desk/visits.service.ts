// 无事不扰: district visit caps, the enterprise's quiet periods, and the visits its service
// manager plans and logs. Planning a visit that breaks a cap or a quiet period is refused with
// the warnings until the manager gives a reason, which is stored with the visit and audited.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findEnterpriseIdentity, userDisplayNames } from '../identity/applicants.service.ts';
import { listDistricts } from '../reference/reference.service.ts';
import { assertDeskManager, assertDeskViewer } from './visits.access.ts';
import {
  countVisitsBetween,
  findVisit,
  findVisitCap,
  insertQuietPeriod,
  insertVisit,
  listActiveQuietPeriods,
  listVisitCaps,
  listVisitsOfEnterprise,
  listVisitsOfManager,
  lockEnterpriseVisits,
  removeQuietPeriod,
  updateVisit,
  upsertVisitCap,
} from './visits.repository.ts';
import { periodOf, visitWarnings, type VisitCap, type VisitWarning } from './visits.rules.ts';
import type {
  DeskQuietPeriodTable,
  DeskVisitTable,
  QuietPeriodKind,
  VisitCapPeriod,
} from './visits.tables.ts';

export type { VisitWarning } from './visits.rules.ts';

export interface DeskContext {
  db: Db;
  principal: Principal;
  actor: AuditActor;
  requestId: string;
  /** The time the desk acts at (deps.clock). */
  now: Date;
}

const MAX_QUIET_RANGE_DAYS = 92;

// ---- caps ---------------------------------------------------------------------------------------

export interface VisitCapView {
  districtCode: string;
  maxVisits: number;
  period: VisitCapPeriod;
  updatedAt: string;
}

/** Every district's visit cap (districts without one have no cap). */
export async function listCaps(db: Db): Promise<VisitCapView[]> {
  return (await listVisitCaps(db)).map(({ districtCode, maxVisits, period, updatedAt }) => ({
    districtCode,
    maxVisits,
    period,
    updatedAt,
  }));
}

/**
 * Sets a district's cap on visits per enterprise per period. Platform admins set any district;
 * office admins the districts where they hold an office. Audited.
 */
export async function setVisitCap(
  context: DeskContext,
  districtCode: string,
  input: { maxVisits: number; period: VisitCapPeriod },
): Promise<VisitCapView> {
  const { db, principal } = context;
  const mayAct =
    principal.isAdmin ||
    principal.staff.some((post) => post.role === 'office_admin' && post.districtCode === districtCode);
  const exists = (await listDistricts(db)).some((district) => district.code === districtCode);
  if (!mayAct || !exists) throw new AppError('DESK_DISTRICT_NOT_FOUND');
  const row = {
    districtCode,
    maxVisits: input.maxVisits,
    period: input.period,
    updatedByUserId: principal.userId,
    updatedAt: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    const before = await findVisitCap(trx, districtCode);
    await upsertVisitCap(trx, row);
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.visit_cap.set',
      objectType: 'district',
      objectId: districtCode,
      requestId: context.requestId,
      details: {
        maxVisits: input.maxVisits,
        period: input.period,
        before: before ? { maxVisits: before.maxVisits, period: before.period } : null,
      },
    });
  });
  return { districtCode, maxVisits: row.maxVisits, period: row.period, updatedAt: row.updatedAt };
}

// ---- quiet periods ------------------------------------------------------------------------------

export interface QuietPeriodView {
  id: string;
  kind: QuietPeriodKind;
  dayFrom: number | null;
  dayTo: number | null;
  startDate: string | null;
  endDate: string | null;
  label: string;
  createdAt: string;
}

const presentQuiet = (row: DeskQuietPeriodTable): QuietPeriodView => ({
  id: row.id,
  kind: row.kind,
  dayFrom: row.dayFrom,
  dayTo: row.dayTo,
  startDate: row.startDate,
  endDate: row.endDate,
  label: row.label,
  createdAt: row.createdAt,
});

/** The enterprise's quiet periods, for its members, its manager and the manager's head. */
export async function listQuietPeriods(db: Db, principal: Principal, enterpriseId: string) {
  await assertDeskViewer(db, principal, enterpriseId);
  return (await listActiveQuietPeriods(db, enterpriseId)).map(presentQuiet);
}

export type QuietPeriodInput =
  | { kind: 'monthly'; dayFrom: number; dayTo: number; label: string }
  | { kind: 'range'; startDate: string; endDate: string; label: string };

/** Adds a quiet period; only the enterprise's members (legal representative, agents). Audited. */
export async function addQuietPeriod(
  context: DeskContext,
  enterpriseId: string,
  input: QuietPeriodInput,
): Promise<QuietPeriodView> {
  const relation = await assertDeskViewer(context.db, context.principal, enterpriseId);
  if (relation !== 'member') throw new AppError('AUTH_FORBIDDEN');
  const row: DeskQuietPeriodTable = {
    id: uuidv7(),
    enterpriseId,
    kind: input.kind,
    dayFrom: null,
    dayTo: null,
    startDate: null,
    endDate: null,
    label: input.label.trim(),
    createdByUserId: context.principal.userId,
    createdAt: nowIso(),
    removedAt: null,
  };
  if (input.kind === 'monthly') {
    if (input.dayTo < input.dayFrom) {
      throw new AppError('DESK_QUIET_PERIOD_INVALID', { reason: `${input.dayFrom} > ${input.dayTo}` });
    }
    row.dayFrom = input.dayFrom;
    row.dayTo = input.dayTo;
  } else {
    const days = (Date.parse(input.endDate) - Date.parse(input.startDate)) / 86_400_000;
    if (!Number.isFinite(days) || days < 0 || days > MAX_QUIET_RANGE_DAYS) {
      throw new AppError('DESK_QUIET_PERIOD_INVALID', {
        reason: `${input.startDate} – ${input.endDate} (≤ ${MAX_QUIET_RANGE_DAYS})`,
      });
    }
    row.startDate = input.startDate;
    row.endDate = input.endDate;
  }
  await context.db.transaction().execute(async (trx) => {
    await insertQuietPeriod(trx, row);
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.quiet_period.add',
      objectType: 'desk_quiet_period',
      objectId: row.id,
      subjectEnterpriseId: enterpriseId,
      requestId: context.requestId,
      details: presentQuiet(row) as unknown as Record<string, unknown>,
    });
  });
  return presentQuiet(row);
}

/** Removes one of the enterprise's quiet periods (members only). Audited. */
export async function deleteQuietPeriod(
  context: DeskContext,
  enterpriseId: string,
  id: string,
): Promise<void> {
  const relation = await assertDeskViewer(context.db, context.principal, enterpriseId);
  if (relation !== 'member') throw new AppError('AUTH_FORBIDDEN');
  await context.db.transaction().execute(async (trx) => {
    if (!(await removeQuietPeriod(trx, enterpriseId, id, nowIso()))) {
      throw new AppError('DESK_QUIET_PERIOD_NOT_FOUND');
    }
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.quiet_period.remove',
      objectType: 'desk_quiet_period',
      objectId: id,
      subjectEnterpriseId: enterpriseId,
      requestId: context.requestId,
    });
  });
}

// ---- visits -------------------------------------------------------------------------------------

export interface VisitView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  managerUserId: string;
  managerName: string;
  scheduledAt: string;
  visitDate: string;
  status: DeskVisitTable['status'];
  purpose: string;
  participants: string;
  outcome: string | null;
  warnings: VisitWarning[];
  overrideReason: string | null;
  createdAt: string;
  updatedAt: string;
}

async function presentVisits(db: Db, rows: DeskVisitTable[]): Promise<VisitView[]> {
  const managers = await userDisplayNames(
    db,
    rows.map((row) => row.managerUserId),
  );
  const enterpriseNames = new Map<string, string>();
  for (const id of new Set(rows.map((row) => row.enterpriseId))) {
    enterpriseNames.set(id, (await findEnterpriseIdentity(db, id))?.name ?? '');
  }
  return rows.map((row) => ({
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: enterpriseNames.get(row.enterpriseId) ?? '',
    managerUserId: row.managerUserId,
    managerName: managers.get(row.managerUserId) ?? '',
    scheduledAt: row.scheduledAt,
    visitDate: row.visitDate,
    status: row.status,
    purpose: row.purpose,
    participants: row.participants,
    outcome: row.outcome,
    warnings: JSON.parse(row.warnings) as VisitWarning[],
    overrideReason: row.overrideReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

async function capOf(db: Db, enterpriseId: string): Promise<VisitCap | undefined> {
  const districtCode = (await findEnterpriseIdentity(db, enterpriseId))?.districtCode;
  if (!districtCode) return undefined;
  const cap = await findVisitCap(db, districtCode);
  return cap ? { maxVisits: cap.maxVisits, period: cap.period } : undefined;
}

async function warningsFor(db: Db, enterpriseId: string, visitDate: string): Promise<VisitWarning[]> {
  const cap = await capOf(db, enterpriseId);
  const quietPeriods = await listActiveQuietPeriods(db, enterpriseId);
  let visitsInPeriod = 0;
  if (cap) {
    const { start, end } = periodOf(visitDate, cap.period);
    visitsInPeriod = await countVisitsBetween(db, enterpriseId, start, end);
  }
  return visitWarnings({ date: visitDate, cap, visitsInPeriod, quietPeriods });
}

/**
 * What planning a visit at `scheduledAt` would break, computed on the server: the district's cap
 * and the enterprise's quiet periods. For the enterprise's manager only.
 */
export async function checkVisit(
  db: Db,
  principal: Principal,
  enterpriseId: string,
  scheduledAt: string,
): Promise<{ visitDate: string; warnings: VisitWarning[] }> {
  await assertDeskManager(db, principal, enterpriseId);
  const visitDate = shanghaiDate(new Date(scheduledAt));
  return { visitDate, warnings: await warningsFor(db, enterpriseId, visitDate) };
}

export interface NewVisitInput {
  scheduledAt: string;
  purpose: string;
  participants: string;
  /** Given for a visit that already took place: it is logged as done. */
  outcome?: string;
  /** Why the manager goes ahead despite the warnings. */
  overrideReason?: string;
}

/**
 * Plans a visit (or logs one that took place, with its outcome). When it breaks the cap or a
 * quiet period it is refused with DESK_VISIT_NEEDS_REASON and the warnings, unless the manager
 * gives `overrideReason`; the warnings and the reason are stored with the visit and audited.
 */
export async function createVisit(
  context: DeskContext,
  enterpriseId: string,
  input: NewVisitInput,
): Promise<VisitView> {
  const { db, principal } = context;
  await assertDeskManager(db, principal, enterpriseId);
  const scheduled = new Date(input.scheduledAt);
  const outcome = input.outcome?.trim() || null;
  if (input.outcome !== undefined && !outcome) throw new AppError('DESK_VISIT_OUTCOME_REQUIRED');
  if (outcome && scheduled.getTime() > context.now.getTime()) throw new AppError('DESK_VISIT_IN_FUTURE');
  const overrideReason = input.overrideReason?.trim() || null;
  const visitDate = shanghaiDate(scheduled);
  const at = nowIso();
  const row: DeskVisitTable = {
    id: uuidv7(),
    enterpriseId,
    managerUserId: principal.userId,
    scheduledAt: scheduled.toISOString(),
    visitDate,
    status: outcome ? 'done' : 'planned',
    purpose: input.purpose.trim(),
    participants: input.participants.trim(),
    outcome,
    warnings: '[]',
    overrideReason: null,
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await lockEnterpriseVisits(trx, enterpriseId);
    const warnings = await warningsFor(trx, enterpriseId, visitDate);
    if (warnings.length > 0 && !overrideReason) {
      throw new AppError('DESK_VISIT_NEEDS_REASON', {}, { visitDate, warnings });
    }
    row.warnings = JSON.stringify(warnings);
    row.overrideReason = warnings.length > 0 ? overrideReason : null;
    await insertVisit(trx, row);
    await appendAudit(trx, {
      actor: context.actor,
      action: outcome ? 'desk.visit.log' : 'desk.visit.plan',
      objectType: 'desk_visit',
      objectId: row.id,
      subjectEnterpriseId: enterpriseId,
      requestId: context.requestId,
      details: {
        visitDate,
        warnings: warnings.map((w) => w.code),
        ...(row.overrideReason ? { overrideReason: row.overrideReason } : {}),
      },
    });
  });
  return (await presentVisits(db, [row]))[0]!;
}

/** Marks a planned visit done (with its outcome) or cancelled; the visit's manager only. */
export async function closeVisit(
  context: DeskContext,
  visitId: string,
  input: { status: 'done' | 'cancelled'; outcome?: string },
): Promise<VisitView> {
  const { db, principal } = context;
  const visit = await findVisit(db, visitId);
  if (!visit || visit.managerUserId !== principal.userId) throw new AppError('DESK_VISIT_NOT_FOUND');
  await assertDeskManager(db, principal, visit.enterpriseId);
  if (visit.status !== 'planned') throw new AppError('DESK_VISIT_CLOSED');
  const outcome = input.outcome?.trim() || null;
  if (input.status === 'done') {
    if (!outcome) throw new AppError('DESK_VISIT_OUTCOME_REQUIRED');
    if (Date.parse(visit.scheduledAt) > context.now.getTime()) throw new AppError('DESK_VISIT_IN_FUTURE');
  }
  const changes = { status: input.status, outcome, updatedAt: nowIso() };
  await db.transaction().execute(async (trx) => {
    if (!(await updateVisit(trx, visitId, changes))) throw new AppError('DESK_VISIT_CLOSED');
    await appendAudit(trx, {
      actor: context.actor,
      action: input.status === 'done' ? 'desk.visit.done' : 'desk.visit.cancel',
      objectType: 'desk_visit',
      objectId: visitId,
      subjectEnterpriseId: visit.enterpriseId,
      requestId: context.requestId,
    });
  });
  return (await presentVisits(db, [{ ...visit, ...changes }]))[0]!;
}

/** The enterprise's visits and the cap that applies to it (members, manager, head). */
export async function listEnterpriseVisits(db: Db, principal: Principal, enterpriseId: string) {
  await assertDeskViewer(db, principal, enterpriseId);
  const cap = await capOf(db, enterpriseId);
  return {
    cap: cap ?? null,
    items: await presentVisits(db, await listVisitsOfEnterprise(db, enterpriseId)),
  };
}

/** The caller's own visits (as a service manager), newest first. */
export async function listMyVisits(db: Db, principal: Principal): Promise<VisitView[]> {
  return presentVisits(db, await listVisitsOfManager(db, principal.userId));
}
