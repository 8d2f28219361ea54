// Policy matching as durable jobs: on publish and on a rule change (one job per rule version),
// on an author's request, and nightly for every published policy (enterprise data changes too).
// Each night's run schedules the next; dedupe keys keep many processes to one queued job each.
import type { Transaction } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { runPolicyMatching } from './policies-matching.ts';
import type { PolicyRunTrigger } from './policies.tables.ts';

export const POLICY_MATCH_QUEUE = 'desk.policies.match';
export const POLICY_NIGHTLY_QUEUE = 'desk.policies.nightly';
const DAY_MS = 86_400_000;
// 03:00 in Shanghai is 19:00 UTC the day before.
const NIGHTLY_UTC_HOUR = 19;

interface MatchPayload {
  policyId: string;
  trigger: PolicyRunTrigger;
  actor?: AuditActor | null;
}

/** Registers the matching handlers (called from job-handlers.ts). */
export function registerPolicyJobs(deps: AppDeps): void {
  deps.jobs.register(POLICY_MATCH_QUEUE, async (payload, context) => {
    const job = payload as MatchPayload;
    await runPolicyMatching(
      { db: context.db, registers: deps.registers, jobs: deps.jobs },
      job.policyId,
      job.trigger,
      job.actor ?? null,
    );
  });
  deps.jobs.register(POLICY_NIGHTLY_QUEUE, async (payload, context) => {
    const published = await context.db
      .selectFrom('deskPolicies')
      .select('id')
      .where('status', '=', 'published')
      .execute();
    for (const policy of published) await enqueuePolicyMatch(deps.jobs, policy.id, 'schedule', null, 0);
    const slot = Date.parse((payload as { runAt?: string } | null)?.runAt ?? '');
    await schedulePolicyNightly(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
  });
}

/**
 * Queues a matching run. Publish and rule-change runs are keyed by rule version, so a change
 * while an older version's run is still going gets its own run; manual and nightly runs by kind.
 */
export function enqueuePolicyMatch(
  jobs: JobRunner,
  policyId: string,
  trigger: PolicyRunTrigger,
  actor: AuditActor | null,
  ruleVersion: number,
  trx?: Db | Transaction<Database>,
): Promise<string> {
  const key =
    trigger === 'publish' || trigger === 'rule_change'
      ? `v${ruleVersion}`
      : trigger === 'manual'
        ? 'manual'
        : 'schedule';
  return jobs.enqueue(
    POLICY_MATCH_QUEUE,
    { policyId, trigger, actor } satisfies MatchPayload,
    { dedupeKey: `${POLICY_MATCH_QUEUE}:${policyId}:${key}` },
    trx,
  );
}

/** Queues the nightly re-match at the next 03:00 Shanghai time after `after`. */
export function schedulePolicyNightly(jobs: JobRunner, after = new Date()): Promise<string> {
  const day = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  let runAt = new Date(day + NIGHTLY_UTC_HOUR * 3_600_000);
  if (runAt.getTime() <= after.getTime()) runAt = new Date(runAt.getTime() + DAY_MS);
  return jobs.enqueue(
    POLICY_NIGHTLY_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${POLICY_NIGHTLY_QUEUE}:${runAt.toISOString()}` },
  );
}

/**
 * Queues the first run of every published policy whose current rule version has never been
 * matched (seeded policies; a process that stopped between publishing and running). Called when
 * the app is ready; the dedupe keys make it harmless to call from every process.
 */
export async function enqueueUnmatchedPolicies(jobs: JobRunner, db: Db): Promise<number> {
  const rows = await db
    .selectFrom('deskPolicies as p')
    .select(['p.id', 'p.ruleVersion'])
    .where('p.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deskPolicyRuns as r')
            .select('r.id')
            .whereRef('r.policyId', '=', 'p.id')
            .whereRef('r.ruleVersion', '=', 'p.ruleVersion'),
        ),
      ),
    )
    .execute();
  for (const row of rows) await enqueuePolicyMatch(jobs, row.id, 'publish', null, row.ruleVersion, db);
  return rows.length;
}
