// A stand-alone demo payment provider (演示支付): its own process, its own port. Merchant API
// with a merchant key, a cashier page (收银台) for the payer, signed asynchronous notifications
// retried until answered, refunds, and the daily statement (对账单). The protocol is described in
// protocol.ts. DEMO ONLY: no money moves, and the default merchant credentials are public.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cashierPage, notFoundPage, returnLocation } from './cashier.ts';
import { DEMO_MERCHANT_ID, DEMO_MERCHANT_KEY, DEMO_MERCHANT_SECRET } from './demo-key.ts';
import { Notifier } from './notifier.ts';
import {
  DEFAULT_BEHAVIOUR,
  DemoPaymentProvider,
  ProviderError,
  type CreateOrderInput,
  type ProviderBehaviour,
} from './provider.ts';
import { ProviderStore, type Order, type Refund } from './store.ts';

export { DEMO_MERCHANT_ID, DEMO_MERCHANT_KEY, DEMO_MERCHANT_SECRET, type ProviderBehaviour };

export interface PaymentProviderServerOptions extends Partial<ProviderBehaviour> {
  port?: number;
  host?: string;
  merchantId?: string;
  merchantKey?: string;
  merchantSecret?: string;
  /** The merchant's name on the cashier page. */
  merchantName?: string;
  /** Fee on each payment, as a share of the amount (0.006 = 0.6%, like WeChat Pay's usual rate). */
  feeRate?: number;
  /** Keep the books in this JSON file, so that they survive a restart. */
  stateFile?: string;
}

