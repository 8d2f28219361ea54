import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from './dialects.ts';

describeEachDialect('test database harness', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });

  afterAll(async () => {
    await database.drop();
    expect(existsSync(database.dataDir)).toBe(false);
  });

  it('runs in UTC whatever the machine zone', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('UTC');
    expect(new Date(2026, 0, 1).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('gives a fresh, empty data dir', () => {
    expect(readdirSync(database.dataDir)).toEqual([]);
  });

  if (dialect === 'postgres') {
    it('gives a reachable PostgreSQL database of its own', async () => {
      expect(database.databaseUrl).toMatch(/^postgres:\/\/.+\/t_[0-9a-f]{16}$/);
      const client = new pg.Client({ connectionString: database.databaseUrl });
      await client.connect();
      try {
        const result = await client.query<{ one: number; name: string }>(
          'select 1 as one, current_database() as name',
        );
        expect(result.rows[0]?.one).toBe(1);
        expect(database.databaseUrl).toContain(`/${result.rows[0]?.name}`);
      } finally {
        await client.end();
      }
    });
  } else {
    it('leaves the database URL unset so the app uses SQLite in dataDir', () => {
      expect(database.databaseUrl).toBeUndefined();
    });
  }
});
