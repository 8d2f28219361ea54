// 生活缴费 at the terminal, on both databases with the demo provider and billers: the signed-in
// resident's unpaid items, an order with the QR content for the phone, the provider's payment
// settling it, the receipt on screen; and the refusals (no terminal, no session, a web cookie, a
// session of another resident).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { DEMO_OPERATOR_FACILITY } from '../../../../demo/facilities.ts';

describeEachDialect('kiosk payments', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let terminal: Record<string, string>;
  let zhangsan: Record<string, string>;

  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  /** A kiosk session through the QR sign-in (a one-time token made in 我的). */
  async function kioskSession(username: string): Promise<Record<string, string>> {
    const web = await loginAs(t.app, username);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/kiosk-sign-in-tokens',
      headers: web.headers,
      payload: {},
    });
    expect(token.statusCode, token.body).toBe(201);
    const session = await call('POST', '/api/v1/kiosk/sign-in/qr', terminal, { token: token.json().token });
    expect(session.statusCode, session.body).toBe(201);
    return { ...terminal, 'x-kiosk-session': session.json().token as string };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { payments: true });
    const operator = await loginAs(t.app, 'demo-operator');
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/facilities/${DEMO_OPERATOR_FACILITY.code}/keys`,
      headers: operator.headers,
    });
    expect(rotated.statusCode, rotated.body).toBe(201);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/facilities/${DEMO_OPERATOR_FACILITY.code}`,
    });
    const terminalId = (page.json().terminals as { id: string }[])[0]!.id;
    terminal = { 'x-facility-key': rotated.json().key as string, 'x-kiosk-terminal': terminalId };
    resident = await loginAs(t.app, 'demo-resident');
    zhangsan = await kioskSession('demo-resident');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists what is due, opens an order with a QR code, and shows the receipt once the provider paid', async () => {
    const due = await call('GET', '/api/v1/kiosk/me/payables', zhangsan);
    expect(due.statusCode, due.body).toBe(200);
    const fine = (due.json().items as { id: string; kind: string; status: string }[]).find(
      (item) => item.kind === 'traffic_fine' && item.status === 'unpaid',
    );
    expect(fine).toBeDefined();

    const key = { 'idempotency-key': 'kiosk-pay-test-0001' };
    const created = await call(
      'POST',
      '/api/v1/kiosk/payments/orders',
      { ...zhangsan, ...key },
      {
        payableIds: [fine!.id],
      },
    );
    expect(created.statusCode, created.body).toBe(201);
    const { order, qrContent } = created.json();
    expect(qrContent).toEqual(expect.any(String));
    expect(qrContent.length).toBeGreaterThan(10);
    const again = await call(
      'POST',
      '/api/v1/kiosk/payments/orders',
      { ...zhangsan, ...key },
      {
        payableIds: [fine!.id],
      },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().order.id).toBe(order.id);

    t.payments!.pay(order.merchantOrderNo);
    let state = 'pending';
    for (let attempt = 0; attempt < 50 && state !== 'paid'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const read = await call('GET', `/api/v1/kiosk/payments/orders/${order.id}`, zhangsan);
      expect(read.statusCode, read.body).toBe(200);
      state = read.json().state;
    }
    expect(state).toBe('paid');
    const receipt = await call('GET', `/api/v1/kiosk/payments/orders/${order.id}/receipt`, zhangsan);
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({ orderNo: order.merchantOrderNo, payerMasked: '张*' });

    // The same order on the web: it is one payment, whichever channel started it.
    const web = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/orders/${order.id}`,
      headers: resident.headers,
    });
    expect(web.json().state).toBe('paid');

    // Another resident's kiosk session (a new sign-in ends 张三's) sees nothing of it.
    const lisi = await kioskSession('demo-resident2');
    const other = await call('GET', `/api/v1/kiosk/payments/orders/${order.id}`, lisi);
    expect(other.statusCode).toBe(404);
    const otherReceipt = await call('GET', `/api/v1/kiosk/payments/orders/${order.id}/receipt`, lisi);
    expect(otherReceipt.statusCode).toBe(404);
  });

  it('refuses calls without the terminal, without a session, and with a web cookie only', async () => {
    zhangsan = await kioskSession('demo-resident');
    const noTerminal = await call('GET', '/api/v1/kiosk/me/payables', {
      'x-kiosk-session': zhangsan['x-kiosk-session']!,
    });
    expect(noTerminal.statusCode).toBe(401);
    const noSession = await call('GET', '/api/v1/kiosk/me/payables', terminal);
    expect(noSession.statusCode).toBe(401);
    expect(noSession.json().error.code).toBe('KIOSK_SESSION_INVALID');
    const cookieOnly = await call(
      'POST',
      '/api/v1/kiosk/payments/orders',
      { ...terminal, ...resident.headers, 'idempotency-key': 'kiosk-pay-test-0002' },
      { payableIds: ['x'] },
    );
    expect(cookieOnly.statusCode).toBe(401);
    const noKey = await call('POST', '/api/v1/kiosk/payments/orders', zhangsan, { payableIds: ['x'] });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.code).toBe('PAYMENT_IDEMPOTENCY_KEY_REQUIRED');
  });
});
