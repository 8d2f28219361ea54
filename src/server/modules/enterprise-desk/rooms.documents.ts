// Documents shared in a room. Uploads go through the attachments module's upload path (the
// streamed multipart form with its hard size limit) and its content sniffing (PDF, OFD, JPEG,
// PNG by their bytes, never the name); the room keeps the file in its own tables, so it lasts as
// long as the room rather than the day an unbound upload lives.
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { sanitizeFileName, withExtensionFor } from '../attachments/file-name.ts';
import { sniffMediaType } from '../attachments/media-type.ts';
import type { UploadFormData } from '../attachments/upload-form.ts';
import { userDisplayNames } from '../identity/applicants.service.ts';
import { findChecklistItem, listDocuments, recordActivity } from './rooms.repository.ts';
import { assertRoomMember } from './rooms.service.ts';
import type { DeskRoomDocumentTable } from './rooms.tables.ts';
import type { DeskContext } from './visits.service.ts';

/** The upload form's `materialKey` for a document that answers no checklist item. */
export const ROOM_DOCUMENT_KEY = 'room-document';

export interface DocumentView {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string;
  checklistItemId: string | null;
  createdAt: string;
}

async function presentDocuments(db: Db, rows: DeskRoomDocumentTable[]): Promise<DocumentView[]> {
  const names = await userDisplayNames(
    db,
    rows.map((r) => r.uploadedByUserId),
  );
  return rows.map((row) => ({
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByName: names.get(row.uploadedByUserId) ?? '',
    checklistItemId: row.checklistItemId,
    createdAt: row.createdAt,
  }));
}

/** The room's documents, newest first (members only). */
export async function listRoomDocuments(
  db: Db,
  principal: Principal,
  roomId: string,
): Promise<DocumentView[]> {
  await assertRoomMember(db, principal, roomId);
  return presentDocuments(db, await listDocuments(db, roomId));
}

/**
 * Shares an uploaded file in the room. The form's `materialKey` is either `room-document` or the
 * id of the checklist item the file answers (which is then ticked off). Audited (name and hash,
 * never the content).
 */
export async function shareRoomDocument(
  context: DeskContext,
  roomId: string,
  readForm: () => Promise<UploadFormData>,
): Promise<DocumentView> {
  const { db, principal } = context;
  // Membership before the body is read: a stranger's upload is never looked at.
  const { room } = await assertRoomMember(db, principal, roomId);
  const form = await readForm();
  if (form.content.length === 0) throw new AppError('ATTACHMENT_EMPTY');
  const mediaType = await sniffMediaType(form.content);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  const item =
    form.materialKey === ROOM_DOCUMENT_KEY
      ? undefined
      : await findChecklistItem(db, roomId, form.materialKey);
  if (form.materialKey !== ROOM_DOCUMENT_KEY && !item)
    throw new AppError('DESK_ROOM_CHECKLIST_ITEM_NOT_FOUND');
  const at = nowIso();
  const row: DeskRoomDocumentTable = {
    id: uuidv7(),
    roomId,
    uploadedByUserId: principal.userId,
    fileName: withExtensionFor(sanitizeFileName(form.fileName), mediaType),
    mediaType,
    sizeBytes: form.content.length,
    sha256: createHash('sha256').update(form.content).digest('hex'),
    checklistItemId: item?.id ?? null,
    createdAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskRoomDocuments').values(row).execute();
    await trx
      .insertInto('deskRoomDocumentContents')
      .values({ documentId: row.id, content: form.content })
      .execute();
    if (item && item.isDone === 0) {
      await trx
        .updateTable('deskRoomChecklistItems')
        .set({ isDone: 1, doneByUserId: principal.userId, doneAt: at })
        .where('id', '=', item.id)
        .execute();
    }
    await recordActivity(trx, roomId, principal.userId, 'document', {
      fileName: row.fileName,
      ...(item ? { label: item.label } : {}),
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.room.document.share',
      objectType: 'desk_room_document',
      objectId: row.id,
      subjectEnterpriseId: room.enterpriseId,
      requestId: context.requestId,
      details: { roomId, fileName: row.fileName, mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
  });
  return (await presentDocuments(db, [row]))[0]!;
}

/** A document's content, for members of its room only. */
export async function readRoomDocument(
  db: Db,
  principal: Principal,
  roomId: string,
  documentId: string,
): Promise<{ view: DocumentView; content: Buffer }> {
  await assertRoomMember(db, principal, roomId);
  const row = await db
    .selectFrom('deskRoomDocuments')
    .selectAll()
    .where('roomId', '=', roomId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  const content = row
    ? await db
        .selectFrom('deskRoomDocumentContents')
        .select('content')
        .where('documentId', '=', documentId)
        .executeTakeFirst()
    : undefined;
  if (!row || !content) throw new AppError('DESK_ROOM_DOCUMENT_NOT_FOUND');
  return { view: (await presentDocuments(db, [row]))[0]!, content: Buffer.from(content.content) };
}
