import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DepartmentTable, DistrictTable, OfficeTable, StreetTable } from './reference.tables.ts';

export interface DistrictWithStreets extends DistrictTable {
  streets: Omit<StreetTable, 'districtCode'>[];
}

/** All districts in their official order, each with its streets and towns. */
export async function listDistricts(db: Db): Promise<DistrictWithStreets[]> {
  const [districts, streets] = await Promise.all([
    db.selectFrom('districts').selectAll().orderBy('sortOrder').execute(),
    db.selectFrom('streets').selectAll().orderBy('code').execute(),
  ]);
  return districts.map((district) => ({
    ...district,
    streets: streets
      .filter((street) => street.districtCode === district.code)
      .map(({ districtCode: _districtCode, ...street }) => street),
  }));
}

export function listDepartments(db: Db): Promise<DepartmentTable[]> {
  return db.selectFrom('departments').selectAll().orderBy('code').execute();
}

export interface OfficeView extends OfficeTable {
  departmentNameZh: string;
  departmentNameEn: string;
  districtNameZh: string | null;
  districtNameEn: string | null;
  streetNameZh: string | null;
  streetNameEn: string | null;
}

/** Offices with their department, district and street names, optionally only the given ids. */
export async function listOffices(
  db: Db | Transaction<Database>,
  filter: { ids?: string[]; districtCode?: string; departmentCode?: string } = {},
): Promise<OfficeView[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('offices as o')
    .innerJoin('departments as d', 'd.code', 'o.departmentCode')
    .leftJoin('districts as di', 'di.code', 'o.districtCode')
    .leftJoin('streets as s', 's.code', 'o.streetCode')
    .selectAll('o')
    .select([
      'd.nameZh as departmentNameZh',
      'd.nameEn as departmentNameEn',
      'di.nameZh as districtNameZh',
      'di.nameEn as districtNameEn',
      's.nameZh as streetNameZh',
      's.nameEn as streetNameEn',
    ]);
  if (filter.ids) query = query.where('o.id', 'in', filter.ids);
  if (filter.districtCode) query = query.where('o.districtCode', '=', filter.districtCode);
  if (filter.departmentCode) query = query.where('o.departmentCode', '=', filter.departmentCode);
  return query.orderBy('o.code').execute();
}

export async function findOfficeByCode(
  db: Db | Transaction<Database>,
  code: string,
): Promise<OfficeTable | undefined> {
  return db.selectFrom('offices').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findStreet(db: Db, code: string): Promise<StreetTable | undefined> {
  return db.selectFrom('streets').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Writes the reference data (idempotent: existing codes are left as they are). */
export async function upsertReferenceData(
  db: Db,
  data: {
    districts: DistrictTable[];
    streets: StreetTable[];
    departments: DepartmentTable[];
    offices: OfficeTable[];
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const chunks = <T>(rows: T[], size = 200): T[][] =>
      Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
    for (const part of chunks(data.districts)) {
      await trx
        .insertInto('districts')
        .values(part)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (const part of chunks(data.streets)) {
      await trx
        .insertInto('streets')
        .values(part)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (const part of chunks(data.departments)) {
      await trx
        .insertInto('departments')
        .values(part)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (const part of chunks(data.offices)) {
      await trx
        .insertInto('offices')
        .values(part)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
}

/**
 * Gives offices that have no address yet the given address, phone and opening hours (by code).
 * Idempotent, and an address an office already has is never overwritten.
 */
export async function fillMissingOfficeContacts(
  db: Db,
  offices: Pick<OfficeTable, 'code' | 'address' | 'phone' | 'openingHours'>[],
): Promise<number> {
  const missing = new Set(
    (await db.selectFrom('offices').select('code').where('address', 'is', null).execute()).map((o) => o.code),
  );
  const updates = offices.filter((office) => office.address !== null && missing.has(office.code));
  if (updates.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const { code, address, phone, openingHours } of updates) {
      await trx
        .updateTable('offices')
        .set({ address, phone, openingHours })
        .where('code', '=', code)
        .where('address', 'is', null)
        .execute();
    }
  });
  return updates.length;
}

export function findDepartment(
  db: Db | Transaction<Database>,
  code: string,
): Promise<DepartmentTable | undefined> {
  return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
}
