// The crash test of payments (issue 5, "Tested"): `tongban serve` runs as a real child process on
// SQLite, talking to the demo payment provider (with --state, and duplicated, delayed, reordered
// notifications) and the demo billers, each in its own process. A run of payments is driven over
// HTTP; the server is SIGKILLed at random points — in the middle of opening an order, right after
// the payer paid while the notification is on its way — and restarted. Then the sweep and the
// reconciliation run (20 minutes later, on the server's own database), and every payment must
// be settled exactly once: none lost, none doubled, every order in a final state, the ledger
// balanced, the provider's books and ours agreeing.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnBillers, type SpawnedBillers } from '../../demo/billers/spawn.ts';
import { spawnPaymentProvider, type SpawnedPaymentProvider } from '../../demo/payment-provider/spawn.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { startRuntime } from '../../src/server/runtime.ts';
import { ledgerBalance, ledgerIsBalanced } from '../../src/server/modules/payments/ledger.ts';
import { sweepPayments } from '../../src/server/modules/payments/payments.jobs.ts';
import { reconcileDay } from '../../src/server/modules/payments/reconciliation/reconcile.ts';
import { shanghaiDateOf } from '../../src/server/modules/payments/reconciliation/compare.ts';
import { freePort } from '../support/payment-servers.ts';

