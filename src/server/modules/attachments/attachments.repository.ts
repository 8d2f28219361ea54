// Short named queries over the attachments tables; no business rules here.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AttachmentTable } from './attachments.tables.ts';

type Executor = Db | Transaction<Database>;

export function findAttachmentRow(db: Executor, id: string): Promise<AttachmentTable | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAttachmentRows(db: Executor, ids: readonly string[]): Promise<AttachmentTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachments').selectAll().where('id', 'in', ids).execute();
}

export function listRowsOfApplication(db: Executor, applicationId: string): Promise<AttachmentTable[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function countUnboundOfOwner(db: Executor, ownerUserId: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ownerUserId', '=', ownerUserId)
    .where('applicationId', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countOfApplication(db: Executor, applicationId: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('applicationId', '=', applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertAttachment(
  trx: Transaction<Database>,
  row: AttachmentTable,
  content: Buffer,
): Promise<void> {
  await trx.insertInto('attachments').values(row).execute();
  await trx.insertInto('attachmentContents').values({ attachmentId: row.id, content }).execute();
}

export async function readContent(db: Executor, id: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('attachmentContents')
    .select('content')
    .where('attachmentId', '=', id)
    .executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

/** Binds those of the rows that are still unbound and the owner's; returns how many it bound. */
export async function bindRows(
  trx: Transaction<Database>,
  ids: readonly string[],
  ownerUserId: string,
  applicationId: string,
  boundAt: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('attachments')
    .set({ applicationId, boundAt })
    .where('id', 'in', ids)
    .where('ownerUserId', '=', ownerUserId)
    .where('applicationId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteAttachmentRows(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('attachmentContents').where('attachmentId', 'in', ids).execute();
  await db.deleteFrom('attachments').where('id', 'in', ids).execute();
}

/** Ids of unbound uploads created before `before`, oldest first. */
export async function listExpiredUnboundIds(
  trx: Transaction<Database>,
  before: string,
  limit: number,
  lockRows: boolean,
): Promise<string[]> {
  let query = trx
    .selectFrom('attachments')
    .select('id')
    .where('applicationId', 'is', null)
    .where('createdAt', '<', before)
    .orderBy('createdAt')
    .limit(limit);
  // PostgreSQL: a submit binding one of these waits for us, then finds it gone.
  if (lockRows) query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  return rows.map((row) => row.id);
}
