import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDepartmentServer } from '../demo/department-server/server.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { startRuntime } from '../src/server/runtime.ts';
import { sharingGateway } from '../src/server/modules/sharing/gateway.ts';
import { prefillForm } from '../src/server/modules/sharing/prefill.ts';
import type { ServiceDefinition } from '../src/contracts/catalog.ts';
import type { Bench } from './index.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The sharing gateway on the embedded SQLite: rule check + register read + access record (one
 * durable audit append) per read, for an in-process register and for the demo department server
 * over HTTP (no added latency, then its realistic 30–300 ms); then prefilling a whole form.
 */
export const registerGatewayBench: Bench = {
  summary: 'sharing gateway reads per second (in-process and over HTTP) and form prefill latency, SQLite',
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
    const fast = await startDepartmentServer({ port: 0, latencyMinMs: 0, latencyMaxMs: 0, errorRate: 0 });
    const slow = await startDepartmentServer({ port: 0, latencyMinMs: 30, latencyMaxMs: 300, errorRate: 0 });
    const runtime = await startRuntime(
      loadConfig(
        {},
        {
          dataDir,
          databaseUrl: undefined,
          demo: true,
          logLevel: 'silent',
          jobsEnabled: false,
          departmentServerUrl: fast.url,
        },
      ),
      { startJobs: false },
    );
    try {
      const db = runtime.deps.database.db;
      const zhang = await db
        .selectFrom('people')
        .select('id')
        .where('name', '=', '张三')
        .executeTakeFirstOrThrow();
      const gateway = sharingGateway({ db, registers: runtime.deps.registers });
      const read = (register: 'housing_fund' | 'social_insurance') =>
        gateway.read({
          consumer: { kind: 'data_subject', personId: zhang.id },
          subject: { personId: zhang.id },
          register,
          fields:
            register === 'housing_fund' ? ['status', 'balanceFen', 'movements'] : ['status', 'contributions'],
          purpose: 'benchmark',
          actor: { userId: 'bench', name: '基准测试' },
        });
      const measure = async (label: string, count: number, run: () => Promise<unknown>, concurrency = 1) => {
        const times: number[] = [];
        const started = performance.now();
        let next = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < count) {
              next += 1;
              const t0 = performance.now();
              await run();
              times.push(performance.now() - t0);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        times.sort((a, b) => a - b);
        process.stdout.write(
          `${label}: ${count} in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)}/s; ` +
            `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms\n`,
        );
      };
      await measure('gateway read, housing fund (in-process)', 2000, () => read('housing_fund'));
      await measure('gateway read, social insurance (HTTP, no latency)', 2000, () =>
        read('social_insurance'),
      );
      await measure('  same, 16 concurrent', 2000, () => read('social_insurance'), 16);
      const slowRuntime = await startRuntime(
        loadConfig(
          {},
          {
            dataDir,
            databaseUrl: undefined,
            demo: true,
            logLevel: 'silent',
            jobsEnabled: false,
            departmentServerUrl: slow.url,
          },
        ),
        { startJobs: false },
      );
      try {
        const slowGateway = sharingGateway({
          db: slowRuntime.deps.database.db,
          registers: slowRuntime.deps.registers,
        });
        await measure(
          'gateway read, social insurance (HTTP, 30–300 ms latency), 16 concurrent',
          400,
          () =>
            slowGateway.read({
              consumer: { kind: 'data_subject', personId: zhang.id },
              subject: { personId: zhang.id },
              register: 'social_insurance',
              fields: ['status'],
              purpose: 'benchmark',
              actor: { userId: 'bench', name: '基准测试' },
            }),
          16,
        );
      } finally {
        await slowRuntime.close();
      }
      const entry = await runtime.deps.catalogue.publishedEntry('HRSS-0005');
      const definition = entry!.definition as ServiceDefinition;
      await measure('prefill HRSS-0005 (population, account, social insurance over HTTP)', 500, () =>
        prefillForm(runtime.deps, {
          serviceCode: 'HRSS-0005',
          form: definition.form,
          subject: { personId: zhang.id },
          actor: { userId: 'bench', name: '基准测试' },
        }),
      );
    } finally {
      await runtime.close();
      await fast.close();
      await slow.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
