// Starts the real Tongban server (`node bin/tongban.mjs serve`) on a free port with
// a fresh data directory, for browser journeys and screenshots.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB_SOURCE = join(REPO_ROOT, 'src/web');
const WEB_INDEX = join(REPO_ROOT, 'dist/web/index.html');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    const modified = entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, modified);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources. */
export function buildWebIfNeeded(): void {
  const isFresh =
    existsSync(WEB_INDEX) &&
    statSync(WEB_INDEX).mtimeMs >= newestModification(WEB_SOURCE) &&
    statSync(WEB_INDEX).mtimeMs >= statSync(join(REPO_ROOT, 'vite.config.ts')).mtimeMs;
  if (isFresh) return;
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`);
    return response.status === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the server and resolves once `GET /readyz` answers 200. The demo city is
 * loaded on first start, which is what the journeys sign in with.
 */
export async function startServer(options: { readyTimeoutMs?: number; env?: Record<string, string> } = {}) {
  buildWebIfNeeded();
  // A journey that must know the address before the start (e.g. for TONGBAN_PUBLIC_URL) passes PORT.
  const port = options.env?.PORT ? Number(options.env.PORT) : await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];

  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/tongban.mjs'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      TONGBAN_DATA_DIR: dataDir,
      TONGBAN_LOG_LEVEL: 'warn',
      // Journeys that pay start their own demo provider and billers and pass their URLs.
      TONGBAN_DEMO_PAYMENT_SERVERS: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 110_000);
  while (!(await isReady(baseUrl))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `tongban serve exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('')}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`tongban serve was not ready at ${baseUrl}/readyz in time:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { baseUrl, dataDir, stop } satisfies RunningServer;
}
