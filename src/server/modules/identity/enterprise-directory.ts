// The enterprises the platform knows (the register's population), for modules that work across
// all of them — the enterprise desk's policy matching and its metrics. Identity owns the table.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export interface EnterpriseDirectoryEntry {
  id: string;
  name: string;
  districtCode: string | null;
  streetCode: string | null;
}

/** Every enterprise (optionally of one district or street), by name. */
export function listEnterpriseDirectory(
  db: Executor,
  filter: { districtCode?: string; streetCode?: string } = {},
): Promise<EnterpriseDirectoryEntry[]> {
  let query = db.selectFrom('enterprises').select(['id', 'name', 'districtCode', 'streetCode']);
  if (filter.districtCode) query = query.where('districtCode', '=', filter.districtCode);
  if (filter.streetCode) query = query.where('streetCode', '=', filter.streetCode);
  return query.orderBy('name').orderBy('id').execute();
}

/** Names of enterprises by id. */
export async function enterpriseNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
