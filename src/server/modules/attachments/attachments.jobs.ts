// The hourly clean-up of uploads never used in an application: a durable job that schedules its
// own next run. Each run's dedupe key names its hour, so however many processes start (each
// schedules the next hour) or re-run a job, there is one run per hour.
import { appendAudit } from '../../platform/audit/audit.ts';
import { dialectOf, type Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { deleteAttachmentRows, listExpiredUnboundIds } from './attachments.repository.ts';

export const ATTACHMENT_CLEANUP_QUEUE = 'attachments.cleanup';
/** How long an upload may wait to be used in an application. */
export const UNBOUND_TTL_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const BATCH = 500;

/** Registers the clean-up handler on the job runner (called from job-handlers.ts). */
export function registerAttachmentsJobs(deps: AppDeps): void {
  deps.jobs.register(ATTACHMENT_CLEANUP_QUEUE, async (payload, context) => {
    await deleteExpiredUnboundAttachments(context.db);
    // The next hour after this run's own hour, even if this run was late or early.
    const slot = Date.parse((payload as { runAt?: string } | null)?.runAt ?? '');
    await scheduleAttachmentCleanup(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
  });
}

/** Queues the run at the start of the hour after `after` (once per hour, whoever asks). */
export async function scheduleAttachmentCleanup(jobs: JobRunner, after = new Date()): Promise<string> {
  const runAt = new Date(Math.floor(after.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  return jobs.enqueue(
    ATTACHMENT_CLEANUP_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${ATTACHMENT_CLEANUP_QUEUE}:${runAt.toISOString()}` },
  );
}

/**
 * Deletes unbound uploads older than a day, in batches of 500, each batch one transaction with
 * one audit record listing the ids. Returns how many were deleted.
 */
export async function deleteExpiredUnboundAttachments(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNBOUND_TTL_MS).toISOString();
  const lockRows = dialectOf(db) === 'postgres';
  let deleted = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const ids = await listExpiredUnboundIds(trx, before, BATCH, lockRows);
      if (ids.length === 0) return 0;
      await deleteAttachmentRows(trx, ids);
      await appendAudit(trx, {
        actor: null,
        action: 'attachment.expire',
        objectType: 'attachment',
        details: { count: ids.length, ids, unboundBefore: before },
      });
      return ids.length;
    });
    deleted += count;
    if (count < BATCH) return deleted;
  }
}
