// What the payments module may know of an applicant's applications to charge their fee (办事费用):
// the service version each was filed under (its fee) and the office that received it. The caller
// says whose applications (a person, or an enterprise the caller represents, checked first).
import type { Transaction } from 'kysely';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findVersionDefinition } from '../catalog/catalog-versions.service.ts';

type Executor = Db | Transaction<Database>;

export interface ApplicationFee {
  applicationId: string;
  receiptNo: string;
  nameZh: string;
  nameEn: string;
  submittedAt: string;
  receivingOfficeId: string;
  feeFen: number;
}

/**
 * The applicant's service applications (not withdrawn or refused) whose service charges a fee,
 * newest first. Bundles charge no fee of their own.
 */
export async function listApplicationFees(
  db: Executor,
  applicant: { personId: string } | { enterpriseId: string },
): Promise<ApplicationFee[]> {
  let query = db
    .selectFrom('applications')
    .select(['id', 'receiptNo', 'nameZh', 'nameEn', 'submittedAt', 'receivingOfficeId', 'versionId'])
    .where('entryType', '=', 'service')
    .where('status', 'not in', ['withdrawn', 'refused'])
    .orderBy('submittedAt', 'desc')
    .limit(200);
  query =
    'personId' in applicant
      ? query.where('applicantPersonId', '=', applicant.personId)
      : query.where('applicantEnterpriseId', '=', applicant.enterpriseId);
  const fees: ApplicationFee[] = [];
  for (const row of await query.execute()) {
    const definition = (await findVersionDefinition(db, row.versionId)) as ServiceDefinition | undefined;
    if (!definition || !(definition.feeFen > 0)) continue;
    fees.push({
      applicationId: row.id,
      receiptNo: row.receiptNo,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      submittedAt: row.submittedAt,
      receivingOfficeId: row.receivingOfficeId,
      feeFen: definition.feeFen,
    });
  }
  return fees;
}
