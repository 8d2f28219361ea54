// Overload protection: past its capacity the server refuses work at once with 503 SERVER_BUSY and
// Retry-After, before reading the body or touching the database, instead of queuing it until
// clients time out. Two guards:
// - write requests (POST/PUT/PATCH/DELETE under /api/) run at most `writeConcurrency` at once,
//   with a small bounded queue whose members wait at most `writeQueueTimeoutMs`;
// - @fastify/under-pressure refuses every request while the event loop lags more than
//   `maxEventLoopDelayMs` (a stuck or saturated process).
// The health checks always answer. A refused request did nothing; an accepted one runs to its
// end, so a submission that got a receipt was committed.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from './config.ts';
import { AppError, messageFor } from './errors.ts';
import { pickLocale } from './i18n/locale.ts';

/** Seconds a refused client is asked to wait before it tries again. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

const HEALTH_ROUTES = new Set(['/healthz', '/readyz']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Waiter {
  grant(): void;
}

/** A counting semaphore with a bounded FIFO queue. */
export class ConcurrencyLimiter {
  #active = 0;
  readonly #queue: Waiter[] = [];

  constructor(
    readonly limit: number,
    readonly queueLimit: number,
    readonly queueTimeoutMs: number,
  ) {}

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Resolves true when a place is granted (call `release` once when done), false when the
   * request is refused: queue full, waited too long, or `cancelled` fired while waiting.
   */
  enter(onCancel: (cancel: () => void) => () => void): boolean | Promise<boolean> {
    if (this.#active < this.limit) {
      this.#active += 1;
      return true;
    }
    if (this.#queue.length >= this.queueLimit) return false;
    return new Promise<boolean>((resolve) => {
      const finish = (granted: boolean) => {
        clearTimeout(timer);
        stopListening();
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        resolve(granted);
      };
      const waiter: Waiter = { grant: () => finish(true) };
      const timer = setTimeout(() => finish(false), this.queueTimeoutMs);
      const stopListening = onCancel(() => finish(false));
      this.#queue.push(waiter);
    });
  }

  release(): void {
    const next = this.#queue.shift();
    // The place passes straight to the next waiter: the count stays.
    if (next) next.grant();
    else this.#active -= 1;
  }
}

function busy(reply: FastifyReply): never {
  reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
  throw new AppError('SERVER_BUSY');
}

function isLimitedWrite(request: FastifyRequest): boolean {
  return WRITE_METHODS.has(request.method) && request.url.startsWith('/api/');
}

/** Registers both guards on the root instance (before the routes). */
export async function registerOverloadProtection(
  app: FastifyInstance,
  config: Pick<AppConfig, 'writeConcurrency' | 'writeQueue' | 'writeQueueTimeoutMs' | 'maxEventLoopDelayMs'>,
): Promise<ConcurrencyLimiter | null> {
  if (config.maxEventLoopDelayMs > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      retryAfter: BUSY_RETRY_AFTER_SECONDS,
      pressureHandler: (request, reply) => {
        if (HEALTH_ROUTES.has(request.url.split('?')[0]!)) return undefined; // go on
        const locale = pickLocale(request.headers['accept-language']);
        reply.status(503).header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
        // A value returned is sent as the answer (the plugin's types only say void).
        return {
          error: { code: 'SERVER_BUSY', message: messageFor('SERVER_BUSY', locale), requestId: request.id },
        } as unknown as void;
      },
    });
  }
  if (config.writeConcurrency <= 0) return null;
  const limiter = new ConcurrencyLimiter(
    config.writeConcurrency,
    config.writeQueue,
    config.writeQueueTimeoutMs,
  );
  app.addHook('onRequest', async (request, reply) => {
    if (!isLimitedWrite(request)) return;
    const response = reply.raw;
    const entered = limiter.enter((cancel) => {
      // The client went away while waiting: its place in the queue is given up.
      response.once('close', cancel);
      return () => response.off('close', cancel);
    });
    const granted = entered === true || entered === false ? entered : await entered;
    if (!granted) busy(reply);
    if (response.destroyed || response.writableFinished) {
      limiter.release();
      return;
    }
    // The place is given back when the answer is sent or the connection closes.
    response.once('close', () => limiter.release());
  });
  return limiter;
}
