// `tongban bench payments`: settled payments per second, end to end, against a real `tongban
// serve` and the real demo payment provider (its own process): the payer's POST
// /api/v1/payments/orders (the order is opened at the provider over HTTP), the provider is told
// the payer confirmed (as at its cashier), it POSTs its HMAC-signed notification to
// /api/v1/payments/notify/demopay, and the server settles (order, payable, ledger transaction,
// audit, notification) — on SQLite and on PostgreSQL. A payment counts once the order is `paid` in
// the database; its latency runs from the order request to then. Afterwards: every payable was paid
// exactly once and the ledger balances.
//
// The payables (application fees of demo-resident) are written straight into the database before
// the run: filing thousands of applications is the applications bench's business, not this one's.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { spawnBillers, type SpawnedBillers } from '../demo/billers/spawn.ts';
import { spawnPaymentProvider, type SpawnedPaymentProvider } from '../demo/payment-provider/spawn.ts';
import { progress, progressDone } from '../src/cli/command.ts';
import { openDatabase, type DatabaseHandle } from '../src/server/platform/db/database.ts';
import type { Bench } from './index.ts';
import {
  freePort,
  login,
  percentile,
  say,
  startServe,
  withPostgresDatabase,
  type ServeProcess,
  type Session,
} from './support.ts';

const SESSIONS = 8;
const POLL_MS = 5;

interface Row {
  setup: string;
  concurrency: number;
  settled: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  checks: string;
}

