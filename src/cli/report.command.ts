import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDepartmentServer } from '../../demo/department-server/server.ts';
import { DEMO_SERVICES } from '../../demo/catalog/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { startRuntime } from '../server/runtime.ts';
import { prefillReport } from '../server/modules/sharing/prefill-report.ts';
import { UsageError, type Command } from './command.ts';

const TARGET = 0.3;

export const reportCommand: Command = {
  summary: 'Print a report (report prefill: the share of form fields left to type after prefill)',
  usage: [
    'Usage: tongban report prefill [--json]',
    '',
    'Loads the demo city into a throwaway database, starts the demo department server, and opens',
    'every demo service form as a returning demo applicant: 张三 (demo-resident) for resident',
    'services, 上海虹通示范餐饮管理有限公司 acting through 赵敏 (demo-enterprise) for enterprise',
    'services. Prints, per service, the fields prefilled from the registers, the fields still to',
    'type (text, numbers, addresses) and to pick (choices, dates, ticks), then the totals, and',
    `lists the services where more than ${TARGET * 100}% of the fields are left to type.`,
    'Exits 0 when the catalogue-wide share to type is at most 30%, 1 otherwise.',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  async run({ positionals, values }) {
    if (positionals[0] !== 'prefill' || positionals.length !== 1) {
      throw new UsageError(
        positionals.length ? `unknown report "${positionals.join(' ')}"` : 'missing report: prefill',
      );
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-report-'));
    const department = await startDepartmentServer({
      port: 0,
      latencyMinMs: 0,
      latencyMaxMs: 0,
      errorRate: 0,
    });
    const runtime = await startRuntime(
      loadConfig(
        {},
        {
          dataDir,
          databaseUrl: undefined,
          demo: true,
          logLevel: 'silent',
          jobsEnabled: false,
          departmentServerUrl: department.url,
        },
      ),
      { startJobs: false },
    );
    try {
      const db = runtime.deps.database.db;
      const user = (username: string) =>
        db
          .selectFrom('users')
          .select(['id', 'personId', 'displayName'])
          .where('username', '=', username)
          .executeTakeFirstOrThrow();
      const resident = await user('demo-resident');
      const agent = await user('demo-enterprise');
      const enterprise = await db
        .selectFrom('enterprises')
        .select('id')
        .where('name', 'like', '上海虹通示范餐饮%')
        .executeTakeFirstOrThrow();
      const report = await prefillReport(runtime.deps, DEMO_SERVICES, {
        resident: {
          subject: { personId: resident.personId! },
          actor: { userId: resident.id, name: resident.displayName },
        },
        enterprise: {
          subject: { enterpriseId: enterprise.id },
          actor: { userId: agent.id, name: agent.displayName },
        },
      });
      const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
      if (values.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const lines = ['code        fields  prefilled  to type  to pick  typed share  service'];
        for (const row of report.services) {
          lines.push(
            `${row.code.padEnd(12)}${String(row.fields).padStart(6)}${String(row.prefilled).padStart(11)}${String(row.toType).padStart(9)}${String(row.toPick).padStart(9)}${pct(row.typeShare).padStart(13)}  ${row.nameZh}`,
          );
        }
        const t = report.totals;
        lines.push(
          '',
          `Total: ${t.fields} fields in ${report.services.length} services; ${t.prefilled} prefilled (${pct(t.prefilled / t.fields)}), ` +
            `${t.toType} to type (${pct(t.typeShare)}), ${t.toPick} to pick (${pct(t.toPick / t.fields)}).`,
          `Share left to type: ${pct(t.typeShare)} (target at most ${pct(TARGET)}); left to type or pick: ${pct(t.answerShare)}.`,
        );
        const above = report.services.filter((row) => row.typeShare > TARGET);
        lines.push('', `Services above ${pct(TARGET)} to type: ${above.length}`);
        for (const row of above)
          lines.push(`  ${row.code} ${row.nameZh}: ${pct(row.typeShare)} (${row.toType} of ${row.fields})`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      return report.totals.typeShare <= TARGET ? 0 : 1;
    } finally {
      await runtime.close();
      await department.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
