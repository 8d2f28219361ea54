// Uploading materials before an application is submitted. Uploads go through XMLHttpRequest
// rather than fetch so the page can show upload progress; everything else uses the API client.
import i18n from '../i18n/index.ts';
import { api, ApiError, requestLanguage } from './client.ts';
import type { Me } from './types.ts';

/** What the server answers for an upload (`POST /api/v1/attachments`). */
export interface UploadedAttachment {
  id: string;
  fileName: string;
  /** As sniffed from the content by the server. */
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd';
  sizeBytes: number;
  sha256: string;
  materialKey: string;
  createdAt: string;
}

/** What the file picker offers; the server decides by the content, whatever the name. */
export const ACCEPTED_FILE_TYPES =
  '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,application/ofd,image/jpeg,image/png';

/** The server's default size limit (TONGBAN_UPLOAD_MAX_BYTES). */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const attachmentContentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}/content`;

export const deleteAttachment = (id: string) => api.delete(`/api/v1/attachments/${encodeURIComponent(id)}`);

// The session's CSRF token, fetched from GET /api/v1/me when first needed and again if the
// server says it is stale (signed in again in another tab).
let csrfToken: string | null = null;

async function currentCsrfToken(refresh: boolean): Promise<string> {
  if (!csrfToken || refresh) csrfToken = (await api.get<Me>('/api/v1/me')).csrfToken;
  return csrfToken;
}

export interface UploadOptions {
  /** Called as bytes leave the browser: a fraction from 0 to 1. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** Uploads one file as the given material; resolves with the stored attachment or throws ApiError. */
export async function uploadAttachment(
  file: File,
  materialKey: string,
  options: UploadOptions = {},
): Promise<UploadedAttachment> {
  try {
    return await send(file, materialKey, await currentCsrfToken(false), options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'AUTH_CSRF_INVALID') throw error;
    return send(file, materialKey, await currentCsrfToken(true), options);
  }
}

function send(
  file: File,
  materialKey: string,
  token: string,
  { onProgress, signal }: UploadOptions,
): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('materialKey', materialKey);
    form.append('file', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/attachments');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', requestLanguage());
    request.setRequestHeader('x-csrf-token', token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parse(request.responseText);
      if (request.status === 201 && body) {
        resolve(body as UploadedAttachment);
        return;
      }
      reject(toError(request.status, body));
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null));
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('Upload cancelled', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => request.abort(), { once: true });
    }
    request.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function toError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  // A proxy in front of the server refusing a large body answers without our error shape.
  if (status === 413) {
    return new ApiError(status, 'ATTACHMENT_TOO_LARGE', i18n.t('attachments.errors.tooLargeGeneric'), null);
  }
  if (status === 0 || status === 502 || status === 503 || status === 504) {
    return new ApiError(status, 'NETWORK_ERROR', i18n.t('errors.network'), null);
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected'), null);
}
