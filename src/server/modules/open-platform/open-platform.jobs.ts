// The hourly purge of the provider's expired rows (codes, tokens, sessions, interactions): the
// provider never reads them again (the adapter honours expiry), this keeps the table small. A
// durable job that schedules its own next run; the dedupe key names the hour, so however many
// processes start there is one run per hour.
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { purgeExpiredOidcPayloads } from './oidc-adapter.ts';

export const OIDC_PURGE_QUEUE = 'open_platform.oidc_purge';
const HOUR_MS = 60 * 60 * 1000;

/** Registers the purge handler on the job runner (called from job-handlers.ts). */
export function registerOpenPlatformJobs(deps: AppDeps): void {
  deps.jobs.register(OIDC_PURGE_QUEUE, async (payload, context) => {
    await purgeExpiredOidcPayloads(context.db);
    const slot = Date.parse((payload as { runAt?: string } | null)?.runAt ?? '');
    await scheduleOidcPurge(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
  });
}

/** Queues the run at the start of the hour after `after` (once per hour, whoever asks). */
export function scheduleOidcPurge(jobs: JobRunner, after = new Date()): Promise<string> {
  const runAt = new Date(Math.floor(after.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  return jobs.enqueue(
    OIDC_PURGE_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${OIDC_PURGE_QUEUE}:${runAt.toISOString()}` },
  );
}
