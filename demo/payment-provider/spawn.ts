// Starts the demo payment provider as a child process (tests, the crash test, and `serve` in a
// demo city) and waits until it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_MERCHANT_ID, DEMO_MERCHANT_KEY, DEMO_MERCHANT_SECRET } from './demo-key.ts';
import type { ProviderBehaviour } from './provider.ts';

export interface ProviderControlAnswer {
  behaviour: ProviderBehaviour;
  stats: {
    requests: number;
    failed: number;
    undelivered: number;
    notifications: {
      attempts: number;
      delivered: number;
      failedAttempts: number;
      duplicatesSent: number;
      dropped: number;
    };
  };
}

export interface SpawnedPaymentProvider {
  url: string;
  merchantId: string;
  merchantKey: string;
  merchantSecret: string;
  process: ChildProcess;
  /** Changes the behaviour of the running provider; answers the behaviour and statistics. */
  control(behaviour?: Partial<ProviderBehaviour>): Promise<ProviderControlAnswer>;
  /** The payer confirms the order (as at the cashier); `outcome` forces paid or failed. */
  pay(merchantOrderNo: string, outcome?: 'paid' | 'failed'): Promise<{ state: string }>;
  /** Stops the process (SIGTERM; SIGKILL with `{kill: true}`) and waits for it to exit. */
  stop(options?: { kill?: boolean }): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Runs `node --import tsx MAIN ARGS` and resolves with its `{"listening": URL}` line. */
export async function spawnListening(
  name: string,
  main: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess; stop: (options?: { kill?: boolean }) => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${err}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"listening":"([^"]+)"\}/.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${err}`));
    });
  });
  const stop = (options: { kill?: boolean } = {}) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(options.kill ? 'SIGKILL' : 'SIGTERM');
    });
  return { url, child, stop };
}

export async function spawnPaymentProvider(
  options: {
    port?: number;
    stateFile?: string;
    /** Extra command-line options, e.g. `['--callback-delay', '0-200', '--duplicate-rate', '0.3']`. */
    args?: string[];
    merchantId?: string;
    merchantKey?: string;
    merchantSecret?: string;
  } = {},
): Promise<SpawnedPaymentProvider> {
  const merchantId = options.merchantId ?? DEMO_MERCHANT_ID;
  const merchantKey = options.merchantKey ?? DEMO_MERCHANT_KEY;
  const merchantSecret = options.merchantSecret ?? DEMO_MERCHANT_SECRET;
  const { url, child, stop } = await spawnListening(
    'payment provider',
    MAIN,
    [
      '--port',
      String(options.port ?? 0),
      ...(options.stateFile ? ['--state', options.stateFile] : []),
      ...(options.args ?? []),
    ],
    {
      TONGBAN_PAYMENT_MERCHANT_ID: merchantId,
      TONGBAN_PAYMENT_MERCHANT_KEY: merchantKey,
      TONGBAN_PAYMENT_MERCHANT_SECRET: merchantSecret,
    },
  );
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${merchantKey}`,
        'x-merchant-id': merchantId,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as unknown;
    if (!response.ok)
      throw new Error(`payment provider ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  return {
    url,
    merchantId,
    merchantKey,
    merchantSecret,
    process: child,
    control: (behaviour) => call('/v1/_control', behaviour ?? {}) as Promise<ProviderControlAnswer>,
    pay: (merchantOrderNo, outcome) =>
      call(
        `/v1/_control/orders/${encodeURIComponent(merchantOrderNo)}/pay`,
        outcome ? { outcome } : {},
      ) as Promise<{
        state: string;
      }>,
    stop,
  };
}
