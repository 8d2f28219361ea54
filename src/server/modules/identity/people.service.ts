import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffRole } from './identity.tables.ts';

export interface PersonRecordView {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  districtCode: string | null;
  streetCode: string | null;
  address: string | null;
  verifiedAt: string | null;
}

const PERSON_FIELDS = ['name', 'idNumber', 'phone', 'address'];

/**
 * The staff posts that handle applications and so may need a person's full record. Service
 * managers, operators and office admins work with enterprises, facilities and the catalogue,
 * not with people's files.
 */
export const CASEWORK_ROLES: readonly StaffRole[] = ['window_clerk', 'reviewer', 'approver'];

/**
 * Reads a person's record. Allowed for the person themselves, and for caseworkers (clerk,
 * reviewer, approver) of an office in the person's district (or a city-level office) who state a purpose; every staff read is
 * audited with the fields and purpose and shows up in the person's "who used my data".
 */
export async function readPerson(
  db: Db,
  principal: Principal,
  personId: string,
  purpose: string | undefined,
  requestId: string,
): Promise<PersonRecordView> {
  const isSelf = principal.personId === personId;
  if (!isSelf && principal.staff.length === 0) throw new AppError('AUTH_FORBIDDEN');
  const person = await db
    .selectFrom('people')
    .select(['id', 'name', 'idNumber', 'phone', 'districtCode', 'streetCode', 'address', 'verifiedAt'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (isSelf) {
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    return person;
  }
  // Staff: the office scope decides; an unknown person is refused the same way as an
  // out-of-district one so that staff cannot probe for ids.
  const assignment = principal.staff.find(
    (s) =>
      person &&
      CASEWORK_ROLES.includes(s.role) &&
      (s.districtCode === null || s.districtCode === person.districtCode),
  );
  if (!person || !assignment) throw new AppError('AUTH_FORBIDDEN');
  if (!purpose || purpose.trim().length < 2) throw new AppError('PURPOSE_REQUIRED');
  await appendAudit(db, {
    actor: { userId: principal.userId, name: principal.displayName, officeId: assignment.officeId },
    action: 'person.read',
    objectType: 'person',
    objectId: person.id,
    subjectPersonId: person.id,
    fields: PERSON_FIELDS,
    purpose: purpose.trim(),
    requestId,
  });
  return person;
}

/**
 * The enabled user accounts behind a set of recipients: the given user ids that exist, the
 * accounts of the given people, and the accounts of everyone with an active link (legal
 * representative or agent: not revoked, started, not expired) to the given enterprises.
 * De-duplicated; used by notifications, which must not read identity's tables itself.
 */
export async function listRecipientUserIds(
  db: Db,
  recipients: {
    userIds?: readonly string[];
    personIds?: readonly string[];
    enterpriseIds?: readonly string[];
  },
): Promise<string[]> {
  const userIds = [...new Set(recipients.userIds ?? [])];
  const personIds = new Set(recipients.personIds ?? []);
  const enterpriseIds = [...new Set(recipients.enterpriseIds ?? [])];
  if (enterpriseIds.length > 0) {
    const now = nowIso();
    const members = await db
      .selectFrom('enterpriseLinks')
      .select('personId')
      .where('enterpriseId', 'in', enterpriseIds)
      .where('revokedAt', 'is', null)
      .where('validFrom', '<=', now)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .execute();
    for (const member of members) personIds.add(member.personId);
  }
  if (userIds.length === 0 && personIds.size === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('disabledAt', 'is', null)
    .where((eb) =>
      eb.or([
        ...(userIds.length > 0 ? [eb('id', 'in', userIds)] : []),
        ...(personIds.size > 0 ? [eb('personId', 'in', [...personIds])] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}
