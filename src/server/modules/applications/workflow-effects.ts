// Carries out what the workflow interpreter decided: opens and closes task rows with their
// deadlines and timers, pauses and resumes the clock, issues certificates, finishes the
// application — all inside the caller's transaction, so a step happens whole or not at all.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { AuditActor } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endOfShanghaiDay, type WorkingDayCalendar } from '../../platform/calendar/working-days.ts';
import type { Transition, WorkflowEffect, WorkflowPlan } from '../workflow/index.ts';
import type { ApplicationStatus, ApplicationTable } from './applications.tables.ts';
import { issueBranchCertificate, notifyBranchOutcome } from './application-results.ts';
import { recordEvent } from './application-events.ts';
import { publishOpenEvent } from '../open-platform/webhooks/webhook-events.ts';

export const TASK_TIMER_QUEUE = 'applications.task-timer';

/** What an application stores besides the interpreter's plan: where each branch is worked. */
export interface StoredPlan {
  workflow: WorkflowPlan;
  /** branchKey (service code) → the competent office of that branch. */
  offices: Record<string, string>;
  /** service code → the catalogue version it was filed under (for certificates). */
  versions: Record<string, string>;
}

export interface EffectContext {
  trx: Transaction<Database>;
  deps: AppDeps;
  calendar: WorkingDayCalendar;
  now: Date;
  application: ApplicationTable;
  plan: StoredPlan;
  actor: AuditActor | null;
  /** The office the actor acted for, if staff. */
  actorOfficeId: string | null;
  /** Reason, supplement items… of the staff action, recorded on the timeline with the step it closes. */
  actionDetails?: { taskKey: string; details: Record<string, unknown> };
}

export interface EffectOutcome {
  status: ApplicationStatus;
  finishedAt: string | null;
  pausedSince: string | null;
  pausedWorkingDays: number;
  promisedDate: string;
  certificates: { id: string; number: string; serviceCode: string }[];
  openedTaskIds: string[];
}

/** The timer jobs of a task: a reminder the working day before, and the overdue escalation. */
export async function scheduleTaskTimers(
  trx: Transaction<Database>,
  deps: AppDeps,
  calendar: WorkingDayCalendar,
  task: { id: string; openedAt: string; dueAt: string; workingDays: number },
): Promise<void> {
  const dueAt = new Date(task.dueAt);
  const reminderAt =
    task.workingDays >= 1
      ? endOfShanghaiDay(calendar.addWorkingDays(new Date(task.openedAt), task.workingDays - 1).date)
      : new Date(dueAt.getTime() - 2 * 3600_000);
  const payload = (kind: 'reminder' | 'overdue') => ({ taskId: task.id, dueAt: task.dueAt, kind });
  if (reminderAt > new Date(task.openedAt))
    await deps.jobs.enqueue(
      TASK_TIMER_QUEUE,
      payload('reminder'),
      { runAt: reminderAt, dedupeKey: `reminder:${task.id}:${task.dueAt}` },
      trx,
    );
  await deps.jobs.enqueue(
    TASK_TIMER_QUEUE,
    payload('overdue'),
    { runAt: dueAt, dedupeKey: `overdue:${task.id}:${task.dueAt}` },
    trx,
  );
}

function officeFor(context: EffectContext, effect: Extract<WorkflowEffect, { type: 'open_task' }>): string {
  // Acceptance happens where the file was received (any office for 全市通办); the other steps
  // at the competent office of the branch.
  if (effect.task.kind === 'acceptance') return context.application.receivingOfficeId;
  return (
    context.plan.offices[effect.task.branchKey] ??
    context.plan.offices[effect.task.serviceCode] ??
    context.application.receivingOfficeId
  );
}

