import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../../test/support/dialects.ts';
import {
  LedgerError,
  ledgerBalance,
  ledgerBalances,
  ledgerImbalances,
  ledgerIsBalanced,
  postLedgerTransaction,
} from './ledger.ts';

describeEachDialect('payments ledger', (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    handle = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    await testDb.drop();
  });

  it('posts a balanced transaction and derives balances by summing', async () => {
    await handle.db.transaction().execute((trx) =>
      postLedgerTransaction(trx, {
        kind: 'payment',
        reference: 'order-a',
        memo: 'two bills',
        entries: [
          { account: 'provider_clearing:demo', debitFen: 3000 },
          { account: 'payer:person:p1', creditFen: 3000 },
          { account: 'payer:person:p1', debitFen: 3000 },
          { account: 'biller:utility:water', creditFen: 1000 },
          { account: 'biller:utility:gas', creditFen: 2000 },
        ],
      }),
    );
    expect(await ledgerBalance(handle.db, 'provider_clearing:demo')).toMatchObject({ balanceFen: 3000 });
    expect(await ledgerBalance(handle.db, 'biller:utility:gas')).toMatchObject({ balanceFen: -2000 });
    expect(await ledgerBalance(handle.db, 'payer:person:p1')).toMatchObject({
      debitFen: 3000,
      creditFen: 3000,
      balanceFen: 0,
    });
    expect(await ledgerBalance(handle.db, 'fees:none')).toMatchObject({ balanceFen: 0 });
    expect((await ledgerBalances(handle.db, 'biller:')).map((b) => b.account)).toEqual([
      'biller:utility:gas',
      'biller:utility:water',
    ]);
    expect(await ledgerIsBalanced(handle.db)).toBe(true);
  });

  it('refuses an unbalanced or malformed transaction and writes nothing', async () => {
    const before = await handle.db
      .selectFrom('ledgerEntries')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute();
    const attempts = [
      [
        { account: 'provider_clearing:demo', debitFen: 100 },
        { account: 'payer:person:p1', creditFen: 99 },
      ],
      [{ account: 'provider_clearing:demo', debitFen: 0, creditFen: 0 }],
      [
        { account: 'provider_clearing:demo', debitFen: 100, creditFen: 100 },
        { account: 'payer:person:p1', creditFen: 0 },
      ],
      [
        { account: 'nobody', debitFen: 100 },
        { account: 'payer:person:p1', creditFen: 100 },
      ],
      [
        { account: 'provider_clearing:demo', debitFen: 1.5 },
        { account: 'payer:person:p1', creditFen: 1.5 },
      ],
    ];
    for (const [index, entries] of attempts.entries()) {
      await expect(
        handle.db
          .transaction()
          .execute((trx) =>
            postLedgerTransaction(trx, { kind: 'payment', reference: `bad-${index}`, memo: '', entries }),
          ),
      ).rejects.toBeInstanceOf(LedgerError);
    }
    const after = await handle.db
      .selectFrom('ledgerEntries')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute();
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    expect(
      await handle.db
        .selectFrom('ledgerTransactions')
        .selectAll()
        .where('reference', 'like', 'bad-%')
        .execute(),
    ).toEqual([]);
  });

  it('posts a movement once however often it is posted', async () => {
    const post = () =>
      handle.db.transaction().execute((trx) =>
        postLedgerTransaction(trx, {
          kind: 'refund_paid',
          reference: 'refund-1',
          memo: '',
          entries: [
            { account: 'refunds', debitFen: 500 },
            { account: 'provider_clearing:demo', creditFen: 500 },
          ],
        }),
      );
    const first = await post();
    const second = await post();
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(await ledgerBalance(handle.db, 'refunds')).toMatchObject({ balanceFen: 500 });
  });

  it('is insert-only: the database refuses updates and deletes', async () => {
    await expect(sql`update ledger_entries set debit_fen = debit_fen + 1`.execute(handle.db)).rejects.toThrow(
      /insert-only/,
    );
    await expect(sql`delete from ledger_entries`.execute(handle.db)).rejects.toThrow(/insert-only/);
    await expect(sql`update ledger_transactions set memo = 'x'`.execute(handle.db)).rejects.toThrow(
      /insert-only/,
    );
    await expect(sql`delete from ledger_transactions`.execute(handle.db)).rejects.toThrow(/insert-only/);
    expect(await ledgerImbalances(handle.db)).toEqual([]);
  });

  describe('property', () => {
    const account = fc.constantFrom(
      'payer:person:a',
      'payer:enterprise:b',
      'provider_clearing:demo',
      'biller:utility:water',
      'biller:office:x',
      'fees:demo',
      'refunds',
    );
    const posting = fc
      .array(fc.record({ from: account, to: account, fen: fc.integer({ min: 1, max: 1_000_000 }) }), {
        minLength: 1,
        maxLength: 4,
      })
      .map((legs) =>
        legs.flatMap((leg) => [
          { account: leg.to, debitFen: leg.fen },
          { account: leg.from, creditFen: leg.fen },
        ]),
      );
    const wrong = fc.record({
      index: fc.nat(),
      delta: fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
    });

    it('stays balanced, and every balance equals the model, under any sequence of postings', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(posting, fc.option(wrong)), { maxLength: 12 }), async (steps) => {
          run += 1;
          const before = new Map((await ledgerBalances(handle.db)).map((b) => [b.account, b.balanceFen]));
          const model = new Map(before);
          for (const [index, [entries, broken]] of steps.entries()) {
            const sent = entries.map((entry) => ({ ...entry }));
            if (broken) {
              const target = sent[broken.index % sent.length]!;
              if (target.debitFen) target.debitFen = Math.max(1, target.debitFen + broken.delta);
              else target.creditFen = Math.max(1, (target.creditFen ?? 0) + broken.delta);
            }
            const balanced =
              sent.reduce((s, e) => s + (e.debitFen ?? 0), 0) ===
              sent.reduce((s, e) => s + (e.creditFen ?? 0), 0);
            const result = handle.db.transaction().execute((trx) =>
              postLedgerTransaction(trx, {
                kind: 'payment',
                reference: `prop-${run}-${index}`,
                memo: '',
                entries: sent,
              }),
            );
            if (!balanced) {
              await expect(result).rejects.toBeInstanceOf(LedgerError);
              continue;
            }
            await result;
            for (const entry of sent)
              model.set(
                entry.account,
                (model.get(entry.account) ?? 0) + (entry.debitFen ?? 0) - (entry.creditFen ?? 0),
              );
          }
          const after = await ledgerBalances(handle.db);
          expect(after.reduce((sum, b) => sum + b.balanceFen, 0)).toBe(0);
          for (const balance of after) expect(balance.balanceFen).toBe(model.get(balance.account) ?? 0);
          expect(await ledgerIsBalanced(handle.db)).toBe(true);
        }),
        { numRuns: dialect === 'sqlite' ? 40 : 15 },
      );
    });
  });
});
