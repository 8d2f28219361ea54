// `tongban bench applications`: filing (POST /api/v1/applications) and staff actions
// (POST /api/v1/workbench/tasks/{id}/actions) over real HTTP against real `tongban serve`
// processes, on SQLite and on PostgreSQL (1 and 4 processes), plus an overload run that checks
// refusals are fast and every receipt given out is in the database.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, type DatabaseHandle } from '../src/server/platform/db/database.ts';
import { progress, progressDone } from '../src/cli/command.ts';
import { sampleFormData } from '../test/support/form-samples.ts';
import type { Bench, BenchOptions } from './index.ts';
import {
  freePort,
  login,
  percentile,
  say,
  startServe,
  withPostgresDatabase,
  type ServeProcess,
  type Session,
} from './support.ts';

const SERVICE_CODE = 'SAMR-0002';
const RESIDENTS = ['demo-resident', 'demo-resident2'];
const SESSIONS_PER_RESIDENT = 4;
const CLERK_SESSIONS = 4;

/** What one load phase measured, over all servers it spread to. */
interface PhaseResult {
  label: string;
  seconds: number;
  connections: number;
  byStatus: Map<number, number>;
  /** Latencies (ms) of 2xx answers and of refusals (429/503). */
  ok: number[];
  refused: number[];
  errors: number;
  createdIds: string[];
}

/** `node bin/tongban.mjs serve` on a free loopback port; resolves when /healthz answers. */
async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<ServeProcess> {
  return startServe({
    dataDir,
    databaseUrl,
    port: await freePort(),
    readyPath: '/healthz',
    // TONGBAN_BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the servers.
    nodeArgs: (process.env.TONGBAN_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    echoStderr: Boolean(process.env.BENCH_DEBUG),
  });
}

interface RequestPlan {
  method: 'POST';
  path: (connection: number) => string | null;
  headers: (connection: number) => Record<string, string>;
  body: (connection: number) => string;
}

/**
 * Runs autocannon against every server at once (connections split evenly), for `duration`
 * seconds or until `amount` requests were sent; latencies are kept per answer class.
 */
async function load(
  label: string,
  servers: ServeProcess[],
  connections: number,
  limit: { duration: number } | { amount: number },
  plan: RequestPlan,
): Promise<PhaseResult> {
  const result: PhaseResult = {
    label,
    seconds: 0,
    connections,
    byStatus: new Map(),
    ok: [],
    refused: [],
    errors: 0,
    createdIds: [],
  };
  let nextConnection = 0;
  const started = performance.now();
  const runs = servers.map((server, index) => {
    const share = Math.floor(connections / servers.length) + (index < connections % servers.length ? 1 : 0);
    const amount =
      'amount' in limit
        ? Math.floor(limit.amount / servers.length) + (index < limit.amount % servers.length ? 1 : 0)
        : undefined;
    return new Promise<void>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.url,
          connections: Math.max(1, share),
          ...(amount !== undefined ? { amount } : { duration: (limit as { duration: number }).duration }),
          timeout: 30,
          requests: [
            {
              method: plan.method,
              setupRequest: (request, context: object) => {
                const state = context as { connection?: number };
                state.connection ??= nextConnection++;
                const connection = state.connection;
                const target = plan.path(connection);
                if (target === null) return null as unknown as typeof request;
                return {
                  ...request,
                  path: target,
                  headers: { 'content-type': 'application/json', ...plan.headers(connection) },
                  body: plan.body(connection),
                };
              },
              onResponse: (status: number, body: string) => {
                if (status === 201) {
                  try {
                    result.createdIds.push((JSON.parse(body) as { id: string }).id);
                  } catch {
                    // counted by status anyway
                  }
                }
              },
            },
          ],
        },
        (error) => (error ? reject(error) : resolve()),
      );
      instance.on('response', (_client, status: number, _bytes, responseTime: number) => {
        result.byStatus.set(status, (result.byStatus.get(status) ?? 0) + 1);
        if (status >= 200 && status < 300) result.ok.push(responseTime);
        else if (status === 429 || status === 503) result.refused.push(responseTime);
      });
      instance.on('reqError', () => {
        result.errors += 1;
      });
    });
  });
  const ticker = setInterval(() => {
    const done = [...result.byStatus.values()].reduce((a, b) => a + b, 0);
    progress(`${label}: ${done} requests`);
  }, 500);
  try {
    await Promise.all(runs);
  } finally {
    clearInterval(ticker);
    progressDone();
  }
  result.seconds = (performance.now() - started) / 1000;
  result.ok.sort((a, b) => a - b);
  result.refused.sort((a, b) => a - b);
  return result;
}

