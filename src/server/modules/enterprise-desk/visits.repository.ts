// Short named queries over the desk's visit tables.
import { sql, type Transaction } from 'kysely';
import { dialectOf, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DeskQuietPeriodTable, DeskVisitCapTable, DeskVisitTable } from './visits.tables.ts';

type Executor = Db | Transaction<Database>;

export function findVisitCap(db: Executor, districtCode: string): Promise<DeskVisitCapTable | undefined> {
  return db
    .selectFrom('deskVisitCaps')
    .selectAll()
    .where('districtCode', '=', districtCode)
    .executeTakeFirst();
}

export function listVisitCaps(db: Executor): Promise<DeskVisitCapTable[]> {
  return db.selectFrom('deskVisitCaps').selectAll().orderBy('districtCode').execute();
}

export async function upsertVisitCap(trx: Transaction<Database>, row: DeskVisitCapTable): Promise<void> {
  await trx
    .insertInto('deskVisitCaps')
    .values(row)
    .onConflict((oc) =>
      oc.column('districtCode').doUpdateSet({
        maxVisits: row.maxVisits,
        period: row.period,
        updatedByUserId: row.updatedByUserId,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export function listActiveQuietPeriods(db: Executor, enterpriseId: string): Promise<DeskQuietPeriodTable[]> {
  return db
    .selectFrom('deskQuietPeriods')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .where('removedAt', 'is', null)
    .orderBy('createdAt')
    .execute();
}

export async function insertQuietPeriod(
  trx: Transaction<Database>,
  row: DeskQuietPeriodTable,
): Promise<void> {
  await trx.insertInto('deskQuietPeriods').values(row).execute();
}

export async function removeQuietPeriod(
  trx: Transaction<Database>,
  enterpriseId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('deskQuietPeriods')
    .set({ removedAt: at })
    .where('id', '=', id)
    .where('enterpriseId', '=', enterpriseId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Visits planned or done (not cancelled) of the enterprise between two dates, inclusive. */
export async function countVisitsBetween(
  db: Executor,
  enterpriseId: string,
  start: string,
  end: string,
): Promise<number> {
  const row = await db
    .selectFrom('deskVisits')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('enterpriseId', '=', enterpriseId)
    .where('status', '!=', 'cancelled')
    .where('visitDate', '>=', start)
    .where('visitDate', '<=', end)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertVisit(trx: Transaction<Database>, row: DeskVisitTable): Promise<void> {
  await trx.insertInto('deskVisits').values(row).execute();
}

export function findVisit(db: Executor, id: string): Promise<DeskVisitTable | undefined> {
  return db.selectFrom('deskVisits').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listVisitsOfEnterprise(db: Executor, enterpriseId: string): Promise<DeskVisitTable[]> {
  return db
    .selectFrom('deskVisits')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('scheduledAt', 'desc')
    .limit(200)
    .execute();
}

export function listVisitsOfManager(db: Executor, managerUserId: string): Promise<DeskVisitTable[]> {
  return db
    .selectFrom('deskVisits')
    .selectAll()
    .where('managerUserId', '=', managerUserId)
    .orderBy('scheduledAt', 'desc')
    .limit(200)
    .execute();
}

export async function updateVisit(
  trx: Transaction<Database>,
  id: string,
  changes: Pick<DeskVisitTable, 'status' | 'outcome' | 'updatedAt'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('deskVisits')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Serialises visit planning per enterprise within a transaction on PostgreSQL, so two plans
 * cannot both pass the cap check; SQLite transactions already hold the write lock.
 */
export async function lockEnterpriseVisits(trx: Transaction<Database>, enterpriseId: string): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`desk-visits:${enterpriseId}`}, 0))`.execute(trx);
}
