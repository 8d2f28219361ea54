import type { Transaction } from 'kysely';
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
