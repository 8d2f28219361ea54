// The daily reconciliation as a durable job: every day at TONGBAN_RECONCILIATION_HOUR (Asia/
// Shanghai) the day before is reconciled. A run that cannot reach the provider or a biller fails
// and the job runner retries it with backoff; the next day's run is queued either way.
import type { AppDeps } from '../../../platform/deps.ts';
import type { JobRunner } from '../../../platform/jobs/job-runner.ts';
import { previousShanghaiDate, reconcileDay } from './reconcile.ts';

export const RECONCILIATION_QUEUE = 'payments.reconciliation';

/** The first `hour`:00 in Asia/Shanghai strictly after `after`. */
export function nextReconciliationAt(after: Date, hour: number): Date {
  const shanghai = new Date(after.getTime() + 8 * 3_600_000);
  let at =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), hour) - 8 * 3_600_000;
  if (at <= after.getTime()) at += 86_400_000;
  return new Date(at);
}

/** Queues the next daily run (one per slot, however many processes ask). */
export function scheduleReconciliation(jobs: JobRunner, hour: number, after = new Date()): Promise<string> {
  const runAt = nextReconciliationAt(after, hour);
  return jobs.enqueue(
    RECONCILIATION_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${RECONCILIATION_QUEUE}:${runAt.toISOString()}`, maxAttempts: 8 },
  );
}

/** Registers the daily reconciliation handler (called from job-handlers.ts). */
export function registerReconciliationJobs(deps: AppDeps): void {
  deps.jobs.register(RECONCILIATION_QUEUE, async (payload) => {
    const { runAt, date } = (payload ?? {}) as { runAt?: string; date?: string };
    const slot = runAt ? new Date(runAt) : deps.clock.now();
    try {
      await reconcileDay(deps, date ?? previousShanghaiDate(slot), { by: 'job' });
    } finally {
      if (runAt)
        await scheduleReconciliation(
          deps.jobs,
          deps.config.reconciliationHour,
          new Date(Math.max(Date.now(), slot.getTime())),
        );
    }
  });
}
