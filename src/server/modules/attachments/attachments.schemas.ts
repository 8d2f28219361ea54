import { Type } from 'typebox';
import { ATTACHMENT_MEDIA_TYPES } from './attachments.tables.ts';

/** Which material of the service a file is for: a short key the client names. */
export const MATERIAL_KEY_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$';

export const AttachmentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const AttachmentSchema = Type.Object(
  {
    id: Type.String(),
    fileName: Type.String({ description: 'The name sent, sanitised for display' }),
    mediaType: Type.Unsafe<(typeof ATTACHMENT_MEDIA_TYPES)[number]>({
      type: 'string',
      enum: [...ATTACHMENT_MEDIA_TYPES],
      description: 'As sniffed from the content, not as declared',
    }),
    sizeBytes: Type.Integer(),
    sha256: Type.String({ description: 'Hex SHA-256 of the content' }),
    materialKey: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** Documents the multipart form in OpenAPI; the route reads it as a stream, not through ajv. */
export const UploadForm = Type.Object({
  materialKey: Type.String({ pattern: MATERIAL_KEY_PATTERN, description: 'Which material this file is for' }),
  file: Type.String({
    format: 'binary',
    description: 'One PDF, OFD, JPEG or PNG file (the content decides, not the name)',
  }),
});
