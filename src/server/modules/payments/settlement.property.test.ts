// Property: any interleaving — concurrent or not — of duplicate, late and out-of-order provider
// notifications (signed with the demo provider's own signing code and verified by its adapter),
// forged and wrong-amount ones, ones for unknown orders, and queries of the provider's view,
// settles each payable exactly once: the order ends in the provider's final state, its payables
// are paid iff it is, the ledger holds one balanced payment transaction per paid order, and each
// paid utility bill gets one biller push. Refund notifications (duplicated, concurrent) pay out
// each refund once and keep the ledger balanced.
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/db/database.ts';
import { ledgerBalance, ledgerIsBalanced } from './ledger.ts';
import {
  insertPendingOrder,
  signedNotification,
  verifyingProvider,
  type PendingOrderFixture,
} from './payments.test-support.ts';
import { handleProviderNotification } from './provider-notify.service.ts';
import { applyProviderOrderState } from './settlement.ts';

type Fate = 'paid' | 'closed' | 'failed';

interface Fixture extends PendingOrderFixture {
  fate: Fate;
}

type Event =
  | {
      type: 'notify';
      order: number;
      state: Fate;
      amountDelta: number;
      forged: boolean;
      notificationId: string;
    }
  | { type: 'query'; order: number; seesFate: boolean }
  | { type: 'unknown'; merchantOrderNo: string };

