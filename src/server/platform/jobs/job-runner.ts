import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Logger } from 'pino';
import { dialectOf, nowIso, type Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { JobTable } from './jobs.tables.ts';

export interface JobContext {
  jobId: string;
  attempt: number;
  db: Db;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /**
   * While a job with this key is queued or running, enqueueing another with the same key adds
   * nothing and returns the existing job's id. Once it is done or failed the key is free again.
   */
  dedupeKey?: string;
}

export interface JobRunnerOptions {
  pollIntervalMs?: number;
  leaseMs?: number;
  logger?: Logger;
  workerId?: string;
}

/**
 * Durable background jobs kept as rows in the application's own database (see
 * docs/decisions/0003-jobs-in-the-database.md). A job is claimed by one worker at a time with a
 * lease; a worker that dies leaves a lease that expires, and the job is claimed again. On
 * PostgreSQL several processes share the queue through `FOR UPDATE SKIP LOCKED`.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  readonly workerId: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Registers the handler for a queue; a queue without a handler is left for other workers. */
  register(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  /** Adds a job; pass a transaction to enqueue atomically with the change that caused it. */
  async enqueue(
    queue: string,
    payload: unknown,
    options: EnqueueOptions = {},
    db: Db | Transaction<Database> = this.db,
  ): Promise<string> {
    const now = nowIso();
    const inserted = await db
      .insertInto('jobs')
      .values({
        id: uuidv7(),
        queue,
        payload: JSON.stringify(payload ?? null),
        status: 'queued',
        runAt: (options.runAt ?? new Date()).toISOString(),
        attempts: 0,
        maxAttempts: options.maxAttempts ?? 5,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
        dedupeKey: options.dedupeKey ?? null,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return inserted.id;
    const existing = await db
      .selectFrom('jobs')
      .select('id')
      .where('dedupeKey', '=', options.dedupeKey ?? '')
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    return existing.id;
  }

  /** Starts polling. */
  start(): void {
    this.stopping = false;
    const tick = () => {
      if (this.stopping) return;
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'job runner tick failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopping) this.timer = setTimeout(tick, this.pollIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs due jobs until none is left (also used by tests to run jobs deterministically). */
  async drain(): Promise<number> {
    let count = 0;
    while (!this.stopping) {
      const job = await this.claim();
      if (!job) break;
      await this.run(job);
      count += 1;
    }
    return count;
  }

  private async claim(): Promise<JobTable | undefined> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return undefined;
    const now = nowIso();
    const lockedUntil = new Date(Date.now() + this.leaseMs).toISOString();
    const isPostgres = dialectOf(this.db) === 'postgres';
    let candidate = this.db
      .selectFrom('jobs')
      .select('id')
      .where('queue', 'in', queues)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('runAt', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)]),
        ]),
      )
      .orderBy('runAt')
      .limit(1);
    if (isPostgres) candidate = candidate.forUpdate().skipLocked();
    // One statement: on SQLite writes are serialised, on PostgreSQL SKIP LOCKED keeps two
    // workers off the same row, so a job is only ever claimed by one worker at a time.
    const claimed = await this.db
      .updateTable('jobs')
      .set({
        status: 'running',
        lockedBy: this.workerId,
        lockedUntil,
        attempts: sql<number>`attempts + 1`,
        updatedAt: now,
      })
      .where('id', '=', (eb) => eb.selectFrom(candidate.as('c')).select('c.id'))
      .returningAll()
      .executeTakeFirst();
    return claimed;
  }

  private async run(job: JobTable): Promise<void> {
    const handler = this.handlers.get(job.queue);
    if (!handler) return;
    try {
      await handler(JSON.parse(job.payload) as unknown, {
        jobId: job.id,
        attempt: job.attempts,
        db: this.db,
      });
      await this.db
        .updateTable('jobs')
        .set({ status: 'done', completedAt: nowIso(), updatedAt: nowIso(), lockedUntil: null })
        .where('id', '=', job.id)
        .where('lockedBy', '=', this.workerId)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = job.attempts >= job.maxAttempts;
      // Exponential backoff: 2 s, 4 s, 8 s … capped at one hour.
      const delayMs = Math.min(3_600_000, 1000 * 2 ** job.attempts);
      this.options.logger?.warn(
        { jobId: job.id, queue: job.queue, attempt: job.attempts, err: error },
        'job failed',
      );
      await this.db
        .updateTable('jobs')
        .set({
          status: exhausted ? 'failed' : 'queued',
          runAt: exhausted ? job.runAt : new Date(Date.now() + delayMs).toISOString(),
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          updatedAt: nowIso(),
        })
        .where('id', '=', job.id)
        .where('lockedBy', '=', this.workerId)
        .execute();
    }
  }
}
