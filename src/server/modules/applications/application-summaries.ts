// What other modules may know of an enterprise's applications: number, name and live status,
// e.g. for the enterprise desk's project milestones. The caller checks who may see the
// enterprise; these functions only ever answer about the enterprise they are given.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ApplicationStatus } from './applications.tables.ts';

export interface ApplicationSummary {
  id: string;
  receiptNo: string;
  nameZh: string;
  nameEn: string;
  status: ApplicationStatus;
  submittedAt: string;
  promisedDate: string;
  finishedAt: string | null;
}

type Executor = Db | Transaction<Database>;

function summaries(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('applications')
    .select(['id', 'receiptNo', 'nameZh', 'nameEn', 'status', 'submittedAt', 'promisedDate', 'finishedAt'])
    .where('applicantEnterpriseId', '=', enterpriseId);
}

/**
 * The enterprise's application with this id or receipt number (受理编号), or undefined when
 * there is none of that enterprise (another applicant's application is not found either).
 */
export function findEnterpriseApplication(
  db: Executor,
  enterpriseId: string,
  idOrReceiptNo: string,
): Promise<ApplicationSummary | undefined> {
  return summaries(db, enterpriseId)
    .where((eb) => eb.or([eb('id', '=', idOrReceiptNo), eb('receiptNo', '=', idOrReceiptNo)]))
    .executeTakeFirst();
}

/** The enterprise's applications among these ids, with their status now. */
export async function listEnterpriseApplications(
  db: Executor,
  enterpriseId: string,
  ids: readonly string[],
): Promise<ApplicationSummary[]> {
  if (ids.length === 0) return [];
  return summaries(db, enterpriseId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