describeEachDialect('settlement under any interleaving of callbacks and queries', (dialect) => {
  let t: TestApp;
  let personId: string;
  let userId: string;
  let run = 0;
  const provider = verifyingProvider();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const user = await t.runtime.deps.database.db
      .selectFrom('users')
      .select(['id', 'personId'])
      .where('username', '=', 'demo-resident')
      .executeTakeFirstOrThrow();
    personId = user.personId!;
    userId = user.id;
  });
  afterAll(() => t.close());

  /** Pending orders with their payables held, as createPayment leaves them. */
  async function makeOrders(fates: { fate: Fate; amounts: number[] }[]): Promise<Fixture[]> {
    const fixtures: Fixture[] = [];
    for (const { fate, amounts } of fates) {
      run += 1;
      const fixture = await insertPendingOrder(t.runtime.deps.database.db, {
        payerUserId: userId,
        payerPersonId: personId,
        providerId: provider.id,
        amounts,
      });
      fixtures.push({ ...fixture, fate });
    }
    return fixtures;
  }

  const signed = signedNotification;

  async function deliver(fixtures: Fixture[], event: Event): Promise<void> {
    const deps = t.runtime.deps;
    const expectRefusal = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        expect(['PAYMENT_SIGNATURE_INVALID', 'PAYMENT_NOTIFICATION_REFUSED']).toContain(error.code);
      }
    };
    if (event.type === 'unknown') {
      const { rawBody, headers } = signed(
        {
          kind: 'order',
          notificationId: uuidv7(),
          merchantOrderNo: event.merchantOrderNo,
          state: 'paid',
          amountFen: 100,
        },
        false,
      );
      await expectRefusal(handleProviderNotification(deps, provider, headers, rawBody));
      return;
    }
    const fixture = fixtures[event.order % fixtures.length]!;
    if (event.type === 'query') {
      await applyProviderOrderState(
        deps,
        provider.id,
        fixture.merchantOrderNo,
        {
          merchantOrderNo: fixture.merchantOrderNo,
          providerOrderNo: fixture.providerOrderNo,
          state: event.seesFate ? fixture.fate : 'pending',
          amountFen: fixture.totalFen,
          ...(event.seesFate && fixture.fate === 'paid' ? { providerTxnNo: 'DT1', paidAt: nowIso() } : {}),
        },
        'query',
      );
      return;
    }
    const { rawBody, headers } = signed(
      {
        kind: 'order',
        notificationId: event.notificationId,
        merchantOrderNo: fixture.merchantOrderNo,
        providerOrderNo: fixture.providerOrderNo,
        state: event.state,
        amountFen: fixture.totalFen + event.amountDelta,
        ...(event.state === 'paid' ? { providerTxnNo: 'DT1', paidAt: nowIso() } : {}),
      },
      event.forged,
    );
    await expectRefusal(handleProviderNotification(deps, provider, headers, rawBody));
  }

  const fateArb = fc.constantFrom<Fate>('paid', 'paid', 'closed', 'failed');
  const ordersArb = fc.array(
    fc.record({
      fate: fateArb,
      amounts: fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  );
  /** Events that agree with each order's fate (duplicates, late, reordered), plus junk. */
  const consistentEvents = (count: number) =>
    fc.array(
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.record({
            type: fc.constant('notify' as const),
            order: fc.nat(count),
            state: fc.constant<Fate>('paid'),
            amountDelta: fc.constant(0),
            forged: fc.constant(false),
            notificationId: fc.constant(''),
          }),
        },
        {
          weight: 3,
          arbitrary: fc.record({
            type: fc.constant('query' as const),
            order: fc.nat(count),
            seesFate: fc.boolean(),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            type: fc.constant('notify' as const),
            order: fc.nat(count),
            state: fateArb,
            amountDelta: fc.constantFrom(1, -1, 100),
            forged: fc.constant(false),
            notificationId: fc.constant(''),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            type: fc.constant('notify' as const),
            order: fc.nat(count),
            state: fateArb,
            amountDelta: fc.constant(0),
            forged: fc.constant(true),
            notificationId: fc.constant(''),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            type: fc.constant('unknown' as const),
            merchantOrderNo: fc.constant('TB-NOBODY'),
          }),
        },
      ),
      { minLength: 1, maxLength: 16 },
    );

  async function check(fixtures: Fixture[], expectFate: boolean): Promise<void> {
    const db = t.runtime.deps.database.db;
    for (const fixture of fixtures) {
      const order = await db
        .selectFrom('paymentOrders')
        .selectAll()
        .where('id', '=', fixture.orderId)
        .executeTakeFirstOrThrow();
      const payables = await db
        .selectFrom('payables')
        .selectAll()
        .where('id', 'in', fixture.payableIds)
        .execute();
      const payments = await db
        .selectFrom('ledgerTransactions')
        .select('id')
        .where('kind', '=', 'payment')
        .where('reference', '=', fixture.orderId)
        .execute();
      const pushes = await db
        .selectFrom('billerPushes')
        .select('id')
        .where('orderId', '=', fixture.orderId)
        .execute();
      if (expectFate) expect(['pending', fixture.fate]).toContain(order.state);
      const paid = order.state === 'paid';
      for (const payable of payables) {
        expect(payable.status).toBe(paid ? 'paid' : 'unpaid');
        expect(payable.paidOrderId).toBe(paid ? fixture.orderId : null);
        expect(payable.inFlightOrderId).toBe(order.state === 'pending' ? fixture.orderId : null);
      }
      expect(payments).toHaveLength(paid ? 1 : 0);
      expect(pushes).toHaveLength(paid ? fixture.utilityItems : 0);
    }
    expect(await ledgerIsBalanced(db)).toBe(true);
  }

  it('settles each payable exactly once, whatever arrives in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(
        ordersArb.chain((orders) =>
          fc.tuple(
            fc.constant(orders),
            consistentEvents(orders.length - 1).chain((events) =>
              fc.tuple(
                fc.shuffledSubarray(events, { minLength: events.length }),
                fc.integer({ min: 1, max: 4 }),
              ),
            ),
          ),
        ),
        async ([orders, [events, parallel]]) => {
          const fixtures = await makeOrders(orders);
          const clearingBefore = (
            await ledgerBalance(t.runtime.deps.database.db, `provider_clearing:${provider.id}`)
          ).balanceFen;
          // Every order's own final word arrives at least once, somewhere in the stream.
          const all: Event[] = events.map((event, i) =>
            event.type === 'notify' && event.amountDelta === 0 && !event.forged
              ? {
                  ...event,
                  state: fixtures[event.order % fixtures.length]!.fate,
                  notificationId: `n-${run}-${i}`,
                }
              : event,
          );
          for (const [index] of fixtures.entries())
            all.push({
              type: 'notify',
              order: index,
              state: fixtures[index]!.fate,
              amountDelta: 0,
              forged: false,
              notificationId: `final-${run}-${index}`,
            });
          for (let i = 0; i < all.length; i += parallel)
            await Promise.all(all.slice(i, i + parallel).map((event) => deliver(fixtures, event)));
          await check(fixtures, true);
          for (const fixture of fixtures) {
            const order = await t.runtime.deps.database.db
              .selectFrom('paymentOrders')
              .select('state')
              .where('id', '=', fixture.orderId)
              .executeTakeFirstOrThrow();
            expect(order.state).toBe(fixture.fate);
          }
          const paidTotal = fixtures.filter((f) => f.fate === 'paid').reduce((s, f) => s + f.totalFen, 0);
          const clearingAfter = (
            await ledgerBalance(t.runtime.deps.database.db, `provider_clearing:${provider.id}`)
          ).balanceFen;
          expect(clearingAfter - clearingBefore).toBe(paidTotal);
        },
      ),
      { numRuns: dialect === 'sqlite' ? 30 : 12 },
    );
  });

  it('keeps payables and ledger consistent even when the provider contradicts itself', async () => {
    const contradicting = (count: number) =>
      fc.array(
        fc.record({
          type: fc.constant('notify' as const),
          order: fc.nat(count),
          state: fateArb,
          amountDelta: fc.constant(0),
          forged: fc.constant(false),
          notificationId: fc.uuid(),
        }),
        { minLength: 1, maxLength: 10 },
      );
    await fc.assert(
      fc.asyncProperty(
        ordersArb.chain((orders) =>
          fc.tuple(fc.constant(orders), contradicting(orders.length - 1), fc.integer({ min: 1, max: 4 })),
        ),
        async ([orders, events, parallel]) => {
          const fixtures = await makeOrders(orders);
          for (let i = 0; i < events.length; i += parallel)
            await Promise.all(events.slice(i, i + parallel).map((event) => deliver(fixtures, event)));
          await check(fixtures, false);
        },
      ),
      { numRuns: dialect === 'sqlite' ? 20 : 8 },
    );
  });
});
