import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export function findEntryById(db: Executor, id: string) {
  return db.selectFrom('catalogEntries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEntryByCode(db: Executor, code: string) {
  return db.selectFrom('catalogEntries').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findVersion(db: Executor, id: string) {
  return db.selectFrom('catalogVersions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextVersionNumber(db: Executor, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('catalogVersions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('entryId', '=', entryId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Every published entry (or the one given) with its published definition, for the search index. */
export function listPublished(db: Executor, entryId?: string) {
  let query = db
    .selectFrom('catalogEntries as e')
    .innerJoin('catalogVersions as v', 'v.id', 'e.publishedVersionId')
    .select([
      'e.id',
      'e.code',
      'e.entryType',
      'e.departmentCode',
      'e.popularity',
      'v.id as versionId',
      'v.version',
      'v.definition',
      'v.effectiveFrom',
    ])
    .where('e.status', '=', 'published')
    .orderBy('e.code');
  if (entryId) query = query.where('e.id', '=', entryId);
  return query.execute();
}

/** Entries of a department (or all) with their draft and published version numbers, for authors. */
export function listForAuthors(db: Executor, departmentCodes: string[] | 'all') {
  let query = db
    .selectFrom('catalogEntries as e')
    .leftJoin('catalogVersions as p', 'p.id', 'e.publishedVersionId')
    .leftJoin('catalogVersions as d', 'd.id', 'e.draftVersionId')
    .select([
      'e.id',
      'e.code',
      'e.entryType',
      'e.departmentCode',
      'e.status',
      'e.updatedAt',
      'p.version as publishedVersion',
      'd.version as draftVersion',
      'p.definition as publishedDefinition',
      'd.definition as draftDefinition',
    ])
    .orderBy('e.code');
  if (departmentCodes !== 'all')
    query = query.where('e.departmentCode', 'in', departmentCodes.length ? departmentCodes : ['']);
  return query.execute();
}

export function listOfficesOfEntry(db: Executor, entryId: string) {
  return db
    .selectFrom('catalogOffices')
    .select(['districtCode', 'officeId'])
    .where('entryId', '=', entryId)
    .execute();
}
