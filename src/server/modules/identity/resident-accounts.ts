// Resident accounts as other sign-in channels (the kiosk) see them: found by ID number, and turned
// into the same Principal a web session resolves to.
import { normaliseIdNumber } from '../../../contracts/id-number.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';

export interface ResidentAccount {
  userId: string;
  personId: string;
  displayName: string;
  /** The phone on the person's record; null when none is known. */
  phone: string | null;
}

/** The enabled resident account of the person with this ID number, if they have one. */
export async function findResidentAccountByIdNumber(
  db: Db,
  idNumber: string,
): Promise<ResidentAccount | undefined> {
  return db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.personId', 'p.id')
    .select(['u.id as userId', 'p.id as personId', 'u.displayName', 'p.phone'])
    .where('p.idNumber', '=', normaliseIdNumber(idNumber))
    .where('u.kind', '=', 'resident')
    .where('u.disabledAt', 'is', null)
    .executeTakeFirst() as Promise<ResidentAccount | undefined>;
}

/**
 * The principal of an enabled resident account, for a session that is not a web session
 * (`sessionId` names that session; it carries no CSRF token because it is not a cookie).
 */
export async function residentPrincipal(
  db: Db,
  userId: string,
  sessionId: string,
): Promise<Principal | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'kind', 'displayName', 'personId'])
    .where('id', '=', userId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  if (!user || user.kind !== 'resident' || user.personId === null) return null;
  return {
    userId: user.id,
    username: user.username,
    kind: user.kind,
    displayName: user.displayName,
    personId: user.personId,
    isAdmin: false,
    staff: [],
    sessionId,
    csrfToken: '',
  };
}
