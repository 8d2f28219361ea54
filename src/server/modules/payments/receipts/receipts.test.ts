// Receipts of paid orders: the payer's JSON receipt and PDF (parsed back, it holds the order
// number), the refusals (another resident, staff, anonymous, an unpaid order), an enterprise's
// receipt for its members, and the public check by order number and check code. Orders are
// written straight into this module's tables: what a receipt says does not depend on how the
// payment arrived (the provider flow is tested with the orders).
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/dialects.ts';
import type { PaymentOrderState } from '../payments.tables.ts';
import { pdfText } from './pdf-text.test-support.ts';
import { checkCodeOf } from './receipts.service.ts';

describeEachDialect('payment receipts', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let resident2: TestSession;
  let agent: TestSession;
  let clerk: TestSession;
  let zhangsanId: string;
  let enterpriseId: string;
  const db = () => t.runtime.deps.database.db;

  async function personOf(username: string): Promise<string> {
    const row = await db()
      .selectFrom('users')
      .select('personId')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.personId!;
  }

  let sequence = 0;
  /** A two-item order of the payer in the given state (paid ones with a provider txn number). */
  async function order(
    payer: { personId: string } | { enterpriseId: string },
    state: PaymentOrderState,
  ): Promise<{ id: string; orderNo: string }> {
    sequence += 1;
    const now = '2026-11-25T01:30:12.000Z';
    const id = uuidv7();
    const orderNo = `PO20261125${String(sequence).padStart(6, '0')}`;
    const isPaid = state === 'paid' || state === 'partially_refunded';
    const payerPersonId = 'personId' in payer ? payer.personId : null;
    const payerEnterpriseId = 'enterpriseId' in payer ? payer.enterpriseId : null;
    const items = [
      { title: '上海城投水务 2026-10 水费（户号 3100000001）', amount: 4_567, kind: 'water' as const },
      {
        title: '国网上海市电力公司 2026-10 电费（户号 4400000002）',
        amount: 12_389,
        kind: 'electricity' as const,
      },
    ];
    const payableIds: string[] = [];
    for (const item of items) {
      const payableId = uuidv7();
      payableIds.push(payableId);
      await db()
        .insertInto('payables')
        .values({
          id: payableId,
          kind: 'utility_bill',
          externalRef: `BILL-${sequence}-${item.kind}`,
          payerPersonId,
          payerEnterpriseId,
          titleZh: item.title,
          titleEn: `${item.kind} bill 2026-10`,
          amountFen: item.amount,
          beneficiaryCode: `utility:${item.kind}`,
          beneficiaryNameZh: item.kind === 'water' ? '上海城投水务' : '国网上海市电力公司',
          beneficiaryNameEn: item.kind === 'water' ? 'Shanghai Water' : 'State Grid Shanghai',
          beneficiaryOfficeId: null,
          utilityKind: item.kind,
          accountNumber: item.kind === 'water' ? '3100000001' : '4400000002',
          billMonth: '2026-10',
          applicationId: null,
          dueDate: '2026-11-30',
          status: isPaid ? 'paid' : 'unpaid',
          inFlightOrderId: null,
          paidOrderId: isPaid ? id : null,
          paidAt: isPaid ? now : null,
          refundedFen: 0,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
    await db()
      .insertInto('paymentOrders')
      .values({
        id,
        merchantOrderNo: orderNo,
        payerUserId: (
          await db()
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'demo-resident')
            .executeTakeFirstOrThrow()
        ).id,
        payerPersonId,
        payerEnterpriseId,
        providerId: 'demopay',
        providerOrderNo: `DP${sequence}`,
        providerTxnNo: isPaid ? `DEMO-TXN-${sequence}` : null,
        totalFen: 16_956,
        refundedFen: 0,
        state,
        description: '水费 等2笔',
        channel: 'online',
        payUrl: null,
        qrContent: null,
        returnPath: `/payments/orders/${id}`,
        idempotencyKey: `receipt-test-${id}`,
        requestHash: 'x',
        createdAt: now,
        updatedAt: now,
        expiresAt: '2026-11-25T01:45:12.000Z',
        paidAt: isPaid ? now : null,
        closedAt: state === 'closed' ? now : null,
        endReason: state === 'closed' ? 'provider_closed' : null,
        lastQueriedAt: null,
      })
      .execute();
    for (const [index, payableId] of payableIds.entries())
      await db()
        .insertInto('paymentOrderItems')
        .values({ id: uuidv7(), orderId: id, payableId, amountFen: items[index]!.amount, refundedFen: 0 })
        .execute();
    return { id, orderNo };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    [resident, resident2, agent, clerk] = await Promise.all([
      loginAs(t.app, 'demo-resident'),
      loginAs(t.app, 'demo-resident2'),
      loginAs(t.app, 'demo-enterprise'),
      loginAs(t.app, 'demo-clerk'),
    ]);
    zhangsanId = await personOf('demo-resident');
    const link = await db()
      .selectFrom('enterpriseLinks')
      .select('enterpriseId')
      .where('personId', '=', await personOf('demo-enterprise'))
      .where('revokedAt', 'is', null)
      .executeTakeFirstOrThrow();
    enterpriseId = link.enterpriseId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the payer the receipt with the payer masked, the items, the total and a check code', async () => {
    const paid = await order({ personId: zhangsanId }, 'paid');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/orders/${paid.id}/receipt`,
      headers: resident.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const receipt = response.json();
    expect(receipt).toMatchObject({
      orderId: paid.id,
      orderNo: paid.orderNo,
      providerTxnNo: expect.stringMatching(/^DEMO-TXN-/),
      payerMasked: '张*',
      totalFen: 16_956,
      checkCode: checkCodeOf(paid.id),
    });
    expect(receipt.lines.map((line: { amountFen: number }) => line.amountFen)).toEqual([4_567, 12_389]);
    expect(receipt.lines[0].payeeZh).toBe('上海城投水务');
    expect(receipt.checkCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(receipt.checkUrl).toContain(`/payments/receipts/check?orderNo=${paid.orderNo}&code=`);
  });

  it('gives the payer the PDF, which parses and holds the order number and the Chinese text', async () => {
    const paid = await order({ personId: zhangsanId }, 'paid');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/orders/${paid.id}/receipt.pdf`,
      headers: resident.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="receipt-${paid.orderNo}.pdf"`,
    );
    const { text } = await pdfText(response.rawPayload);
    expect(text).toContain(paid.orderNo);
    expect(text).toContain('电子缴费凭证');
    expect(text).toContain('¥169.56');
    expect(text).toContain('张*');
  });

  it('refuses another resident, staff without a person, and anonymous callers', async () => {
    const paid = await order({ personId: zhangsanId }, 'paid');
    for (const suffix of ['receipt', 'receipt.pdf']) {
      const url = `/api/v1/payments/orders/${paid.id}/${suffix}`;
      const other = await t.app.inject({ method: 'GET', url, headers: resident2.headers });
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('PAYMENT_ORDER_NOT_FOUND');
      const staff = await t.app.inject({ method: 'GET', url, headers: clerk.headers });
      expect(staff.statusCode).toBe(403);
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
    }
  });

  it('has no receipt for an order that was not paid', async () => {
    const closed = await order({ personId: zhangsanId }, 'closed');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/orders/${closed.id}/receipt.pdf`,
      headers: resident.headers,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('PAYMENT_RECEIPT_NOT_AVAILABLE');
  });

  it("gives an enterprise's receipt to its members, with its name unmasked, and to no one else", async () => {
    const paid = await order({ enterpriseId }, 'paid');
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/orders/${paid.id}/receipt`,
      headers: agent.headers,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().payerMasked).not.toContain('*');
    const outsider = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/orders/${paid.id}/receipt`,
      headers: resident2.headers,
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('checks a receipt publicly by order number and check code, and tells nothing otherwise', async () => {
    const paid = await order({ personId: zhangsanId }, 'paid');
    const code = checkCodeOf(paid.id);
    const good = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/receipts/check?orderNo=${paid.orderNo}&code=${code.toLowerCase().replace(/-/g, '')}`,
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ orderNo: paid.orderNo, payerMasked: '张*', totalFen: 16_956 });
    expect(good.json()).not.toHaveProperty('checkCode');

    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/receipts/check?orderNo=${paid.orderNo}&code=0000-0000-0000`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('PAYMENT_RECEIPT_CHECK_FAILED');
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/receipts/check?orderNo=PO00000000000000&code=${code}`,
    });
    expect(unknown.statusCode).toBe(404);
    const closed = await order({ personId: zhangsanId }, 'closed');
    const unpaid = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/receipts/check?orderNo=${closed.orderNo}&code=${checkCodeOf(closed.id)}`,
    });
    expect(unpaid.statusCode).toBe(404);
  });
});