function submitPlan(sessions: Session[], serviceId: string, data: Record<string, unknown>): RequestPlan {
  const body = JSON.stringify({ serviceId, data });
  return {
    method: 'POST',
    path: () => '/api/v1/applications',
    headers: (connection) => {
      const session = sessions[connection % sessions.length]!;
      return {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'idempotency-key': `bench-${randomUUID()}`,
      };
    },
    body: () => body,
  };
}

function acceptPlan(sessions: Session[], taskIds: string[]): RequestPlan {
  let next = 0;
  return {
    method: 'POST',
    path: () => {
      const id = taskIds[next++];
      return id === undefined ? null : `/api/v1/workbench/tasks/${id}/actions`;
    },
    headers: (connection) => {
      const session = sessions[connection % sessions.length]!;
      return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    },
    body: () => JSON.stringify({ action: 'accept' }),
  };
}

async function countExisting(db: DatabaseHandle['db'], ids: string[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const row = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', chunk)
      .executeTakeFirstOrThrow();
    found += Number(row.n);
  }
  return found;
}

interface Row {
  setup: string;
  phase: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  refused: string;
}

function rowOf(setup: string, phase: string, result: PhaseResult): Row {
  const okCount = result.ok.length;
  const refusedCount = result.refused.length;
  const others = [...result.byStatus.entries()]
    .filter(([status]) => !(status >= 200 && status < 300) && status !== 429 && status !== 503)
    .map(([status, n]) => `${n}×${status}`);
  if (result.errors) others.push(`${result.errors} errors`);
  return {
    setup,
    phase,
    connections: result.connections,
    requests: okCount,
    perSecond: okCount / result.seconds,
    p50: percentile(result.ok, 50),
    p99: percentile(result.ok, 99),
    refused:
      (refusedCount
        ? `${refusedCount} (${Math.round(refusedCount / result.seconds)}/s, p99 ${percentile(result.refused, 99).toFixed(1)} ms)`
        : '0') + (others.length ? `; ${others.join(', ')}` : ''),
  };
}

