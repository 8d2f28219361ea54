// What the applications module needs to know about applicants and staff, as functions of the
// identity module (the only one that reads its tables).
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findPopulationRecord } from '../registers/registers.service.ts';
import type { StaffRole } from './identity.tables.ts';

type Executor = Db | Transaction<Database>;

export type ApplicantRef = { personId: string } | { enterpriseId: string };

export interface ApplicantProfile {
  name: string;
  districtCode: string | null;
  streetCode: string | null;
}

/** Name and place of a person or an enterprise (for routing and for the staff queue). */
export async function findApplicantProfile(
  db: Executor,
  applicant: ApplicantRef,
): Promise<ApplicantProfile | undefined> {
  if ('personId' in applicant)
    return db
      .selectFrom('people')
      .select(['name', 'districtCode', 'streetCode'])
      .where('id', '=', applicant.personId)
      .executeTakeFirst();
  return db
    .selectFrom('enterprises')
    .select(['name', 'districtCode', 'streetCode'])
    .where('id', '=', applicant.enterpriseId)
    .executeTakeFirst();
}

/** Display names of people and enterprises by id, for lists. */
export async function applicantNames(
  db: Executor,
  ids: { personIds: string[]; enterpriseIds: string[] },
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const personIds = [...new Set(ids.personIds)];
  const enterpriseIds = [...new Set(ids.enterpriseIds)];
  if (personIds.length)
    for (const row of await db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('id', 'in', personIds)
      .execute())
      names.set(row.id, row.name);
  if (enterpriseIds.length)
    for (const row of await db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('id', 'in', enterpriseIds)
      .execute())
      names.set(row.id, row.name);
  return names;
}

/**
 * The person with this ID number, created from the population register when they have never
 * used the platform (a resident filing at the counter shows their ID card). Undefined when the
 * register does not know the number either.
 */
export async function ensurePersonFromRegister(
  trx: Transaction<Database>,
  idNumber: string,
): Promise<{ id: string; name: string } | undefined> {
  const person = await trx
    .selectFrom('people')
    .select(['id', 'name'])
    .where('idNumber', '=', idNumber)
    .executeTakeFirst();
  if (person) return person;
  const record = await findPopulationRecord(trx, idNumber);
  if (!record) return undefined;
  const id = uuidv7();
  await trx
    .insertInto('people')
    .values({
      id,
      name: record.name,
      idNumber,
      phone: null,
      districtCode: record.districtCode,
      streetCode: record.streetCode,
      address: record.address,
      verifiedAt: nowIso(),
      createdAt: nowIso(),
    })
    .execute();
  return { id, name: record.name };
}

export interface StaffMember {
  userId: string;
  displayName: string;
  role: StaffRole;
}

/** Staff of an office, optionally only those with one of the given posts. */
export async function listOfficeStaff(
  db: Executor,
  officeId: string,
  roles?: readonly StaffRole[],
): Promise<StaffMember[]> {
  let query = db
    .selectFrom('staffRoles as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['u.id as userId', 'u.displayName', 'r.role'])
    .where('r.officeId', '=', officeId)
    .where('u.disabledAt', 'is', null);
  if (roles?.length) query = query.where('r.role', 'in', [...roles]);
  return query.orderBy('u.displayName').execute();
}

/** Staff of several offices (one query), optionally only those with one of the given posts. */
export async function listStaffOfOffices(
  db: Executor,
  officeIds: readonly string[],
  roles?: readonly StaffRole[],
): Promise<(StaffMember & { officeId: string })[]> {
  if (officeIds.length === 0) return [];
  let query = db
    .selectFrom('staffRoles as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['u.id as userId', 'u.displayName', 'r.role', 'r.officeId'])
    .where('r.officeId', 'in', [...officeIds])
    .where('u.disabledAt', 'is', null);
  if (roles?.length) query = query.where('r.role', 'in', [...roles]);
  return query.orderBy('u.displayName').execute();
}

/** What the registers are keyed by for a person: ID number, name, account mobile, district. */
export function findPersonIdentity(db: Executor, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'idNumber', 'name', 'phone', 'districtCode'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** What the registers are keyed by for an enterprise: USCC, name, address, legal representative. */
export function findEnterpriseIdentity(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterprises')
    .leftJoin('people', 'people.id', 'enterprises.legalRepPersonId')
    .select([
      'enterprises.id',
      'enterprises.uscc',
      'enterprises.name',
      'enterprises.address',
      'enterprises.districtCode',
      'people.name as legalRepName',
      'people.idNumber as legalRepIdNumber',
    ])
    .where('enterprises.id', '=', enterpriseId)
    .executeTakeFirst();
}

/** The person a user account belongs to (null for staff and admin accounts). */
export async function findPersonIdOfUser(db: Executor, userId: string): Promise<string | null> {
  const user = await db.selectFrom('users').select('personId').where('id', '=', userId).executeTakeFirst();
  return user?.personId ?? null;
}

/** Display names of user accounts by id (for the enterprise desk's lists and threads). */
export async function userDisplayNames(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** The staff posts (office and role) of an enabled user account; empty for others. */
export async function findStaffPosts(
  db: Executor,
  userId: string,
): Promise<{ officeId: string; role: StaffRole; displayName: string }[]> {
  return db
    .selectFrom('staffRoles as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['r.officeId', 'r.role', 'u.displayName'])
    .where('r.userId', '=', userId)
    .where('u.disabledAt', 'is', null)
    .execute();
}
