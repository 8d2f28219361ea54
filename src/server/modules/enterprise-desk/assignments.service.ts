// Service managers (店小二): which staff member looks after which enterprise, who their head is
// for escalation, and how the enterprise reaches them. Other parts of the desk (visits, rooms,
// projects, investment, policies, metrics) ask these functions who may see an enterprise.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  applicantNames,
  findApplicantProfile,
  findStaffPosts,
  listOfficeStaff,
  userDisplayNames,
} from '../identity/applicants.service.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { listOffices } from '../reference/reference.service.ts';
import {
  endActiveAssignment,
  findActiveAssignment,
  insertAssignment,
  listActiveAssignmentsOfManager,
  listActiveAssignmentsOverseenBy,
  type Executor,
} from './assignments.repository.ts';
import type { DeskAssignmentTable } from './assignments.tables.ts';

export interface ManagerOfEnterprise {
  assignmentId: string;
  enterpriseId: string;
  managerUserId: string;
  managerName: string;
  officeId: string;
  officeNameZh: string;
  officeNameEn: string;
  districtCode: string;
  streetCode: string | null;
  phone: string;
  email: string | null;
  officeAddress: string | null;
  assignedAt: string;
  /** The designated head, or null when the office admins of the manager's office are the head. */
  headUserId: string | null;
  headName: string | null;
  /** Who an escalation goes to: the designated head, else every office admin of the office. */
  escalationUserIds: string[];
}

/** The enterprise's active service manager with contact and head, or undefined when none. */
export async function findManagerOf(
  db: Executor,
  enterpriseId: string,
): Promise<ManagerOfEnterprise | undefined> {
  const row = await findActiveAssignment(db, enterpriseId);
  return row ? describeAssignment(db, row) : undefined;
}

async function describeAssignment(db: Executor, row: DeskAssignmentTable): Promise<ManagerOfEnterprise> {
  const names = await userDisplayNames(db, [row.managerUserId, ...(row.headUserId ? [row.headUserId] : [])]);
  const [office] = await listOffices(db, { ids: [row.officeId] });
  const escalationUserIds = row.headUserId
    ? [row.headUserId]
    : (await listOfficeStaff(db, row.officeId, ['office_admin'])).map((s) => s.userId);
  return {
    assignmentId: row.id,
    enterpriseId: row.enterpriseId,
    managerUserId: row.managerUserId,
    managerName: names.get(row.managerUserId) ?? '',
    officeId: row.officeId,
    officeNameZh: office?.nameZh ?? '',
    officeNameEn: office?.nameEn ?? '',
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    phone: row.contactPhone,
    email: row.contactEmail,
    officeAddress: row.officeAddress,
    assignedAt: row.assignedAt,
    headUserId: row.headUserId,
    headName: row.headUserId ? (names.get(row.headUserId) ?? null) : null,
    escalationUserIds,
  };
}

export interface ManagedEnterprise {
  enterpriseId: string;
  enterpriseName: string;
  districtCode: string;
  streetCode: string | null;
  assignedAt: string;
  managerUserId: string;
  /** manager: the caller looks after it; head: the caller is the manager's head. */
  relation: 'manager' | 'head';
}

/** The enterprises a service manager looks after now (active assignments), oldest first. */
export async function enterprisesManagedBy(db: Executor, staffUserId: string): Promise<ManagedEnterprise[]> {
  return present(db, await listActiveAssignmentsOfManager(db, staffUserId), 'manager');
}

/**
 * The enterprises the caller looks after, then those of managers they head (designated head or
 * office admin of the managing office), each once.
 */
export async function enterprisesOverseenBy(
  db: Executor,
  principal: Principal,
): Promise<ManagedEnterprise[]> {
  const own = await enterprisesManagedBy(db, principal.userId);
  const adminOffices = principal.staff.filter((s) => s.role === 'office_admin').map((s) => s.officeId);
  const seen = new Set(own.map((e) => e.enterpriseId));
  const headed = (await listActiveAssignmentsOverseenBy(db, principal.userId, adminOffices)).filter(
    (row) => !seen.has(row.enterpriseId),
  );
  return [...own, ...(await present(db, headed, 'head'))];
}

