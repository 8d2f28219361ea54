// `node --import tsx demo/billers/main.ts --port 4300` (or `npx tongban billers`): runs the demo
// utility companies as their own process. Prints one JSON line `{"listening":"http://127.0.0.1:PORT"}`
// on stdout once it accepts requests.
import { exitWithParent, runServerScript, serveUntilSignal } from '../server-script.ts';
import { startBillersServer } from './server.ts';

export const BILLERS_USAGE = [
  'Usage: tongban billers [--port 4300] [--host 127.0.0.1] [--state FILE] [--latency 0-0] [--error-rate 0]',
  '',
  'Runs the demo utility companies (上海城投水务（演示）, 国网上海市电力公司（演示）, 上海燃气（演示）)',
  'as one HTTP server: account checks, bills of the demo population, payment pushes and daily',
  'confirmations. Requests need header x-api-key: the value of TONGBAN_BILLERS_API_KEY, or the',
  'public demo-only key when it is not set.',
  '  --port        port to listen on (0 picks a free one; default 4300)',
  '  --state FILE  keep the confirmed payments in FILE (survives restarts)',
  '  --latency     MIN-MAX milliseconds each answer waits (default 0-0)',
  '  --error-rate  share of requests answered 503, 0..1 (default 0)',
  '  --parent-pid  exit when process PID is gone (used by `tongban serve`)',
  'While running, POST /v1/_control {latencyMinMs, latencyMaxMs, errorRate} changes the behaviour.',
].join('\n');

export class BillersUsageError extends Error {}

export const BILLERS_ARGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  state: { type: 'string' },
  latency: { type: 'string' },
  'error-rate': { type: 'string' },
  'parent-pid': { type: 'string' },
} as const;

/** Parses the options shared by this script and the `tongban billers` command. */
export function billersOptions(values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env) {
  const port = Number(values.port ?? 4300);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new BillersUsageError('--port must be 0..65535');
  const latency = /^(\d+)-(\d+)$/.exec(String(values.latency ?? '0-0'));
  if (!latency || Number(latency[1]) > Number(latency[2]))
    throw new BillersUsageError('--latency must be MIN-MAX in ms');
  const errorRate = Number(values['error-rate'] ?? 0);
  if (!(errorRate >= 0 && errorRate <= 1)) throw new BillersUsageError('--error-rate must be from 0 to 1');
  return {
    port,
    host: typeof values.host === 'string' ? values.host : '127.0.0.1',
    stateFile: typeof values.state === 'string' ? values.state : undefined,
    latencyMinMs: Number(latency[1]),
    latencyMaxMs: Number(latency[2]),
    errorRate,
    apiKey: env.TONGBAN_BILLERS_API_KEY || undefined,
  };
}

/** Starts the server and keeps the process alive until SIGINT/SIGTERM. */
export async function runBillers(values: Record<string, unknown>): Promise<void> {
  const server = await startBillersServer(billersOptions(values));
  exitWithParent(values['parent-pid']);
  serveUntilSignal(server);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runServerScript('billers', BILLERS_USAGE, BILLERS_ARGS, runBillers);
}
