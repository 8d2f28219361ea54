import type { Db } from '../../platform/db/database.ts';
import type { PopulationRecordTable } from './registers.tables.ts';

/** The population register's record for an ID number, if the register holds one. */
export function findPopulationRecord(db: Db, idNumber: string): Promise<PopulationRecordTable | undefined> {
  return db.selectFrom('populationRecords').selectAll().where('idNumber', '=', idNumber).executeTakeFirst();
}

/** Loads register records (idempotent by ID number); used by the demo seed and imports. */
export async function upsertPopulationRecords(db: Db, records: PopulationRecordTable[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += 200) {
      await trx
        .insertInto('populationRecords')
        .values(records.slice(i, i + 200))
        .onConflict((oc) => oc.column('idNumber').doNothing())
        .execute();
    }
  });
}
