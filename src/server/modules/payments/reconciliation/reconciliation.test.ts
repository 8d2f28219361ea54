// The daily reconciliation on both databases, against the demo provider and demo billers over real
// HTTP: each kind of mismatch produced and listed with what to do, the "paid at the provider, open
// here" order settled exactly once, biller confirmations, re-runs, resolving with a note, the CSV,
// the provider's fees in a balanced ledger, and who may see and do what.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { CreatePaymentResult, Payable, UtilityBillList } from '../../../../contracts/api/payments.ts';
import type {
  Mismatch,
  MismatchList,
  ReconciliationRunDetail,
} from '../../../../contracts/api/reconciliation.ts';
import type { UtilityAccount } from '../../../../contracts/registers.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/dialects.ts';
import { nowIso } from '../../../platform/db/database.ts';
import { ledgerBalance, ledgerIsBalanced } from '../ledger.ts';
import { shanghaiDateOf } from './compare.ts';
import { RECONCILIATION_QUEUE } from './reconciliation.jobs.ts';

const BASE = '/api/v1/payments';
const RECON = `${BASE}/reconciliation`;
let keySeq = 0;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

describeEachDialect('payments reconciliation', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let admin: TestSession;
  let officeAdmin: TestSession;
  let otherOfficeAdmin: TestSession;
  let clerk: TestSession;
  const today = shanghaiDateOf(new Date().toISOString());
  const orders: Record<string, CreatePaymentResult['order']> = {};

  const call = (session: TestSession | undefined, method: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const pay = async (session: TestSession, payableIds: string[]) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/orders`,
      headers: { ...session.headers, 'idempotency-key': `recon-${Date.now()}-${(keySeq += 1)}` },
      payload: { payableIds },
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as CreatePaymentResult).order;
  };
  const orderState = async (id: string) =>
    (
      await t.runtime.deps.database.db
        .selectFrom('paymentOrders')
        .select('state')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;
  const reconcile = async () => {
    const response = await call(admin, 'POST', `${RECON}/runs`, { date: today });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ReconciliationRunDetail;
  };
  const mismatches = async (session: TestSession, query = '') => {
    const response = await call(session, 'GET', `${RECON}/mismatches?date=${today}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as MismatchList).items;
  };
  const ledgerCount = async (kind: string) =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom('ledgerTransactions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('kind', '=', kind)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A service fee of 虹口区市场监管局 owed by 张三 (what the apply flow would create). */
  async function feePayable(amountFen: number): Promise<string> {
    const db = t.runtime.deps.database.db;
    const person = await db
      .selectFrom('users')
      .select('personId')
      .where('username', '=', 'demo-resident')
      .executeTakeFirstOrThrow();
    const office = await db
      .selectFrom('offices')
      .select(['id', 'code'])
      .where('code', '=', 'samr-310109')
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    const now = nowIso();
    await db
      .insertInto('payables')
      .values({
        id,
        kind: 'service_fee',
        externalRef: `recon-test-${id}`,
        payerPersonId: person.personId,
        payerEnterpriseId: null,
        titleZh: '工本费（测试）',
        titleEn: 'Fee (test)',
        amountFen,
        beneficiaryCode: `office:${office.code}`,
        beneficiaryNameZh: '虹口区市场监管局',
        beneficiaryNameEn: 'Hongkou market regulation',
        beneficiaryOfficeId: office.id,
        utilityKind: null,
        accountNumber: null,
        billMonth: null,
        applicationId: null,
        dueDate: null,
        status: 'unpaid',
        inFlightOrderId: null,
        paidOrderId: null,
        paidAt: null,
        refundedFen: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { payments: true });
    resident = await loginAs(t.app, 'demo-resident');
    admin = await loginAs(t.app, 'demo-admin');
    officeAdmin = await loginAs(t.app, 'demo-office-admin');
    otherOfficeAdmin = await loginAs(t.app, 'demo-desk-head');
    clerk = await loginAs(t.app, 'demo-clerk');
    const provider = t.payments!.provider.provider;
    const utilities = await call(resident, 'GET', '/api/v1/me/registers/utilities');
    const accounts = (utilities.json() as { data: { accounts: UtilityAccount[] } }).data.accounts;
    const water = accounts.find((a) => a.kind === 'water')!;
    await call(resident, 'POST', `${BASE}/utility-accounts`, {
      kind: water.kind,
      accountNumber: water.accountNumber,
      address: water.address,
    });
    const bills = (await call(resident, 'GET', `${BASE}/utility-bills`)).json() as UtilityBillList;
    const waterBill = bills.items.find((b: Payable) => b.status === 'unpaid' && b.utility?.kind === 'water')!;
    expect(waterBill).toBeTruthy();

    // 1. Paid at the provider, its notification lost: open here until the reconciliation.
    provider.behaviour.dropRate = 1;
    orders.lost = await pay(resident, [waterBill.id]);
    t.payments!.pay(orders.lost.merchantOrderNo);
    provider.behaviour.dropRate = 0;

    // 2. and 3. Paid normally (notification settles them); then the provider's books disagree.
    orders.vanished = await pay(resident, [await feePayable(1000)]);
    orders.differs = await pay(resident, [await feePayable(2000)]);
    orders.fine = await pay(resident, [await feePayable(3000)]);
    for (const order of [orders.vanished, orders.differs, orders.fine]) {
      t.payments!.pay(order.merchantOrderNo);
      await waitFor(async () => ((await orderState(order.id)) === 'paid' ? true : undefined), 'settlement');
    }
    provider.store.orders.delete(orders.vanished.merchantOrderNo);
    provider.store.orders.get(orders.differs.merchantOrderNo)!.amountFen = 2100;

    // 4. A payment at the provider that Tongban never opened.
    await t.runtime.deps.paymentProvider.createOrder({
      merchantOrderNo: 'STRAY-ORDER-1',
      amountFen: 777,
      description: 'stray',
      notifyUrl: 'http://127.0.0.1:9/nowhere',
      returnUrl: 'http://127.0.0.1:9/nowhere',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    t.payments!.pay('STRAY-ORDER-1');

    // 5. A biller confirmation Tongban never asked for (another person's gas bill).
    const lisiGas = '8182877150';
    const [gasBill] = await t.runtime.deps.billers.fetchBills('gas', lisiGas);
    await t.runtime.deps.billers.pushPayment('gas', {
      billNo: gasBill!.billNo,
      accountNumber: lisiGas,
      amountFen: gasBill!.amountFen,
      paymentRef: 'STRAY-REF-1',
    });
  });
  afterAll(() => t.close());

  it('lists each kind of mismatch with what to do, and settles the lost payment exactly once', async () => {
    expect(await orderState(orders.lost!.id)).toBe('pending');
    const paymentsBefore = await ledgerCount('payment');
    const detail = await reconcile();
    expect(detail.run).toMatchObject({ status: 'completed', businessDate: today, triggeredBy: 'operator' });
    expect(detail.run.statementLines).toBeGreaterThanOrEqual(4);
    const byKind = (kind: string, no?: string) =>
      detail.mismatches.filter(
        (m) => m.kind === kind && (!no || m.merchantOrderNo === no || m.paymentRef === no),
      );

    const repaired = byKind('missing_at_us', orders.lost!.merchantOrderNo);
    expect(repaired).toHaveLength(1);
    expect(repaired[0]).toMatchObject({
      status: 'resolved',
      repaired: true,
      ourState: 'pending',
      theirState: 'paid',
    });
    expect(await orderState(orders.lost!.id)).toBe('paid');
    expect(await ledgerCount('payment')).toBe(paymentsBefore + 1);

    expect(byKind('missing_at_provider', orders.vanished!.merchantOrderNo)[0]).toMatchObject({
      status: 'open',
      ourFen: 1000,
      theirState: 'none',
    });
    expect(byKind('amount_differs', orders.differs!.merchantOrderNo)[0]).toMatchObject({
      ourFen: 2000,
      theirFen: 2100,
    });
    expect(byKind('extra_at_provider', 'STRAY-ORDER-1')[0]).toMatchObject({ theirFen: 777, orderId: null });
    expect(byKind('extra_at_biller', 'STRAY-REF-1')[0]).toMatchObject({
      utilityKind: 'gas',
      subject: 'biller_payment',
    });
    // The water bill's push to the biller has not run yet (jobs are drained by hand in tests).
    const unconfirmed = detail.mismatches.find(
      (m) => m.kind === 'biller_not_confirmed' && m.merchantOrderNo === orders.lost!.merchantOrderNo,
    );
    expect(unconfirmed).toMatchObject({ status: 'open', ourState: 'pending', theirState: 'none' });
    expect(detail.mismatches.some((m) => m.merchantOrderNo === orders.fine!.merchantOrderNo)).toBe(false);
    for (const m of detail.mismatches) expect(m.advice.length).toBeGreaterThan(20);

    // The provider's fee of each matched payment is in the ledger, and the ledger balances.
    const fees = await ledgerBalance(t.runtime.deps.database.db, `fees:${t.runtime.deps.paymentProvider.id}`);
    expect(fees.debitFen).toBe(Math.round(3850 * 0.006) + Math.round(3000 * 0.006));
    expect(await ledgerIsBalanced(t.runtime.deps.database.db)).toBe(true);
  });

  it('re-runs without repeating a repair or a fee, and resolves what no longer differs', async () => {
    const payments = await ledgerCount('payment');
    const fees = await ledgerCount('fee');
    await t.runtime.deps.jobs.drain(); // the biller push of the water bill now goes through
    const again = await reconcile();
    expect(await ledgerCount('payment')).toBe(payments);
    expect(await ledgerCount('fee')).toBe(fees);
    expect(again.run.repaired).toBe(0);
    const all = await mismatches(admin);
    const pushed = all.find((m) => m.kind === 'biller_not_confirmed')!;
    expect(pushed).toMatchObject({ status: 'resolved', repaired: false });
    expect(pushed.resolutionNote).toBe('复核时差异已不存在'); // the system's note, in the caller's language
    // Still the same rows, not copies.
    expect(all.filter((m) => m.merchantOrderNo === orders.vanished!.merchantOrderNo)).toHaveLength(1);
    expect(await ledgerIsBalanced(t.runtime.deps.database.db)).toBe(true);
  });

  it('lets an operator resolve a mismatch once, with a note', async () => {
    const open = await mismatches(admin, '&status=open&kind=extra_at_provider');
    expect(open).toHaveLength(1);
    const resolved = await call(admin, 'POST', `${RECON}/mismatches/${open[0]!.id}/resolve`, {
      note: '已在商户后台原路退回 Returned to the payer',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolvedBy: expect.any(String),
      repaired: false,
    });
    const twice = await call(admin, 'POST', `${RECON}/mismatches/${open[0]!.id}/resolve`, { note: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('RECONCILIATION_ALREADY_RESOLVED');
    const run = await reconcile();
    const still = run.mismatches.find((m) => m.id === open[0]!.id);
    expect(still?.status).toBe('resolved');
  });

  it('downloads the mismatches as CSV with a BOM, in the caller’s language', async () => {
    const response = await call(admin, 'GET', `${RECON}/mismatches.csv?date=${today}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^对账日期,差异类型/);
    expect(lines.length - 1).toBe((await mismatches(admin)).length);
    expect(response.body).toContain(orders.vanished!.merchantOrderNo);
    const en = await t.app.inject({
      method: 'GET',
      url: `${RECON}/mismatches.csv?date=${today}&status=open`,
      headers: { ...admin.headers, 'accept-language': 'en' },
    });
    expect(en.body.replace(/^\uFEFF/, '')).toMatch(/^Date,Kind/);
  });

  it('shows runs to finance staff; an office admin sees and resolves only their office’s mismatches', async () => {
    const runs = await call(admin, 'GET', `${RECON}/runs`);
    expect(runs.statusCode).toBe(200);
    expect(runs.json().total).toBeGreaterThanOrEqual(3);
    const mine = await mismatches(officeAdmin);
    expect(mine.map((m) => m.merchantOrderNo).sort()).toEqual(
      [orders.vanished!.merchantOrderNo, orders.differs!.merchantOrderNo].sort(),
    );
    expect(await mismatches(otherOfficeAdmin)).toEqual([]);
    const water = (await mismatches(admin)).find((m: Mismatch) => m.kind === 'extra_at_biller')!;
    const notTheirs = await call(officeAdmin, 'POST', `${RECON}/mismatches/${water.id}/resolve`, {
      note: 'not mine',
    });
    expect(notTheirs.statusCode).toBe(404);
    const otherOffice = await call(otherOfficeAdmin, 'POST', `${RECON}/mismatches/${mine[0]!.id}/resolve`, {
      note: 'not mine',
    });
    expect(otherOffice.statusCode).toBe(404);
    const own = await call(officeAdmin, 'POST', `${RECON}/mismatches/${mine[0]!.id}/resolve`, {
      note: '已与支付机构核实 Checked with the provider',
    });
    expect(own.statusCode, own.body).toBe(200);
    const detail = await call(officeAdmin, 'GET', `${RECON}/runs/${runs.json().items[0].id}`);
    expect(detail.statusCode).toBe(200);
    expect(
      (detail.json() as ReconciliationRunDetail).mismatches.every((m) =>
        [orders.vanished!.merchantOrderNo, orders.differs!.merchantOrderNo].includes(m.merchantOrderNo!),
      ),
    ).toBe(true);
  });

  it('settles a refund paid at the provider whose notification was lost, from the daily job', async () => {
    const db = t.runtime.deps.database.db;
    const provider = t.payments!.provider.provider;
    const item = await db
      .selectFrom('paymentOrderItems')
      .select('payableId')
      .where('orderId', '=', orders.fine!.id)
      .executeTakeFirstOrThrow();
    provider.behaviour.dropRate = 1;
    const requested = await call(resident, 'POST', `${BASE}/orders/${orders.fine!.id}/refunds`, {
      payableId: item.payableId,
      amountFen: 1000,
      reason: '重复缴费 paid twice',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const refundId = (requested.json() as { id: string }).id;
    const approved = await call(admin, 'POST', `${BASE}/refunds/${refundId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    await t.runtime.deps.jobs.drain();
    const row = await db
      .selectFrom('paymentRefunds')
      .select(['refundNo', 'state'])
      .where('id', '=', refundId)
      .executeTakeFirstOrThrow();
    await waitFor(
      async () => (provider.store.refunds.get(row.refundNo)?.state === 'succeeded' ? true : undefined),
      'the provider refund',
    );
    provider.behaviour.dropRate = 0;
    expect(row.state).toBe('processing');

    await t.runtime.deps.jobs.enqueue(RECONCILIATION_QUEUE, { date: today });
    await t.runtime.deps.jobs.drain();
    const refund = await db
      .selectFrom('paymentRefunds')
      .select('state')
      .where('id', '=', refundId)
      .executeTakeFirstOrThrow();
    expect(refund.state).toBe('succeeded');
    const repaired = (await mismatches(admin)).find((m) => m.refundNo === row.refundNo)!;
    expect(repaired).toMatchObject({
      kind: 'missing_at_us',
      subject: 'refund',
      repaired: true,
      status: 'resolved',
    });
    const runs = (await call(admin, 'GET', `${RECON}/runs`)).json();
    expect(runs.items[0]).toMatchObject({ triggeredBy: 'job', status: 'completed' });
    expect(await ledgerIsBalanced(db)).toBe(true);
  });

  it('refuses residents, other staff, and office admins starting a run', async () => {
    for (const session of [resident, clerk]) {
      expect((await call(session, 'GET', `${RECON}/runs`)).statusCode).toBe(403);
      expect((await call(session, 'GET', `${RECON}/mismatches`)).statusCode).toBe(403);
      expect((await call(session, 'GET', `${RECON}/mismatches.csv`)).statusCode).toBe(403);
    }
    expect((await call(undefined, 'GET', `${RECON}/runs`)).statusCode).toBe(401);
    expect((await call(officeAdmin, 'POST', `${RECON}/runs`, { date: today })).statusCode).toBe(403);
    expect((await call(admin, 'GET', `${RECON}/runs/no-such-run`)).statusCode).toBe(404);
    const future = await call(admin, 'POST', `${RECON}/runs`, { date: '2999-01-01' });
    expect(future.json().error.code).toBe('RECONCILIATION_DATE_NOT_OVER');
  });

  it('records a failed run when the provider cannot be reached', async () => {
    t.payments!.provider.provider.behaviour.errorRate = 1;
    const response = await call(admin, 'POST', `${RECON}/runs`, { date: today });
    t.payments!.provider.provider.behaviour.errorRate = 0;
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('RECONCILIATION_SOURCE_UNAVAILABLE');
    const runs = (await call(admin, 'GET', `${RECON}/runs`)).json();
    expect(runs.items[0]).toMatchObject({ status: 'failed', error: expect.any(String) });
  });
});
