// One stand-alone demo server hosting the three utility companies (billers) of the demo city:
// 上海城投水务（演示）, 国网上海市电力公司（演示） and 上海燃气（演示）. Account checks (户号 +
// 地址), bills, payment pushes (idempotent on paymentRef) and daily confirmations, with latency
// and failures on demand. DEMO ONLY: invented accounts, and the default API key is public.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { shanghaiDate } from '../payment-provider/protocol.ts';
import {
  UTILITY_KINDS,
  billsOf,
  demoAccounts,
  maskName,
  normaliseAddress,
  BILLERS,
  type UtilityKind,
} from './accounts.ts';
import { DEMO_BILLERS_API_KEY } from './demo-key.ts';

export { DEMO_BILLERS_API_KEY };

export interface BillersBehaviour {
  latencyMinMs: number;
  latencyMaxMs: number;
  /** Share (0..1) of requests answered 503 without doing anything. */
  errorRate: number;
}

export interface BillersServerOptions extends Partial<BillersBehaviour> {
  port?: number;
  host?: string;
  apiKey?: string;
  /** Keep the confirmed payments in this JSON file, so that they survive a restart. */
  stateFile?: string;
}

export interface BillersServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface Confirmation {
  kind: UtilityKind;
  billNo: string;
  accountNumber: string;
  paymentRef: string;
  amountFen: number;
  confirmationNo: string;
  confirmedAt: string;
}

class BillerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

/**
 * Starts the demo billers. Routes (all but `/health` need header `x-api-key`), KIND one of water,
 * electricity, gas: `POST /v1/{KIND}/accounts/check` `{accountNumber, address}`,
 * `GET /v1/{KIND}/accounts/{accountNumber}/bills`, `POST /v1/{KIND}/payments`
 * `{billNo, accountNumber, amountFen, paymentRef}`, `GET /v1/{KIND}/confirmations?date=YYYY-MM-DD`,
 * and `GET|POST /v1/_control` `{latencyMinMs, latencyMaxMs, errorRate}`.
 */
