// Staff working a task: claim it, assign or hand it over, and act (accept, ask for a supplement
// once, review, approve, refuse with a reason, complete). Each action is one transaction with
// the interpreter's effects, the timeline, the audit record and the applicant's notification.
import type { Transaction } from 'kysely';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { listOfficeStaff } from '../identity/applicants.service.ts';
import type { StaffRole } from '../identity/identity.tables.ts';
import { applyAction, WorkflowError, type WorkflowAction } from '../workflow/index.ts';
import { formFields } from './application-forms.ts';
import { recordEvent } from './application-events.ts';
import { lockApplication, parsePlan, parseState } from './application-access.ts';
import { notifyApplicant, type ApplicantNotice } from './application-results.ts';
import type { TaskActionInput } from '../../../contracts/api/applications.ts';
import type { ApplicationTable, ApplicationTaskTable } from './applications.tables.ts';
import { applyEffects } from './workflow-effects.ts';
import { uuidv7 } from 'uuidv7';
import { findVersionDefinition } from '../catalog/catalog-versions.service.ts';

export interface StaffContext {
  deps: AppDeps;
  principal: Principal;
  locale: Locale;
  requestId: string;
}

function postsIn(principal: Principal, officeId: string): StaffRole[] {
  return principal.staff.filter((post) => post.officeId === officeId).map((post) => post.role);
}

async function loadTask(trx: Transaction<Database>, taskId: string) {
  const task = await trx
    .selectFrom('applicationTasks')
    .selectAll()
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw new AppError('TASK_NOT_FOUND');
  return task;
}

/** The task, if the principal works in its office with its role (or is the office admin for assigning). */
function assertMayWork(principal: Principal, task: ApplicationTaskTable, allowOfficeAdmin = false): void {
  const roles = postsIn(principal, task.officeId);
  const ok = roles.includes(task.role as StaffRole) || (allowOfficeAdmin && roles.includes('office_admin'));
  // Staff of other offices learn nothing about the task.
  if (!ok) throw new AppError(roles.length ? 'AUTH_FORBIDDEN' : 'TASK_NOT_FOUND');
}

function actorIn(principal: Principal, officeId: string): AuditActor {
  return { userId: principal.userId, name: principal.displayName, officeId };
}

/** Claims an open task for oneself (认领). */
export async function claimTask(context: StaffContext, taskId: string): Promise<void> {
  const { deps, principal } = context;
  await deps.database.db.transaction().execute(async (trx) => {
    const task = await loadTask(trx, taskId);
    assertMayWork(principal, task);
    if (task.status !== 'open') throw new AppError('TASK_NOT_OPEN');
    if (task.assigneeUserId === principal.userId) return;
    const updated = await trx
      .updateTable('applicationTasks')
      .set({ assigneeUserId: principal.userId })
      .where('id', '=', taskId)
      .where('assigneeUserId', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await refuseClaimedByOther(trx, task.id);
    await appendAudit(trx, {
      actor: actorIn(principal, task.officeId),
      action: 'application.task.claim',
      objectType: 'application_task',
      objectId: task.id,
      requestId: context.requestId,
      details: { applicationId: task.applicationId, taskKey: task.taskKey },
    });
  });
}

async function refuseClaimedByOther(trx: Transaction<Database>, taskId: string): Promise<never> {
  const row = await trx
    .selectFrom('applicationTasks as t')
    .leftJoin('users as u', 'u.id', 't.assigneeUserId')
    .select('u.displayName')
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  throw new AppError('TASK_CLAIMED_BY_OTHER', { name: row?.displayName ?? '' });
}

/**
 * Assigns the task to a colleague of the same office with the task's post: the office admin
 * assigns (分派), the assignee hands over (转交), and anyone with the post may take an unclaimed one.
 */
export async function assignTask(
  context: StaffContext,
  taskId: string,
  input: { userId: string; note?: string },
): Promise<void> {
  const { deps, principal } = context;
  await deps.database.db.transaction().execute(async (trx) => {
    const task = await loadTask(trx, taskId);
    assertMayWork(principal, task, true);
    if (task.status !== 'open') throw new AppError('TASK_NOT_OPEN');
    const isOfficeAdmin = postsIn(principal, task.officeId).includes('office_admin');
    if (task.assigneeUserId && task.assigneeUserId !== principal.userId && !isOfficeAdmin)
      await refuseClaimedByOther(trx, task.id);
    const colleagues = await listOfficeStaff(trx, task.officeId, [task.role as StaffRole]);
    const assignee = colleagues.find((c) => c.userId === input.userId);
    if (!assignee) throw new AppError('TASK_ASSIGNEE_INVALID');
    await trx
      .updateTable('applicationTasks')
      .set({ assigneeUserId: assignee.userId })
      .where('id', '=', task.id)
      .execute();
    await recordEvent(trx, {
      applicationId: task.applicationId,
      at: deps.clock.now().toISOString(),
      kind: 'task_assigned',
      actor: actorIn(principal, task.officeId),
      officeId: task.officeId,
      taskKey: task.taskKey,
      details: { assigneeName: assignee.displayName, note: input.note ?? null, internal: true },
    });
    await appendAudit(trx, {
      actor: actorIn(principal, task.officeId),
      action: 'application.task.assign',
      objectType: 'application_task',
      objectId: task.id,
      requestId: context.requestId,
      details: { applicationId: task.applicationId, assigneeUserId: assignee.userId },
    });
  });
}

const NOTICE_OF: Partial<Record<WorkflowAction, ApplicantNotice>> = {
  accept: 'accepted',
  request_supplement: 'supplement_requested',
};

function workflowErrorToApp(error: unknown): never {
  if (error instanceof WorkflowError) {
    if (error.code === 'WORKFLOW_TASK_NOT_OPEN') throw new AppError('TASK_NOT_OPEN');
    if (error.code === 'WORKFLOW_ALREADY_DECIDED') throw new AppError('APPLICATION_ALREADY_DECIDED');
    throw new AppError('TASK_ACTION_NOT_ALLOWED');
  }
  throw error;
}

function fieldError(locale: Locale, path: string, zh: string, en: string) {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message: locale === 'en' ? en : zh }]);
}

