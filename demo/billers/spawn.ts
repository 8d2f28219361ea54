// Starts the demo billers as a child process (tests, the crash test, and `serve` in a demo city)
// and waits until they listen.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnListening } from '../payment-provider/spawn.ts';
import { DEMO_BILLERS_API_KEY } from './demo-key.ts';
import type { BillersBehaviour } from './server.ts';

export interface SpawnedBillers {
  url: string;
  apiKey: string;
  process: ChildProcess;
  /** Changes latency / error rate of the running billers; answers behaviour and statistics. */
  control(behaviour?: Partial<BillersBehaviour>): Promise<{
    behaviour: BillersBehaviour;
    stats: { requests: number; failed: number; payments: number };
  }>;
  /** Stops the process (SIGTERM; SIGKILL with `{kill: true}`) and waits for it to exit. */
  stop(options?: { kill?: boolean }): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export async function spawnBillers(
  options: {
    port?: number;
    stateFile?: string;
    latency?: string;
    errorRate?: number;
    apiKey?: string;
    /** Extra command-line options. */
    args?: string[];
  } = {},
): Promise<SpawnedBillers> {
  const apiKey = options.apiKey ?? DEMO_BILLERS_API_KEY;
  const { url, child, stop } = await spawnListening(
    'billers',
    MAIN,
    [
      '--port',
      String(options.port ?? 0),
      '--latency',
      options.latency ?? '0-0',
      '--error-rate',
      String(options.errorRate ?? 0),
      ...(options.stateFile ? ['--state', options.stateFile] : []),
      ...(options.args ?? []),
    ],
    { TONGBAN_BILLERS_API_KEY: apiKey },
  );
  return {
    url,
    apiKey,
    process: child,
    control: async (behaviour) => {
      const response = await fetch(`${url}/v1/_control`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(behaviour ?? {}),
      });
      return (await response.json()) as Awaited<ReturnType<SpawnedBillers['control']>>;
    },
    stop,
  };
}
