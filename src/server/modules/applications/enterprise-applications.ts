// The applications of one enterprise, for the enterprise desk's workspace. The caller checks
// that the reader is a member of the enterprise (or its service manager) first.
import type { Db } from '../../platform/db/database.ts';

export interface EnterpriseApplicationItem {
  id: string;
  receiptNo: string;
  status: string;
  nameZh: string;
  nameEn: string;
  submittedAt: string;
  promisedDate: string | null;
  finishedAt: string | null;
}

/** The enterprise's latest applications (newest first) and how many it has in all. */
export async function listEnterpriseApplications(
  db: Db,
  enterpriseId: string,
  limit = 20,
): Promise<{ items: EnterpriseApplicationItem[]; total: number }> {
  const query = db.selectFrom('applications').where('applicantEnterpriseId', '=', enterpriseId);
  const [items, total] = await Promise.all([
    query
      .select(['id', 'receiptNo', 'status', 'nameZh', 'nameEn', 'submittedAt', 'promisedDate', 'finishedAt'])
      .orderBy('submittedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}
