// Every non-2xx answer of the Tongban API has one shape:
// `{"error":{"code","message","details"?,"requestId"}}`, the message in the caller's language.

/** The error body of the Tongban API. */
export interface TongbanErrorBody {
  error: {
    /** Stable, machine-readable, e.g. `OPEN_SCOPE_MISSING`, `RATE_LIMITED`. */
    code: string;
    /** For people, in the language asked for (Accept-Language). */
    message: string;
    details?: unknown;
    requestId?: string;
  };
}

export function isTongbanErrorBody(value: unknown): value is TongbanErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** A refused or failed call: the HTTP status and the API's error code, message and details. */
export class TongbanApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again (429 and 503 answers). */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: TongbanErrorBody['error'], retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'TongbanApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Builds the error from a response and its parsed body (any body: non-JSON answers get a generic code). */
  static from(response: Response, body: unknown): TongbanApiError {
    const retryAfter = Number(response.headers.get('retry-after'));
    const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
    if (isTongbanErrorBody(body)) return new TongbanApiError(response.status, body.error, seconds);
    return new TongbanApiError(
      response.status,
      {
        code: response.status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR',
        message: `HTTP ${response.status} ${response.statusText}`.trim(),
        requestId: response.headers.get('x-request-id') ?? undefined,
      },
      seconds,
    );
  }
}

/** True when `error` is a Tongban API error, optionally with this code. */
export function isTongbanApiError(error: unknown, code?: string): error is TongbanApiError {
  return error instanceof TongbanApiError && (code === undefined || error.code === code);
}