function printTable(rows: Row[]): void {
  const header = [
    'setup',
    'phase',
    'conns',
    'ok answers',
    'per second',
    'p50 ms',
    'p99 ms',
    'refused (429/503)',
  ];
  const cells = rows.map((r) => [
    r.setup,
    r.phase,
    String(r.connections),
    r.requests.toLocaleString('en-US'),
    Math.round(r.perSecond).toLocaleString('en-US'),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.refused,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  say(line(header));
  say(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const c of cells) say(line(c));
}

/** One setup: N server processes on one database; submit, staff accept and (optionally) overload. */
async function runSetup(
  setup: string,
  processes: number,
  databaseUrl: string | undefined,
  options: Required<Pick<BenchOptions, 'duration' | 'connections'>> & { overload: boolean },
): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-apps-'));
  const servers: ServeProcess[] = [];
  const database = openDatabase({ databaseUrl, dataDir });
  try {
    // The first process loads the demo city; the others start on the loaded database.
    progress(`${setup}: starting ${processes} server process(es)`);
    servers.push(await startServer(dataDir, databaseUrl));
    for (let i = 1; i < processes; i++) servers.push(await startServer(dataDir, databaseUrl));
    progressDone();
    const first = servers[0]!.url;
    const serviceResponse = await fetch(`${first}/api/v1/services/${SERVICE_CODE}`);
    const service = (await serviceResponse.json()) as {
      id: string;
      definition: { form: { schema: Record<string, unknown> } };
    };
    const data = sampleFormData(service.definition.form.schema);
    const residents: Session[] = [];
    for (const name of RESIDENTS)
      for (let i = 0; i < SESSIONS_PER_RESIDENT; i++) residents.push(await login(first, name));
    const clerks: Session[] = [];
    for (let i = 0; i < CLERK_SESSIONS; i++) clerks.push(await login(first, 'demo-clerk'));
    const plan = submitPlan(residents, service.id, data);

    await load(`${setup} warm-up`, servers, options.connections, { duration: 2 }, plan);
    const submitted = await load(
      `${setup} submit`,
      servers,
      options.connections,
      { duration: options.duration },
      plan,
    );
    const rows = [rowOf(setup, 'submit', submitted)];

    const clerkOffices = await database.db
      .selectFrom('staffRoles as r')
      .innerJoin('users as u', 'u.id', 'r.userId')
      .select('r.officeId')
      .where('u.username', '=', 'demo-clerk')
      .execute();
    const tasks = await database.db
      .selectFrom('applicationTasks')
      .select('id')
      .where('status', '=', 'open')
      .where('kind', '=', 'acceptance')
      .where(
        'officeId',
        'in',
        clerkOffices.map((o) => o.officeId),
      )
      .execute();
    const taskIds = tasks.map((t) => t.id);
    if (taskIds.length) {
      const accepted = await load(
        `${setup} accept`,
        servers,
        options.connections,
        { amount: taskIds.length },
        acceptPlan(clerks, taskIds),
      );
      rows.push(rowOf(setup, 'staff accept', accepted));
    }

    if (options.overload) {
      const connections = options.connections * 4;
      const before = Number(
        (
          await database.db
            .selectFrom('applications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const overload = await load(
        `${setup} overload`,
        servers,
        connections,
        { duration: options.duration },
        plan,
      );
      rows.push(rowOf(setup, `submit ×4 overload`, overload));
      const after = Number(
        (
          await database.db
            .selectFrom('applications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const kept = await countExisting(database.db, overload.createdIds);
      say(
        `${setup} overload: ${overload.createdIds.length} receipts (201) given, ${kept} of them in the database; ` +
          `applications grew by ${after - before}`,
      );
      if (kept !== overload.createdIds.length)
        say(`${setup} overload: RECEIPTS LOST: ${overload.createdIds.length - kept}`);
    }
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withPostgres(run: (databaseUrl: string) => Promise<void>): Promise<void> {
  const external = process.env.TONGBAN_DATABASE_URL;
  if (external) {
    say('postgres: using TONGBAN_DATABASE_URL (its applications tables grow)');
    return run(external);
  }
  return withPostgresDatabase('bench_applications', run);
}

/** Submissions and staff actions per second with p50/p99, SQLite and PostgreSQL, 1 and 4 processes. */
export const applicationsBench: Bench = {
  summary: 'application submits and staff accepts per second with p50/p99, plus an overload run',
  async run(options) {
    const duration = options.duration ?? 10;
    const connections = options.connections ?? 16;
    const rows: Row[] = [];
    if (options.only !== 'postgres') {
      // SQLite is one process by design (one writer); the overload run is shown here.
      rows.push(
        ...(await runSetup('SQLite, 1 process', 1, undefined, { duration, connections, overload: true })),
      );
    }
    if (options.only !== 'sqlite') {
      await withPostgres(async (databaseUrl) => {
        rows.push(
          ...(await runSetup('PostgreSQL, 1 process', 1, databaseUrl, {
            duration,
            connections,
            overload: false,
          })),
        );
        rows.push(
          ...(await runSetup('PostgreSQL, 4 processes', 4, databaseUrl, {
            duration,
            connections,
            overload: true,
          })),
        );
      });
    }
    say('');
    printTable(rows);
  },
};
