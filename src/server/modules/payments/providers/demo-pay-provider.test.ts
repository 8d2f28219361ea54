// The demo payment provider's protocol, through the PaymentProvider adapter and raw HTTP: orders,
// the cashier page, signed notifications (retried, duplicated, dropped, reordered), refunds, the
// statement, failures, and (as its own process) books that survive a SIGKILL with --state.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnPaymentProvider } from '../../../../../demo/payment-provider/spawn.ts';
import {
  startPaymentProviderServer,
  type PaymentProviderServer,
} from '../../../../../demo/payment-provider/server.ts';
import {
  DEMO_MERCHANT_ID,
  DEMO_MERCHANT_KEY,
  DEMO_MERCHANT_SECRET,
} from '../../../../../demo/payment-provider/demo-key.ts';
import { shanghaiDate } from '../../../../../demo/payment-provider/protocol.ts';
import { ProviderRejectedError, ProviderSignatureError, ProviderUnavailableError } from '../ports.ts';
import { DemoPayProvider, yuanToFen } from './demo-pay-provider.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A merchant's notify endpoint: records what arrives, answers `status()` (200 by default). */
async function notifySink() {
  const received: Received[] = [];
  let status = () => 200;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`,
    received,
    answer: (fn: () => number) => (status = fn),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

let server: PaymentProviderServer;
let sink: Awaited<ReturnType<typeof notifySink>>;
let adapter: DemoPayProvider;
let sequence = 0;

const order = (amountFen = 3850, no = `T${Date.now()}${(sequence += 1)}`) => ({
  merchantOrderNo: no,
  amountFen,
  description: '上海城投水务（演示） 2026-10 水费',
  notifyUrl: sink.url,
  returnUrl: 'http://localhost:3000/payments/return',
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
});
const headersOf = (r: Received) => r.headers as Record<string, string>;

beforeAll(async () => {
  sink = await notifySink();
  server = await startPaymentProviderServer({ port: 0, refundDelayMs: 50, retryBaseMs: 50 });
  adapter = new DemoPayProvider({
    baseUrl: server.url,
    merchantId: DEMO_MERCHANT_ID,
    merchantKey: DEMO_MERCHANT_KEY,
    merchantSecret: DEMO_MERCHANT_SECRET,
    timeoutMs: 1000,
    retries: 1,
  });
});
afterAll(async () => {
  await server.close();
  await sink.close();
});

describe('demo payment provider: orders and the cashier', () => {
  it('creates an order once per merchantOrderNo and refuses the number with another amount', async () => {
    const input = order();
    const first = await adapter.createOrder(input);
    expect(first.payUrl).toBe(`${server.url}/cashier/${first.providerOrderNo}`);
    expect(first.qrContent).toContain(encodeURIComponent(first.payUrl));
    expect((await adapter.createOrder(input)).providerOrderNo).toBe(first.providerOrderNo);
    await expect(adapter.createOrder({ ...input, amountFen: 3851 })).rejects.toMatchObject({
      code: 'DUPLICATE_ORDER_NO',
    });
    await expect(adapter.createOrder({ ...input, amountFen: 1 })).rejects.toBeInstanceOf(
      ProviderRejectedError,
    );
    expect(await adapter.queryOrder(input.merchantOrderNo)).toMatchObject({
      state: 'pending',
      amountFen: 3850,
    });
    expect(await adapter.queryOrder('NO-SUCH-ORDER')).toBeNull();
  });

  it('refuses a merchant without the right key', async () => {
    const response = await fetch(`${server.url}/v1/orders/X`, {
      headers: { authorization: 'Bearer wrong', 'x-merchant-id': DEMO_MERCHANT_ID },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_MERCHANT');
  });

  it('shows an accessible cashier page and sends the payer back to returnUrl after 确认支付', async () => {
    const input = order(12_345);
    const { payUrl } = await adapter.createOrder(input);
    const page = await (await fetch(payUrl)).text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('¥123.45');
    expect(page).toMatch(/<label for="method-balance">/);
    expect(page).toContain('确认支付');
    expect(page).toContain('取消');
    const cancel = await fetch(payUrl, { method: 'POST', body: 'action=cancel', redirect: 'manual' });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get('location')).toContain('result=cancelled');
    const confirm = await fetch(payUrl, { method: 'POST', body: 'action=confirm', redirect: 'manual' });
    const back = new URL(confirm.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(input.returnUrl);
    expect(back.searchParams.get('merchantOrderNo')).toBe(input.merchantOrderNo);
    expect(back.searchParams.get('result')).toBe('paid');
    expect(await adapter.queryOrder(input.merchantOrderNo)).toMatchObject({ state: 'paid' });
    expect(await (await fetch(payUrl)).text()).toContain('此订单不能再支付');
  });

  it('makes the next payment fail at the cashier when told to', async () => {
    const input = order();
    const { payUrl } = await adapter.createOrder(input);
    server.provider.behaviour.failNextPayments = 1;
    const confirm = await fetch(payUrl, { method: 'POST', body: 'action=confirm', redirect: 'manual' });
    expect(new URL(confirm.headers.get('location')!).searchParams.get('result')).toBe('failed');
    expect(await adapter.queryOrder(input.merchantOrderNo)).toMatchObject({ state: 'failed' });
    await until(() => sink.received.some((r) => r.body.includes(input.merchantOrderNo)));
    const notification = sink.received.find((r) => r.body.includes(input.merchantOrderNo))!;
    expect(adapter.verifyNotification(headersOf(notification), notification.body)).toMatchObject({
      kind: 'order',
      state: 'failed',
    });
  });
});

describe('demo payment provider: signed notifications', () => {
  it('signs them; the adapter accepts the real one and refuses a tampered, stale or foreign one', async () => {
    const input = order(5000);
    await adapter.createOrder(input);
    server.provider.pay(server.provider.store.orders.get(input.merchantOrderNo)!);
    await until(() => sink.received.some((r) => r.body.includes(input.merchantOrderNo)));
    const got = sink.received.find((r) => r.body.includes(input.merchantOrderNo))!;
    const parsed = adapter.verifyNotification(headersOf(got), got.body);
    expect(parsed).toMatchObject({
      kind: 'order',
      state: 'paid',
      amountFen: 5000,
      merchantOrderNo: input.merchantOrderNo,
    });
    expect(parsed.kind === 'order' && parsed.providerTxnNo).toMatch(/^DT\d{14}$/);
    const tampered = got.body.replace('"amountFen":5000', '"amountFen":1');
    expect(() => adapter.verifyNotification(headersOf(got), tampered)).toThrow(ProviderSignatureError);
    expect(() => adapter.verifyNotification({}, got.body)).toThrow(ProviderSignatureError);
    const later = new DemoPayProvider({
      ...{ baseUrl: server.url, merchantId: DEMO_MERCHANT_ID, merchantKey: DEMO_MERCHANT_KEY },
      merchantSecret: DEMO_MERCHANT_SECRET,
      timeoutMs: 1000,
      retries: 0,
      now: () => new Date(Date.now() + 10 * 60_000),
    });
    expect(() => later.verifyNotification(headersOf(got), got.body)).toThrow(/stale/);
    const otherSecret = new DemoPayProvider({
      baseUrl: server.url,
      merchantId: DEMO_MERCHANT_ID,
      merchantKey: DEMO_MERCHANT_KEY,
      merchantSecret: 'another-merchant-secret',
      timeoutMs: 1000,
      retries: 0,
    });
    expect(() => otherSecret.verifyNotification(headersOf(got), got.body)).toThrow(ProviderSignatureError);
  });

  it('retries until the merchant answers 2xx, with the same notification id', async () => {
    let calls = 0;
    sink.answer(() => ((calls += 1) <= 2 ? 500 : 200));
    const input = order();
    await adapter.createOrder(input);
    server.provider.pay(server.provider.store.orders.get(input.merchantOrderNo)!);
    await until(() => sink.received.filter((r) => r.body.includes(input.merchantOrderNo)).length === 3);
    const ids = sink.received
      .filter((r) => r.body.includes(input.merchantOrderNo))
      .map((r) => r.headers['x-demopay-notification-id']);
    expect(new Set(ids).size).toBe(1);
    sink.answer(() => 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.filter((r) => r.body.includes(input.merchantOrderNo))).toHaveLength(3);
  });

  it('duplicates, drops and reorders on demand', async () => {
    const pay = async () => {
      const input = order();
      await adapter.createOrder(input);
      server.provider.pay(server.provider.store.orders.get(input.merchantOrderNo)!);
      return input.merchantOrderNo;
    };
    const seen = (no: string) => sink.received.filter((r) => r.body.includes(no)).length;
    server.provider.behaviour.duplicateRate = 1;
    const duplicated = await pay();
    await until(() => seen(duplicated) === 2);
    server.provider.behaviour.duplicateRate = 0;

    server.provider.behaviour.dropRate = 1;
    const dropped = await pay();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen(dropped)).toBe(0);
    expect(await adapter.queryOrder(dropped)).toMatchObject({ state: 'paid' });
    server.provider.behaviour.dropRate = 0;

    server.provider.behaviour.reorder = true;
    // Both paid in the same tick, so both are held by the same sweep and flushed in reverse
    // (paying one after another's HTTP round trip could straddle a 200 ms flush on a busy machine).
    const [firstInput, secondInput] = [order(), order()];
    await adapter.createOrder(firstInput);
    await adapter.createOrder(secondInput);
    const [first, second] = [firstInput.merchantOrderNo, secondInput.merchantOrderNo];
    server.provider.pay(server.provider.store.orders.get(first)!);
    server.provider.pay(server.provider.store.orders.get(second)!);
    await until(() => seen(first) === 1 && seen(second) === 1);
    const order1 = sink.received.findIndex((r) => r.body.includes(first));
    const order2 = sink.received.findIndex((r) => r.body.includes(second));
    expect(order2).toBeLessThan(order1);
    server.provider.behaviour.reorder = false;
  });
});

describe('demo payment provider: refunds and the statement', () => {
  it('refunds part and then the rest, idempotent on refundNo, completing with a notification', async () => {
    const input = order(10_000);
    await adapter.createOrder(input);
    server.provider.pay(server.provider.store.orders.get(input.merchantOrderNo)!);
    const refund = {
      merchantOrderNo: input.merchantOrderNo,
      refundNo: `${input.merchantOrderNo}-R1`,
      amountFen: 3000,
      reason: '多缴',
    };
    const first = await adapter.refund(refund);
    expect(first.state).toBe('pending');
    expect((await adapter.refund(refund)).providerRefundNo).toBe(first.providerRefundNo);
    await expect(adapter.refund({ ...refund, amountFen: 2999 })).rejects.toMatchObject({
      code: 'DUPLICATE_REFUND_NO',
    });
    await expect(
      adapter.refund({ ...refund, refundNo: `${input.merchantOrderNo}-R2`, amountFen: 7001 }),
    ).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAYMENT',
    });
    expect(
      (await adapter.refund({ ...refund, refundNo: `${input.merchantOrderNo}-R2`, amountFen: 7000 })).state,
    ).toBe('pending');
    await until(
      () =>
        sink.received.filter(
          (r) => r.body.includes(`"kind":"refund"`) && r.body.includes(input.merchantOrderNo),
        ).length === 2,
    );
    const notes = sink.received
      .filter((r) => r.body.includes(`"kind":"refund"`) && r.body.includes(input.merchantOrderNo))
      .map((r) => adapter.verifyNotification(headersOf(r), r.body));
    expect(notes.map((n) => n.kind === 'refund' && n.amountFen).sort()).toEqual([3000, 7000]);
    expect(notes.every((n) => n.kind === 'refund' && n.state === 'succeeded')).toBe(true);
    await expect(
      adapter.refund({ ...refund, refundNo: 'NOPE', merchantOrderNo: 'NO-SUCH' }),
    ).rejects.toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
  });

  it('lists the day’s payments with fees and refunds in the statement CSV', async () => {
    const input = order(9_999);
    await adapter.createOrder(input);
    const paid = server.provider.pay(server.provider.store.orders.get(input.merchantOrderNo)!);
    await adapter.refund({
      merchantOrderNo: input.merchantOrderNo,
      refundNo: `${input.merchantOrderNo}-R`,
      amountFen: 999,
      reason: '',
    });
    await until(() => server.provider.store.refunds.get(`${input.merchantOrderNo}-R`)!.state === 'succeeded');
    const date = shanghaiDate(paid.paidAt!);
    const lines = await adapter.downloadStatement(date);
    const payment = lines.find((l) => l.kind === 'payment' && l.merchantOrderNo === input.merchantOrderNo)!;
    expect(payment).toMatchObject({
      amountFen: 9_999,
      feeFen: 60,
      providerOrderNo: paid.providerOrderNo,
      at: paid.paidAt!.slice(0, 19) + '.000Z',
    });
    expect(
      lines.find((l) => l.kind === 'refund' && l.refundNo === `${input.merchantOrderNo}-R`),
    ).toMatchObject({ amountFen: 999, feeFen: 0 });
    const bytes = Buffer.from(
      await (
        await fetch(`${server.url}/v1/statements/${date}`, {
          headers: { authorization: `Bearer ${DEMO_MERCHANT_KEY}`, 'x-merchant-id': DEMO_MERCHANT_ID },
        })
      ).arrayBuffer(),
    );
    const raw = bytes.toString('utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw).toMatch(/# 合计 total: \d+ 笔 lines/);
    expect(await adapter.downloadStatement('2001-01-01')).toEqual([]);
  });

  it('reads amounts in yuan exactly', () => {
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('-10.5')).toBe(-1050);
    expect(yuanToFen('123')).toBe(12300);
    expect(() => yuanToFen('1.234')).toThrow();
  });
});

describe('demo payment provider: failures', () => {
  it('answers 503 to a share of requests and the adapter reports it unavailable; a slow provider times out', async () => {
    server.provider.behaviour.errorRate = 1;
    await expect(adapter.queryOrder('ANY')).rejects.toBeInstanceOf(ProviderUnavailableError);
    server.provider.behaviour.errorRate = 0;
    server.provider.behaviour.latencyMinMs = 1500;
    server.provider.behaviour.latencyMaxMs = 1500;
    const quick = new DemoPayProvider({
      baseUrl: server.url,
      merchantId: DEMO_MERCHANT_ID,
      merchantKey: DEMO_MERCHANT_KEY,
      merchantSecret: DEMO_MERCHANT_SECRET,
      timeoutMs: 200,
      retries: 0,
    });
    await expect(quick.queryOrder('ANY')).rejects.toThrow(/did not answer within 200 ms/);
    server.provider.behaviour.latencyMinMs = 0;
    server.provider.behaviour.latencyMaxMs = 0;
    const nobody = new DemoPayProvider({
      ...{ baseUrl: 'http://127.0.0.1:9' },
      merchantId: 'm',
      merchantKey: 'k',
      merchantSecret: 's',
      timeoutMs: 500,
      retries: 0,
    });
    await expect(nobody.createOrder(order())).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('as its own process, keeps its books in --state across a SIGKILL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demopay-'));
    const stateFile = path.join(dir, 'state.json');
    const first = await spawnPaymentProvider({ stateFile });
    const client = new DemoPayProvider({
      baseUrl: first.url,
      merchantId: first.merchantId,
      merchantKey: first.merchantKey,
      merchantSecret: first.merchantSecret,
      timeoutMs: 2000,
      retries: 0,
    });
    const input = order(2_000);
    await client.createOrder(input);
    expect(await first.pay(input.merchantOrderNo)).toMatchObject({ state: 'paid' });
    const port = new URL(first.url).port;
    await first.stop({ kill: true });
    const second = await spawnPaymentProvider({ stateFile, port: Number(port) });
    try {
      expect(await client.queryOrder(input.merchantOrderNo)).toMatchObject({
        state: 'paid',
        amountFen: 2000,
      });
      const lines = await client.downloadStatement(shanghaiDate(new Date().toISOString()));
      expect(lines.some((l) => l.merchantOrderNo === input.merchantOrderNo)).toBe(true);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
