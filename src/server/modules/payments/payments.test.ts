// Payments end to end through app.inject(), with the demo payment provider and demo billers as
// real HTTP servers: binding accounts, paying two bills at once, the signed notification settling
// the order, the biller push, idempotency, refusals, a dropped callback settled by a query, and a
// partial refund with a second person's approval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreatePaymentResult,
  Payable,
  PayableList,
  PaymentOrderDetail,
  Refund,
  UtilityAccountBinding,
  UtilityBillList,
} from '../../../contracts/api/payments.ts';
import type { UtilityAccount } from '../../../contracts/registers.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { fileService } from '../../../../test/support/applications.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { ledgerBalance, ledgerIsBalanced } from './ledger.ts';

const BASE = '/api/v1/payments';
let keySeq = 0;
const newKey = () => `test-key-${Date.now()}-${(keySeq += 1)}`;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 25_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeEachDialect('payments', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let resident2: TestSession;
  let admin: TestSession;
  let officeAdmin: TestSession;
  let accounts: UtilityAccount[];

  const call = (
    session: TestSession | undefined,
    method: string,
    url: string,
    payload?: unknown,
    headers = {},
  ) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(session?.headers ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const pay = (session: TestSession, payableIds: string[], key = newKey()) =>
    call(session, 'POST', `${BASE}/orders`, { payableIds }, { 'idempotency-key': key });
  const orderOf = async (session: TestSession, id: string) =>
    (await call(session, 'GET', `${BASE}/orders/${id}`)).json() as PaymentOrderDetail;
  const countRows = async (table: 'paymentOrders' | 'paymentOrderItems') =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { payments: true });
    resident = await loginAs(t.app, 'demo-resident');
    resident2 = await loginAs(t.app, 'demo-resident2');
    admin = await loginAs(t.app, 'demo-admin');
    officeAdmin = await loginAs(t.app, 'demo-office-admin');
    const utilities = await call(resident, 'GET', '/api/v1/me/registers/utilities');
    accounts = (utilities.json() as { data: { accounts: UtilityAccount[] } }).data.accounts;
    expect(accounts.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => t.close());

  describe('utility accounts', () => {
    it('binds an account the biller confirms, and refuses a wrong address, an unknown number and a repeat', async () => {
      const [first, second] = accounts;
      const wrongAddress = await call(resident, 'POST', `${BASE}/utility-accounts`, {
        kind: first!.kind,
        accountNumber: first!.accountNumber,
        address: '上海市浦东新区不存在路1号',
      });
      expect(wrongAddress.statusCode).toBe(422);
      expect(wrongAddress.json().error.code).toBe('PAYMENT_UTILITY_ADDRESS_MISMATCH');
      const unknown = await call(resident, 'POST', `${BASE}/utility-accounts`, {
        kind: 'water',
        accountNumber: '00000000',
        address: first!.address,
      });
      expect(unknown.json().error.code).toBe('PAYMENT_UTILITY_ACCOUNT_NOT_FOUND');

      for (const account of [first!, second!]) {
        const bound = await call(resident, 'POST', `${BASE}/utility-accounts`, {
          kind: account.kind,
          accountNumber: account.accountNumber,
          address: account.address,
        });
        expect(bound.statusCode, bound.body).toBe(201);
        const binding = bound.json() as UtilityAccountBinding;
        expect(binding).toMatchObject({
          kind: account.kind,
          accountNumber: account.accountNumber,
          unboundAt: null,
        });
        expect(binding.holderMasked).toMatch(/\*/);
      }
      const again = await call(resident, 'POST', `${BASE}/utility-accounts`, {
        kind: first!.kind,
        accountNumber: first!.accountNumber,
        address: first!.address,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('PAYMENT_UTILITY_ACCOUNT_ALREADY_BOUND');
      const list = (await call(resident, 'GET', `${BASE}/utility-accounts`)).json();
      expect(list.items).toHaveLength(2);
    });

    it('unbinds keeping history; nobody else may unbind or see it', async () => {
      const third = accounts[2] ?? accounts[0]!;
      const bound = (
        await call(resident2, 'POST', `${BASE}/utility-accounts`, {
          kind: third.kind,
          accountNumber: third.accountNumber,
          address: third.address,
        })
      ).json() as UtilityAccountBinding;
      expect(bound.id).toBeTruthy();
      const stranger = await call(resident, 'DELETE', `${BASE}/utility-accounts/${bound.id}`);
      expect(stranger.statusCode).toBe(404);
      const staff = await call(officeAdmin, 'DELETE', `${BASE}/utility-accounts/${bound.id}`);
      expect(staff.statusCode).toBe(403);
      const unbound = await call(resident2, 'DELETE', `${BASE}/utility-accounts/${bound.id}`);
      expect(unbound.statusCode).toBe(200);
      expect(unbound.json().unboundAt).toBeTruthy();
      const list = (await call(resident2, 'GET', `${BASE}/utility-accounts`)).json();
      expect(list.items).toHaveLength(0);
      expect(list.history.map((b: UtilityAccountBinding) => b.id)).toContain(bound.id);
      expect((await call(resident2, 'DELETE', `${BASE}/utility-accounts/${bound.id}`)).statusCode).toBe(404);
    });
  });

  describe('paying bills', () => {
    let bills: Payable[];
    let order: CreatePaymentResult;

    it('lists the bills of the bound accounts, fetched from the billers, once however often asked', async () => {
      const first = (await call(resident, 'GET', `${BASE}/utility-bills`)).json() as UtilityBillList;
      const again = (await call(resident, 'GET', `${BASE}/utility-bills`)).json() as UtilityBillList;
      expect(first.problems).toEqual([]);
      expect(again.items.map((b) => b.id).sort()).toEqual(first.items.map((b) => b.id).sort());
      bills = first.items.filter((b) => b.status === 'unpaid');
      expect(first.items.length).toBeGreaterThan(bills.length);
      if (bills.length < 2) {
        // The demo city's bills of these accounts may be settled already; the test needs two unpaid.
        throw new Error(`expected two unpaid bills, got ${bills.length}`);
      }
      const payables = (
        await call(resident, 'GET', `${BASE}/payables?kind=utility_bill`)
      ).json() as PayableList;
      expect(payables.unpaidTotalFen).toBe(bills.reduce((s, b) => s + b.amountFen, 0));
      expect((await call(resident2, 'GET', `${BASE}/payables/${bills[0]!.id}`)).statusCode).toBe(404);
      // Each unpaid bill new to us is one bill.issued event for the payer's apps, however often fetched.
      const issued = await t.runtime.deps.database.db
        .selectFrom('openEvents')
        .select(['data'])
        .where('type', '=', 'bill.issued')
        .execute();
      const issuedIds = issued.map((e) => (JSON.parse(e.data) as { payableId: string }).payableId);
      for (const bill of bills) expect(issuedIds.filter((id) => id === bill.id)).toHaveLength(1);
      const paidIds = new Set(first.items.filter((b) => b.status === 'paid').map((b) => b.id));
      expect(issuedIds.some((id) => paidIds.has(id))).toBe(false);
    });

    it('refuses bad input and leaves nothing behind', async () => {
      const before = [await countRows('paymentOrders'), await countRows('paymentOrderItems')];
      const noKey = await call(resident, 'POST', `${BASE}/orders`, { payableIds: [bills[0]!.id] });
      expect(noKey.json().error.code).toBe('PAYMENT_IDEMPOTENCY_KEY_REQUIRED');
      const unknown = await pay(resident, [bills[0]!.id, 'no-such-payable']);
      expect(unknown.statusCode).toBe(404);
      const empty = await pay(resident, []);
      expect(empty.statusCode).toBe(400);
      const notMine = await pay(resident2, [bills[0]!.id]);
      expect(notMine.json().error.code).toBe('PAYMENT_PAYABLE_NOT_FOUND');
      expect([await countRows('paymentOrders'), await countRows('paymentOrderItems')]).toEqual(before);
    });

    it('opens one order for two bills; a retry with the key answers the same order, another body is refused', async () => {
      const key = newKey();
      const ids = [bills[0]!.id, bills[1]!.id];
      const created = await pay(resident, ids, key);
      expect(created.statusCode, created.body).toBe(201);
      order = created.json() as CreatePaymentResult;
      expect(order.order.state).toBe('pending');
      expect(order.order.totalFen).toBe(bills[0]!.amountFen + bills[1]!.amountFen);
      expect(order.payUrl).toMatch(/^http/);
      expect(order.order.merchantOrderNo).toMatch(/^TB\d{20}$/);
      const replay = await pay(resident, [...ids].reverse(), key);
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toMatchObject({ replayed: true, order: { id: order.order.id } });
      const other = await pay(resident, [ids[0]!], key);
      expect(other.json().error.code).toBe('PAYMENT_IDEMPOTENCY_CONFLICT');
      const inFlight = await pay(resident, [ids[1]!]);
      expect(inFlight.statusCode).toBe(409);
      expect(inFlight.json().error.code).toBe('PAYMENT_PAYABLE_IN_FLIGHT');
      expect((await call(resident2, 'GET', `${BASE}/orders/${order.order.id}`)).statusCode).toBe(404);
      expect((await call(officeAdmin, 'GET', `${BASE}/orders/${order.order.id}`)).statusCode).toBe(403);
    });

    it('settles once when the provider notifies: bills paid, ledger balanced, payer told, biller confirmed', async () => {
      t.payments!.pay(order.order.merchantOrderNo);
      const paid = await waitFor(async () => {
        const now = await orderOf(resident, order.order.id);
        return now.state === 'paid' ? now : undefined;
      }, 'the paid notification');
      expect(paid.paidAt).toBeTruthy();
      expect(paid.providerTxnNo).toBeTruthy();
      expect(paid.payUrl).toBeNull();
      const db = t.runtime.deps.database.db;
      const total = order.order.totalFen;
      expect(await ledgerIsBalanced(db)).toBe(true);
      expect(
        (await ledgerBalance(db, `provider_clearing:${t.runtime.deps.paymentProvider.id}`)).balanceFen,
      ).toBe(total);
      const billers = await db
        .selectFrom('ledgerEntries')
        .select((eb) => eb.fn.sum<number>('creditFen').as('fen'))
        .where('account', 'like', 'biller:%')
        .executeTakeFirstOrThrow();
      expect(Number(billers.fen)).toBe(total);
      for (const bill of bills.slice(0, 2)) {
        const now = (await call(resident, 'GET', `${BASE}/payables/${bill.id}`)).json() as Payable;
        expect(now).toMatchObject({ status: 'paid', paidOrderId: order.order.id, inFlight: false });
      }
      const again = await pay(resident, [bills[0]!.id]);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('PAYMENT_PAYABLE_ALREADY_PAID');
      expect(again.json().error.message).toContain('该账单已缴清');
      const inbox = await call(resident, 'GET', '/api/v1/me/notifications');
      expect(inbox.body).toContain('缴费成功');

      await t.runtime.deps.jobs.drain();
      const pushes = (await call(admin, 'GET', `${BASE}/biller-pushes`)).json();
      expect(pushes.items.filter((p: { orderId: string }) => p.orderId === order.order.id)).toHaveLength(2);
      for (const push of pushes.items) expect(push.status).toBe('confirmed');
      const refreshed = (await call(resident, 'GET', `${BASE}/utility-bills`)).json() as UtilityBillList;
      expect(refreshed.items.find((b) => b.id === bills[0]!.id)?.status).toBe('paid');
      expect((await call(resident, 'GET', `${BASE}/biller-pushes`)).statusCode).toBe(403);
    });

    it('refuses a notification with a bad signature or for another provider, and logs it', async () => {
      const forged = await t.app.inject({
        method: 'POST',
        url: `${BASE}/notify/${t.runtime.deps.paymentProvider.id}`,
        headers: {
          'content-type': 'application/json',
          'x-demopay-timestamp': '1',
          'x-demopay-signature': 'v1=00',
        },
        payload: JSON.stringify({
          kind: 'order',
          merchantOrderNo: order.order.merchantOrderNo,
          state: 'paid',
        }),
      });
      expect(forged.statusCode).toBe(401);
      expect(forged.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');
      const elsewhere = await t.app.inject({ method: 'POST', url: `${BASE}/notify/other`, payload: '{}' });
      expect(elsewhere.json().error.code).toBe('PAYMENT_NOTIFICATION_REFUSED');
      const log = await t.runtime.deps.database.db
        .selectFrom('paymentNotifications')
        .select(['outcome', 'reason'])
        .where('outcome', '=', 'refused')
        .execute();
      expect(log.map((l) => l.reason)).toEqual(expect.arrayContaining(['bad_signature', 'unknown_provider']));
    });

    it('gives one order for eight concurrent requests with one key; a failed payment frees the item', async () => {
      const unpaid = (await call(resident, 'GET', `${BASE}/payables?status=unpaid`)).json() as PayableList;
      const target = unpaid.items.find((p) => !p.inFlight);
      if (!target) throw new Error('no unpaid payable left');
      const key = newKey();
      const answers = await Promise.all(Array.from({ length: 8 }, () => pay(resident, [target.id], key)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      const ids = new Set(answers.map((a) => (a.json() as CreatePaymentResult).order.id));
      expect(ids.size).toBe(1);
      const orders = await t.runtime.deps.database.db
        .selectFrom('paymentOrders')
        .select(['id', 'merchantOrderNo'])
        .where('idempotencyKey', '=', key)
        .execute();
      expect(orders).toHaveLength(1);

      t.payments!.pay(orders[0]!.merchantOrderNo, 'failed');
      const failed = await waitFor(async () => {
        const now = await orderOf(resident, orders[0]!.id);
        return now.state === 'failed' ? now : undefined;
      }, 'the failed notification');
      expect(failed.payUrl).toBeNull();
      const freed = (await call(resident, 'GET', `${BASE}/payables/${target.id}`)).json() as Payable;
      expect(freed).toMatchObject({ status: 'unpaid', inFlight: false });
    });

    it('lets only one of eight concurrent payments (different keys) of one bill start', async () => {
      const unpaid = (await call(resident, 'GET', `${BASE}/payables?status=unpaid`)).json() as PayableList;
      const target = unpaid.items.find((p) => !p.inFlight);
      if (!target) throw new Error('no unpaid payable left');
      const answers = await Promise.all(Array.from({ length: 8 }, () => pay(resident, [target.id])));
      const winners = answers.filter((a) => a.statusCode === 201);
      expect(winners).toHaveLength(1);
      for (const loser of answers.filter((a) => a.statusCode !== 201)) {
        expect(loser.statusCode).toBe(409);
        expect(loser.json().error.code).toBe('PAYMENT_PAYABLE_IN_FLIGHT');
      }
      const winner = winners[0]!.json() as CreatePaymentResult;
      t.payments!.pay(winner.order.merchantOrderNo, 'failed');
      await waitFor(async () => {
        const now = await orderOf(resident, winner.order.id);
        return now.state === 'failed' ? now : undefined;
      }, 'the failed notification');
    });

    it('settles an order whose callback was dropped, by asking the provider when the payer looks', async () => {
      const provider = t.payments!.provider.provider;
      const unpaid = (await call(resident, 'GET', `${BASE}/payables?status=unpaid`)).json() as PayableList;
      const target = unpaid.items.find((p) => !p.inFlight);
      if (!target) throw new Error('no unpaid payable left');
      const created = (await pay(resident, [target.id])).json() as CreatePaymentResult;
      provider.behaviour.dropRate = 1;
      try {
        t.payments!.pay(created.order.merchantOrderNo);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect((await orderOf(resident, created.order.id)).state).toBe('pending');
        const clock = t.runtime.deps.clock;
        const realNow = clock.now;
        clock.now = () => new Date(Date.now() + 60_000);
        try {
          const checked = await orderOf(resident, created.order.id);
          expect(checked).toMatchObject({ state: 'paid', checkedWithProvider: true });
        } finally {
          clock.now = realNow;
        }
      } finally {
        provider.behaviour.dropRate = 0;
      }
      expect(await ledgerIsBalanced(t.runtime.deps.database.db)).toBe(true);
    });
  });

  describe('when the provider cannot be reached', () => {
    it('says so, charges nothing and leaves the bill free to pay again', async () => {
      // A fee to pay: the application for a service that charges one.
      const application = await fileService(t.app, resident, 'PSBH-0007');
      const fees = (await call(resident, 'GET', `${BASE}/payables?kind=service_fee`)).json() as PayableList;
      const target = fees.items.find((p) => p.applicationId === application.id)!;
      const provider = t.payments!.provider.provider;
      provider.behaviour.errorRate = 1;
      let answer;
      try {
        answer = await pay(resident, [target.id]);
      } finally {
        provider.behaviour.errorRate = 0;
      }
      expect(answer.statusCode).toBe(503);
      expect(answer.json().error.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
      expect(answer.json().error.message).toContain('没有被扣款');
      const payable = (await call(resident, 'GET', `${BASE}/payables/${target.id}`)).json() as Payable;
      expect(payable).toMatchObject({ status: 'unpaid', inFlight: false });
      const audit = await t.runtime.deps.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'payment.order.create_failed')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
      const retried = await pay(resident, [target.id]);
      expect(retried.statusCode).toBe(201);
      t.payments!.pay((retried.json() as CreatePaymentResult).order.merchantOrderNo, 'failed');
    });
  });

  describe('refunds', () => {
    it('refunds part of a bill with a second person’s approval, then the rest', async () => {
      const orders = (await call(resident, 'GET', `${BASE}/orders`)).json() as {
        items: PaymentOrderDetail[];
      };
      const paid = orders.items.find((o) => o.state === 'paid' && o.items.length >= 1)!;
      const item = paid.items[0]!;
      const tooMuch = await call(resident, 'POST', `${BASE}/orders/${paid.id}/refunds`, {
        payableId: item.payableId,
        amountFen: item.amountFen + 1,
        reason: '多缴了',
      });
      expect(tooMuch.json().error.code).toBe('PAYMENT_REFUND_AMOUNT_TOO_LARGE');
      expect(
        (
          await call(resident2, 'POST', `${BASE}/orders/${paid.id}/refunds`, {
            payableId: item.payableId,
            reason: '多缴了',
          })
        ).statusCode,
      ).toBe(404);

      const half = Math.floor(item.amountFen / 2);
      const requested = await call(resident, 'POST', `${BASE}/orders/${paid.id}/refunds`, {
        payableId: item.payableId,
        amountFen: half,
        reason: '重复缴费，申请退回一半',
      });
      expect(requested.statusCode, requested.body).toBe(201);
      const refund = requested.json() as Refund;
      expect(refund).toMatchObject({ state: 'requested', amountFen: half, requestedBy: { asPayer: true } });
      // The payer cannot decide; an office admin of another office does not see utility refunds.
      expect((await call(resident, 'POST', `${BASE}/refunds/${refund.id}/approve`, {})).statusCode).toBe(403);
      expect((await call(officeAdmin, 'POST', `${BASE}/refunds/${refund.id}/approve`, {})).statusCode).toBe(
        404,
      );
      expect((await call(officeAdmin, 'GET', `${BASE}/refunds`)).json().items).toEqual([]);
      const listed = (await call(admin, 'GET', `${BASE}/refunds?state=requested`)).json();
      expect(listed.items.map((r: Refund) => r.id)).toContain(refund.id);

      const approved = await call(admin, 'POST', `${BASE}/refunds/${refund.id}/approve`, {
        note: '核实无误',
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const done = await waitFor(async () => {
        const now = (await call(resident, 'GET', `${BASE}/refunds/${refund.id}`)).json() as Refund;
        return now.state === 'succeeded' ? now : undefined;
      }, 'the refund notification');
      expect(done.providerRefundNo).toBeTruthy();
      const afterHalf = await orderOf(resident, paid.id);
      expect(afterHalf).toMatchObject({ state: 'partially_refunded', refundedFen: half });
      const payable = (await call(resident, 'GET', `${BASE}/payables/${item.payableId}`)).json() as Payable;
      expect(payable).toMatchObject({ status: 'partially_refunded', refundedFen: half });
      const db = t.runtime.deps.database.db;
      expect(await ledgerIsBalanced(db)).toBe(true);
      expect((await ledgerBalance(db, 'refunds')).balanceFen).toBe(0);

      // The admin asks for the rest and cannot approve their own request.
      const rest = (
        await call(admin, 'POST', `${BASE}/orders/${paid.id}/refunds`, {
          payableId: item.payableId,
          reason: '全部退回',
        })
      ).json() as Refund;
      expect(rest).toMatchObject({ amountFen: item.amountFen - half, requestedBy: { asPayer: false } });
      const own = await call(admin, 'POST', `${BASE}/refunds/${rest.id}/approve`, {});
      expect(own.json().error.code).toBe('PAYMENT_REFUND_SAME_PERSON');
      const rejected = await call(admin, 'POST', `${BASE}/refunds/${rest.id}/reject`, { note: '不行' });
      expect(rejected.json().error.code).toBe('PAYMENT_REFUND_SAME_PERSON');
    });
  });

  it('accepts only one of four concurrent full refund requests of one item', async () => {
    const orders = (await call(resident, 'GET', `${BASE}/orders`)).json() as { items: PaymentOrderDetail[] };
    const paid = orders.items.find((o) => o.state === 'paid' && o.refundedFen === 0)!;
    const item = paid.items[0]!;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        call(resident, 'POST', `${BASE}/orders/${paid.id}/refunds`, {
          payableId: item.payableId,
          reason: '重复申请',
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.statusCode !== 201))
      expect(refused.json().error.code).toBe('PAYMENT_REFUND_NOT_REFUNDABLE');
  });

  it('shows the ledger to platform admins only', async () => {
    const accountsView = await call(admin, 'GET', `${BASE}/ledger/accounts`);
    expect(accountsView.json().balanced).toBe(true);
    const transactions = (await call(admin, 'GET', `${BASE}/ledger/transactions?limit=5`)).json();
    expect(transactions.items[0].entries.length).toBeGreaterThanOrEqual(2);
    for (const session of [resident, officeAdmin])
      expect((await call(session, 'GET', `${BASE}/ledger/accounts`)).statusCode).toBe(403);
    expect((await call(undefined, 'GET', `${BASE}/ledger/transactions`)).statusCode).toBe(401);
  });
});
