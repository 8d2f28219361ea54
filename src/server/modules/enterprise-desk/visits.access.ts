// How a caller stands to an enterprise on the desk's visits, rooms and projects: one of its
// members (legal representative or agent), its assigned service manager, the manager's head, or
// nobody (refused alike, revealing nothing).
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { managerRelationTo } from './assignments.service.ts';

export type DeskRelation = 'member' | 'manager' | 'head';

/** The caller's relation to the enterprise, or undefined. */
export async function deskRelationTo(
  db: Db,
  principal: Principal,
  enterpriseId: string,
): Promise<DeskRelation | undefined> {
  if (principal.kind === 'resident') {
    try {
      await assertEnterpriseMember(db, principal, enterpriseId);
      return 'member';
    } catch (error) {
      if (error instanceof AppError && error.code === 'AUTH_FORBIDDEN') return undefined;
      throw error;
    }
  }
  return managerRelationTo(db, principal, enterpriseId);
}

/** Access rule "member, manager or the manager's head of the enterprise". */
export async function assertDeskViewer(
  db: Db,
  principal: Principal,
  enterpriseId: string,
): Promise<DeskRelation> {
  const relation = await deskRelationTo(db, principal, enterpriseId);
  if (!relation) throw new AppError('DESK_ENTERPRISE_NOT_FOUND');
  return relation;
}

/** Access rule "the enterprise's assigned service manager" (the head may look, not act). */
export async function assertDeskManager(db: Db, principal: Principal, enterpriseId: string): Promise<void> {
  const relation = await deskRelationTo(db, principal, enterpriseId);
  if (relation === 'manager') return;
  throw new AppError(relation ? 'AUTH_FORBIDDEN' : 'DESK_ENTERPRISE_NOT_FOUND');
}
