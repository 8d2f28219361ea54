import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../../test/support/dialects.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { JobRunner } from './job-runner.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const WORKER_TIMEOUT_MS = 45_000;

/** A `test/fixtures/job-worker.ts` process and what it printed. */
interface WorkerProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr: () => string;
  /** Resolves with the first stdout line matching `pattern` (seen before or after the call). */
  waitForLine(pattern: RegExp): Promise<string>;
}

describeEachDialect('job runner', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let db: Db;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = reopen();
    db = handle.db;
    await migrateToLatest(db);
    // What the test handlers leave behind, one row per run of a job.
    await db.schema
      .createTable('job_effects')
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('worker', 'text', (c) => c.notNull())
      .execute();
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await handle?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await db.deleteFrom('jobs').execute();
    await sql`delete from job_effects`.execute(db);
  });

  /** A new connection to the same database, as a restarted process would open. */
  function reopen(): DatabaseHandle {
    return openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  }

  const jobRow = (id: string) =>
    db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  function startWorker(name: string, env: Record<string, string> = {}): WorkerProcess {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      JOB_WORKER_NAME: name,
      JOB_WORKER_TIMEOUT_MS: String(WORKER_TIMEOUT_MS),
      TONGBAN_DATA_DIR: database.dataDir,
      ...env,
    };
    delete childEnv.TONGBAN_DATABASE_URL;
    if (database.databaseUrl) childEnv.TONGBAN_DATABASE_URL = database.databaseUrl;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/job-worker.ts'], {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const listeners = new Set<() => void>();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      for (const listener of listeners) listener();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const worker: WorkerProcess = {
      name,
      child,
      exited,
      stderr: () => stderr,
      waitForLine: (pattern) =>
        new Promise((resolve, reject) => {
          const check = () => {
            const line = lines.find((l) => pattern.test(l));
            if (line === undefined) return;
            listeners.delete(check);
            resolve(line);
          };
          listeners.add(check);
          check();
          void exited.then((code) =>
            reject(new Error(`${name} exited (${code}) before printing ${pattern}: ${stderr}`)),
          );
        }),
    };
    workers.push(worker);
    return worker;
  }

  it('runs an enqueued job once and marks it done', async () => {
    const runner = new JobRunner(db, { workerId: 'test-worker' });
    const calls: { payload: unknown; attempt: number }[] = [];
    runner.register('test.once', async (payload, { attempt }) => {
      calls.push({ payload, attempt });
    });
    const id = await runner.enqueue('test.once', { applicationId: 'app-1', 名称: '营业执照' });
    const later = await runner.enqueue('test.once', {}, { runAt: new Date(Date.now() + 60_000) });
    const unhandled = await runner.enqueue('test.nobody-listens', {});
    expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: 0 });

    expect(await runner.drain()).toBe(1);
    expect(calls).toEqual([{ payload: { applicationId: 'app-1', 名称: '营业执照' }, attempt: 1 }]);
    const done = await jobRow(id);
    expect(done).toMatchObject({ status: 'done', attempts: 1, lockedBy: 'test-worker', lockedUntil: null });
    expect(done.completedAt).not.toBeNull();
    expect(await runner.drain()).toBe(0);
    expect(await jobRow(later)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await jobRow(unhandled)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('retries a failing job with growing backoff and gives up after maxAttempts', async () => {
    const runner = new JobRunner(db);
    let runs = 0;
    runner.register('test.flaky', async () => {
      runs += 1;
      throw new Error(`upstream 503 (run ${runs})`);
    });
    const id = await runner.enqueue('test.flaky', {}, { maxAttempts: 3 });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const before = Date.now();
      expect(await runner.drain()).toBe(1);
      const row = await jobRow(id);
      expect(row).toMatchObject({
        attempts: attempt,
        lastError: `upstream 503 (run ${attempt})`,
        lockedUntil: null,
      });
      if (attempt < 3) {
        expect(row.status).toBe('queued');
        const delayMs = Date.parse(row.runAt) - before;
        expect(delayMs).toBeGreaterThanOrEqual(1000 * 2 ** attempt);
        expect(delayMs).toBeLessThan(1000 * 2 ** attempt + 5000);
        expect(await runner.drain()).toBe(0); // not due yet
        // Let the backoff pass without waiting for it.
        await db
          .updateTable('jobs')
          .set({ runAt: new Date(Date.now() - 1000).toISOString() })
          .where('id', '=', id)
          .execute();
      } else {
        expect(row.status).toBe('failed');
      }
    }
    expect(await runner.drain()).toBe(0);
    expect(runs).toBe(3);
  });

  it('completes a job that fails once and then succeeds', async () => {
    const runner = new JobRunner(db);
    runner.register('test.second-time-lucky', async (_payload, { attempt }) => {
      if (attempt === 1) throw new Error('timeout');
    });
    const id = await runner.enqueue('test.second-time-lucky', {});
    await runner.drain();
    await db
      .updateTable('jobs')
      .set({ runAt: new Date(0).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await runner.drain()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, lastError: 'timeout' });
  });

  it('ignores a second enqueue with the same dedupe key, but not jobs without a key', async () => {
    const runner = new JobRunner(db);
    const payloads: unknown[] = [];
    runner.register('test.dedupe', async (payload) => {
      payloads.push(payload);
    });
    const first = await runner.enqueue('test.dedupe', { n: 1 }, { dedupeKey: 'remind:app-1' });
    const second = await runner.enqueue('test.dedupe', { n: 2 }, { dedupeKey: 'remind:app-1' });
    expect(second).toBe(first);
    await runner.enqueue('test.dedupe', { n: 3 });
    await runner.enqueue('test.dedupe', { n: 4 });
    const keyed = await db.selectFrom('jobs').select('id').where('dedupeKey', '=', 'remind:app-1').execute();
    expect(keyed).toEqual([{ id: first }]);
    expect(await runner.drain()).toBe(3);
    expect(payloads).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }]);
    // Once the first is done, the key is free for the next reminder.
    const later = await runner.enqueue('test.dedupe', { n: 5 }, { dedupeKey: 'remind:app-1' });
    expect(later).not.toBe(first);
    expect(await runner.drain()).toBe(1);
    expect(payloads).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }, { n: 5 }]);
  });

  it('keeps a queued job across a restart: a new runner on a new connection runs it', async () => {
    const before = reopen();
    const id = await new JobRunner(before.db).enqueue('test.durable', { receiptNo: 'HK-0001' });
    await before.close();

    const after = reopen();
    try {
      const runner = new JobRunner(after.db, { workerId: 'after-restart' });
      const payloads: unknown[] = [];
      runner.register('test.durable', async (payload) => {
        payloads.push(payload);
      });
      expect(await runner.drain()).toBe(1);
      expect(payloads).toEqual([{ receiptNo: 'HK-0001' }]);
    } finally {
      await after.close();
    }
    expect(await jobRow(id)).toMatchObject({ status: 'done', lockedBy: 'after-restart' });
  });

  it('claims again a running job whose lease expired, but not one whose lease holds', async () => {
    const runner = new JobRunner(db, { workerId: 'survivor' });
    runner.register('test.lease', async () => undefined);
    const expired = await runner.enqueue('test.lease', {});
    const held = await runner.enqueue('test.lease', {});
    const claimedBy = (id: string, lockedUntil: Date) =>
      db
        .updateTable('jobs')
        .set({
          status: 'running',
          lockedBy: 'crashed-worker',
          lockedUntil: lockedUntil.toISOString(),
          attempts: 1,
        })
        .where('id', '=', id)
        .execute();
    await claimedBy(expired, new Date(Date.now() - 1000));
    await claimedBy(held, new Date(Date.now() + 60_000));

    expect(await runner.drain()).toBe(1);
    expect(await jobRow(expired)).toMatchObject({ status: 'done', attempts: 2, lockedBy: 'survivor' });
    expect(await jobRow(held)).toMatchObject({ status: 'running', attempts: 1, lockedBy: 'crashed-worker' });
  });

  it(
    'runs the job of a worker process killed mid-job once its lease expires',
    { timeout: 60_000 },
    async () => {
      const crashing = startWorker(`hang-${dialect}`, {
        JOB_WORKER_MODE: 'hang',
        JOB_WORKER_LEASE_MS: '1500',
      });
      await crashing.waitForLine(/^ready$/);
      const runner = new JobRunner(db, { workerId: 'survivor' });
      runner.register('test.hang', async () => undefined);
      const id = await runner.enqueue('test.hang', {});
      expect(await crashing.waitForLine(/^claimed /)).toBe(`claimed ${id}`);
      const claimed = await jobRow(id);
      expect(claimed).toMatchObject({ status: 'running', attempts: 1, lockedBy: crashing.name });
      expect(await runner.drain()).toBe(0); // its lease still holds

      crashing.child.kill('SIGKILL');
      await crashing.exited;
      await sleep(Math.max(0, Date.parse(claimed.lockedUntil!) - Date.now() + 50));
      expect(await runner.drain()).toBe(1);
      expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, lockedBy: 'survivor' });
    },
  );

  it(
    'shares 200 jobs between two worker processes, each job run exactly once',
    { timeout: 90_000 },
    async () => {
      const jobCount = 200;
      const env = { JOB_WORKER_EXPECTED: String(jobCount) };
      const pair = [startWorker(`a-${dialect}`, env), startWorker(`b-${dialect}`, env)];
      await Promise.all(pair.map((worker) => worker.waitForLine(/^ready$/)));

      const startedAt = Date.now();
      const enqueuer = new JobRunner(db);
      const ids = await db.transaction().execute(async (trx) => {
        const created: string[] = [];
        for (let n = 0; n < jobCount; n += 1)
          created.push(await enqueuer.enqueue('test.record', { n }, {}, trx));
        return created;
      });
      const codes = await Promise.all(pair.map((worker) => worker.exited));
      expect(codes, pair.map((worker) => worker.stderr()).join('\n')).toEqual([0, 0]);
      const elapsedMs = Date.now() - startedAt;

      const effects = await db
        .selectFrom(sql<{ jobId: string; worker: string }>`job_effects`.as('e'))
        .select(['e.jobId', 'e.worker'])
        .execute();
      expect(effects).toHaveLength(jobCount);
      expect(new Set(effects.map((e) => e.jobId))).toEqual(new Set(ids));

      const jobs = await db.selectFrom('jobs').select(['id', 'status', 'attempts', 'lockedBy']).execute();
      expect(jobs.every((job) => job.status === 'done' && job.attempts === 1)).toBe(true);
      const doneBy = new Map(jobs.map((job) => [job.id, job.lockedBy]));
      expect(effects.every((effect) => doneBy.get(effect.jobId) === effect.worker)).toBe(true);

      const perWorker = pair.map(
        (worker) => effects.filter((effect) => effect.worker === worker.name).length,
      );
      expect(
        perWorker.every((count) => count > 0),
        `split ${perWorker.join('/')}`,
      ).toBe(true);
      console.log(
        `[${dialect}] ${jobCount} jobs over two processes in ${elapsedMs} ms, split ${perWorker.join('/')}`,
      );
    },
  );
});