const BIN = path.resolve('bin/tongban.mjs');
const PAYMENTS = 12;
/** A fixed seed, so that a failure can be replayed; change it to explore other interleavings. */
let seed = Number(process.env.CRASH_SEED ?? 20261125);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('payments survive SIGKILL of the server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-crash-'));
  let provider: SpawnedPaymentProvider;
  let billers: SpawnedBillers;
  let server: ChildProcess | undefined;
  let port = 0;
  let env: NodeJS.ProcessEnv = {};
  const kills = { total: 0 };

  const base = () => `http://127.0.0.1:${port}`;
  async function startServer(): Promise<void> {
    server = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    server.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    const until = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`serve exited: ${err}`);
      try {
        const ready = await fetch(`${base()}/readyz`);
        if (ready.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`serve did not become ready: ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  async function kill(): Promise<void> {
    const child = server!;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  afterAll(async () => {
    if (server) await kill();
    await provider?.stop();
    await billers?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'settles every payment exactly once, with a balanced ledger and agreeing books',
    { timeout: 240_000 },
    async () => {
      const started = Date.now();
      provider = await spawnPaymentProvider({
        stateFile: path.join(dir, 'provider.json'),
        args: ['--callback-delay', '0-150', '--duplicate-rate', '0.3', '--reorder', '--retry-base', '200'],
      });
      billers = await spawnBillers({ stateFile: path.join(dir, 'billers.json') });
      port = await freePort();
      env = {
        ...process.env,
        PORT: String(port),
        TONGBAN_HOST: '127.0.0.1',
        TONGBAN_DATA_DIR: dir,
        TONGBAN_DEMO: 'on',
        TONGBAN_DEMO_PAYMENT_SERVERS: 'off',
        TONGBAN_PAYMENT_PROVIDER_URL: provider.url,
        TONGBAN_BILLERS_URL: billers.url,
        TONGBAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
        TONGBAN_LOG_LEVEL: 'error',
        TONGBAN_JOBS: 'on',
      };
      await startServer();

      // Twelve fees of 张三 (what the apply flow would create), written into the server's database.
      const sqlite = new Database(path.join(dir, 'tongban.sqlite'));
      sqlite.pragma('busy_timeout = 5000');
      const person = sqlite.prepare("select person_id from users where username = 'demo-resident'").get() as {
        person_id: string;
      };
      const office = sqlite.prepare("select id, code from offices where code = 'samr-310109'").get() as {
        id: string;
        code: string;
      };
      const payables: { id: string; amountFen: number }[] = [];
      const insert = sqlite.prepare(
        `insert into payables (id, kind, external_ref, payer_person_id, payer_enterprise_id, title_zh, title_en,
        amount_fen, beneficiary_code, beneficiary_name_zh, beneficiary_name_en, beneficiary_office_id,
        utility_kind, account_number, bill_month, application_id, due_date, status, in_flight_order_id,
        paid_order_id, paid_at, refunded_fen, created_at, updated_at)
       values (?, 'service_fee', ?, ?, null, '工本费（崩溃测试）', 'Fee (crash test)', ?, ?, '虹口区市场监管局',
        'Hongkou market regulation', ?, null, null, null, null, null, 'unpaid', null, null, null, 0, ?, ?)`,
      );
      for (let i = 0; i < PAYMENTS; i += 1) {
        const id = uuidv7();
        const amountFen = 1000 + i * 137;
        const now = new Date().toISOString();
        insert.run(
          id,
          `crash-${id}`,
          person.person_id,
          amountFen,
          `office:${office.code}`,
          office.id,
          now,
          now,
        );
        payables.push({ id, amountFen });
      }
      sqlite.close();

      const login = await fetch(`${base()}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-resident', password: 'Demo#2026' }),
      });
      const cookie = login.headers
        .getSetCookie()
        .find((c) => c.startsWith('tb_session='))!
        .split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };

      const openOrder = (payableId: string, key: string) =>
        fetch(`${base()}/api/v1/payments/orders`, {
          method: 'POST',
          headers: {
            cookie,
            'x-csrf-token': csrfToken,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify({ payableIds: [payableId] }),
        });

      // The run: three payers' worth of payments in flight at once, while the server is killed twice
      // at random moments and restarted. Each payment retries with its own Idempotency-Key until the
      // server answers, then the payer pays at the provider (unless the provider never got the order).
      let ready: Promise<void> = Promise.resolve();
      const drive = async (index: number) => {
        const payable = payables[index]!;
        const key = `crash-${index}-${payable.id}`;
        for (;;) {
          await ready;
          try {
            const response = await openOrder(payable.id, key);
            const body = (await response.json()) as { order?: { merchantOrderNo: string; state: string } };
            if (!body.order) throw new Error(`order refused: ${JSON.stringify(body)}`);
            if (!['paid', 'closed', 'failed'].includes(body.order.state))
              await provider.pay(body.order.merchantOrderNo).catch(() => undefined);
            return;
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('order refused')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      };
      const killer = (async () => {
        for (let k = 0; k < 2; k += 1) {
          await new Promise((resolve) => setTimeout(resolve, 150 + random() * 900));
          await kill();
          kills.total += 1;
          ready = startServer();
          await ready;
        }
      })();
      let next = 0;
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          while (next < PAYMENTS) await drive((next += 1) - 1);
        }),
      );
      await killer;
      // The provider retries its notifications until the restarted server answers them.
      const until = Date.now() + 15_000;
      while ((await provider.control()).stats.undelivered > 0 && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 200));
      const drivenMs = Date.now() - started;
      await new Promise<void>((resolve) => {
        server!.once('exit', () => resolve());
        server!.kill('SIGTERM');
      });

      // Twenty minutes later: the sweep closes what never reached the provider, and the day is
      // reconciled — on the same database, with the same provider and billers.
      const config = loadConfig(env, { logLevel: 'silent', jobsEnabled: false });
      const runtime = await startRuntime(config, { startJobs: false });
      try {
        const later = { now: () => new Date(Date.now() + 20 * 60_000) };
        runtime.deps.clock = later;
        await sweepPayments(runtime.deps);
        await runtime.deps.jobs.drain();
        const today = shanghaiDateOf(new Date().toISOString());
        await reconcileDay(runtime.deps, today, { by: 'cli' });
        const db = runtime.deps.database.db;

        const providerBooks = JSON.parse(fs.readFileSync(path.join(dir, 'provider.json'), 'utf8')) as {
          orders: { merchantOrderNo: string; state: string; amountFen: number }[];
        };
        const paidAtProvider = providerBooks.orders.filter((o) => o.state === 'paid');
        const ours = await db.selectFrom('paymentOrders').selectAll().execute();
        const ourPaid = ours.filter((o) => o.state === 'paid');

        // None lost: every payment the provider took is paid here; none invented.
        expect(ourPaid.map((o) => o.merchantOrderNo).sort()).toEqual(
          paidAtProvider.map((o) => o.merchantOrderNo).sort(),
        );
        // Every order in a final state.
        expect(ours.filter((o) => !['paid', 'closed', 'failed'].includes(o.state))).toEqual([]);
        // None doubled: one ledger payment per paid order, one paid order per fee, at most.
        const postings = await db
          .selectFrom('ledgerTransactions')
          .select(['reference'])
          .where('kind', '=', 'payment')
          .execute();
        expect(postings.map((p) => p.reference).sort()).toEqual(ourPaid.map((o) => o.id).sort());
        const items = await db
          .selectFrom('paymentOrderItems as i')
          .innerJoin('paymentOrders as o', 'o.id', 'i.orderId')
          .select(['i.payableId'])
          .where('o.state', '=', 'paid')
          .execute();
        expect(new Set(items.map((i) => i.payableId)).size).toBe(items.length);
        const fees = await db
          .selectFrom('payables')
          .select(['id', 'status', 'paidOrderId', 'inFlightOrderId'])
          .where(
            'id',
            'in',
            payables.map((p) => p.id),
          )
          .execute();
        for (const fee of fees) {
          expect(fee.inFlightOrderId).toBeNull();
          expect(fee.status === 'paid').toBe(ourPaid.some((o) => o.id === fee.paidOrderId));
        }
        // The money: what the provider holds for us is what it took, less its fees; all balanced.
        const clearing = await ledgerBalance(db, `provider_clearing:${runtime.deps.paymentProvider.id}`);
        expect(clearing.debitFen).toBe(paidAtProvider.reduce((sum, o) => sum + o.amountFen, 0));
        expect(await ledgerIsBalanced(db)).toBe(true);
        // The reconciliation finds the books agreeing.
        const open = await db
          .selectFrom('reconciliationMismatches')
          .select(['kind', 'merchantOrderNo'])
          .where('businessDate', '=', today)
          .where('status', '=', 'open')
          .execute();
        expect(open).toEqual([]);
        expect(paidAtProvider.length).toBeGreaterThan(PAYMENTS / 2);
        console.info(
          `crash test: ${PAYMENTS} fees, ${paidAtProvider.length} paid, ${ours.length} orders, ${kills.total} kills, driven in ${drivenMs} ms`,
        );
      } finally {
        await runtime.close();
      }
    },
  );
});
