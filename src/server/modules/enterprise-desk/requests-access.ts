// Who may see and act on a request: the filer (the resident, or any active member of the
// enterprise), the desk (the handling manager, the enterprise's manager and head, the office
// admins of the managing office, and — before anyone accepts — the service managers of the
// district for residents' requests), and the offices it was routed to.
import type { Principal } from '../../platform/auth/access.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { listOffices } from '../reference/reference.service.ts';
import type { Executor } from './assignments.repository.ts';
import { managerRelationTo } from './assignments.service.ts';
import { hasPartForOffices } from './requests.repository.ts';
import type { DeskRequestTable } from './requests.tables.ts';

export type RequestViewer = 'filer' | 'manager' | 'office';

/** True when the caller is the request's filer (the resident, or a member of the enterprise). */
export async function isFiler(db: Executor, principal: Principal, row: DeskRequestTable): Promise<boolean> {
  if (!principal.personId) return false;
  if (row.personId) return row.personId === principal.personId;
  try {
    await assertEnterpriseMember(db, principal, row.enterpriseId!);
    return true;
  } catch {
    return false;
  }
}

/** The districts where the caller holds a service_manager post. */
export async function managerDistricts(db: Executor, principal: Principal): Promise<string[]> {
  const officeIds = principal.staff.filter((s) => s.role === 'service_manager').map((s) => s.officeId);
  const offices = await listOffices(db, { ids: officeIds });
  return [...new Set(offices.flatMap((o) => (o.districtCode ? [o.districtCode] : [])))];
}

/** True when the caller handles the request on the desk (manager or head). */
export async function isDesk(db: Executor, principal: Principal, row: DeskRequestTable): Promise<boolean> {
  if (principal.staff.length === 0) return false;
  if (row.managerUserId === principal.userId) return true;
  if (
    row.managerOfficeId &&
    principal.staff.some((s) => s.role === 'office_admin' && s.officeId === row.managerOfficeId)
  )
    return true;
  if (row.enterpriseId && (await managerRelationTo(db, principal, row.enterpriseId))) return true;
  if (row.managerUserId === null) return (await managerDistricts(db, principal)).includes(row.districtCode);
  return false;
}

/** How the caller sees the request; refuses everyone else with DESK_REQUEST_NOT_FOUND. */
export async function viewerOf(
  db: Executor,
  principal: Principal,
  row: DeskRequestTable,
): Promise<RequestViewer> {
  if (await isFiler(db, principal, row)) return 'filer';
  if (await isDesk(db, principal, row)) return 'manager';
  const officeIds = principal.staff.map((s) => s.officeId);
  if (await hasPartForOffices(db, row.id, officeIds)) return 'office';
  throw new AppError('DESK_REQUEST_NOT_FOUND');
}
