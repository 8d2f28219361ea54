import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendAudit, verifyAuditChain } from '../src/server/platform/audit/audit.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import type { Bench } from './index.ts';

/**
 * Durable audit appends on the embedded SQLite (WAL, synchronous=FULL): each append is its own
 * transaction that locks the chain head, hashes and inserts. Then a full chain verification.
 */
export const auditAppendBench: Bench = {
  summary: 'hash-chained audit appends per second on SQLite, and verify speed',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
    const database = openDatabase({ databaseUrl: undefined, dataDir: dir });
    try {
      await migrateToLatest(database.db);
      const count = 5000;
      const started = performance.now();
      for (let i = 0; i < count; i += 1) {
        await appendAudit(database.db, {
          actor: { userId: 'bench-user', name: '基准测试', officeId: null },
          action: 'person.read',
          objectType: 'person',
          objectId: `p-${i}`,
          subjectPersonId: `p-${i}`,
          fields: ['name', 'idNumber'],
          purpose: 'benchmark',
        });
      }
      const appendSeconds = (performance.now() - started) / 1000;
      const verifyStarted = performance.now();
      const result = await verifyAuditChain(database.db);
      const verifySeconds = (performance.now() - verifyStarted) / 1000;
      process.stdout.write(
        `audit-append: ${count} appends in ${appendSeconds.toFixed(2)} s = ${Math.round(count / appendSeconds)} appends/s\n` +
          `audit verify: ${result.checked} records in ${verifySeconds.toFixed(2)} s = ${Math.round(result.checked / verifySeconds)} records/s (ok=${result.ok})\n`,
      );
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
