import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql, type Driver } from 'kysely';
import { GroupCommitSqliteDriver } from './sqlite-group-commit.ts';
import type { Database as Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Where the data lives, for logs (never includes a password). */
  description: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise the embedded SQLite file
 * `tongban.sqlite` in dataDir, in WAL mode with synchronous=FULL so a committed row survives
 * a power cut.
 */
export function openDatabase(options: { databaseUrl: string | undefined; dataDir: string }): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins });
    const url = new URL(options.databaseUrl);
    return {
      db,
      dialect: 'postgres',
      description: `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'tongban.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new GroupCommitSqliteDialect({ database: sqlite }), plugins });
  return { db, dialect: 'sqlite', description: file, close: () => db.destroy() };
}

/**
 * SQLite transactions take the write lock when they begin (`BEGIN IMMEDIATE`): a deferred
 * transaction that reads before it writes cannot upgrade its lock while another process (a CLI
 * import next to the server) writes, and fails with SQLITE_BUSY instead of waiting; an immediate
 * one waits its turn under busy_timeout. Concurrent transactions share one durable COMMIT
 * (group commit, see sqlite-group-commit.ts).
 */
class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(private readonly driverConfig: { database: SQLite.Database }) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.driverConfig.database);
  }
}

/** Which database a Kysely instance talks to; the one place the code branches on dialect. */
// Any schema will do: only the adapter is looked at.
export function dialectOf(db: Kysely<any>): DialectName {
  const adapter = db.getExecutor().adapter;
  return adapter.constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export const nowIso = (): string => new Date().toISOString();
