// Durable timers of tasks: a reminder the working day before the deadline, and an escalation to
// the office admin once it has passed. A timer fires at most once per deadline: the flag is set
// by a conditional update in the same transaction as its notification, so a retried or
// duplicated job changes nothing; a deadline that moved (clock paused) makes old timers no-ops.
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { listOfficeStaff } from '../identity/applicants.service.ts';
import type { StaffRole } from '../identity/identity.tables.ts';
import { notify } from '../notifications/notify.ts';
import { recordEvent } from './application-events.ts';
import { TASK_TIMER_QUEUE } from './workflow-effects.ts';

interface TimerPayload {
  taskId: string;
  dueAt: string;
  kind: 'reminder' | 'overdue';
}

/** Handles one timer job; returns what it did (for tests and logs). */
export async function runTaskTimer(deps: AppDeps, payload: TimerPayload): Promise<'fired' | 'skipped'> {
  return deps.database.db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('applicationTasks as t')
      .innerJoin('applications as a', 'a.id', 't.applicationId')
      .select([
        't.id',
        't.applicationId',
        't.taskKey',
        't.officeId',
        't.role',
        't.status',
        't.dueAt',
        't.dueDate',
        't.pausedAt',
        't.assigneeUserId',
        't.nameZh',
        't.nameEn',
        'a.receiptNo',
        'a.nameZh as entryNameZh',
        'a.nameEn as entryNameEn',
      ])
      .where('t.id', '=', payload.taskId)
      .executeTakeFirst();
    if (!task || task.status !== 'open' || task.pausedAt || task.dueAt !== payload.dueAt) return 'skipped';
    const flag = payload.kind === 'reminder' ? 'remindedAt' : 'escalatedAt';
    const now = deps.clock.now().toISOString();
    const updated = await trx
      .updateTable('applicationTasks')
      .set({ [flag]: now })
      .where('id', '=', task.id)
      .where(flag, 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'skipped';

    const link = `/workbench/applications/${task.applicationId}`;
    if (payload.kind === 'reminder') {
      const recipients = task.assigneeUserId
        ? [task.assigneeUserId]
        : (await listOfficeStaff(trx, task.officeId, [task.role as StaffRole])).map((s) => s.userId);
      await notify(trx, deps.jobs, {
        recipients: { userIds: recipients },
        kind: 'workbench.task_due_soon',
        title: { zh: '办件即将到期', en: 'A task is due soon' },
        body: {
          zh: `${task.receiptNo}（${task.entryNameZh}）的“${task.nameZh}”环节将于 ${task.dueDate} 到期。`,
          en: `The "${task.nameEn}" step of ${task.receiptNo} (${task.entryNameEn}) is due on ${task.dueDate}.`,
        },
        link,
        object: { type: 'application', id: task.applicationId },
      });
    } else {
      const admins = await listOfficeStaff(trx, task.officeId, ['office_admin']);
      await notify(trx, deps.jobs, {
        recipients: {
          userIds: [...admins.map((a) => a.userId), ...(task.assigneeUserId ? [task.assigneeUserId] : [])],
        },
        kind: 'workbench.task_overdue',
        title: { zh: '办件已超期', en: 'A task is overdue' },
        body: {
          zh: `${task.receiptNo}（${task.entryNameZh}）的“${task.nameZh}”环节已超过 ${task.dueDate} 的期限，已提请窗口负责人督办。`,
          en: `The "${task.nameEn}" step of ${task.receiptNo} (${task.entryNameEn}) passed its deadline of ${task.dueDate} and was escalated to the office admin.`,
        },
        link,
        object: { type: 'application', id: task.applicationId },
      });
      await recordEvent(trx, {
        applicationId: task.applicationId,
        at: now,
        kind: 'task_overdue',
        actor: null,
        officeId: task.officeId,
        taskKey: task.taskKey,
        details: { dueDate: task.dueDate, internal: true },
      });
      await appendAudit(trx, {
        actor: null,
        action: 'application.task.escalate',
        objectType: 'application_task',
        objectId: task.id,
        details: { applicationId: task.applicationId, dueAt: task.dueAt },
      });
    }
    return 'fired';
  });
}

/** Registers the timer queue on the app's job runner. */
export function registerApplicationJobs(deps: AppDeps): void {
  deps.jobs.register(TASK_TIMER_QUEUE, async (payload) => {
    await runTaskTimer(deps, payload as TimerPayload);
  });
}
