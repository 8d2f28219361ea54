// `node --import tsx demo/department-server/main.ts --port 4100` (or `npx tongban department-server`):
// runs the demo department server as its own process. Prints one JSON line
// `{"listening":"http://127.0.0.1:PORT"}` on stdout once it accepts requests.
import { runServerScript, serveUntilSignal } from '../server-script.ts';
import { startDepartmentServer } from './server.ts';

export const DEPARTMENT_SERVER_USAGE = [
  'Usage: tongban department-server [--port 4100] [--host 127.0.0.1] [--latency 30-300] [--error-rate 0.02]',
  '',
  "Runs the demo department system (人社局's social insurance records of the invented demo",
  'population) as its own HTTP server. Requests need header x-api-key: the value of',
  'TONGBAN_DEPARTMENT_API_KEY, or the public demo-only key when it is not set.',
  '  --port        port to listen on (0 picks a free one; default 4100)',
  '  --latency     MIN-MAX milliseconds each answer waits (default 30-300)',
  '  --error-rate  share of requests answered 503, 0..1 (default 0.02)',
].join('\n');

export class DepartmentUsageError extends Error {}

/** Parses the options shared by this script and the `tongban department-server` command. */
export function departmentServerOptions(values: Record<string, unknown>) {
  const port = Number(values.port ?? 4100);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DepartmentUsageError('--port must be 0..65535');
  const latency = /^(\d+)-(\d+)$/.exec(String(values.latency ?? '30-300'));
  if (!latency || Number(latency[1]) > Number(latency[2]))
    throw new DepartmentUsageError('--latency must be MIN-MAX in ms');
  const errorRate = Number(values['error-rate'] ?? 0.02);
  if (!(errorRate >= 0 && errorRate <= 1)) throw new DepartmentUsageError('--error-rate must be from 0 to 1');
  return {
    port,
    host: typeof values.host === 'string' ? values.host : '127.0.0.1',
    latencyMinMs: Number(latency[1]),
    latencyMaxMs: Number(latency[2]),
    errorRate,
    apiKey: process.env.TONGBAN_DEPARTMENT_API_KEY || undefined,
  };
}

export const DEPARTMENT_SERVER_ARGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  latency: { type: 'string' },
  'error-rate': { type: 'string' },
} as const;

/** Starts the server and keeps the process alive until SIGINT/SIGTERM. */
export async function runDepartmentServer(values: Record<string, unknown>): Promise<void> {
  const server = await startDepartmentServer(departmentServerOptions(values));
  serveUntilSignal(server);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runServerScript(
    'department-server',
    DEPARTMENT_SERVER_USAGE,
    DEPARTMENT_SERVER_ARGS,
    runDepartmentServer,
  );
}
