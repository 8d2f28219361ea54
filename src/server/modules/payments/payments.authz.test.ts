// Who is refused on every payments route: anonymous callers (401), the wrong role (403), and the
// wrong owner — another resident, a member of no enterprise, finance staff of another office (404
// or 403, revealing nothing). The payer's fixtures are written directly (no provider is needed).
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { nowIso } from '../../platform/db/database.ts';

const BASE = '/api/v1/payments';

describeEachDialect('payments: who is refused', (dialect) => {
  let t: TestApp;
  const sessions: Record<string, TestSession> = {};
  const ids = { payable: uuidv7(), order: uuidv7(), refund: uuidv7(), binding: uuidv7(), push: uuidv7() };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const name of [
      'demo-resident',
      'demo-resident2',
      'demo-enterprise',
      'demo-clerk',
      'demo-office-admin',
      'demo-operator',
      'demo-admin',
    ])
      sessions[name] = await loginAs(t.app, name);
    const db = t.runtime.deps.database.db;
    const user = await db
      .selectFrom('users')
      .select(['id', 'personId'])
      .where('username', '=', 'demo-resident')
      .executeTakeFirstOrThrow();
    const now = nowIso();
    await db
      .insertInto('payables')
      .values({
        id: ids.payable,
        kind: 'utility_bill',
        externalRef: 'AUTHZ-BILL-1',
        payerPersonId: user.personId,
        payerEnterpriseId: null,
        titleZh: '测试水费',
        titleEn: 'Test water bill',
        amountFen: 1234,
        beneficiaryCode: 'utility:water',
        beneficiaryNameZh: '水务',
        beneficiaryNameEn: 'Water',
        beneficiaryOfficeId: null,
        utilityKind: 'water',
        accountNumber: 'W9999999',
        billMonth: '2026-10',
        applicationId: null,
        dueDate: null,
        status: 'paid',
        inFlightOrderId: null,
        paidOrderId: ids.order,
        paidAt: now,
        refundedFen: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto('paymentOrders')
      .values({
        id: ids.order,
        merchantOrderNo: 'TBAUTHZ0001',
        payerUserId: user.id,
        payerPersonId: user.personId,
        payerEnterpriseId: null,
        providerId: 'none',
        providerOrderNo: 'P1',
        providerTxnNo: 'T1',
        totalFen: 1234,
        refundedFen: 0,
        state: 'paid',
        description: '测试',
        channel: 'online',
        payUrl: null,
        qrContent: null,
        returnPath: '/',
        idempotencyKey: 'authz-key-1',
        requestHash: 'x',
        createdAt: now,
        updatedAt: now,
        expiresAt: now,
        paidAt: now,
        closedAt: null,
        endReason: null,
        lastQueriedAt: null,
      })
      .execute();
    await db
      .insertInto('paymentOrderItems')
      .values({ id: uuidv7(), orderId: ids.order, payableId: ids.payable, amountFen: 1234, refundedFen: 0 })
      .execute();
    await db
      .insertInto('paymentRefunds')
      .values({
        id: ids.refund,
        refundNo: 'RFAUTHZ1',
        orderId: ids.order,
        payableId: ids.payable,
        amountFen: 100,
        reason: '测试',
        state: 'requested',
        requestedByUserId: user.id,
        requestedByName: '张三',
        requestedAsPayer: 1,
        requestedAt: now,
        decidedByUserId: null,
        decidedByName: null,
        decidedAt: null,
        decisionNote: null,
        providerRefundNo: null,
        completedAt: null,
        failureReason: null,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto('utilityAccountBindings')
      .values({
        id: ids.binding,
        holderPersonId: user.personId,
        holderEnterpriseId: null,
        kind: 'water',
        accountNumber: 'W9999999',
        address: '上海市虹口区',
        holderMasked: '张*',
        boundByUserId: user.id,
        boundAt: now,
        unboundAt: null,
        unboundByUserId: null,
      })
      .execute();
    await db
      .insertInto('billerPushes')
      .values({
        id: ids.push,
        payableId: ids.payable,
        orderId: ids.order,
        utilityKind: 'water',
        billNo: 'AUTHZ-BILL-1',
        accountNumber: 'W9999999',
        amountFen: 1234,
        paymentRef: 'TBAUTHZ0001-AUTHZ-BILL-1',
        status: 'confirmed',
        attempts: 1,
        lastError: null,
        rejectReason: null,
        confirmationNo: 'C1',
        createdAt: now,
        updatedAt: now,
        confirmedAt: now,
      })
      .execute();
  });
  afterAll(() => t.close());

  const call = (who: string | null, method: string, url: string, payload?: unknown, headers = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(who ? sessions[who]!.headers : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const codeOf = (response: { json(): unknown }) =>
    (response.json() as { error?: { code?: string } }).error?.code;

  const payerRoutes = () =>
    [
      ['GET', `${BASE}/utility-accounts`, undefined],
      ['POST', `${BASE}/utility-accounts`, { kind: 'water', accountNumber: 'W1234567', address: '上海市' }],
      ['DELETE', `${BASE}/utility-accounts/${ids.binding}`, undefined],
      ['GET', `${BASE}/utility-bills`, undefined],
      ['GET', `${BASE}/payables`, undefined],
      ['GET', `${BASE}/payables/${ids.payable}`, undefined],
      ['POST', `${BASE}/orders`, { payableIds: [ids.payable] }],
      ['GET', `${BASE}/orders`, undefined],
      ['GET', `${BASE}/orders/${ids.order}`, undefined],
    ] as const;
  const financeRoutes = () =>
    [
      ['GET', `${BASE}/refunds`, undefined],
      ['POST', `${BASE}/refunds/${ids.refund}/approve`, {}],
      ['POST', `${BASE}/refunds/${ids.refund}/reject`, { note: '不予退款' }],
    ] as const;
  const adminRoutes = () =>
    [
      ['GET', `${BASE}/ledger/accounts`, undefined],
      ['GET', `${BASE}/ledger/transactions`, undefined],
      ['GET', `${BASE}/biller-pushes`, undefined],
      ['POST', `${BASE}/biller-pushes/${ids.push}/retry`, undefined],
    ] as const;
  const signedInRoutes = () =>
    [
      ['POST', `${BASE}/orders/${ids.order}/refunds`, { payableId: ids.payable, reason: '测试退款' }],
      ['GET', `${BASE}/refunds/${ids.refund}`, undefined],
    ] as const;

  it('refuses anonymous callers on every route but the provider notification', async () => {
    for (const [method, url, payload] of [
      ...payerRoutes(),
      ...financeRoutes(),
      ...adminRoutes(),
      ...signedInRoutes(),
    ]) {
      const response = await call(null, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses staff on the payer routes, residents on the finance routes, non-admins on the admin routes', async () => {
    for (const staff of ['demo-clerk', 'demo-office-admin', 'demo-operator', 'demo-admin'])
      for (const [method, url, payload] of payerRoutes()) {
        const response = await call(staff, method, url, payload, { 'idempotency-key': 'authz-key-x1' });
        expect([response.statusCode, codeOf(response)], `${method} ${url} as ${staff}`).toEqual([
          403,
          'AUTH_FORBIDDEN',
        ]);
      }
    for (const who of ['demo-resident', 'demo-resident2', 'demo-clerk', 'demo-operator'])
      for (const [method, url, payload] of financeRoutes()) {
        const response = await call(who, method, url, payload);
        expect([response.statusCode, codeOf(response)], `${method} ${url} as ${who}`).toEqual([
          403,
          'AUTH_FORBIDDEN',
        ]);
      }
    for (const who of ['demo-resident', 'demo-office-admin', 'demo-clerk'])
      for (const [method, url, payload] of adminRoutes()) {
        const response = await call(who, method, url, payload);
        expect([response.statusCode, codeOf(response)], `${method} ${url} as ${who}`).toEqual([
          403,
          'AUTH_FORBIDDEN',
        ]);
      }
  });

  it('refuses the wrong owner without saying whether the thing exists', async () => {
    const stranger = 'demo-resident2';
    expect(codeOf(await call(stranger, 'DELETE', `${BASE}/utility-accounts/${ids.binding}`))).toBe(
      'PAYMENT_UTILITY_BINDING_NOT_FOUND',
    );
    expect(codeOf(await call(stranger, 'GET', `${BASE}/payables/${ids.payable}`))).toBe(
      'PAYMENT_PAYABLE_NOT_FOUND',
    );
    expect(
      codeOf(
        await call(
          stranger,
          'POST',
          `${BASE}/orders`,
          { payableIds: [ids.payable] },
          { 'idempotency-key': 'authz-key-2' },
        ),
      ),
    ).toBe('PAYMENT_PAYABLE_NOT_FOUND');
    expect(codeOf(await call(stranger, 'GET', `${BASE}/orders/${ids.order}`))).toBe(
      'PAYMENT_ORDER_NOT_FOUND',
    );
    expect(
      codeOf(
        await call(stranger, 'POST', `${BASE}/orders/${ids.order}/refunds`, {
          payableId: ids.payable,
          reason: '退款',
        }),
      ),
    ).toBe('PAYMENT_ORDER_NOT_FOUND');
    expect(codeOf(await call(stranger, 'GET', `${BASE}/refunds/${ids.refund}`))).toBe(
      'PAYMENT_REFUND_NOT_FOUND',
    );
    // Staff of an office that received none of the money: an office admin sees no utility refunds.
    expect(codeOf(await call('demo-office-admin', 'GET', `${BASE}/refunds/${ids.refund}`))).toBe(
      'PAYMENT_REFUND_NOT_FOUND',
    );
    expect(codeOf(await call('demo-office-admin', 'POST', `${BASE}/refunds/${ids.refund}/approve`, {}))).toBe(
      'PAYMENT_REFUND_NOT_FOUND',
    );
    expect(
      codeOf(
        await call('demo-clerk', 'POST', `${BASE}/orders/${ids.order}/refunds`, {
          payableId: ids.payable,
          reason: '退款',
        }),
      ),
    ).toBe('PAYMENT_ORDER_NOT_FOUND');
    // Their own lists hold nothing of the payer's.
    expect((await call(stranger, 'GET', `${BASE}/orders`)).json().items).toEqual([]);
    expect((await call(stranger, 'GET', `${BASE}/utility-accounts`)).json().items).toEqual([]);
    const payables = (await call(stranger, 'GET', `${BASE}/payables`)).json();
    expect(payables.items.map((p: { id: string }) => p.id)).not.toContain(ids.payable);
  });

  it('lets a member act for their enterprise, and refuses everyone else', async () => {
    const me = (await call('demo-enterprise', 'GET', '/api/v1/me')).json() as {
      enterprises: { id: string }[];
    };
    const own = me.enterprises[0]!.id;
    for (const path of ['utility-accounts', 'payables', 'orders', 'utility-bills']) {
      const member = await call('demo-enterprise', 'GET', `${BASE}/${path}?enterpriseId=${own}`);
      expect(member.statusCode, `${path} as a member`).toBe(200);
      for (const outsider of ['demo-resident', 'demo-resident2']) {
        const refused = await call(outsider, 'GET', `${BASE}/${path}?enterpriseId=${own}`);
        expect([refused.statusCode, codeOf(refused)], `${path} as ${outsider}`).toEqual([
          403,
          'AUTH_FORBIDDEN',
        ]);
      }
    }
    const bind = await call('demo-resident2', 'POST', `${BASE}/utility-accounts`, {
      kind: 'water',
      accountNumber: 'W1234567',
      address: '上海市',
      enterpriseId: own,
    });
    expect(codeOf(bind)).toBe('AUTH_FORBIDDEN');
    const payForIt = await call(
      'demo-resident2',
      'POST',
      `${BASE}/orders`,
      { payableIds: [ids.payable], enterpriseId: own },
      { 'idempotency-key': 'authz-key-3' },
    );
    expect(codeOf(payForIt)).toBe('AUTH_FORBIDDEN');
  });

  it('lets the payer and a platform admin (not the requester) through', async () => {
    expect((await call('demo-resident', 'GET', `${BASE}/orders/${ids.order}`)).statusCode).toBe(200);
    expect((await call('demo-resident', 'GET', `${BASE}/refunds/${ids.refund}`)).statusCode).toBe(200);
    const decided = await call('demo-admin', 'POST', `${BASE}/refunds/${ids.refund}/reject`, {
      note: '金额有误',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'rejected', decidedBy: { name: expect.any(String) } });
  });
});