async function present(
  db: Executor,
  rows: DeskAssignmentTable[],
  relation: 'manager' | 'head',
): Promise<ManagedEnterprise[]> {
  const names = await applicantNames(db, { personIds: [], enterpriseIds: rows.map((r) => r.enterpriseId) });
  return rows.map((row) => ({
    enterpriseId: row.enterpriseId,
    enterpriseName: names.get(row.enterpriseId) ?? '',
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    assignedAt: row.assignedAt,
    managerUserId: row.managerUserId,
    relation,
  }));
}

/**
 * How a staff member stands to an enterprise on the desk: its assigned manager, the manager's
 * head (designated head or an office admin of the managing office), or nothing.
 */
export async function managerRelationTo(
  db: Executor,
  principal: Principal,
  enterpriseId: string,
): Promise<'manager' | 'head' | undefined> {
  if (principal.staff.length === 0) return undefined;
  const row = await findActiveAssignment(db, enterpriseId);
  if (!row) return undefined;
  if (row.managerUserId === principal.userId) return 'manager';
  if (row.headUserId === principal.userId) return 'head';
  const isOfficeAdmin = principal.staff.some((s) => s.role === 'office_admin' && s.officeId === row.officeId);
  return isOfficeAdmin ? 'head' : undefined;
}

/** True when the caller is the enterprise's manager or that manager's head. */
export async function canManagerSee(
  db: Executor,
  principal: Principal,
  enterpriseId: string,
): Promise<boolean> {
  return (await managerRelationTo(db, principal, enterpriseId)) !== undefined;
}

/** Access rule "the enterprise's manager or their head"; refuses everyone else alike. */
export async function assertManagerSees(db: Executor, principal: Principal, enterpriseId: string) {
  const relation = await managerRelationTo(db, principal, enterpriseId);
  if (!relation) throw new AppError('DESK_ENTERPRISE_NOT_FOUND');
  return relation;
}

/**
 * The enterprise's manager for a member of the enterprise (resident) or for the manager and their
 * head (staff); undefined when none is assigned. Everyone else is refused.
 */
export async function getManagerForViewer(
  db: Db,
  principal: Principal,
  enterpriseId: string,
): Promise<ManagerOfEnterprise | undefined> {
  if (principal.kind === 'resident') await assertEnterpriseMember(db, principal, enterpriseId);
  else await assertManagerSees(db, principal, enterpriseId);
  return findManagerOf(db, enterpriseId);
}

export interface AssignInput {
  managerUserId: string;
  headUserId?: string | null;
  phone: string;
  email?: string | null;
  officeAddress?: string | null;
}

/**
 * Assigns (or reassigns) the enterprise's service manager. The manager must hold the
 * service_manager post at an office of the enterprise's district; the caller must be a platform
 * admin or an office admin of that office. The head, if given, must be staff of the district.
 * A reassignment ends the previous row (kept for history). Audited.
 */
