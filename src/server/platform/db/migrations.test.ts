import { Migrator, NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../../test/support/dialects.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';

// The tables of the first migrations; later modules add theirs beside them, so the check is
// "at least these", while "down to nothing" below is exact.
const EXPECTED_TABLES = [
  'audit_head',
  'audit_log',
  'departments',
  'districts',
  'enterprise_links',
  'enterprises',
  'jobs',
  'offices',
  'people',
  'population_records',
  'sessions',
  'staff_roles',
  'streets',
  'users',
];

describeEachDialect('migrations', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  // Migrations see the database without the camelCase plugin, as they do in production.
  let raw: Kysely<any>;
  const migrator = () =>
    new Migrator({ db: handle.db, provider: { getMigrations: () => Promise.resolve(migrations) } });

  /** Our tables with their columns (Kysely's own bookkeeping tables left out). */
  async function schemaShape(): Promise<Record<string, string[]>> {
    const tables = await raw.introspection.getTables();
    return Object.fromEntries(
      tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()] as const).sort(),
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    raw = handle.db.withoutPlugins();
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('migrates an empty database to the latest schema', async () => {
    expect(await schemaShape()).toEqual({});
    expect(await pendingMigrations(handle.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
    expect(Object.keys(await schemaShape())).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    expect(await pendingMigrations(handle.db)).toEqual([]);
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(await handle.db.selectFrom('auditHead').selectAll().execute()).toEqual([
      { id: 1, lastSeq: 0, lastHash: '0'.repeat(64) },
    ]);
  });

  it('steps down one migration at a time to nothing, each undoing exactly its own up', async () => {
    // Record the schema after each step up from nothing, then check each step down restores it.
    await migrator().migrateTo(NO_MIGRATIONS);
    const shapes: Record<string, string[]>[] = [await schemaShape()];
    expect(shapes[0]).toEqual({});
    for (const name of Object.keys(migrations)) {
      const { error, results } = await migrator().migrateUp();
      expect(error).toBeUndefined();
      expect(results).toEqual([{ migrationName: name, direction: 'Up', status: 'Success' }]);
      shapes.push(await schemaShape());
    }
    for (const name of Object.keys(migrations).reverse()) {
      const { error, results } = await migrator().migrateDown();
      expect(error).toBeUndefined();
      expect(results).toEqual([{ migrationName: name, direction: 'Down', status: 'Success' }]);
      shapes.pop();
      expect(await schemaShape()).toEqual(shapes.at(-1));
    }
    expect(await schemaShape()).toEqual({});
  });

  it('goes down all the way and up again, ending current', async () => {
    const down = await migrator().migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await schemaShape()).toEqual({});
    expect(await pendingMigrations(handle.db)).toHaveLength(Object.keys(migrations).length);

    await migrateToLatest(handle.db);
    expect(Object.keys(await schemaShape())).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    expect(await pendingMigrations(handle.db)).toEqual([]);
    expect(await handle.db.selectFrom('auditHead').select('lastSeq').execute()).toEqual([{ lastSeq: 0 }]);
  });

  it('enforces foreign keys', async () => {
    const orphanStreet = raw
      .insertInto('streets')
      .values({
        code: '999999001',
        district_code: 'no-such-district',
        name_zh: '无',
        name_en: 'None',
        kind: 'street',
      })
      .execute();
    await expect(orphanStreet).rejects.toThrow(/foreign key/i);
  });

  if (dialect === 'sqlite') {
    it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
      const pragma = async (name: string): Promise<unknown> => {
        const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(raw);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    });
  }
});
