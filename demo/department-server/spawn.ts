// Starts the demo department server as a child process (tests, the e2e journey, and `serve`
// when asked to) and waits until it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DepartmentBehaviour } from './server.ts';
import { DEMO_DEPARTMENT_API_KEY } from './server.ts';

export interface SpawnedDepartmentServer {
  url: string;
  apiKey: string;
  process: ChildProcess;
  /** Changes latency / error rate of the running server. */
  control(behaviour: Partial<DepartmentBehaviour>): Promise<void>;
  stats(): Promise<{ requests: number; served: number; failed: number }>;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export async function spawnDepartmentServer(
  options: { port?: number; latency?: string; errorRate?: number; apiKey?: string } = {},
): Promise<SpawnedDepartmentServer> {
  const apiKey = options.apiKey ?? DEMO_DEPARTMENT_API_KEY;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      MAIN,
      '--port',
      String(options.port ?? 0),
      '--latency',
      options.latency ?? '30-300',
      '--error-rate',
      String(options.errorRate ?? 0.02),
    ],
    { env: { ...process.env, TONGBAN_DEPARTMENT_API_KEY: apiKey }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`department server did not start: ${err}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"listening":"([^"]+)"\}/.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`department server exited with ${code}: ${err}`));
    });
  });
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    });
    return response.json() as Promise<unknown>;
  };
  return {
    url,
    apiKey,
    process: child,
    control: async (behaviour) => {
      await call('/v1/_control', { method: 'POST', body: JSON.stringify(behaviour) });
    },
    stats: () => call('/v1/_stats') as Promise<{ requests: number; served: number; failed: number }>,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
