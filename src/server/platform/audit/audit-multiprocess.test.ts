import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../../test/support/dialects.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { verifyAuditChain } from './audit.ts';

function runAppender(
  database: TestDatabase,
  name: string,
  count: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/audit-appender.ts'], {
      env: {
        ...process.env,
        TONGBAN_DATABASE_URL: database.databaseUrl ?? '',
        TONGBAN_DATA_DIR: database.dataDir,
        AUDIT_APPEND_COUNT: String(count),
        AUDIT_APPENDER_NAME: name,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describeEachDialect('audit appends from several processes', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const handle = openDatabase(database);
    await migrateToLatest(handle.db);
    await handle.close();
  });
  afterAll(() => database.drop());

  it('wait their turn instead of failing, and keep one linear chain', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((name) => runAppender(database, name, 150)));
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const handle = openDatabase(database);
    try {
      const verification = await verifyAuditChain(handle.db);
      expect(verification).toEqual({ ok: true, checked: 450 });
    } finally {
      await handle.close();
    }
  });
});
