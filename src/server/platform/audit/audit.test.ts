import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../../test/support/dialects.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { appendAudit, GENESIS_HASH, hashAuditRecord, verifyAuditChain, type AuditEntry } from './audit.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CHAIN_LENGTH = 30;

/** A varied record: system and staff actors, Chinese text, fields and details, some fields empty. */
function sampleEntry(n: number): AuditEntry {
  if (n % 5 === 0)
    return { actor: null, action: 'job.reminder.sent', objectType: 'job', objectId: `job-${n}` };
  return {
    actor: {
      userId: `user-${n % 3}`,
      name: ['张三', '李四', '王五'][n % 3]!,
      officeId: n % 2 ? 'office-hk' : null,
    },
    action: n % 2 ? 'person.read' : 'application.review',
    objectType: 'person',
    objectId: `person-${n}`,
    subjectPersonId: `person-${n}`,
    fields: ['name', 'idNumber'],
    purpose: `审核申请 #${n}`,
    requestId: `req-${n}`,
    details: { n, note: '窗口受理' },
  };
}

/** Empties the log and writes a fresh chain of `count` records through the real append path. */
async function freshChain(db: Db, count: number): Promise<void> {
  await db.deleteFrom('auditLog').execute();
  await db.updateTable('auditHead').set({ lastSeq: 0, lastHash: GENESIS_HASH }).where('id', '=', 1).execute();
  for (let n = 1; n <= count; n += 1) await appendAudit(db, sampleEntry(n));
}

/** Moves record `a` to position `b` and back, the way someone with SQL access would reorder. */
async function swapSeq(db: Db, a: number, b: number): Promise<void> {
  await sql`update audit_log set seq = ${-1} where seq = ${a}`.execute(db);
  await sql`update audit_log set seq = ${a} where seq = ${b}`.execute(db);
  await sql`update audit_log set seq = ${b} where seq = ${-1}`.execute(db);
}

