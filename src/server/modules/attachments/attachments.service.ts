// Uploading, reading and deleting one's own unbound attachments, binding them to an application
// (called by the applications module inside its submit transaction), and reading them back for
// the applications module, which checks who may see an application before it calls us.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { dialectOf, nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  bindRows,
  countOfApplication,
  countUnboundOfOwner,
  deleteAttachmentRows,
  findAttachmentRow,
  findAttachmentRows,
  insertAttachment,
  listRowsOfApplication,
  readContent,
} from './attachments.repository.ts';
import { toAttachmentView, type AttachmentView } from './attachments.presenter.ts';
import { sanitizeFileName, withExtensionFor } from './file-name.ts';
import { sniffMediaType } from './media-type.ts';

export type { AttachmentView } from './attachments.presenter.ts';

/** Most attachments one application may have. */
export const MAX_ATTACHMENTS_PER_APPLICATION = 20;

type Executor = Db | Transaction<Database>;

export interface UploadInput {
  /** The name the client sent (any text; sanitised here). */
  fileName: string;
  content: Buffer;
  materialKey: string;
}

export interface UploadContext {
  actor: AuditActor;
  requestId: string;
  /** Most unbound uploads the user may hold (config `uploadMaxUnbound`). */
  maxUnbound: number;
}

/**
 * Stores an upload of the signed-in user after sniffing its real type: PDF, JPEG, PNG or OFD,
 * whatever the name or declared type say. Refuses an empty file and a user who already holds
 * `maxUnbound` unbound uploads. The audit record names the file, never its content.
 */
export async function uploadAttachment(
  db: Db,
  principal: Principal,
  input: UploadInput,
  context: UploadContext,
): Promise<AttachmentView> {
  if (input.content.length === 0) throw new AppError('ATTACHMENT_EMPTY');
  const mediaType = await sniffMediaType(input.content);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const row = {
    id: uuidv7(),
    ownerUserId: principal.userId,
    fileName: withExtensionFor(sanitizeFileName(input.fileName), mediaType),
    mediaType,
    sizeBytes: input.content.length,
    sha256,
    materialKey: input.materialKey,
    createdAt: nowIso(),
    applicationId: null,
    boundAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await lockFor(trx, `attachments:owner:${principal.userId}`);
    if ((await countUnboundOfOwner(trx, principal.userId)) >= context.maxUnbound) {
      throw new AppError(
        'ATTACHMENT_UPLOAD_LIMIT',
        { limit: context.maxUnbound },
        { limit: context.maxUnbound },
      );
    }
    await insertAttachment(trx, row, input.content);
    await appendAudit(trx, {
      actor: context.actor,
      action: 'attachment.upload',
      objectType: 'attachment',
      objectId: row.id,
      requestId: context.requestId,
      details: {
        fileName: row.fileName,
        mediaType,
        sizeBytes: row.sizeBytes,
        sha256,
        materialKey: row.materialKey,
      },
    });
  });
  return toAttachmentView(row);
}

/**
 * One of the caller's own uploads that is not yet part of an application. Another user's
 * upload is answered as not found; a bound one is reached through its application instead.
 */
export async function getOwnUnboundAttachment(
  db: Executor,
  principal: Principal,
  id: string,
): Promise<AttachmentView> {
  const row = await findAttachmentRow(db, id);
  if (!row || row.ownerUserId !== principal.userId) throw new AppError('ATTACHMENT_NOT_FOUND');
  if (row.applicationId !== null) throw new AppError('ATTACHMENT_ALREADY_USED');
  return toAttachmentView(row);
}

/** The content of one of the caller's own unbound uploads (same rules as getOwnUnboundAttachment). */
export async function readOwnUnboundContent(
  db: Db,
  principal: Principal,
  id: string,
): Promise<{ view: AttachmentView; content: Buffer }> {
  const view = await getOwnUnboundAttachment(db, principal, id);
  const content = await readContent(db, id);
  if (!content) throw new AppError('ATTACHMENT_NOT_FOUND');
  return { view, content };
}

/** Deletes one of the caller's own unbound uploads, with an audit record. */
export async function deleteOwnAttachment(
  db: Db,
  principal: Principal,
  id: string,
  context: { actor: AuditActor; requestId: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockFor(trx, `attachments:owner:${principal.userId}`);
    const view = await getOwnUnboundAttachment(trx, principal, id);
    await deleteAttachmentRows(trx, [id]);
    await appendAudit(trx, {
      actor: context.actor,
      action: 'attachment.delete',
      objectType: 'attachment',
      objectId: id,
      requestId: context.requestId,
      details: { fileName: view.fileName, sha256: view.sha256, materialKey: view.materialKey },
    });
  });
}

