import type { Db } from '../../platform/db/database.ts';
import { upsertFacilityRecords } from './facilities.repository.ts';
import type { FacilityRecord } from './facility-record.ts';

export interface SeedFacility {
  record: FacilityRecord;
  staffCount: number | null;
  terminals: { id: string; model: string; installedOn: string }[];
}

const CHUNK = 500;

/**
 * Adds the facilities whose codes are not there yet, with their staff counts and terminals.
 * Idempotent by code: facilities already present (perhaps edited since) are left alone.
 */
export async function seedFacilities(db: Db, facilities: SeedFacility[], now = new Date()): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('facilities').select('code').execute()).map((row) => row.code),
  );
  const missing = facilities.filter((facility) => !existing.has(facility.record.code));
  if (missing.length === 0) return 0;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < missing.length; start += CHUNK) {
      const chunk = missing.slice(start, start + CHUNK);
      await upsertFacilityRecords(
        trx,
        chunk.map((facility) => ({ ...facility.record, staffCount: facility.staffCount })),
        at,
      );
      const rows = await trx
        .selectFrom('facilities')
        .select(['id', 'code'])
        .where(
          'code',
          'in',
          chunk.map((facility) => facility.record.code),
        )
        .execute();
      const idOf = new Map(rows.map((row) => [row.code, row.id]));
      const terminals = chunk.flatMap((facility) =>
        facility.terminals.map((terminal) => ({ ...terminal, facilityId: idOf.get(facility.record.code)! })),
      );
      if (terminals.length) await trx.insertInto('facilityTerminals').values(terminals).execute();
    }
  });
  return missing.length;
}
