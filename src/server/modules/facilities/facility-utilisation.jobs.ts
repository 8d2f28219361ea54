// The utilisation recompute as a durable job: every night at 02:00 Shanghai time for every street
// with usage, and on an operator's request for one street. Each night's run schedules the next;
// the dedupe key names the night (or the street), so many processes queue one run.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { applyFacilityImport, FACILITY_IMPORT_QUEUE } from './facility-import.service.ts';
import { recomputeStreet, streetsWithUsage } from './facility-utilisation.service.ts';

export const UTILISATION_QUEUE = 'facilities.utilisation';
const DAY_MS = 86_400_000;
// 02:00 in Shanghai is 18:00 UTC the day before.
const NIGHTLY_UTC_HOUR = 18;

interface UtilisationPayload {
  streetCode?: string;
  runAt?: string;
  requestedBy?: { userId: string; name: string; officeId: string | null };
}

/** Registers the recompute and import handlers (called from job-handlers.ts). */
export function registerFacilitiesJobs(deps: AppDeps): void {
  deps.jobs.register(FACILITY_IMPORT_QUEUE, async (payload, context) => {
    await applyFacilityImport(context.db, (payload as { importId: string }).importId);
  });
  deps.jobs.register(UTILISATION_QUEUE, async (payload, context) => {
    const job = (payload ?? {}) as UtilisationPayload;
    if (job.streetCode) {
      await recomputeStreet(context.db, job.streetCode, { actor: job.requestedBy ?? null });
      return;
    }
    for (const street of await streetsWithUsage(context.db)) await recomputeStreet(context.db, street);
    const slot = Date.parse(job.runAt ?? '');
    await scheduleNightlyUtilisation(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
  });
}

/** Queues the nightly run at the next 02:00 Shanghai time after `after`. */
export async function scheduleNightlyUtilisation(jobs: JobRunner, after = new Date()): Promise<string> {
  const day = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  let runAt = new Date(day + NIGHTLY_UTC_HOUR * 3_600_000);
  if (runAt.getTime() <= after.getTime()) runAt = new Date(runAt.getTime() + DAY_MS);
  return jobs.enqueue(
    UTILISATION_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${UTILISATION_QUEUE}:nightly:${runAt.toISOString()}` },
  );
}

/** Queues a recompute of one street now (once while one is pending). */
export function requestStreetRecompute(
  jobs: JobRunner,
  streetCode: string,
  requestedBy: UtilisationPayload['requestedBy'] | null,
  trx?: Db | Transaction<Database>,
): Promise<string> {
  return jobs.enqueue(
    UTILISATION_QUEUE,
    { streetCode, requestedBy: requestedBy ?? undefined },
    { dedupeKey: `${UTILISATION_QUEUE}:street:${streetCode}` },
    trx,
  );
}
