import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { listOffices } from '../reference/reference.service.ts';

/**
 * The competent office per district: the department's office in each district, or its one
 * city-level office for every district. Street-level services route by the applicant's street.
 */
export async function assignCompetentOffices(
  trx: Transaction<Database>,
  entryId: string,
  departmentCode: string,
): Promise<void> {
  const offices = (await listOffices(trx, { departmentCode })).filter((o) => o.streetCode === null);
  const districts = await trx.selectFrom('districts').select('code').execute();
  const rows = districts.flatMap((district) => {
    const office =
      offices.find((o) => o.districtCode === district.code) ?? offices.find((o) => o.districtCode === null);
    return office ? [{ entryId, districtCode: district.code, officeId: office.id }] : [];
  });
  await trx.deleteFrom('catalogOffices').where('entryId', '=', entryId).execute();
  if (rows.length) await trx.insertInto('catalogOffices').values(rows).execute();
}

/**
 * The office that handles an entry for an applicant: the competent office of their district, or
 * for street-level services (a department with offices per street) the office of their street.
 */
export async function findCompetentOffice(
  db: Db | Transaction<Database>,
  input: { entryId: string; departmentCode: string | null; districtCode: string; streetCode?: string | null },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('catalogOffices')
    .select('officeId')
    .where('entryId', '=', input.entryId)
    .where('districtCode', '=', input.districtCode)
    .executeTakeFirst();
  if (row) return row.officeId;
  if (!input.departmentCode) return undefined;
  let query = db
    .selectFrom('offices')
    .select('id')
    .where('departmentCode', '=', input.departmentCode)
    .where('districtCode', '=', input.districtCode);
  query = input.streetCode
    ? query.where('streetCode', '=', input.streetCode)
    : query.where('streetCode', 'is', null);
  const office = await query.orderBy('code').executeTakeFirst();
  return office?.id;
}
