// Late milestones flagged to the manager: every morning at 09:00 Shanghai time a durable job
// finds milestones past their planned date and not reached, and tells the enterprise's service
// manager (else the manager who opened the project) once per lateness: the flag is set by a
// conditional update in the same transaction as the notification, so a rerun, a retry or a
// second process sends nothing more. A milestone re-planned to a new date can be late again.
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { type Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notify } from '../notifications/notify.ts';
import { findManagerOf } from './assignments.service.ts';
import { listUnflaggedLateMilestones } from './projects.repository.ts';
import type { MilestoneKind } from './projects.tables.ts';

export const LATE_MILESTONES_QUEUE = 'desk.projects.late-milestones';
const DAY_MS = 86_400_000;
// 09:00 in Shanghai is 01:00 UTC the same day.
const CHECK_UTC_HOUR = 1;

const KIND_NAMES: Record<MilestoneKind, { zh: string; en: string }> = {
  land: { zh: '土地', en: 'Land' },
  planning_permit: { zh: '规划许可', en: 'Planning permit' },
  construction_permit: { zh: '施工许可', en: 'Construction permit' },
  fire_inspection: { zh: '消防验收', en: 'Fire inspection' },
  completion_acceptance: { zh: '竣工验收', en: 'Completion acceptance' },
  opening: { zh: '开业', en: 'Opening' },
};

/** Queues the check at the next 09:00 Shanghai time after `after` (once per day). */
export async function scheduleLateMilestoneCheck(jobs: JobRunner, after = new Date()): Promise<string> {
  const day = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  let runAt = new Date(day + CHECK_UTC_HOUR * 3_600_000);
  if (runAt.getTime() <= after.getTime()) runAt = new Date(runAt.getTime() + DAY_MS);
  return jobs.enqueue(
    LATE_MILESTONES_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${LATE_MILESTONES_QUEUE}:${runAt.toISOString()}` },
  );
}

/** Flags every late milestone not yet flagged for its planned date; returns how many were flagged. */
export async function flagLateMilestones(db: Db, jobs: JobRunner, today: string): Promise<number> {
  let flagged = 0;
  for (const milestone of await listUnflaggedLateMilestones(db, today)) {
    const manager = await findManagerOf(db, milestone.enterpriseId);
    const recipient = manager?.managerUserId ?? milestone.createdByUserId;
    const kind = KIND_NAMES[milestone.kind];
    const done = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('deskProjectMilestones')
        .set({ lateFlaggedFor: milestone.plannedDate })
        .where('id', '=', milestone.id)
        .where('actualDate', 'is', null)
        .where('plannedDate', '=', milestone.plannedDate)
        .where((eb) =>
          eb.or([eb('lateFlaggedFor', 'is', null), eb('lateFlaggedFor', '!=', milestone.plannedDate)]),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await notify(trx, jobs, {
        recipients: { userIds: [recipient] },
        kind: 'desk.project.milestone_late',
        title: {
          zh: `项目节点逾期：${milestone.projectName} · ${kind.zh}`,
          en: `Milestone late: ${milestone.projectName} · ${kind.en}`,
        },
        body: {
          zh: `「${milestone.projectName}」的「${kind.zh}」节点计划于 ${milestone.plannedDate} 完成，至今（${today}）尚未完成。`,
          en: `The “${kind.en}” milestone of “${milestone.projectName}” was planned for ${milestone.plannedDate} and is not reached yet (${today}).`,
        },
        link: `/desk/projects/${milestone.projectId}`,
        object: { type: 'desk_project', id: milestone.projectId },
      });
      return true;
    });
    if (done) flagged += 1;
  }
  return flagged;
}

export function registerLateMilestoneJobs(deps: AppDeps): void {
  deps.jobs.register(LATE_MILESTONES_QUEUE, async (payload, context) => {
    const job = (payload ?? {}) as { runAt?: string };
    await flagLateMilestones(context.db, deps.jobs, shanghaiDate(deps.clock.now()));
    const slot = Date.parse(job.runAt ?? '');
    await scheduleLateMilestoneCheck(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
  });
}
