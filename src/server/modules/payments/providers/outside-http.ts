// JSON over HTTP to a system outside the city (a payment provider, a utility company): a timeout
// per attempt, and for requests that are safe to repeat, retries with exponential backoff (timeouts,
// network errors and 5xx only; a 4xx answer is final). The callers turn the outcome into their
// port's errors (unavailable: try later; rejected: do not retry).
import {
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';

/** The outside system answered with an HTTP error; `code` is its own error code, if it gave one. */
export class OutsideHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The outside system could not be reached, timed out, or answered 5xx. */
export class OutsideUnavailableError extends Error {}

export interface OutsideClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Retries after the first attempt, for `retry: true` calls. */
  retries: number;
}

export class OutsideClient {
  constructor(readonly options: OutsideClientOptions) {}

  /**
   * Calls `path`; answers the status and the body (parsed as JSON unless `text`). 4xx answers throw
   * OutsideHttpError; everything else that fails throws OutsideUnavailableError.
   */
  async call<T>(
    path: string,
    init: { method?: 'GET' | 'POST'; body?: unknown; retry?: boolean; text?: boolean } = {},
  ): Promise<{ status: number; body: T }> {
    const attempt = timeout(this.options.timeoutMs, TimeoutStrategy.Aggressive);
    const policy = init.retry
      ? wrap(
          retry(
            handleWhen((error) => !(error instanceof OutsideHttpError) || error.status >= 500),
            {
              maxAttempts: this.options.retries,
              backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 800 }),
            },
          ),
          attempt,
        )
      : attempt;
    try {
      return await policy.execute(async ({ signal }) => {
        const response = await fetch(`${this.options.baseUrl}${path}`, {
          method: init.method ?? 'GET',
          headers: {
            ...this.options.headers,
            accept: init.text ? 'text/csv' : 'application/json',
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          signal,
        });
        const text = await response.text();
        if (!response.ok) {
          let code = `HTTP_${response.status}`;
          let message = text.slice(0, 200);
          try {
            const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
            code = parsed.error?.code ?? code;
            message = parsed.error?.message ?? message;
          } catch {
            // Not JSON: keep the status as the code.
          }
          throw new OutsideHttpError(response.status, code, message);
        }
        return { status: response.status, body: (init.text ? text : JSON.parse(text)) as T };
      }, new AbortController().signal);
    } catch (error) {
      if (error instanceof OutsideHttpError && error.status < 500) throw error;
      if (error instanceof TaskCancelledError)
        throw new OutsideUnavailableError(
          `${this.options.baseUrl} did not answer within ${this.options.timeoutMs} ms`,
        );
      throw new OutsideUnavailableError(
        `${this.options.baseUrl}${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