/** Unpaid fees of demo-resident, one per payment the run may make. */
async function insertPayables(db: DatabaseHandle['db'], count: number): Promise<string[]> {
  const person = await db
    .selectFrom('users')
    .select('personId')
    .where('username', '=', 'demo-resident')
    .executeTakeFirstOrThrow();
  const office = await db
    .selectFrom('offices')
    .select(['id', 'code', 'nameZh', 'nameEn'])
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let start = 0; start < count; start += 200) {
    const rows = Array.from({ length: Math.min(200, count - start) }, (_, index) => {
      const id = uuidv7();
      ids.push(id);
      return {
        id,
        kind: 'service_fee' as const,
        externalRef: `bench-${id}`,
        payerPersonId: person.personId,
        payerEnterpriseId: null,
        titleZh: `办事费用（压测）${start + index + 1}`,
        titleEn: `Fee (bench) ${start + index + 1}`,
        amountFen: 1_000 + ((start + index) % 9_000),
        beneficiaryCode: `office:${office.code}`,
        beneficiaryNameZh: office.nameZh,
        beneficiaryNameEn: office.nameEn,
        beneficiaryOfficeId: office.id,
        utilityKind: null,
        accountNumber: null,
        billMonth: null,
        applicationId: null,
        dueDate: null,
        status: 'unpaid' as const,
        inFlightOrderId: null,
        paidOrderId: null,
        paidAt: null,
        refundedFen: 0,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.insertInto('payables').values(rows).execute();
  }
  return ids;
}

/** Resolves each order's wait when the database shows it paid (one query per tick for all waiting). */
class SettlementWatcher {
  readonly #waiting = new Map<string, (at: number) => void>();
  #timer: NodeJS.Timeout | undefined;
  #busy = false;

  constructor(private readonly db: DatabaseHandle['db']) {}

  settled(orderId: string): Promise<number> {
    return new Promise((resolve) => {
      this.#waiting.set(orderId, resolve);
      this.#timer ??= setInterval(() => void this.#tick(), POLL_MS);
    });
  }

  async #tick(): Promise<void> {
    if (this.#busy || this.#waiting.size === 0) return;
    this.#busy = true;
    try {
      const rows = await this.db
        .selectFrom('paymentOrders')
        .select(['id', 'state'])
        .where('id', 'in', [...this.#waiting.keys()])
        .where('state', '=', 'paid')
        .execute();
      const at = performance.now();
      for (const row of rows) {
        this.#waiting.get(row.id)?.(at);
        this.#waiting.delete(row.id);
      }
    } finally {
      this.#busy = false;
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

async function createOrder(url: string, session: Session, payableId: string) {
  const response = await fetch(`${url}/api/v1/payments/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'idempotency-key': `bench-${randomUUID()}`,
    },
    body: JSON.stringify({ payableIds: [payableId] }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /orders: ${response.status} ${text}`);
  return (JSON.parse(text) as { order: { id: string; merchantOrderNo: string } }).order;
}

/** `concurrency` payers, each paying one fee after another, for `seconds` (or until fees run out). */
async function payments(
  label: string,
  url: string,
  provider: SpawnedPaymentProvider,
  watcher: SettlementWatcher,
  sessions: Session[],
  payables: string[],
  concurrency: number,
  seconds: number,
): Promise<{ latencies: number[]; seconds: number; errors: string[] }> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const ticker = setInterval(() => progress(`${label}: ${latencies.length} settled`), 500);
  const worker = async (index: number) => {
    const session = sessions[index % sessions.length]!;
    while (performance.now() < deadline) {
      const payableId = payables.pop();
      if (!payableId) return;
      const begun = performance.now();
      try {
        const order = await createOrder(url, session, payableId);
        const settled = watcher.settled(order.id);
        await provider.pay(order.merchantOrderNo);
        latencies.push((await settled) - begun);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        if (errors.length > 20) throw new Error(`${label}: too many errors:\n${errors.join('\n')}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  } finally {
    clearInterval(ticker);
    progressDone();
  }
  return {
    latencies: latencies.sort((a, b) => a - b),
    seconds: (performance.now() - started) / 1000,
    errors,
  };
}

/** Every paid payable in exactly one paid order, and the ledger balanced. */
async function checkBooks(db: DatabaseHandle['db']): Promise<string> {
  const paid = await db
    .selectFrom('payables')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'paid')
    .where('externalRef', 'like', 'bench-%')
    .executeTakeFirstOrThrow();
  const orders = await db
    .selectFrom('paymentOrders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'paid')
    .executeTakeFirstOrThrow();
  const doubled = await db
    .selectFrom('paymentOrderItems as i')
    .innerJoin('paymentOrders as o', 'o.id', 'i.orderId')
    .select('i.payableId')
    .where('o.state', '=', 'paid')
    .groupBy('i.payableId')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const totals = await sql<{ debit: string | number; credit: string | number }>`
    select coalesce(sum(debit_fen), 0) as debit, coalesce(sum(credit_fen), 0) as credit from ledger_entries`.execute(
    db,
  );
  const { debit, credit } = totals.rows[0]!;
  const balanced = Number(debit) === Number(credit);
  return (
    `${Number(paid.n)} fees paid by ${Number(orders.n)} orders, ${doubled.length} paid twice, ` +
    `ledger ${balanced ? 'balanced' : `UNBALANCED (${debit} ≠ ${credit})`}`
  );
}

async function runSetup(
  setup: string,
  databaseUrl: string | undefined,
  options: { duration: number; concurrency: number[] },
): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-pay-'));
  let provider: SpawnedPaymentProvider | undefined;
  let billers: SpawnedBillers | undefined;
  let server: ServeProcess | undefined;
  const database = openDatabase({ databaseUrl, dataDir });
  const watcher = new SettlementWatcher(database.db);
  try {
    progress(`${setup}: starting the demo provider, the billers and the server`);
    [provider, billers] = await Promise.all([spawnPaymentProvider(), spawnBillers()]);
    const port = await freePort();
    server = await startServe({
      dataDir,
      databaseUrl,
      port,
      readyPath: '/readyz',
      env: {
        TONGBAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
        TONGBAN_PAYMENT_PROVIDER_URL: provider.url,
        TONGBAN_BILLERS_URL: billers.url,
      },
    });
    progressDone();
    const sessions: Session[] = [];
    for (let i = 0; i < SESSIONS; i++) sessions.push(await login(server.url, 'demo-resident'));
    // Enough fees for the longest run at a generous rate; the rest stay unpaid.
    const payables = await insertPayables(
      database.db,
      60 * options.duration * options.concurrency.length + 200,
    );
    payables.reverse();

    await payments(`${setup} warm-up`, server.url, provider, watcher, sessions, payables, 4, 2);
    const rows: Row[] = [];
    for (const concurrency of options.concurrency) {
      const result = await payments(
        `${setup} ×${concurrency}`,
        server.url,
        provider,
        watcher,
        sessions,
        payables,
        concurrency,
        options.duration,
      );
      rows.push({
        setup,
        concurrency,
        settled: result.latencies.length,
        seconds: result.seconds,
        perSecond: result.latencies.length / result.seconds,
        p50: percentile(result.latencies, 50),
        p99: percentile(result.latencies, 99),
        checks: result.errors.length ? `${result.errors.length} errors: ${result.errors[0]}` : '',
      });
    }
    // Let the last notifications land before the books are checked.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const books = await checkBooks(database.db);
    for (const row of rows) row.checks = [row.checks, books].filter(Boolean).join('; ');
    return rows;
  } finally {
    watcher.stop();
    await server?.stop();
    await provider?.stop();
    await billers?.stop();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const withPostgres = (run: (databaseUrl: string) => Promise<void>) =>
  withPostgresDatabase('bench_payments', run);

function printTable(rows: Row[]): void {
  const header = ['setup', 'payers at once', 'settled', 'per second', 'p50 ms', 'p99 ms', 'checks'];
  const cells = rows.map((r) => [
    r.setup,
    String(r.concurrency),
    r.settled.toLocaleString('en-US'),
    r.perSecond.toFixed(1),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.checks,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  say(line(header));
  say(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const c of cells) say(line(c));
}

/** Settled payments per second (order → provider pays → signed callback → settlement + ledger). */
export const paymentsBench: Bench = {
  summary: 'settled payments per second end to end (order, provider, signed callback, ledger) with p50/p99',
  async run(options) {
    const duration = options.duration ?? 10;
    const concurrency = options.connections ? [options.connections] : [1, 8];
    const rows: Row[] = [];
    if (options.only !== 'postgres')
      rows.push(...(await runSetup('SQLite', undefined, { duration, concurrency })));
    if (options.only !== 'sqlite')
      await withPostgres(async (databaseUrl) => {
        rows.push(...(await runSetup('PostgreSQL', databaseUrl, { duration, concurrency })));
      });
    say('');
    printTable(rows);
  },
};