export async function startBillersServer(options: BillersServerOptions = {}): Promise<BillersServer> {
  const apiKey = options.apiKey ?? DEMO_BILLERS_API_KEY;
  const behaviour: BillersBehaviour = {
    latencyMinMs: options.latencyMinMs ?? 0,
    latencyMaxMs: options.latencyMaxMs ?? 0,
    errorRate: options.errorRate ?? 0,
  };
  const accounts = demoAccounts();
  const confirmations: Confirmation[] =
    options.stateFile && fs.existsSync(options.stateFile)
      ? (JSON.parse(fs.readFileSync(options.stateFile, 'utf8')) as Confirmation[])
      : [];
  const save = () => {
    if (!options.stateFile) return;
    fs.writeFileSync(`${options.stateFile}.tmp`, JSON.stringify(confirmations));
    fs.renameSync(`${options.stateFile}.tmp`, options.stateFile);
  };
  const stats = { requests: 0, failed: 0, payments: 0 };

  const account = (kind: UtilityKind, accountNumber: string) => {
    const found = accounts.get(`${kind}:${accountNumber}`);
    if (!found) throw new BillerError(404, 'ACCOUNT_NOT_FOUND', 'no such account');
    return found;
  };
  const presentBills = (kind: UtilityKind, accountNumber: string) =>
    billsOf(account(kind, accountNumber)).map(({ paidBeforeDemo, ...bill }) => ({
      ...bill,
      status:
        paidBeforeDemo || confirmations.some((c) => c.billNo === bill.billNo)
          ? ('paid' as const)
          : ('unpaid' as const),
    }));

  const pay = (kind: UtilityKind, body: Record<string, unknown>): Confirmation => {
    const { billNo, accountNumber, amountFen, paymentRef } = body;
    if (
      typeof billNo !== 'string' ||
      typeof accountNumber !== 'string' ||
      typeof paymentRef !== 'string' ||
      !paymentRef ||
      !Number.isInteger(amountFen)
    )
      throw new BillerError(
        400,
        'INVALID_REQUEST',
        'billNo, accountNumber, amountFen and paymentRef are required',
      );
    const earlier = confirmations.find((c) => c.kind === kind && c.paymentRef === paymentRef);
    if (earlier) {
      if (earlier.billNo !== billNo || earlier.amountFen !== amountFen)
        throw new BillerError(409, 'PAYMENT_REF_REUSED', 'paymentRef already used for another payment');
      return earlier;
    }
    const bill = presentBills(kind, accountNumber).find((b) => b.billNo === billNo);
    if (!bill) throw new BillerError(404, 'BILL_NOT_FOUND', 'no such bill on this account');
    if (bill.amountFen !== amountFen)
      throw new BillerError(
        422,
        'AMOUNT_MISMATCH',
        `the bill is ${bill.amountFen} fen, not ${String(amountFen)}`,
      );
    if (bill.status === 'paid') throw new BillerError(409, 'BILL_ALREADY_PAID', 'the bill is already paid');
    const confirmedAt = new Date().toISOString();
    stats.payments += 1;
    const confirmation: Confirmation = {
      kind,
      billNo,
      accountNumber,
      paymentRef,
      amountFen: amountFen as number,
      confirmationNo: `${BILLERS[kind].prefix}C${shanghaiDate(confirmedAt).replaceAll('-', '')}${String(confirmations.length + 1).padStart(6, '0')}`,
      confirmedAt,
    };
    confirmations.push(confirmation);
    save();
    return confirmation;
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => {
    const path = url.pathname;
    if (path === '/v1/_control') {
      if (request.method === 'POST') {
        const body = await readJson(request);
        for (const key of ['latencyMinMs', 'latencyMaxMs', 'errorRate'] as const)
          if (typeof body[key] === 'number') behaviour[key] = body[key];
      }
      return send(response, 200, { behaviour, stats });
    }
    const match = /^\/v1\/(water|electricity|gas)\/(.+)$/.exec(path);
    if (!match) throw new BillerError(404, 'NOT_FOUND', 'no such endpoint');
    const kind = match[1] as UtilityKind;
    const rest = match[2]!;
    stats.requests += 1;
    const wait =
      behaviour.latencyMinMs + Math.random() * Math.max(0, behaviour.latencyMaxMs - behaviour.latencyMinMs);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (Math.random() < behaviour.errorRate) {
      stats.failed += 1;
      throw new BillerError(503, 'SYSTEM_BUSY', 'the biller is busy; try again');
    }
    if (rest === 'accounts/check' && request.method === 'POST') {
      const body = await readJson(request);
      const held = accounts.get(`${kind}:${String(body.accountNumber)}`);
      if (!held) return send(response, 200, { ok: false, reason: 'not_found' });
      if (normaliseAddress(String(body.address ?? '')) !== normaliseAddress(held.address))
        return send(response, 200, { ok: false, reason: 'address_mismatch' });
      return send(response, 200, {
        ok: true,
        holderMasked: maskName(held.holderName),
        address: held.address,
      });
    }
    const bills = /^accounts\/([0-9]{6,20})\/bills$/.exec(rest);
    if (bills && request.method === 'GET')
      return send(response, 200, { bills: presentBills(kind, bills[1]!) });
    if (rest === 'payments' && request.method === 'POST') {
      const { kind: _kind, ...confirmation } = pay(kind, await readJson(request));
      return send(response, 200, confirmation);
    }
    if (rest === 'confirmations' && request.method === 'GET') {
      const date = url.searchParams.get('date') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new BillerError(400, 'INVALID_REQUEST', 'date must be YYYY-MM-DD');
      return send(response, 200, {
        confirmations: confirmations
          .filter((c) => c.kind === kind && shanghaiDate(c.confirmedAt) === date)
          .map(({ kind: _kind, ...c }) => c),
      });
    }
    throw new BillerError(404, 'NOT_FOUND', 'no such endpoint');
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/health') return send(response, 200, { ok: true, billers: UTILITY_KINDS });
      if (request.headers['x-api-key'] !== apiKey)
        throw new BillerError(401, 'INVALID_API_KEY', 'missing or wrong x-api-key');
      await handle(request, response, url);
    })().catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof BillerError)
        return send(response, error.status, { error: { code: error.code, message: error.message } });
      if (error instanceof SyntaxError)
        return send(response, 400, { error: { code: 'INVALID_JSON', message: 'the body is not JSON' } });
      send(response, 500, { error: { code: 'INTERNAL_ERROR', message: 'internal error' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4300, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