export async function assignManager(
  db: Db,
  principal: Principal,
  enterpriseId: string,
  input: AssignInput,
  requestId: string,
): Promise<ManagerOfEnterprise> {
  const enterprise = await findApplicantProfile(db, { enterpriseId });
  const officeIdOfManager = await managerOfficeFor(
    db,
    principal,
    input.managerUserId,
    enterprise?.districtCode,
  );
  if (!enterprise?.districtCode) throw new AppError('DESK_ENTERPRISE_NOT_FOUND');
  if (!officeIdOfManager) throw new AppError('DESK_MANAGER_INVALID');
  const office = officeIdOfManager;
  if (input.headUserId) {
    const headOffices = await listOffices(db, {
      ids: (await findStaffPosts(db, input.headUserId)).map((p) => p.officeId),
    });
    if (!headOffices.some((o) => o.districtCode === enterprise.districtCode))
      throw new AppError('DESK_HEAD_INVALID');
  }
  const [officeRow] = await listOffices(db, { ids: [office] });
  const at = nowIso();
  const row: DeskAssignmentTable = {
    id: uuidv7(),
    enterpriseId,
    managerUserId: input.managerUserId,
    officeId: office,
    headUserId: input.headUserId ?? null,
    districtCode: enterprise.districtCode,
    streetCode: enterprise.streetCode,
    contactPhone: input.phone,
    contactEmail: input.email ?? null,
    officeAddress: input.officeAddress ?? officeRow?.address ?? null,
    assignedAt: at,
    assignedByUserId: principal.userId,
    endedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await endActiveAssignment(trx, enterpriseId, at);
    await insertAssignment(trx, row);
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'desk.assignment.set',
      objectType: 'deskAssignment',
      objectId: row.id,
      subjectEnterpriseId: enterpriseId,
      requestId,
      details: { managerUserId: row.managerUserId, headUserId: row.headUserId, officeId: office },
    });
  });
  return describeAssignment(db, row);
}

/**
 * The office where the user is a service manager in the district, if the caller may assign
 * there (platform admin, or office admin of that office). An unknown enterprise and a caller
 * without the right are refused alike.
 */
async function managerOfficeFor(
  db: Db,
  principal: Principal,
  managerUserId: string,
  districtCode: string | null | undefined,
): Promise<string | undefined> {
  const adminOffices = new Set(
    principal.staff.filter((s) => s.role === 'office_admin').map((s) => s.officeId),
  );
  if (!principal.isAdmin && adminOffices.size === 0) throw new AppError('AUTH_FORBIDDEN');
  if (!districtCode) return undefined;
  const posts = (await findStaffPosts(db, managerUserId)).filter((p) => p.role === 'service_manager');
  const offices = await listOffices(db, { ids: posts.map((p) => p.officeId) });
  const inDistrict = offices.filter((o) => o.districtCode === districtCode);
  if (inDistrict.length === 0) return undefined;
  const allowed = inDistrict.find((o) => principal.isAdmin || adminOffices.has(o.id));
  if (!allowed) throw new AppError('AUTH_FORBIDDEN');
  return allowed.id;
}

/**
 * Writes an assignment without a caller (the demo seed): ends any active one first. The
 * manager's office and the enterprise's place are taken as given.
 */
export async function seedAssignment(
  db: Db,
  input: Omit<DeskAssignmentTable, 'id' | 'assignedAt' | 'assignedByUserId' | 'endedAt'>,
): Promise<boolean> {
  if (await findActiveAssignment(db, input.enterpriseId)) return false;
  await db.transaction().execute(async (trx) => {
    const id = uuidv7();
    await insertAssignment(trx, {
      ...input,
      id,
      assignedAt: nowIso(),
      assignedByUserId: null,
      endedAt: null,
    });
    await appendAudit(trx, {
      actor: null,
      action: 'desk.assignment.set',
      objectType: 'deskAssignment',
      objectId: id,
      subjectEnterpriseId: input.enterpriseId,
      details: { managerUserId: input.managerUserId, headUserId: input.headUserId, seeded: true },
    });
  });
  return true;
}

/** The enterprise-facing view of its manager (no internal ids of the head). */
export function presentManager(manager: ManagerOfEnterprise) {
  return {
    managerUserId: manager.managerUserId,
    managerName: manager.managerName,
    officeId: manager.officeId,
    officeNameZh: manager.officeNameZh,
    officeNameEn: manager.officeNameEn,
    phone: manager.phone,
    email: manager.email,
    officeAddress: manager.officeAddress,
    assignedAt: manager.assignedAt,
    headName: manager.headName,
  };
}