/**
 * Binds the owner's uploads to an application, inside the caller's (submit) transaction. Every
 * id must exist (ATTACHMENT_NOT_FOUND), belong to the owner (ATTACHMENT_NOT_YOURS) and be
 * unbound or already bound to this same application (a retried submit is harmless; otherwise
 * ATTACHMENT_ALREADY_USED); the application may then hold at most 20 (ATTACHMENT_LIMIT). Every
 * check runs before anything is written, and the error rolls the caller's transaction back.
 * Returns the attachments in the order of the ids given (duplicates once). Writes no audit
 * record of its own: the submit that calls it records the application with its attachment ids.
 */
export async function bindAttachments(
  trx: Transaction<Database>,
  input: { ownerUserId: string; attachmentIds: string[]; applicationId: string },
): Promise<AttachmentView[]> {
  const ids = [...new Set(input.attachmentIds)];
  if (ids.length === 0) return [];
  await lockFor(trx, `attachments:application:${input.applicationId}`);
  const rows = new Map((await findAttachmentRows(trx, ids)).map((row) => [row.id, row]));
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND', {}, { attachmentId: id });
    if (row.ownerUserId !== input.ownerUserId) {
      throw new AppError('ATTACHMENT_NOT_YOURS', {}, { attachmentId: id });
    }
    if (row.applicationId !== null && row.applicationId !== input.applicationId) {
      throw new AppError('ATTACHMENT_ALREADY_USED', {}, { attachmentId: id });
    }
  }
  const toBind = ids.filter((id) => rows.get(id)!.applicationId === null);
  const alreadyBound = await countOfApplication(trx, input.applicationId);
  if (alreadyBound + toBind.length > MAX_ATTACHMENTS_PER_APPLICATION) {
    throw new AppError(
      'ATTACHMENT_LIMIT',
      { limit: MAX_ATTACHMENTS_PER_APPLICATION },
      { limit: MAX_ATTACHMENTS_PER_APPLICATION },
    );
  }
  const boundAt = nowIso();
  const bound = await bindRows(trx, toBind, input.ownerUserId, input.applicationId, boundAt);
  if (bound !== toBind.length) {
    // PostgreSQL only: another transaction bound (or the cleanup deleted) one of them meanwhile.
    const after = new Map((await findAttachmentRows(trx, toBind)).map((row) => [row.id, row]));
    const lost = toBind.find((id) => after.get(id)?.applicationId !== input.applicationId)!;
    throw new AppError(
      after.has(lost) ? 'ATTACHMENT_ALREADY_USED' : 'ATTACHMENT_NOT_FOUND',
      {},
      {
        attachmentId: lost,
      },
    );
  }
  return ids.map((id) => {
    const row = rows.get(id)!;
    return toAttachmentView(
      row.applicationId === null ? { ...row, applicationId: input.applicationId, boundAt } : row,
    );
  });
}

/** The attachments bound to an application, oldest first. The caller checks who may see them. */
export async function listApplicationAttachments(
  db: Executor,
  applicationId: string,
): Promise<AttachmentView[]> {
  return (await listRowsOfApplication(db, applicationId)).map(toAttachmentView);
}

/** One attachment by id, bound or not, or undefined. The caller checks who may see it. */
export async function findAttachment(db: Executor, id: string): Promise<AttachmentView | undefined> {
  const row = await findAttachmentRow(db, id);
  return row ? toAttachmentView(row) : undefined;
}

/**
 * An attachment with its content, or undefined. The caller (the applications module's download
 * route) checks access and that the attachment belongs to the application it is reached through.
 */
export async function readAttachmentContent(
  db: Executor,
  attachmentId: string,
): Promise<{ view: AttachmentView; content: Buffer } | undefined> {
  const row = await findAttachmentRow(db, attachmentId);
  if (!row) return undefined;
  const content = await readContent(db, attachmentId);
  return content ? { view: toAttachmentView(row), content } : undefined;
}

/**
 * Serialises writers of one key within a transaction on PostgreSQL (a transaction-scoped
 * advisory lock), so two concurrent uploads cannot both pass the count check. On SQLite every
 * transaction already takes the write lock when it begins (BEGIN IMMEDIATE).
 */
async function lockFor(trx: Transaction<Database>, key: string): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}