/** Applies a transition's effects; returns the application's new derived columns. */
export async function applyEffects(context: EffectContext, transition: Transition): Promise<EffectOutcome> {
  const { trx, calendar, now, application } = context;
  const nowIso = now.toISOString();
  const outcome: EffectOutcome = {
    status: transition.state.status,
    finishedAt: application.finishedAt,
    pausedSince: application.pausedSince,
    pausedWorkingDays: application.pausedWorkingDays,
    promisedDate: application.promisedDate,
    certificates: [],
    openedTaskIds: [],
  };
  const taskRow = (taskKey: string) =>
    trx
      .selectFrom('applicationTasks')
      .selectAll()
      .where('applicationId', '=', application.id)
      .where('taskKey', '=', taskKey)
      .executeTakeFirstOrThrow();

  for (const effect of transition.effects) {
    switch (effect.type) {
      case 'open_task': {
        const deadline = calendar.addWorkingDays(now, effect.workingDays);
        const id = uuidv7();
        const row = {
          id,
          applicationId: application.id,
          taskKey: effect.task.taskKey,
          branchKey: effect.task.branchKey,
          serviceCode: effect.task.serviceCode,
          stepKey: effect.task.stepKey,
          kind: effect.task.kind,
          role: effect.task.role,
          nameZh: effect.nameZh,
          nameEn: effect.nameEn,
          officeId: officeFor(context, effect),
          departmentCode: effect.task.departmentCode,
          status: 'open' as const,
          awaitingSupplement: 0,
          assigneeUserId: null,
          workingDays: effect.workingDays,
          openedAt: nowIso,
          dueAt: deadline.endsAt.toISOString(),
          dueDate: deadline.date,
          pausedAt: null,
          closedAt: null,
          outcome: null,
          closedByUserId: null,
          remindedAt: null,
          escalatedAt: null,
        };
        await trx.insertInto('applicationTasks').values(row).execute();
        if (!effect.automatic) {
          await scheduleTaskTimers(trx, context.deps, calendar, row);
          outcome.openedTaskIds.push(id);
        }
        break;
      }
      case 'close_task': {
        const task = await taskRow(effect.taskKey);
        await trx
          .updateTable('applicationTasks')
          .set({
            status: 'done',
            outcome: effect.outcome,
            closedAt: nowIso,
            closedByUserId: context.actor?.userId ?? null,
            awaitingSupplement: 0,
            pausedAt: null,
          })
          .where('id', '=', task.id)
          .execute();
        await recordEvent(trx, {
          applicationId: application.id,
          at: nowIso,
          kind: eventKindOf(effect.outcome, task.kind),
          actor: task.assigneeUserId || context.actor ? context.actor : null,
          officeId: task.officeId,
          taskKey: task.taskKey,
          details: {
            stepZh: task.nameZh,
            stepEn: task.nameEn,
            serviceCode: task.serviceCode,
            ...(context.actionDetails?.taskKey === task.taskKey ? context.actionDetails.details : {}),
          },
        });
        break;
      }
      case 'cancel_task':
        await trx
          .updateTable('applicationTasks')
          .set({ status: 'cancelled', closedAt: nowIso, awaitingSupplement: 0, pausedAt: null })
          .where('applicationId', '=', application.id)
          .where('taskKey', '=', effect.taskKey)
          .execute();
        break;
      case 'pause_clock': {
        await trx
          .updateTable('applicationTasks')
          .set({ pausedAt: nowIso })
          .where('applicationId', '=', application.id)
          .where('taskKey', '=', effect.taskKey)
          .execute();
        outcome.pausedSince ??= nowIso;
        break;
      }
      case 'resume_clock': {
        const task = await taskRow(effect.taskKey);
        if (task.pausedAt) {
          // The days spent waiting on the applicant don't count: the deadline moves by as many
          // working days as the pause lasted (calendar days when it lasted less than a day).
          const pausedDays = calendar.workingDaysBetween(new Date(task.pausedAt), now);
          const deadline = calendar.addWorkingDays(new Date(task.dueAt), pausedDays);
          const dueAt = deadline.endsAt.toISOString();
          await trx
            .updateTable('applicationTasks')
            .set({ pausedAt: null, dueAt, dueDate: deadline.date, remindedAt: null, escalatedAt: null })
            .where('id', '=', task.id)
            .execute();
          await scheduleTaskTimers(trx, context.deps, calendar, { ...task, dueAt });
        }
        if (outcome.pausedSince) {
          const pausedDays = calendar.workingDaysBetween(new Date(outcome.pausedSince), now);
          outcome.pausedWorkingDays += pausedDays;
          outcome.promisedDate = calendar.addWorkingDays(
            new Date(application.submittedAt),
            application.promisedWorkingDays + outcome.pausedWorkingDays,
          ).date;
          outcome.pausedSince = null;
        }
        break;
      }
      case 'issue_certificate': {
        const issued = await issueBranchCertificate(context, effect.serviceCode);
        if (issued) {
          outcome.certificates.push({ ...issued, serviceCode: effect.serviceCode });
          await recordEvent(trx, {
            applicationId: application.id,
            at: nowIso,
            kind: 'certificate_issued',
            actor: null,
            officeId: context.plan.offices[effect.branchKey] ?? application.receivingOfficeId,
            taskKey: null,
            details: { number: issued.number, certificateId: issued.id, serviceCode: effect.serviceCode },
          });
        }
        break;
      }
      case 'branch_finished':
        if (context.plan.workflow.type === 'bundle') {
          await recordEvent(trx, {
            applicationId: application.id,
            at: nowIso,
            kind: `branch_${effect.outcome}`,
            actor: null,
            officeId: context.plan.offices[effect.branchKey] ?? null,
            taskKey: null,
            details: { serviceCode: effect.branchKey },
          });
          const branch = context.plan.workflow.branches.find((b) => b.branchKey === effect.branchKey);
          if (branch && effect.outcome !== 'cancelled')
            await notifyBranchOutcome(trx, context.deps, application, branch, effect.outcome);
        }
        break;
      case 'application_finished':
        outcome.status = effect.outcome;
        outcome.finishedAt = nowIso;
        await recordEvent(trx, {
          applicationId: application.id,
          at: nowIso,
          kind: `finished_${effect.outcome}`,
          actor: null,
          officeId: null,
          taskKey: null,
          details: {},
        });
        break;
    }
  }
  // Every status change passes here (submit, staff and applicant actions): partner apps the
  // applicant consented to hear of it, through the open platform's outbox in this transaction.
  if (outcome.status !== application.status && application.applicantPersonId)
    await publishOpenEvent(trx, context.deps.jobs, {
      type: 'application.status_changed',
      personId: application.applicantPersonId,
      data: {
        applicationId: application.id,
        receiptNo: application.receiptNo,
        serviceName: { zh: application.nameZh, en: application.nameEn },
        previousStatus: application.status,
        status: outcome.status,
      },
    });
  return outcome;
}

function eventKindOf(action: string, stepKind: string): string {
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'pass':
      return 'reviewed';
    case 'approve':
      return 'approved';
    case 'refuse':
      return stepKind === 'acceptance' ? 'not_accepted' : 'refused';
    case 'complete':
      return 'completed';
    default:
      return action;
  }
}