/** Performs a staff action on a task. */
export async function actOnTask(context: StaffContext, taskId: string, input: TaskActionInput) {
  const { deps, principal, locale } = context;
  if (input.action === 'refuse' && !input.reason)
    throw fieldError(locale, '/reason', '不予受理或不予批准须说明理由', 'A refusal needs a reason');
  if (input.action === 'request_supplement' && !input.items?.length)
    throw fieldError(locale, '/items', '请列出需要补正的全部内容', 'List everything that needs fixing');

  return deps.database.db.transaction().execute(async (trx) => {
    const task = await loadTask(trx, taskId);
    // A second supplement request is an approver's override, on whichever step of their office.
    const isApproverOverride =
      input.action === 'request_supplement' &&
      !!input.overrideReason &&
      postsIn(principal, task.officeId).includes('approver');
    if (!isApproverOverride) assertMayWork(principal, task);
    const application = await lockApplication(trx, task.applicationId);
    if (input.stateVersion !== undefined && input.stateVersion !== application.stateVersion)
      throw new AppError('APPLICATION_CHANGED');
    if (['approved', 'refused', 'partially_approved', 'withdrawn'].includes(application.status))
      throw new AppError('APPLICATION_FINISHED');
    if (task.status !== 'open') throw new AppError('TASK_NOT_OPEN');
    if (task.assigneeUserId && task.assigneeUserId !== principal.userId && !isApproverOverride)
      await refuseClaimedByOther(trx, task.id);
    if (task.awaitingSupplement && input.action !== 'refuse') throw new AppError('TASK_AWAITING_SUPPLEMENT');

    const actor = actorIn(principal, task.officeId);
    const now = deps.clock.now();
    const plan = parsePlan(application);
    const state = parseState(application);
    const data = JSON.parse(application.data) as Record<string, unknown>;
    const delivery = (JSON.parse(application.delivery) as { method: 'online' | 'mail' | 'pickup' }).method;

    let supplementOrdinal = 0;
    if (input.action === 'request_supplement') {
      await assertSupplementItems(trx, application, input, locale);
      supplementOrdinal = application.supplementCount + 1;
      if (supplementOrdinal > 1) {
        // 一次性告知: everything is listed once; a second list needs an approver of the office.
        if (!postsIn(principal, task.officeId).includes('approver') || !input.overrideReason)
          throw new AppError('SUPPLEMENT_OVERRIDE_REQUIRED');
      }
    }

    let transition;
    try {
      transition = applyAction(
        plan.workflow,
        state,
        { taskKey: task.taskKey, action: input.action },
        {
          formData: data,
          delivery,
        },
      );
    } catch (error) {
      workflowErrorToApp(error);
    }
    if (!task.assigneeUserId && !isApproverOverride)
      await trx
        .updateTable('applicationTasks')
        .set({ assigneeUserId: principal.userId })
        .where('id', '=', task.id)
        .execute();

    const details: Record<string, unknown> = {};
    if (input.reason) details.reason = input.reason;
    const outcome = await applyEffects(
      {
        trx,
        deps,
        calendar: deps.calendar.current(),
        now,
        application,
        plan,
        actor,
        actorOfficeId: task.officeId,
        actionDetails: { taskKey: task.taskKey, details },
      },
      transition,
    );

    if (input.action === 'request_supplement') {
      await trx
        .insertInto('applicationSupplements')
        .values({
          id: uuidv7(),
          applicationId: application.id,
          taskId: task.id,
          requestedByUserId: principal.userId,
          requestedAt: now.toISOString(),
          items: JSON.stringify(input.items),
          status: 'open',
          answeredAt: null,
          ordinal: supplementOrdinal,
          overrideByUserId: supplementOrdinal > 1 ? principal.userId : null,
          overrideReason: supplementOrdinal > 1 ? (input.overrideReason ?? null) : null,
        })
        .execute();
      await recordEvent(trx, {
        applicationId: application.id,
        at: now.toISOString(),
        kind: 'supplement_requested',
        actor,
        officeId: task.officeId,
        taskKey: task.taskKey,
        details: { items: input.items, ordinal: supplementOrdinal, stepZh: task.nameZh, stepEn: task.nameEn },
      });
      await trx
        .updateTable('applicationTasks')
        .set({ awaitingSupplement: 1 })
        .where('id', '=', task.id)
        .execute();
    }

    const next = {
      status: outcome.status,
      workflowState: JSON.stringify(transition.state),
      stateVersion: application.stateVersion + 1,
      finishedAt: outcome.finishedAt,
      pausedSince: outcome.pausedSince,
      pausedWorkingDays: outcome.pausedWorkingDays,
      promisedDate: outcome.promisedDate,
      supplementCount: supplementOrdinal || application.supplementCount,
    };
    const updated = await trx
      .updateTable('applications')
      .set(next)
      .where('id', '=', application.id)
      .where('stateVersion', '=', application.stateVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('APPLICATION_CHANGED');

    await appendAudit(trx, {
      actor,
      action: `application.task.${input.action}`,
      objectType: 'application',
      objectId: application.id,
      subjectPersonId: application.applicantPersonId,
      subjectEnterpriseId: application.applicantEnterpriseId,
      purpose: 'casework',
      requestId: context.requestId,
      details: {
        taskKey: task.taskKey,
        reason: input.reason ?? null,
        overrideReason: input.overrideReason ?? null,
      },
    });
    const notice: ApplicantNotice | undefined =
      input.action === 'refuse' && task.kind === 'acceptance'
        ? 'not_accepted'
        : outcome.finishedAt && !application.finishedAt
          ? (outcome.status as ApplicantNotice)
          : NOTICE_OF[input.action];
    if (notice) await notifyApplicant(trx, deps, { ...application, ...next }, notice);
    return { status: next.status, stateVersion: next.stateVersion };
  });
}

/** A supplement lists real form fields (or named materials), each with a reason. */
async function assertSupplementItems(
  trx: Transaction<Database>,
  application: ApplicationTable,
  input: TaskActionInput,
  locale: Locale,
): Promise<void> {
  const definition = await findVersionDefinition(trx, application.versionId);
  const fields = new Set(definition ? formFields(definition.form) : []);
  (input.items ?? []).forEach((item, index) => {
    if (!item.field && !item.material)
      throw fieldError(
        locale,
        `/items/${index}`,
        '每一项须指明字段或材料',
        'Each item must name a field or a material',
      );
    if (item.field && !fields.has(item.field))
      throw fieldError(locale, `/items/${index}/field`, '表单中没有该字段', 'The form has no such field');
  });
}
