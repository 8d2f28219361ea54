// The one way the web app talks to the server: same-origin JSON, the user's language
// in Accept-Language (server messages come back in it), and the CSRF token on every
// state-changing request.
import i18n from '../i18n/index.ts';
import type { ValidationDetail } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** Remembers the CSRF token from `GET /api/v1/me` (or the login/register answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, or revoked elsewhere). */
export function setSignedOutHandler(handler: (() => void) | null): void {
  onSignedOut = handler;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems of a VALIDATION_FAILED answer, keyed by the top-level body property. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    if (!Array.isArray(this.details)) return result;
    for (const detail of this.details as unknown[]) {
      if (!isValidationDetail(detail)) continue;
      const field = fieldFromPointer(detail.path);
      if (field && !(field in result)) result[field] = detail.message;
    }
    return result;
  }
}

function isValidationDetail(value: unknown): value is ValidationDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ValidationDetail).path === 'string' &&
    typeof (value as ValidationDetail).message === 'string'
  );
}

/** "/idNumber" → "idNumber"; "/a~1b/c" → "a/b" (JSON pointer unescaping, first segment). */
function fieldFromPointer(pointer: string): string | null {
  const first = pointer.split('/')[1];
  if (!first) return null;
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The language tag the server should answer in. */
export function requestLanguage(): string {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const retryAfterHeader = response.headers.get('retry-after');
  const retryAfter =
    retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : i18n.t('errors.unexpected');
    return new ApiError(response.status, error.code, message, error.details, retryAfter);
  }
  // A proxy or gateway answering for a server that is down or restarting.
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new ApiError(response.status, 'NETWORK_ERROR', i18n.t('errors.network'), null, retryAfter);
  }
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected'), null, retryAfter);
}

/** Fetches a fresh CSRF token, e.g. after the session cookie changed in another tab. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await send<{ csrfToken?: unknown }>('GET', '/api/v1/me');
    if (typeof me.csrfToken !== 'string') return false;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/** Sends one API request; resolves with the parsed JSON (undefined for 204) or throws ApiError. */
export async function apiRequest<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  try {
    return await send<T>(method, path, body, extraHeaders);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // A stale CSRF token: fetch the current one and try once more.
    if (error.code === 'AUTH_CSRF_INVALID' && (await refreshCsrfToken()))
      return send<T>(method, path, body, extraHeaders);
    if (error.status === 401 && error.code === 'AUTH_REQUIRED' && path !== '/api/v1/me') onSignedOut?.();
    throw error;
  }
}

async function send<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json',
    'Accept-Language': requestLanguage(),
  };
  // Only announce JSON when there is a body: an empty body labelled JSON is a 400.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null);
  }

  const text = response.status === 204 ? '' : await response.text();
  const parsed = text ? parseJson(text) : undefined;
  if (!response.ok) throw toApiError(response, parsed);
  if (text && parsed === undefined) {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected'), null);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};
