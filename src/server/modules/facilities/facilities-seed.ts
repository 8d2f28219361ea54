import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import type { CapacityUnit, FacilityEventTable } from './facilities.tables.ts';
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

export interface SeedUsage {
  capacities: { facilityCode: string; serviceKey: string; unit: CapacityUnit; weeklyAmount: number }[];
  events: (Omit<FacilityEventTable, 'facilityId' | 'receivedAt' | 'details' | 'deviceId'> & {
    facilityCode: string;
  })[];
}

/**
 * Adds demo capacities and usage events for facilities that have no capacities yet (idempotent:
 * a facility with capacities, perhaps edited since, is left alone). Returns the events added.
 */
export async function seedFacilityUsage(db: Db, usage: SeedUsage, now = new Date()): Promise<number> {
  const codes = [...new Set(usage.capacities.map((c) => c.facilityCode))];
  if (codes.length === 0) return 0;
  const facilities = await db
    .selectFrom('facilities')
    .select(['id', 'code'])
    .where('code', 'in', codes)
    .execute();
  const idOf = new Map(facilities.map((f) => [f.code, f.id]));
  const planned = new Set(
    (
      await db
        .selectFrom('facilityCapacities')
        .select('facilityId')
        .where('facilityId', 'in', [...idOf.values()])
        .execute()
    ).map((row) => row.facilityId),
  );
  const fresh = (code: string) => idOf.has(code) && !planned.has(idOf.get(code)!);
  const at = now.toISOString();
  const events = usage.events.filter((event) => fresh(event.facilityCode));
  await db.transaction().execute(async (trx) => {
    const capacities = usage.capacities.filter((c) => fresh(c.facilityCode));
    if (capacities.length)
      await trx
        .insertInto('facilityCapacities')
        .values(
          capacities.map(({ facilityCode, ...capacity }) => ({
            id: uuidv7(),
            facilityId: idOf.get(facilityCode)!,
            ...capacity,
            updatedAt: at,
            updatedByUserId: null,
          })),
        )
        .execute();
    for (let start = 0; start < events.length; start += CHUNK) {
      await trx
        .insertInto('facilityEvents')
        .values(
          events.slice(start, start + CHUNK).map(({ facilityCode, ...event }) => ({
            ...event,
            facilityId: idOf.get(facilityCode)!,
            receivedAt: event.occurredAt,
            deviceId: null,
            details: null,
          })),
        )
        .onConflict((oc) => oc.column('eventId').doNothing())
        .execute();
    }
  });
  return events.length;
}
