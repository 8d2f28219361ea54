import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';

export type Dialect = 'sqlite' | 'postgres';

const allDialects: readonly Dialect[] = ['sqlite', 'postgres'];

/** The dialects this run tests, from TONGBAN_TEST_DIALECTS (comma list; default `sqlite,postgres`). */
export function testDialects(): Dialect[] {
  const raw = process.env.TONGBAN_TEST_DIALECTS?.trim() || allDialects.join(',');
  const names = raw
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !allDialects.includes(name as Dialect));
  if (unknown.length > 0) {
    throw new Error(
      `TONGBAN_TEST_DIALECTS: unknown dialect(s) ${unknown.join(', ')}; use ${allDialects.join(',')}`,
    );
  }
  return allDialects.filter((dialect) => names.includes(dialect));
}

/** Where one test file's app keeps its data; pass both to the app config. */
export interface TestDatabase {
  /** `TONGBAN_DATABASE_URL` for the app: a fresh PostgreSQL database, or undefined for SQLite. */
  databaseUrl: string | undefined;
  /** `TONGBAN_DATA_DIR` for the app: a fresh empty temp dir (SQLite puts `tongban.sqlite` here). */
  dataDir: string;
  /** Drops the database and deletes the dir. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database for one test file (call it in `beforeAll`, `drop()` in
 * `afterAll`). For postgres it needs the cluster that test/support/global-setup.ts starts.
 */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), `tongban-test-${dialect}-`));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { databaseUrl: undefined, dataDir, drop: removeDir };

  const adminUrl = inject('pgAdminUrl') as string | undefined;
  if (!adminUrl) {
    await removeDir();
    throw new Error(
      'No PostgreSQL cluster: run this file in the `integration` Vitest project with postgres in ' +
        'TONGBAN_TEST_DIALECTS (its globalSetup starts the cluster).',
    );
  }
  const name = `t_${randomBytes(8).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  return {
    databaseUrl: databaseUrl.toString(),
    dataDir,
    drop: async () => {
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await removeDir();
    },
  };
}

/** `describe` once per test dialect, with the dialect in the title: `name [postgres]`. */
export function describeEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  describe.each(testDialects())(`${name} [%s]`, fn);
}

async function withAdmin(adminUrl: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
