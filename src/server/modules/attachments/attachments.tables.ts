/** The media types an attachment may have, as sniffed from its bytes (never as declared). */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/ofd',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/**
 * A file an applicant uploaded as one material of a service. Unbound (applicationId null) until
 * the applications module binds it in its submit transaction; unbound ones expire after a day.
 */
export interface AttachmentTable {
  id: string;
  ownerUserId: string;
  /** The name the client sent, sanitised for display (see file-name.ts). */
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  /** Which material of the service this is for, as the client named it. */
  materialKey: string;
  createdAt: string;
  applicationId: string | null;
  boundAt: string | null;
}

/** The bytes, kept out of the main row so listing attachments never reads them. */
export interface AttachmentContentTable {
  attachmentId: string;
  content: Buffer;
}
