// `node --import tsx demo/payment-provider/main.ts --port 4200` (or `npx tongban payment-provider`):
// runs the demo payment provider as its own process. Prints one JSON line
// `{"listening":"http://127.0.0.1:PORT"}` on stdout once it accepts requests.
import { exitWithParent, runServerScript, serveUntilSignal } from '../server-script.ts';
import { startPaymentProviderServer } from './server.ts';

/** For `tongban payment-provider` and `tongban billers`. */
export { exitWithParent };

export const PAYMENT_PROVIDER_USAGE = [
  'Usage: tongban payment-provider [--port 4200] [--host 127.0.0.1] [--state FILE] [behaviour options]',
  '',
  'Runs the demo payment provider (演示支付: merchant API, cashier page 收银台, signed',
  'notifications, refunds, daily statement 对账单) as its own HTTP server. No money moves.',
  'The merchant API needs `authorization: Bearer KEY` and `x-merchant-id: ID`: the values of',
  'TONGBAN_PAYMENT_MERCHANT_KEY and TONGBAN_PAYMENT_MERCHANT_ID, or the public demo-only ones when',
  'unset. Notifications are signed with TONGBAN_PAYMENT_MERCHANT_SECRET (HMAC-SHA256 over',
  '"timestamp.body"), or the demo-only secret.',
  '  --port             port to listen on (0 picks a free one; default 4200)',
  '  --state FILE       keep orders, refunds and undelivered notifications in FILE (survives restarts)',
  '  --fee-rate R       fee on each payment as a share, 0..0.1 (default 0.006)',
  '  --latency MIN-MAX  milliseconds each merchant API answer waits (default 0-0)',
  '  --error-rate R     share of merchant API requests answered 503, 0..1 (default 0)',
  '  --callback-delay MIN-MAX  milliseconds before a notification is first sent (default 0-0)',
  '  --duplicate-rate R share of notifications sent twice, 0..1 (default 0)',
  '  --drop-rate R      share of notifications never sent, 0..1 (default 0)',
  '  --reorder          send notifications in batches, in reverse order',
  '  --fail-next N      the next N payments fail at the cashier (default 0)',
  '  --refund-delay MS  a refund completes after MS milliseconds (default 500)',
  '  --retry-base MS    first retry of an unanswered notification after MS, doubling (default 1000)',
  '  --parent-pid PID   exit when process PID is gone (used by `tongban serve`)',
  'While running, POST /v1/_control with any of latencyMinMs, latencyMaxMs, errorRate,',
  'callbackDelayMinMs, callbackDelayMaxMs, duplicateRate, dropRate, reorder, failNextPayments,',
  'refundDelayMs, retryBaseMs, retryMaxMs changes the behaviour.',
].join('\n');

export class PaymentProviderUsageError extends Error {}

export const PAYMENT_PROVIDER_ARGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  state: { type: 'string' },
  'fee-rate': { type: 'string' },
  latency: { type: 'string' },
  'error-rate': { type: 'string' },
  'callback-delay': { type: 'string' },
  'duplicate-rate': { type: 'string' },
  'drop-rate': { type: 'string' },
  reorder: { type: 'boolean' },
  'fail-next': { type: 'string' },
  'refund-delay': { type: 'string' },
  'retry-base': { type: 'string' },
  'parent-pid': { type: 'string' },
} as const;

function range(values: Record<string, unknown>, name: string): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(String(values[name] ?? '0-0'));
  if (!match || Number(match[1]) > Number(match[2]))
    throw new PaymentProviderUsageError(`--${name} must be MIN-MAX in ms`);
  return [Number(match[1]), Number(match[2])];
}

function share(values: Record<string, unknown>, name: string, fallback: number, max = 1): number {
  const value = Number(values[name] ?? fallback);
  if (!(value >= 0 && value <= max))
    throw new PaymentProviderUsageError(`--${name} must be from 0 to ${max}`);
  return value;
}

function whole(values: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const value = Number(values[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new PaymentProviderUsageError(`--${name} must be a whole number from 0 to ${max}`);
  return value;
}

/** Parses the options shared by this script and the `tongban payment-provider` command. */
export function paymentProviderOptions(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
) {
  const [latencyMinMs, latencyMaxMs] = range(values, 'latency');
  const [callbackDelayMinMs, callbackDelayMaxMs] = range(values, 'callback-delay');
  return {
    port: whole(values, 'port', 4200, 65535),
    host: typeof values.host === 'string' ? values.host : '127.0.0.1',
    stateFile: typeof values.state === 'string' ? values.state : undefined,
    feeRate: share(values, 'fee-rate', 0.006, 0.1),
    latencyMinMs,
    latencyMaxMs,
    errorRate: share(values, 'error-rate', 0),
    callbackDelayMinMs,
    callbackDelayMaxMs,
    duplicateRate: share(values, 'duplicate-rate', 0),
    dropRate: share(values, 'drop-rate', 0),
    reorder: values.reorder === true,
    failNextPayments: whole(values, 'fail-next', 0, 1_000_000),
    refundDelayMs: whole(values, 'refund-delay', 500, 3_600_000),
    retryBaseMs: whole(values, 'retry-base', 1000, 3_600_000),
    merchantId: env.TONGBAN_PAYMENT_MERCHANT_ID || undefined,
    merchantKey: env.TONGBAN_PAYMENT_MERCHANT_KEY || undefined,
    merchantSecret: env.TONGBAN_PAYMENT_MERCHANT_SECRET || undefined,
  };
}

/** Starts the server and keeps the process alive until SIGINT/SIGTERM. */
export async function runPaymentProvider(values: Record<string, unknown>): Promise<void> {
  const server = await startPaymentProviderServer(paymentProviderOptions(values));
  exitWithParent(values['parent-pid']);
  serveUntilSignal(server);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runServerScript(
    'payment-provider',
    PAYMENT_PROVIDER_USAGE,
    PAYMENT_PROVIDER_ARGS,
    runPaymentProvider,
  );
}
