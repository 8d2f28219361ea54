import { startRuntime } from '../server/runtime.ts';
import { previousShanghaiDate, reconcileDay } from '../server/modules/payments/reconciliation/reconcile.ts';
import { UsageError, type Command } from './command.ts';

export const reconcileCommand: Command = {
  summary: 'Reconcile a day of payments with the provider statement and the billers (对账)',
  usage: [
    'Usage: tongban reconcile [--date YYYY-MM-DD] [--json]',
    '',
    "Compares the payment provider's statement (对账单) and the utility billers' confirmations of a",
    "day (Asia/Shanghai; default: yesterday) with this city's orders, refunds and biller pushes.",
    'Orders the provider says are paid but are still open here are settled; every other difference',
    'is listed as a mismatch for an operator (web: /admin/reconciliation). The same run the daily',
    'job makes at TONGBAN_RECONCILIATION_HOUR. Exit 0 with no open mismatch, 3 with some, 1 on failure.',
    '  --date  the day to reconcile, YYYY-MM-DD',
    '  --json  print the run as JSON',
  ].join('\n'),
  options: { date: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals, loadConfig }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const date = typeof values.date === 'string' ? values.date : previousShanghaiDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
    const config = loadConfig();
    const runtime = await startRuntime({ ...config, logLevel: 'warn' }, { startJobs: false });
    try {
      const run = await reconcileDay(runtime.deps, date, { by: 'cli' });
      const open = await runtime.deps.database.db
        .selectFrom('reconciliationMismatches')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('businessDate', '=', date)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      const openCount = Number(open.count);
      if (values.json) process.stdout.write(`${JSON.stringify({ ...run, openMismatches: openCount })}\n`);
      else
        process.stdout.write(
          [
            `Reconciliation of ${date} (${run.providerId}): ${run.statementLines} statement lines, ${run.confirmations} biller confirmations`,
            `Mismatches found: ${run.mismatchesFound} (repaired by this run: ${run.repaired}); open for ${date}: ${openCount}`,
          ].join('\n') + '\n',
        );
      return openCount > 0 ? 3 : 0;
    } finally {
      await runtime.close();
    }
  },
};
