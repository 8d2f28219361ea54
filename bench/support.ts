// What the HTTP benches share: a free port, a real `tongban serve` process with the demo city,
// logging in a demo account, a throwaway PostgreSQL database, percentiles, and writing a line of
// the report.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEMO_PASSWORD = 'Demo#2026';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export const say = (line: string) => process.stdout.write(`${line}\n`);

/** The p-th percentile of ascending numbers (NaN when there are none). */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface StartServeOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  /** The path polled until it answers 2xx. */
  readyPath: '/healthz' | '/readyz';
  /** More environment for the server (after the defaults, so it may override them). */
  env?: Record<string, string>;
  /** Node options before the script, e.g. to profile the server. */
  nodeArgs?: string[];
  /** Echo the server's stderr as it comes. */
  echoStderr?: boolean;
}

/** `node bin/tongban.mjs serve` with the demo city on a loopback port; resolves when it is ready. */
export async function startServe(options: StartServeOptions): Promise<ServeProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const nodeArgs = options.nodeArgs ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/tongban.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      TONGBAN_HOST: '127.0.0.1',
      TONGBAN_DATA_DIR: options.dataDir,
      TONGBAN_DATABASE_URL: options.databaseUrl ?? '',
      TONGBAN_LOG_LEVEL: 'error',
      TONGBAN_DEMO: 'on',
      TONGBAN_LOGIN_RATE_LIMIT: '10000',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    if (options.echoStderr) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tongban serve exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}${options.readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`tongban serve did not start in 120 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Logs a demo account in (password Demo#2026): its session cookie and CSRF token. */
export async function login(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tb_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/**
 * Runs `run` against a new database `name` in a throwaway PostgreSQL cluster, stopped afterwards;
 * says so and skips when no cluster can start.
 */
export async function withPostgresDatabase(
  name: string,
  run: (databaseUrl: string) => Promise<void>,
): Promise<void> {
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    say(
      `postgres: skipped, no cluster could start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
    return;
  }
  try {
    const admin = openDatabase({ databaseUrl: cluster.adminUrl, dataDir: os.tmpdir() });
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    await admin.close();
    const url = new URL(cluster.adminUrl);
    url.pathname = `/${name}`;
    await run(url.toString());
  } finally {
    await cluster.stop();
  }
}
