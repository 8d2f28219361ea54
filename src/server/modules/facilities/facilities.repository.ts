// Short named queries over the facility tables; no business rules here.
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { FacilityTable, FacilityTier } from './facilities.tables.ts';
import type { FacilityRecord } from './facility-record.ts';

type Conn = Db | Transaction<Database>;

export interface FacilityFilter {
  service?: string;
  tier?: FacilityTier;
  district?: string;
  street?: string;
  box?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
}

function filtered(db: Conn, filter: FacilityFilter) {
  let query = db.selectFrom('facilities');
  if (filter.tier) query = query.where('tier', '=', filter.tier);
  if (filter.district) query = query.where('districtCode', '=', filter.district);
  if (filter.street) query = query.where('streetCode', '=', filter.street);
  if (filter.service) {
    // Services are stored `a;b;c`; wrapping both sides in `;` matches whole keys only.
    query = query.where(sql<string>`';' || services || ';'`, 'like', `%;${filter.service};%`);
  }
  if (filter.box) {
    query = query
      .where('lat', '>=', filter.box.minLat)
      .where('lat', '<=', filter.box.maxLat)
      .where('lng', '>=', filter.box.minLng)
      .where('lng', '<=', filter.box.maxLng);
  }
  return query;
}

export function selectFacilities(db: Conn, filter: FacilityFilter): Promise<FacilityTable[]> {
  return filtered(db, filter).selectAll().orderBy('code').execute();
}

export function selectFacilityPage(
  db: Conn,
  filter: FacilityFilter,
  page: { limit: number; offset: number },
): Promise<FacilityTable[]> {
  return filtered(db, filter).selectAll().orderBy('code').limit(page.limit).offset(page.offset).execute();
}

