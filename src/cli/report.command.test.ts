// `tongban report prefill` and `tongban department-server` from the command line.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/tongban.mjs');

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, TONGBAN_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('tongban report and department-server', () => {
  it('reports the share of fields left to type per demo service, within the 30% target', () => {
    const result = run(['report', 'prefill', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      services: { code: string; fields: number; prefilled: number; toType: number; unavailable: number }[];
      totals: { fields: number; typeShare: number };
    };
    expect(report.services.length).toBeGreaterThan(150);
    expect(report.totals.typeShare).toBeLessThanOrEqual(0.3);
    // The department server the report starts answers: nothing is left unavailable.
    expect(report.services.every((s) => s.unavailable === 0)).toBe(true);
    const hrss = report.services.find((s) => s.code === 'HRSS-0005')!; // bank account and base from 社保
    expect(hrss.prefilled).toBeGreaterThanOrEqual(4);
    const text = run(['report', 'prefill']);
    expect(text.stdout).toMatch(/Share left to type: \d+\.\d% \(target at most 30\.0%\)/);
    expect(text.stdout).toMatch(/Services above 30\.0% to type: \d+/);
  }, 180_000);

  it('explains itself and refuses wrong use with exit 2', () => {
    expect(run(['report', '--help']).stdout).toMatch(/Usage: tongban report prefill/);
    const wrong = run(['report', 'everything']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/unknown report "everything"/);
    expect(run(['department-server', '--help']).stdout).toMatch(/Usage: tongban department-server/);
    expect(run(['department-server', '--error-rate', '2']).status).toBe(2);
  });

  it('runs the department server as its own process', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'department-server', '--port', '0', '--latency', '0-0', '--error-rate', '0'],
      {
        env: { ...process.env, TONGBAN_DEPARTMENT_API_KEY: 'test-key' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /"listening":"([^"]+)"/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect((await fetch(`${url}/v1/health`)).status).toBe(401);
      const ok = await fetch(`${url}/v1/health`, { headers: { 'x-api-key': 'test-key' } });
      expect(await ok.json()).toEqual({ ok: true });
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
