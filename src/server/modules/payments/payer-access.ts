// Who pays and who may see what: a resident pays for themself, or for an enterprise they are a
// current legal rep or agent of; finance staff (office admins of the office that receives the
// money, platform admins) decide refunds.
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';

/** The payer a request acts for: exactly one of the two ids. */
export interface PayerSubject {
  personId: string | null;
  enterpriseId: string | null;
}

/**
 * The subject the caller acts for: the enterprise (after the membership check) when one is named,
 * otherwise the caller's own person. Staff without a person record are refused.
 */
export async function actingSubject(
  db: Db,
  principal: Principal,
  enterpriseId?: string,
): Promise<PayerSubject> {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  if (enterpriseId) {
    await assertEnterpriseMember(db, principal, enterpriseId);
    return { personId: null, enterpriseId };
  }
  return { personId: principal.personId, enterpriseId: null };
}

export function sameSubject(a: PayerSubject, b: PayerSubject): boolean {
  return (
    (a.personId ?? null) === (b.personId ?? null) && (a.enterpriseId ?? null) === (b.enterpriseId ?? null)
  );
}

/** True when the caller may act for the subject (it is them, or an enterprise they represent). */
export async function mayActFor(db: Db, principal: Principal, subject: PayerSubject): Promise<boolean> {
  if (!principal.personId) return false;
  if (subject.personId) return subject.personId === principal.personId;
  if (!subject.enterpriseId) return false;
  try {
    await assertEnterpriseMember(db, principal, subject.enterpriseId);
    return true;
  } catch {
    return false;
  }
}

/** The offices whose refunds the caller decides as an office admin. */
export function financeOffices(principal: Principal): string[] {
  return principal.staff.filter((post) => post.role === 'office_admin').map((post) => post.officeId);
}

/** Finance role for money received by `beneficiaryOfficeId` (null: platform admins only). */
export function isFinanceFor(principal: Principal, beneficiaryOfficeId: string | null): boolean {
  if (principal.isAdmin) return true;
  return beneficiaryOfficeId !== null && financeOffices(principal).includes(beneficiaryOfficeId);
}