/** An attacker who knows the hash function: changes a record and recomputes its own hash. */
async function rewriteWithValidHash(
  db: Db,
  seq: number,
  purpose: string,
  prevHash?: string,
): Promise<string> {
  const row = await db.selectFrom('auditLog').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const { hash: _old, ...rest } = row;
  const forged = { ...rest, purpose, prevHash: prevHash ?? rest.prevHash };
  const hash = hashAuditRecord(forged);
  await db
    .updateTable('auditLog')
    .set({ purpose, prevHash: forged.prevHash, hash })
    .where('seq', '=', seq)
    .execute();
  return hash;
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `tongban` command in a child process, as an operator would. */
function tongban(args: string[], database?: TestDatabase): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, TONGBAN_LOG_LEVEL: 'silent' };
  delete env.TONGBAN_DATABASE_URL;
  if (database) {
    env.TONGBAN_DATA_DIR = database.dataDir;
    if (database.databaseUrl) env.TONGBAN_DATABASE_URL = database.databaseUrl;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/tongban.mjs', ...args],
      { cwd: repoRoot, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describeEachDialect('audit log hash chain', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    db = handle.db;
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  describe('verifyAuditChain', () => {
    beforeEach(() => freshChain(db, CHAIN_LENGTH));

    it('reports an intact chain as ok with every record checked', async () => {
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: CHAIN_LENGTH });
      const head = await db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
      const last = await db
        .selectFrom('auditLog')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(head).toMatchObject({ lastSeq: CHAIN_LENGTH, lastHash: last.hash });
    });

    it('finds an edited record (purpose changed with SQL)', async () => {
      await sql`update audit_log set purpose = ${'随便看看'} where seq = ${7}`.execute(db);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 6,
        firstBad: { seq: 7, reason: 'edited' },
      });
    });

    it('finds an edited record (actor name changed through Kysely)', async () => {
      await db.updateTable('auditLog').set({ actorName: '系统' }).where('seq', '=', 7).execute();
      expect((await verifyAuditChain(db)).firstBad).toEqual({ seq: 7, reason: 'edited' });
    });

    it('finds a record deleted from the middle', async () => {
      await db.deleteFrom('auditLog').where('seq', '=', 7).execute();
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 6,
        firstBad: { seq: 7, reason: 'deleted' },
      });
    });

    it('finds the last record deleted (the chain ends before its head)', async () => {
      await db.deleteFrom('auditLog').where('seq', '=', CHAIN_LENGTH).execute();
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: CHAIN_LENGTH - 1,
        firstBad: { seq: CHAIN_LENGTH, reason: 'tail-missing' },
      });
    });

    it('finds two records swapped in place', async () => {
      await swapSeq(db, 7, 8);
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 6,
        firstBad: { seq: 7, reason: 'reordered' },
      });
    });

    it('finds a record rewritten with a recomputed hash: the next record no longer links to it', async () => {
      await rewriteWithValidHash(db, 7, '没有查阅');
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        checked: 7,
        firstBad: { seq: 8, reason: 'link-broken' },
      });
    });

    it('cannot see a rewrite of the whole tail and the head (why the head needs an outside anchor)', async () => {
      // The documented limit (docs/decisions/0004): whoever can rewrite every later record and
      // the head row leaves a chain that verifies. Only a copy of the head kept elsewhere shows it.
      let previousHash = await rewriteWithValidHash(db, 7, '没有查阅');
      for (let seq = 8; seq <= CHAIN_LENGTH; seq += 1) {
        const row = await db
          .selectFrom('auditLog')
          .select('purpose')
          .where('seq', '=', seq)
          .executeTakeFirstOrThrow();
        previousHash = await rewriteWithValidHash(db, seq, row.purpose ?? '', previousHash);
      }
      await db.updateTable('auditHead').set({ lastHash: previousHash }).where('id', '=', 1).execute();
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: CHAIN_LENGTH });
    });

    it('keeps the chain linear under 50 concurrent appends', async () => {
      await freshChain(db, 0);
      // allSettled, so a failed append cannot leave others running into the next test.
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          appendAudit(db, { actor: null, action: 'test.concurrent', objectId: `${i}` }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 50 });
      const objectIds = await db.selectFrom('auditLog').select('objectId').execute();
      expect(new Set(objectIds.map((r) => r.objectId)).size).toBe(50);
    });

    it('verifies a live log: records appended during the walk are not taken for a truncation', async () => {
      const [during] = await Promise.all([
        verifyAuditChain(db),
        ...Array.from({ length: 10 }, (_, i) =>
          appendAudit(db, { actor: null, action: 'test.live', objectId: `${i}` }),
        ),
      ]);
      expect(during.ok).toBe(true);
      expect(during.checked).toBeGreaterThanOrEqual(CHAIN_LENGTH);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: CHAIN_LENGTH + 10 });
    });

    it('walks a chain longer than one page and finds a deletion right after the page boundary', async () => {
      await freshChain(db, 0);
      await db.transaction().execute(async (trx) => {
        for (let n = 1; n <= 2100; n += 1)
          await appendAudit(trx, { actor: null, action: 'test.bulk', objectId: `${n}` });
      });
      const seen: [number, number][] = [];
      expect(await verifyAuditChain(db, (checked, total) => seen.push([checked, total]))).toEqual({
        ok: true,
        checked: 2100,
      });
      expect(seen).toEqual([
        [2000, 2100],
        [2100, 2100],
      ]);
      await db.deleteFrom('auditLog').where('seq', '=', 2001).execute();
      expect((await verifyAuditChain(db)).firstBad).toEqual({ seq: 2001, reason: 'deleted' });
    });
  });

  describe('tongban audit verify', () => {
    beforeEach(() => freshChain(db, CHAIN_LENGTH));

    it('exits 0 on an intact log', async () => {
      const result = await tongban(['audit', 'verify'], database);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Audit log intact: ${CHAIN_LENGTH} records verified.`);
    });

    it('exits 1 naming record #7 when it was edited', async () => {
      await sql`update audit_log set actor_name = ${'某人'} where seq = ${7}`.execute(db);
      const result = await tongban(['audit', 'verify'], database);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/BROKEN at record #7\b.*edited/);
    });

    it('exits 1 naming record #7 when it was deleted', async () => {
      await db.deleteFrom('auditLog').where('seq', '=', 7).execute();
      const result = await tongban(['audit', 'verify'], database);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/BROKEN at record #7\b.*deleted/);
    });

    it('exits 1 naming record #7 when it was swapped with #8', async () => {
      await swapSeq(db, 7, 8);
      const result = await tongban(['audit', 'verify'], database);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/BROKEN at record #7\b.*reordered/);
    });
  });
});

describe('tongban audit usage', () => {
  it('exits 2 with the usage when the subcommand is missing', async () => {
    const result = await tongban(['audit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing subcommand: verify');
    expect(result.stderr).toContain('Usage: tongban audit verify');
  });

  it('exits 2 on an unknown subcommand', async () => {
    const result = await tongban(['audit', 'fix']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown subcommand "fix"');
  });

  it('explains itself with --help and exits 0', async () => {
    const result = await tongban(['audit', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: tongban audit verify');
  });
});
