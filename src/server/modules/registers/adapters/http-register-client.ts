// The HTTP client for registers that live in a department's own system. One client (and so one
// circuit breaker) per department system, shared by every request of this process:
//   retry (safe reads only: GET; timeouts, network errors and 5xx; exponential backoff with
//   decorrelated jitter) → circuit breaker (opens after N consecutive failures, half-opens after
//   a pause and closes on the next success) → per-attempt timeout (aborts the request).
// Any failure surfaces as RegisterUnavailableError; callers never get a partial record.
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { RegisterUnavailableError, type RegisterCode } from '../register-adapter.ts';

export interface DepartmentClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** Consecutive failures that open the circuit. */
  breakerThreshold: number;
  /** How long the circuit stays open before one trial request. */
  halfOpenAfterMs: number;
}

class DepartmentHttpError extends Error {
  constructor(readonly status: number) {
    super(`department system answered ${status}`);
  }
}

const isRetryable = (error: unknown) =>
  !(error instanceof BrokenCircuitError) &&
  (error instanceof TaskCancelledError || !(error instanceof DepartmentHttpError) || error.status >= 500);

export class DepartmentClient {
  private readonly policy: IPolicy;
  private readonly breaker;

  constructor(private readonly options: DepartmentClientOptions) {
    this.breaker = circuitBreaker(
      handleWhen((error) => !(error instanceof DepartmentHttpError) || error.status >= 500),
      {
        halfOpenAfter: options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(options.breakerThreshold),
      },
    );
    const retryPolicy = retry(handleWhen(isRetryable), {
      maxAttempts: options.retries,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 800 }),
    });
    this.policy = wrap(retryPolicy, this.breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  }

  /** closed / open / half-open, for health pages and tests. */
  get circuit(): 'closed' | 'open' | 'half_open' | 'isolated' {
    switch (this.breaker.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.Open:
        return 'open';
      case CircuitState.HalfOpen:
        return 'half_open';
      default:
        return 'isolated';
    }
  }

  /** GETs a JSON document; 404 means "no record" (undefined). */
  async getJson(register: RegisterCode, path: string): Promise<Record<string, unknown> | undefined> {
    try {
      // A signal of its own per call: cockatiel's default parent signal is one shared object, which
      // makes Node warn about "listener leaks" at more than ten concurrent calls.
      return await this.policy.execute(async ({ signal }) => {
        const response = await fetch(`${this.options.baseUrl}${path}`, {
          headers: { 'x-api-key': this.options.apiKey, accept: 'application/json' },
          signal,
        });
        if (response.status === 404) {
          await response.body?.cancel();
          return undefined;
        }
        if (!response.ok) {
          await response.body?.cancel();
          throw new DepartmentHttpError(response.status);
        }
        return (await response.json()) as Record<string, unknown>;
      }, new AbortController().signal);
    } catch (error) {
      if (error instanceof BrokenCircuitError)
        throw new RegisterUnavailableError(register, 'circuit_open', error);
      if (error instanceof TaskCancelledError) throw new RegisterUnavailableError(register, 'timeout', error);
      throw new RegisterUnavailableError(register, 'error', error);
    }
  }
}
