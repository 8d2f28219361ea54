// Short named queries over the certificates tables; no business rules here.
import { findApplicantProfile } from '../identity/applicants.service.ts';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CertificateTable } from './certificates.tables.ts';

type Executor = Db | Transaction<Database>;

/** Whose certificates: a person's own, or an enterprise's. */
export type CertificateHolder = { personId: string } | { enterpriseId: string };

export function findCertificateById(db: Executor, id: string): Promise<CertificateTable | undefined> {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCertificateByNumber(db: Executor, number: string): Promise<CertificateTable | undefined> {
  return db.selectFrom('certificates').selectAll().where('number', '=', number).executeTakeFirst();
}

/** The holder's certificates, newest first; optionally only one type. */
export function listHolderCertificates(
  db: Executor,
  holder: CertificateHolder,
  certificateType?: string,
): Promise<CertificateTable[]> {
  let query = db.selectFrom('certificates').selectAll();
  query =
    'personId' in holder
      ? query.where('holderPersonId', '=', holder.personId)
      : query.where('holderEnterpriseId', '=', holder.enterpriseId);
  if (certificateType !== undefined) query = query.where('certificateType', '=', certificateType);
  return query.orderBy('issuedAt', 'desc').orderBy('number', 'desc').execute();
}

/**
 * The next number of a counter, in the caller's transaction. The row's update takes its lock
 * (PostgreSQL) or the database's write lock (SQLite, where transactions begin IMMEDIATE), so two
 * transactions never get the same value and a rolled-back one gives its value back.
 */
export async function nextCounterValue(trx: Transaction<Database>, scope: string): Promise<number> {
  await trx
    .insertInto('certificateCounters')
    .values({ scope, lastValue: 0 })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  const row = await trx
    .updateTable('certificateCounters')
    .set((eb) => ({ lastValue: eb('lastValue', '+', 1) }))
    .where('scope', '=', scope)
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return Number(row.lastValue);
}

export function findSigningKey(db: Executor, keyId: string) {
  return db.selectFrom('certificateSigningKeys').selectAll().where('keyId', '=', keyId).executeTakeFirst();
}

export function listSigningKeys(db: Executor) {
  return db.selectFrom('certificateSigningKeys').selectAll().orderBy('createdAt').orderBy('keyId').execute();
}

/** The holder's name as it is printed: the person's or enterprise's registered name. */
export async function findHolderName(db: Executor, holder: CertificateHolder): Promise<string | undefined> {
  return (await findApplicantProfile(db, holder))?.name;
}