export interface PaymentProviderServer {
  url: string;
  port: number;
  provider: DemoPaymentProvider;
  close(): Promise<void>;
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendText(response: http.ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const fail = (response: http.ServerResponse, error: ProviderError) =>
  sendJson(response, error.status, { error: { code: error.code, message: error.message } });

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function presentOrder(order: Order) {
  return {
    merchantOrderNo: order.merchantOrderNo,
    providerOrderNo: order.providerOrderNo,
    state: order.state,
    amountFen: order.amountFen,
    ...(order.providerTxnNo ? { providerTxnNo: order.providerTxnNo, paidAt: order.paidAt } : {}),
  };
}

const presentRefund = (refund: Refund) => ({
  refundNo: refund.refundNo,
  providerRefundNo: refund.providerRefundNo,
  merchantOrderNo: refund.merchantOrderNo,
  amountFen: refund.amountFen,
  state: refund.state,
  ...(refund.refundedAt ? { refundedAt: refund.refundedAt } : {}),
});

const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/;
const isHttpUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);

function parseCreateOrder(body: Record<string, unknown>): CreateOrderInput {
  const problems: string[] = [];
  if (typeof body.merchantOrderNo !== 'string' || !ORDER_NO.test(body.merchantOrderNo))
    problems.push('merchantOrderNo must be 1-64 letters, digits, _ or -');
  if (
    !Number.isInteger(body.amountFen) ||
    (body.amountFen as number) <= 0 ||
    (body.amountFen as number) > 1e10
  )
    problems.push('amountFen must be a positive whole number of fen');
  if (typeof body.description !== 'string' || !body.description.trim() || body.description.length > 128)
    problems.push('description must be 1-128 characters');
  if (!isHttpUrl(body.notifyUrl)) problems.push('notifyUrl must be an http(s) URL');
  if (!isHttpUrl(body.returnUrl)) problems.push('returnUrl must be an http(s) URL');
  if (typeof body.expiresAt !== 'string' || Number.isNaN(Date.parse(body.expiresAt)))
    problems.push('expiresAt must be an ISO-8601 time');
  if (problems.length) throw new ProviderError(400, 'INVALID_REQUEST', problems.join('; '));
  return body as unknown as CreateOrderInput;
}

const BEHAVIOUR_KEYS = Object.keys(DEFAULT_BEHAVIOUR) as (keyof ProviderBehaviour)[];

/**
 * Starts the demo provider. Merchant API (headers `authorization: Bearer <key>` and
 * `x-merchant-id`): `POST /v1/orders`, `GET /v1/orders/{merchantOrderNo}`, `POST /v1/refunds`,
 * `GET /v1/refunds/{refundNo}`, `GET /v1/statements/{YYYY-MM-DD}` (CSV). Payer: `GET|POST
 * /cashier/{providerOrderNo}`. Tests and demonstrations (same credentials): `GET|POST /v1/_control`
 * (behaviour and statistics) and `POST /v1/_control/orders/{merchantOrderNo}/pay` `{outcome?}` (the
 * payer confirms, without a browser). `GET /health` needs nothing.
 */
export async function startPaymentProviderServer(
  options: PaymentProviderServerOptions = {},
): Promise<PaymentProviderServer> {
  const merchantId = options.merchantId ?? DEMO_MERCHANT_ID;
  const merchantKey = options.merchantKey ?? DEMO_MERCHANT_KEY;
  const behaviour: ProviderBehaviour = { ...DEFAULT_BEHAVIOUR };
  for (const key of BEHAVIOUR_KEYS)
    if (options[key] !== undefined) Object.assign(behaviour, { [key]: options[key] });
  const store = new ProviderStore(options.stateFile);
  let baseUrl = '';
  const provider = new DemoPaymentProvider(store, behaviour, {
    merchantId,
    baseUrl: () => baseUrl,
    feeRate: options.feeRate ?? 0.006,
  });
  const notifier = new Notifier(store, behaviour, options.merchantSecret ?? DEMO_MERCHANT_SECRET);
  const stats = { requests: 0, failed: 0 };

  const merchantApi = async (request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const body =
      request.method === 'POST'
        ? (JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>)
        : {};
    if (path === '/v1/_control') {
      if (request.method === 'POST') {
        for (const key of BEHAVIOUR_KEYS) {
          if (typeof body[key] === typeof DEFAULT_BEHAVIOUR[key])
            Object.assign(behaviour, { [key]: body[key] });
        }
      }
      return sendJson(response, 200, {
        behaviour,
        stats: { ...stats, notifications: notifier.stats, undelivered: notifier.pending() },
      });
    }
    const pay = /^\/v1\/_control\/orders\/([^/]+)\/pay$/.exec(path);
    if (pay && request.method === 'POST') {
      const order = store.orders.get(decodeURIComponent(pay[1]!));
      if (!order) throw new ProviderError(404, 'ORDER_NOT_FOUND', 'no such order');
      const outcome = body.outcome === 'paid' || body.outcome === 'failed' ? body.outcome : undefined;
      return sendJson(response, 200, presentOrder(provider.pay(order, outcome)));
    }
    stats.requests += 1;
    const wait =
      behaviour.latencyMinMs + Math.random() * Math.max(0, behaviour.latencyMaxMs - behaviour.latencyMinMs);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (Math.random() < behaviour.errorRate) {
      stats.failed += 1;
      throw new ProviderError(503, 'SYSTEM_BUSY', 'the provider is busy; try again');
    }
    if (path === '/v1/orders' && request.method === 'POST') {
      const { order, created } = provider.createOrder(parseCreateOrder(body));
      return sendJson(response, created ? 201 : 200, {
        ...presentOrder(order),
        payUrl: provider.payUrl(order),
        qrContent: provider.qrContent(order),
      });
    }
    const order = /^\/v1\/orders\/([^/]+)$/.exec(path);
    if (order && request.method === 'GET') {
      const found = store.orders.get(decodeURIComponent(order[1]!));
      if (!found) throw new ProviderError(404, 'ORDER_NOT_FOUND', 'no such order');
      provider.expireIfDue(found);
      return sendJson(response, 200, presentOrder(found));
    }
    if (path === '/v1/refunds' && request.method === 'POST') {
      const { merchantOrderNo, refundNo, amountFen, reason } = body;
      if (
        typeof merchantOrderNo !== 'string' ||
        typeof refundNo !== 'string' ||
        !ORDER_NO.test(refundNo) ||
        !Number.isInteger(amountFen) ||
        (amountFen as number) <= 0
      )
        throw new ProviderError(
          400,
          'INVALID_REQUEST',
          'merchantOrderNo, refundNo and a positive amountFen are required',
        );
      const refund = provider.refund({
        merchantOrderNo,
        refundNo,
        amountFen: amountFen as number,
        reason: String(reason ?? ''),
      });
      return sendJson(response, 200, presentRefund(refund));
    }
    const refund = /^\/v1\/refunds\/([^/]+)$/.exec(path);
    if (refund && request.method === 'GET') {
      const found = store.refunds.get(decodeURIComponent(refund[1]!));
      if (!found) throw new ProviderError(404, 'REFUND_NOT_FOUND', 'no such refund');
      return sendJson(response, 200, presentRefund(found));
    }
    const statement = /^\/v1\/statements\/(\d{4}-\d{2}-\d{2})$/.exec(path);
    if (statement && request.method === 'GET') {
      return sendText(response, 200, 'text/csv; charset=utf-8', provider.statementCsv(statement[1]!));
    }
    throw new ProviderError(404, 'NOT_FOUND', 'no such endpoint');
  };

  const cashier = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    providerOrderNo: string,
  ) => {
    const order = store.ordersByProviderNo.get(providerOrderNo);
    if (!order) return sendText(response, 404, 'text/html; charset=utf-8', notFoundPage());
    if (request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      if (form.get('action') === 'cancel') {
        response.writeHead(303, { location: returnLocation(order, 'cancelled') });
        return response.end();
      }
      provider.expireIfDue(order);
      if (order.state === 'pending') provider.pay(order);
      response.writeHead(303, {
        location: returnLocation(order, order.state === 'paid' ? 'paid' : 'failed'),
      });
      return response.end();
    }
    provider.expireIfDue(order);
    sendText(
      response,
      200,
      'text/html; charset=utf-8',
      cashierPage(order, options.merchantName ?? '一网通办（演示） Tongban (demo)'),
    );
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/health') return sendJson(response, 200, { ok: true });
      const cashierMatch = /^\/cashier\/([A-Za-z0-9]+)$/.exec(path);
      if (cashierMatch) return await cashier(request, response, cashierMatch[1]!);
      if (
        request.headers.authorization !== `Bearer ${merchantKey}` ||
        request.headers['x-merchant-id'] !== merchantId
      )
        return fail(
          response,
          new ProviderError(401, 'INVALID_MERCHANT', 'unknown merchant or wrong merchant key'),
        );
      await merchantApi(request, response, path);
    })().catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof ProviderError) return fail(response, error);
      if (error instanceof SyntaxError)
        return fail(response, new ProviderError(400, 'INVALID_JSON', 'the body is not JSON'));
      fail(response, new ProviderError(500, 'INTERNAL_ERROR', 'internal error'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4200, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const timer = setInterval(() => {
    provider.tick();
    notifier.run();
  }, 50);
  return {
    url: baseUrl,
    port,
    provider,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
