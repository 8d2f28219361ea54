import type { AttachmentMediaType, AttachmentTable } from './attachments.tables.ts';

/** An attachment as other modules see it (never the content, never the raw row). */
export interface AttachmentView {
  id: string;
  ownerUserId: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  materialKey: string;
  createdAt: string;
  applicationId: string | null;
  boundAt: string | null;
}

export function toAttachmentView(row: AttachmentTable): AttachmentView {
  return {
    id: row.id,
    ownerUserId: row.ownerUserId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    materialKey: row.materialKey,
    createdAt: row.createdAt,
    applicationId: row.applicationId,
    boundAt: row.boundAt,
  };
}

/** The API shape of an upload of one's own (what `POST /api/v1/attachments` answers). */
export function presentUpload(view: AttachmentView) {
  return {
    id: view.id,
    fileName: view.fileName,
    mediaType: view.mediaType,
    sizeBytes: view.sizeBytes,
    sha256: view.sha256,
    materialKey: view.materialKey,
    createdAt: view.createdAt,
  };
}
