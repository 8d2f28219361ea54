// Property: under any sequence of payments, closes, refund requests (full and partial, some too
// large), approvals, rejections and refund outcomes (succeeded or failed, delivered several times
// at once), the ledger balances and every derived figure agrees with the rows: the provider
// clearing account holds what was paid minus what was paid back, the refunds account what is
// approved and not yet paid out, and each payable's refunded amount and status its refunds.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { AppError } from '../../platform/errors.ts';
import { ledgerBalance, ledgerIsBalanced } from './ledger.ts';
import {
  insertPendingOrder,
  signedNotification,
  verifyingProvider,
  type PendingOrderFixture,
} from './payments.test-support.ts';
import { handleProviderNotification } from './provider-notify.service.ts';
import { approveRefund, rejectRefund, requestRefund } from './refunds.service.ts';

type Step =
  | { op: 'settle'; order: number; paid: boolean }
  | { op: 'request'; order: number; item: number; share: number }
  | { op: 'decide'; pick: number; approve: boolean }
  | { op: 'outcome'; pick: number; succeeded: boolean; copies: number };

describeEachDialect('the ledger under any sequence of payments and refunds', (dialect) => {
  let t: TestApp;
  let payer: Principal;
  let financeAdmin: Principal;
  const provider = verifyingProvider();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.runtime.deps.database.db;
    const resident = await db
      .selectFrom('users')
      .select(['id', 'personId', 'displayName'])
      .where('username', '=', 'demo-resident')
      .executeTakeFirstOrThrow();
    const admin = await db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('username', '=', 'demo-admin')
      .executeTakeFirstOrThrow();
    const base = { kind: 'resident' as const, staff: [], sessionId: 's', csrfToken: 'c' };
    payer = {
      ...base,
      userId: resident.id,
      username: 'demo-resident',
      displayName: resident.displayName,
      personId: resident.personId,
      isAdmin: false,
    };
    financeAdmin = {
      ...base,
      kind: 'admin',
      userId: admin.id,
      username: 'demo-admin',
      displayName: admin.displayName,
      personId: null,
      isAdmin: true,
    };
  });
  afterAll(() => t.close());

  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('settle' as const), order: fc.nat(3), paid: fc.boolean() }),
    fc.record({
      op: fc.constant('request' as const),
      order: fc.nat(3),
      item: fc.nat(2),
      share: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
    }),
    fc.record({ op: fc.constant('decide' as const), pick: fc.nat(10), approve: fc.boolean() }),
    fc.record({
      op: fc.constant('outcome' as const),
      pick: fc.nat(10),
      succeeded: fc.boolean(),
      copies: fc.integer({ min: 1, max: 3 }),
    }),
  );

  async function refundsOf(orderIds: string[]) {
    return t.runtime.deps.database.db
      .selectFrom('paymentRefunds')
      .selectAll()
      .where('orderId', 'in', orderIds)
      .orderBy('requestedAt')
      .orderBy('id')
      .execute();
  }

  async function apply(orders: PendingOrderFixture[], step: Step): Promise<void> {
    const deps = t.runtime.deps;
    const tolerate = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    };
    if (step.op === 'settle') {
      const order = orders[step.order % orders.length]!;
      const { rawBody, headers } = signedNotification({
        kind: 'order',
        notificationId: `n-${order.orderId}-${step.paid}`,
        merchantOrderNo: order.merchantOrderNo,
        providerOrderNo: order.providerOrderNo,
        state: step.paid ? 'paid' : 'closed',
        amountFen: order.totalFen,
      });
      await tolerate(handleProviderNotification(deps, provider, headers, rawBody));
      return;
    }
    if (step.op === 'request') {
      const order = orders[step.order % orders.length]!;
      const item = step.item % order.payableIds.length;
      const amountFen = Math.max(1, Math.round(order.amounts[item]! * step.share));
      await tolerate(
        requestRefund(
          deps,
          payer,
          order.orderId,
          { payableId: order.payableIds[item]!, amountFen, reason: '测试' },
          'r',
        ),
      );
      return;
    }
    const refunds = await refundsOf(orders.map((o) => o.orderId));
    if (step.op === 'decide') {
      const waiting = refunds.filter((r) => r.state === 'requested');
      const refund = waiting[step.pick % Math.max(1, waiting.length)];
      if (!refund) return;
      await (step.approve
        ? approveRefund(deps, financeAdmin, refund.id, undefined, 'r')
        : rejectRefund(deps, financeAdmin, refund.id, '不予退款', 'r'));
      return;
    }
    const processing = refunds.filter((r) => ['processing', 'succeeded', 'failed'].includes(r.state));
    const refund = processing[step.pick % Math.max(1, processing.length)];
    if (!refund) return;
    const order = orders.find((o) => o.orderId === refund.orderId)!;
    // The provider's outcome is fixed per refund: a repeat says the same (duplicates, at once).
    const succeeded = refund.state === 'processing' ? step.succeeded : refund.state === 'succeeded';
    const { rawBody, headers } = signedNotification({
      kind: 'refund',
      notificationId: `r-${refund.id}`,
      merchantOrderNo: order.merchantOrderNo,
      refundNo: refund.refundNo,
      providerRefundNo: `PR-${refund.id}`,
      state: succeeded ? 'succeeded' : 'failed',
      amountFen: refund.amountFen,
    });
    await Promise.all(
      Array.from({ length: step.copies }, () =>
        tolerate(handleProviderNotification(deps, provider, headers, rawBody)),
      ),
    );
  }

  it('balances, and every figure agrees with the rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        async (orderAmounts, steps) => {
          const db = t.runtime.deps.database.db;
          const clearing = `provider_clearing:${provider.id}`;
          const before = {
            clearing: (await ledgerBalance(db, clearing)).balanceFen,
            refunds: (await ledgerBalance(db, 'refunds')).balanceFen,
          };
          const orders: PendingOrderFixture[] = [];
          for (const amounts of orderAmounts)
            orders.push(
              await insertPendingOrder(db, {
                payerUserId: payer.userId,
                payerPersonId: payer.personId!,
                providerId: provider.id,
                amounts,
              }),
            );
          for (const step of steps) await apply(orders, step);

          expect(await ledgerIsBalanced(db)).toBe(true);
          const rows = await db
            .selectFrom('paymentOrders')
            .selectAll()
            .where(
              'id',
              'in',
              orders.map((o) => o.orderId),
            )
            .execute();
          const refunds = await refundsOf(orders.map((o) => o.orderId));
          const sum = (states: string[]) =>
            refunds.filter((r) => states.includes(r.state)).reduce((s, r) => s + r.amountFen, 0);
          const paidTotal = rows
            .filter((o) => ['paid', 'refunded', 'partially_refunded'].includes(o.state))
            .reduce((s, o) => s + o.totalFen, 0);
          expect((await ledgerBalance(db, clearing)).balanceFen - before.clearing).toBe(
            paidTotal - sum(['succeeded']),
          );
          // Approved, not yet paid out: a credit on the refunds account.
          const refundsDelta = (await ledgerBalance(db, 'refunds')).balanceFen - before.refunds;
          expect(refundsDelta + sum(['processing'])).toBe(0);
          for (const order of rows) {
            const own = refunds.filter((r) => r.orderId === order.id && r.state === 'succeeded');
            const refunded = own.reduce((s, r) => s + r.amountFen, 0);
            expect(order.refundedFen).toBe(refunded);
            if (refunded > 0)
              expect(order.state).toBe(refunded === order.totalFen ? 'refunded' : 'partially_refunded');
            const fixture = orders.find((o) => o.orderId === order.id)!;
            const payables = await db
              .selectFrom('payables')
              .selectAll()
              .where('id', 'in', fixture.payableIds)
              .execute();
            for (const payable of payables) {
              const back = own.filter((r) => r.payableId === payable.id).reduce((s, r) => s + r.amountFen, 0);
              expect(payable.refundedFen).toBe(back);
              expect(back).toBeLessThanOrEqual(payable.amountFen);
              const expected =
                order.state === 'pending' || order.state === 'closed'
                  ? 'unpaid'
                  : back === 0
                    ? 'paid'
                    : back === payable.amountFen
                      ? 'refunded'
                      : 'partially_refunded';
              expect(payable.status).toBe(expected);
            }
            // Never more asked back (and not refused) than was paid.
            const open = refunds
              .filter(
                (r) => r.orderId === order.id && ['requested', 'processing', 'succeeded'].includes(r.state),
              )
              .reduce((s, r) => s + r.amountFen, 0);
            expect(open).toBeLessThanOrEqual(order.totalFen);
          }
        },
      ),
      { numRuns: dialect === 'sqlite' ? 30 : 10 },
    );
  });
});
