// Fees of applications and traffic fines as payables, the biller refusing a push (listed for an
// operator, retried on request), and the sweep job settling or closing what callbacks never
// reached — with the demo provider and billers as real HTTP servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatePaymentResult, PayableList, Refund } from '../../../contracts/api/payments.ts';
import type { TrafficViolation } from '../../../contracts/registers.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { fileService } from '../../../../test/support/applications.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ledgerIsBalanced } from './ledger.ts';
import { insertPendingOrder } from './payments.test-support.ts';
import { sweepPayments } from './payments.jobs.ts';
import { applyProviderOrderState } from './settlement.ts';

const BASE = '/api/v1/payments';
let keys = 0;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 25_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeEachDialect('payables: fees, fines, biller pushes and the sweep', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let admin: TestSession;

  const call = (session: TestSession, method: string, url: string, payload?: unknown, headers = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...session.headers, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const pay = (payableIds: string[]) =>
    call(
      resident,
      'POST',
      `${BASE}/orders`,
      { payableIds },
      { 'idempotency-key': `payables-key-${(keys += 1)}` },
    );

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { payments: true });
    resident = await loginAs(t.app, 'demo-resident');
    admin = await loginAs(t.app, 'demo-admin');
  });
  afterAll(() => t.close());

  describe('fees and fines', () => {
    it('lists the fee of an application with a fee, payable once, to the receiving office', async () => {
      const application = await fileService(t.app, resident, 'PSBH-0007');
      const list = (await call(resident, 'GET', `${BASE}/payables?kind=service_fee`)).json() as PayableList;
      const fee = list.items.find((p) => p.applicationId === application.id);
      expect(fee).toMatchObject({
        kind: 'service_fee',
        amountFen: 2000,
        status: 'unpaid',
        externalRef: application.id,
      });
      expect(fee!.titleZh).toContain(application.receiptNo);
      expect(fee!.beneficiary.code).toMatch(/^office:/);
      const again = (await call(resident, 'GET', `${BASE}/payables?kind=service_fee`)).json() as PayableList;
      expect(again.items.filter((p) => p.applicationId === application.id)).toHaveLength(1);

      const created = (await pay([fee!.id])).json() as CreatePaymentResult;
      t.payments!.pay(created.order.merchantOrderNo);
      await waitFor(async () => {
        const order = (await call(resident, 'GET', `${BASE}/orders/${created.order.id}`)).json();
        return order.state === 'paid' ? order : undefined;
      }, 'the fee paid');
      const accounts = (await call(admin, 'GET', `${BASE}/ledger/accounts`)).json();
      expect(
        accounts.items.find((a: { account: string }) => a.account === `biller:${fee!.beneficiary.code}`),
      ).toMatchObject({
        balanceFen: -2000,
      });
    });

    it('lists the traffic fines the vehicles register shows as due or paid, read through the gateway', async () => {
      const register = (await call(resident, 'GET', '/api/v1/me/registers/vehicles')).json() as {
        data: { violations?: TrafficViolation[] };
      };
      const due = (register.data.violations ?? []).filter((v) => v.status !== 'unprocessed');
      const list = (await call(resident, 'GET', `${BASE}/payables?kind=traffic_fine`)).json() as PayableList;
      expect(list.problems).toEqual([]);
      expect(list.items.map((p) => p.externalRef).sort()).toEqual(due.map((v) => v.id).sort());
      for (const violation of due) {
        const payable = list.items.find((p) => p.externalRef === violation.id)!;
        expect(payable.amountFen).toBe(violation.fineFen);
        expect(payable.status).toBe(violation.status === 'paid' ? 'paid' : 'unpaid');
        expect(payable.beneficiary.code).toMatch(/^office:police-traffic-/);
      }
      const reads = await t.runtime.deps.database.db
        .selectFrom('auditLog')
        .select('purpose')
        .where('action', '=', 'data.read')
        .where('purpose', '=', '本人查询机动车和交通违法记录')
        .execute();
      expect(reads.length).toBeGreaterThan(0);
    });
  });

  describe('biller pushes', () => {
    it('lists a push the biller refuses for an operator with what to do, and sends it again on request', async () => {
      const db = t.runtime.deps.database.db;
      const user = await db
        .selectFrom('users')
        .select(['id', 'personId'])
        .where('username', '=', 'demo-resident')
        .executeTakeFirstOrThrow();
      // A bill the biller never issued: it refuses the push for good.
      const fixture = await insertPendingOrder(db, {
        payerUserId: user.id,
        payerPersonId: user.personId!,
        providerId: t.runtime.deps.paymentProvider.id,
        amounts: [4321],
      });
      const settled = await applyProviderOrderState(
        t.runtime.deps,
        t.runtime.deps.paymentProvider.id,
        fixture.merchantOrderNo,
        {
          merchantOrderNo: fixture.merchantOrderNo,
          providerOrderNo: fixture.providerOrderNo,
          state: 'paid',
          amountFen: fixture.totalFen,
          providerTxnNo: 'DT-FIXTURE',
          paidAt: new Date().toISOString(),
        },
      );
      expect(settled.result).toBe('settled');
      await t.runtime.deps.jobs.drain();
      const rejected = (await call(admin, 'GET', `${BASE}/biller-pushes?status=rejected`)).json();
      const push = rejected.items.find((p: { orderId: string }) => p.orderId === fixture.orderId);
      expect(push).toMatchObject({ status: 'rejected', attempts: 1 });
      expect(push.adviceZh).toContain('退款');
      const retried = await call(admin, 'POST', `${BASE}/biller-pushes/${push.id}/retry`);
      expect(retried.json()).toMatchObject({ status: 'pending' });
      await t.runtime.deps.jobs.drain();
      const after = (await call(admin, 'GET', `${BASE}/biller-pushes?status=rejected`)).json();
      expect(after.items.find((p: { id: string }) => p.id === push.id)).toMatchObject({ attempts: 2 });
      const twice = await call(admin, 'POST', `${BASE}/biller-pushes/${push.id}/retry`);
      expect(twice.statusCode).toBe(200);
      await t.runtime.deps.jobs.drain();
    });
  });

  describe('the sweep', () => {
    it('settles an order whose callbacks were all lost, and closes one the provider never knew once expired', async () => {
      const provider = t.payments!.provider.provider;
      const db = t.runtime.deps.database.db;
      const unpaid = (await call(resident, 'GET', `${BASE}/payables?status=unpaid`)).json() as PayableList;
      const target = unpaid.items.find((p) => !p.inFlight);
      if (!target) throw new Error('no unpaid payable');
      const created = (await pay([target.id])).json() as CreatePaymentResult;
      provider.behaviour.dropRate = 1;
      const user = await db
        .selectFrom('users')
        .select(['id', 'personId'])
        .where('username', '=', 'demo-resident')
        .executeTakeFirstOrThrow();
      const orphan = await insertPendingOrder(db, {
        payerUserId: user.id,
        payerPersonId: user.personId!,
        providerId: t.runtime.deps.paymentProvider.id,
        amounts: [100],
      });
      const clock = t.runtime.deps.clock;
      const realNow = clock.now;
      try {
        t.payments!.pay(created.order.merchantOrderNo);
        clock.now = () => new Date(Date.now() + 60_000);
        const first = await sweepPayments(t.runtime.deps);
        expect(first.ordersChecked).toBeGreaterThanOrEqual(2);
        const order = (await call(resident, 'GET', `${BASE}/orders/${created.order.id}`)).json();
        expect(order.state).toBe('paid');
        // The orphan is not expired yet: it stays pending until it is.
        const stillPending = await db
          .selectFrom('paymentOrders')
          .select('state')
          .where('id', '=', orphan.orderId)
          .executeTakeFirstOrThrow();
        expect(stillPending.state).toBe('pending');
        clock.now = () => new Date(Date.now() + 3_600_000);
        await sweepPayments(t.runtime.deps);
        const closed = await db
          .selectFrom('paymentOrders')
          .select(['state', 'endReason'])
          .where('id', '=', orphan.orderId)
          .executeTakeFirstOrThrow();
        expect(closed).toEqual({ state: 'closed', endReason: 'expired' });
        const freed = await db
          .selectFrom('payables')
          .select(['status', 'inFlightOrderId'])
          .where('id', 'in', orphan.payableIds)
          .execute();
        expect(freed).toEqual([{ status: 'unpaid', inFlightOrderId: null }]);
      } finally {
        clock.now = realNow;
        provider.behaviour.dropRate = 0;
      }
      expect(await ledgerIsBalanced(db)).toBe(true);
    });

    it('sends an approved refund the provider could not take, on the next sweep', async () => {
      const orders = (await call(resident, 'GET', `${BASE}/orders`)).json() as {
        items: { id: string; state: string; items: { payableId: string; amountFen: number }[] }[];
      };
      const paid = orders.items.find((o) => o.state === 'paid')!;
      const item = paid.items[0]!;
      const refund = (
        await call(resident, 'POST', `${BASE}/orders/${paid.id}/refunds`, {
          payableId: item.payableId,
          reason: '重复缴费',
        })
      ).json() as Refund;
      const provider = t.payments!.provider.provider;
      provider.behaviour.errorRate = 1;
      try {
        const approved = (
          await call(admin, 'POST', `${BASE}/refunds/${refund.id}/approve`, {})
        ).json() as Refund;
        expect(approved.state).toBe('processing');
      } finally {
        provider.behaviour.errorRate = 0;
      }
      const clock = t.runtime.deps.clock;
      const realNow = clock.now;
      clock.now = () => new Date(Date.now() + 60_000);
      try {
        await sweepPayments(t.runtime.deps);
      } finally {
        clock.now = realNow;
      }
      const done = await waitFor(async () => {
        const now = (await call(resident, 'GET', `${BASE}/refunds/${refund.id}`)).json() as Refund;
        return now.state === 'succeeded' ? now : undefined;
      }, 'the refund after the sweep');
      expect(done.amountFen).toBe(item.amountFen);
      const order = (await call(resident, 'GET', `${BASE}/orders/${paid.id}`)).json();
      expect(order.state).toBe(paid.items.length === 1 ? 'refunded' : 'partially_refunded');
      expect(await ledgerIsBalanced(t.runtime.deps.database.db)).toBe(true);
    });
  });
});
