// Reads the multipart upload form as a stream with hard limits: one file of at most maxBytes
// (busboy stops counting there and we answer 413 without storing anything), a few small fields.
import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError } from '../../platform/errors.ts';
import { MATERIAL_KEY_PATTERN } from './attachments.schemas.ts';

export interface UploadFormData {
  fileName: string;
  content: Buffer;
  materialKey: string;
}

const MATERIAL_KEY = new RegExp(MATERIAL_KEY_PATTERN);

/** The form's file and `materialKey`; either order of parts is fine. */
export async function readUploadForm(request: FastifyRequest, maxBytes: number): Promise<UploadFormData> {
  if (!request.isMultipart()) throw new AppError('ATTACHMENT_FORM_INVALID');
  let file: { fileName: string; content: Buffer } | undefined;
  let materialKey: string | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 50 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        file = { fileName: part.filename, content: await part.toBuffer() };
      } else if (part.fieldname === 'materialKey' && typeof part.value === 'string') {
        materialKey = part.value.trim();
      }
    }
  } catch (error) {
    throw translateMultipartError(error, maxBytes);
  }
  if (!file || materialKey === undefined || !MATERIAL_KEY.test(materialKey)) {
    throw new AppError('ATTACHMENT_FORM_INVALID');
  }
  return { ...file, materialKey };
}

function translateMultipartError(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('ATTACHMENT_TOO_LARGE', { maxSize: formatBytes(maxBytes) }, { maxBytes });
  }
  if (typeof code === 'string' && code.startsWith('FST_')) return new AppError('ATTACHMENT_FORM_INVALID');
  // busboy's own complaints about a malformed body ("Unexpected end of form", bad boundary…)
  if (error instanceof Error && !('statusCode' in error && Number(error.statusCode) >= 500)) {
    return new AppError('ATTACHMENT_FORM_INVALID');
  }
  return error;
}

/** 10485760 → "10 MB", 512000 → "500 KB" (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
