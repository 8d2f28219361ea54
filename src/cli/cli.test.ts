import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/tongban.mjs');
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cli-'));
  tempDirs.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, TONGBAN_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('tongban command line', () => {
  it('lists its commands with --help and exits 0', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'audit', 'import', 'export', 'bench'])
      expect(result.stdout).toContain(command);
  });

  it('exits 2 with a clear message on wrong use', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badFlag = run(['migrate', '--bogus']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toMatch(/Usage: tongban migrate/);
    const seedWithoutWhat = run(['seed']);
    expect(seedWithoutWhat.status).toBe(2);
    expect(seedWithoutWhat.stderr).toMatch(/--demo/);
    const badConfig = run(['migrate'], { PORT: 'eighty' });
    expect(badConfig.status).toBe(2);
    expect(badConfig.stderr).toMatch(/PORT must be a whole number/);
  });

  it('every command explains itself with --help', () => {
    for (const command of ['serve', 'migrate', 'seed', 'audit', 'import', 'export', 'bench']) {
      const result = run([command, '--help']);
      expect(result.status, command).toBe(0);
      expect(result.stdout, command).toMatch(new RegExp(`Usage: tongban ${command}`));
    }
  }, 120_000); // seven cold starts of the CLI (tsx loads the app's modules each time)

  it('migrates, seeds idempotently and prints the demo password', () => {
    const dataDir = tempDir();
    const migrate = run(['migrate'], { TONGBAN_DATA_DIR: dataDir });
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toMatch(/Applied: .*create-identity/);
    expect(run(['migrate'], { TONGBAN_DATA_DIR: dataDir }).stdout).toMatch(/Already up to date/);
    const seed = run(['seed', '--demo'], { TONGBAN_DATA_DIR: dataDir });
    expect(seed.status).toBe(0);
    expect(seed.stdout).toMatch(/Demo city loaded/);
    expect(seed.stdout).toContain('Demo#2026');
    const again = run(['seed', '--demo'], { TONGBAN_DATA_DIR: dataDir });
    expect(again.stdout).toMatch(/already present/);
    expect(run(['audit', 'verify'], { TONGBAN_DATA_DIR: dataDir }).status).toBe(0);
  });

  it('serves, finishes an in-flight request on SIGTERM and exits 0', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, TONGBAN_DATA_DIR: dataDir, PORT: String(port), TONGBAN_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        if (ready?.ok) break;
        if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The request is in flight when the signal arrives: its headers and half its body are
      // sent, the rest follows after SIGTERM. The server must finish it, then exit.
      const body = JSON.stringify({ username: 'demo-resident', password: 'Demo#2026' });
      const half = Math.floor(body.length / 2);
      const response = await new Promise<{ status: number }>((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/auth/login',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
          },
        );
        request.on('error', reject);
        request.write(body.slice(0, half));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => request.end(body.slice(half)), 300);
        }, 300);
      });
      expect(response.status).toBe(200);
      expect(await exited).toBe(0);
      expect(output).toMatch(/shutting down/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