export async function countFacilities(db: Conn, filter: FacilityFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** How many of the filtered facilities offer each service (one query, one sum per service). */
export async function countServices(
  db: Conn,
  filter: FacilityFilter,
  keys: readonly string[],
): Promise<Record<string, number>> {
  const row = await filtered(db, filter)
    .select(
      keys.map((key, index) =>
        sql<number>`sum(case when ';' || services || ';' like ${`%;${key};%`} then 1 else 0 end)`.as(
          `s${index}`,
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  const sums = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((key, index) => [key, Number(sums[`s${index}`] ?? 0)]));
}

export function findFacilityByCode(db: Conn, code: string): Promise<FacilityTable | undefined> {
  return db.selectFrom('facilities').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Facilities in code order after `afterCode`, for streaming exports. */
export function selectFacilitiesAfter(db: Conn, afterCode: string, limit: number): Promise<FacilityTable[]> {
  return db
    .selectFrom('facilities')
    .selectAll()
    .where('code', '>', afterCode)
    .orderBy('code')
    .limit(limit)
    .execute();
}

/**
 * Inserts or updates (by code) the registry fields of many facilities in one statement.
 * Codes must be distinct within one call (PostgreSQL refuses to update a row twice). A staff
 * count given is set on insert only; the CSV does not carry it, so an update leaves it alone.
 */
export async function upsertFacilityRecords(
  db: Conn,
  records: (FacilityRecord & { staffCount?: number | null })[],
  now: string,
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('facilities')
    .values(
      records.map((record) => ({
        ...record,
        id: uuidv7(),
        staffCount: record.staffCount ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        nameType: eb.ref('excluded.nameType'),
        tier: eb.ref('excluded.tier'),
        districtCode: eb.ref('excluded.districtCode'),
        streetCode: eb.ref('excluded.streetCode'),
        address: eb.ref('excluded.address'),
        lat: eb.ref('excluded.lat'),
        lng: eb.ref('excluded.lng'),
        builtYear: eb.ref('excluded.builtYear'),
        renovatedYear: eb.ref('excluded.renovatedYear'),
        operatorModel: eb.ref('excluded.operatorModel'),
        operatorName: eb.ref('excluded.operatorName'),
        services: eb.ref('excluded.services'),
        openingHours: eb.ref('excluded.openingHours'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .execute();
}

export function selectTerminals(db: Conn, facilityId: string) {
  return db
    .selectFrom('facilityTerminals')
    .select(['id', 'model', 'installedOn'])
    .where('facilityId', '=', facilityId)
    .orderBy('id')
    .execute();
}

export interface FacilityCounts {
  total: number;
  byTier: { tier: string; count: number }[];
  byNameType: { nameType: string; count: number }[];
  byDistrict: { districtCode: string; count: number; builtOrRenovatedSince2014: number }[];
  builtOrRenovatedSince2014: number;
  streetsWithFacilities: number;
  streetsWithPurchased: number;
  districtStreets: { districtCode: string; streets: number; purchased: number }[];
}

export async function countFacilitiesBy(db: Conn, districtCode?: string): Promise<FacilityCounts> {
  const from = () => {
    const query = db.selectFrom('facilities');
    return districtCode ? query.where('districtCode', '=', districtCode) : query;
  };
  const recent = sql<number>`sum(case when built_year >= 2014 or renovated_year >= 2014 then 1 else 0 end)`;
  const [byTier, byNameType, byDistrict, streets] = await Promise.all([
    from()
      .select(['tier', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('tier')
      .execute(),
    from()
      .select(['nameType', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('nameType')
      .orderBy('nameType')
      .execute(),
    from()
      .select([
        'districtCode',
        (eb) => eb.fn.countAll<number>().as('count'),
        recent.as('builtOrRenovatedSince2014'),
      ])
      .groupBy('districtCode')
      .orderBy('districtCode')
      .execute(),
    from()
      .select([
        'districtCode',
        'streetCode',
        sql<number>`max(case when operator_model = 'purchased' then 1 else 0 end)`.as('purchased'),
      ])
      .groupBy(['districtCode', 'streetCode'])
      .execute(),
  ]);
  const num = (value: unknown) => Number(value ?? 0);
  const districtStreets = new Map<string, { districtCode: string; streets: number; purchased: number }>();
  for (const street of streets) {
    const entry = districtStreets.get(street.districtCode) ?? {
      districtCode: street.districtCode,
      streets: 0,
      purchased: 0,
    };
    entry.streets += 1;
    entry.purchased += num(street.purchased);
    districtStreets.set(street.districtCode, entry);
  }
  return {
    total: byTier.reduce((sum, row) => sum + num(row.count), 0),
    byTier: byTier.map((row) => ({ tier: row.tier, count: num(row.count) })),
    byNameType: byNameType.map((row) => ({ nameType: row.nameType, count: num(row.count) })),
    byDistrict: byDistrict.map((row) => ({
      districtCode: row.districtCode,
      count: num(row.count),
      builtOrRenovatedSince2014: num(row.builtOrRenovatedSince2014),
    })),
    builtOrRenovatedSince2014: byDistrict.reduce((sum, row) => sum + num(row.builtOrRenovatedSince2014), 0),
    streetsWithFacilities: streets.length,
    streetsWithPurchased: streets.reduce((sum, row) => sum + num(row.purchased), 0),
    districtStreets: [...districtStreets.values()],
  };
}

/** Per street of one district: facilities by tier, how many new, how many run by a purchased service. */
export function countStreetsOf(db: Conn, districtCode: string) {
  const recent = sql<number>`sum(case when built_year >= 2014 or renovated_year >= 2014 then 1 else 0 end)`;
  const tier = (name: string) => sql<number>`sum(case when tier = ${name} then 1 else 0 end)`;
  return db
    .selectFrom('facilities')
    .select([
      'streetCode',
      (eb) => eb.fn.countAll<number>().as('total'),
      tier('street').as('street'),
      tier('area').as('area'),
      tier('village').as('village'),
      recent.as('recent'),
      sql<number>`sum(case when operator_model = 'purchased' then 1 else 0 end)`.as('purchased'),
    ])
    .where('districtCode', '=', districtCode)
    .groupBy('streetCode')
    .orderBy('streetCode')
    .execute();
}
