// `tongban payment-provider`, `tongban billers` and `tongban reconcile` from the command line:
// help, wrong use, and the two demo servers each running as its own process.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/tongban.mjs');

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, TONGBAN_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });

async function listening(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"listening":"([^"]+)"\}/.exec(out);
      if (line) resolve(line[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

describe('tongban payment-provider, billers and reconcile', () => {
  it('explain themselves and refuse wrong use with exit 2', { timeout: 120_000 }, () => {
    expect(run(['payment-provider', '--help']).stdout).toMatch(/Usage: tongban payment-provider/);
    expect(run(['billers', '--help']).stdout).toMatch(/Usage: tongban billers/);
    const wrong = run(['payment-provider', '--drop-rate', '2']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--drop-rate must be from 0 to 1/);
    expect(run(['billers', '--latency', 'slow']).status).toBe(2);
    expect(run(['reconcile', '--help']).stdout).toMatch(/Usage: tongban reconcile/);
    const badDate = run(['reconcile', '--date', '25.11.2026']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--date must be YYYY-MM-DD/);
  });

  it('run as their own processes with the keys from the environment', { timeout: 120_000 }, async () => {
    const provider = await listening(['payment-provider', '--port', '0'], {
      TONGBAN_PAYMENT_MERCHANT_ID: 'm-test',
      TONGBAN_PAYMENT_MERCHANT_KEY: 'k-test',
    });
    const billers = await listening(['billers', '--port', '0'], { TONGBAN_BILLERS_API_KEY: 'b-test' });
    try {
      const order = await fetch(`${provider.url}/v1/orders/X`, {
        headers: { authorization: 'Bearer k-test', 'x-merchant-id': 'm-test' },
      });
      expect(order.status).toBe(404);
      const refused = await fetch(`${provider.url}/v1/orders/X`, {
        headers: { authorization: 'Bearer demo-only-merchant-key', 'x-merchant-id': 'm-test' },
      });
      expect(refused.status).toBe(401);
      const check = await fetch(`${billers.url}/v1/water/accounts/1/bills`, {
        headers: { 'x-api-key': 'b-test' },
      });
      expect(check.status).toBe(404);
    } finally {
      provider.stop();
      billers.stop();
    }
  });
});
