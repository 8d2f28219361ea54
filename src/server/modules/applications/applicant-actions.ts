// What the applicant does after filing: answer a supplement (补正) by fixing exactly the listed
// fields, and withdraw before a decision.
import type { Transaction } from 'kysely';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { bindAttachments } from '../attachments/attachments.service.ts';
import { findVersionDefinition } from '../catalog/catalog-versions.service.ts';
import { notify } from '../notifications/notify.ts';
import { applyAction, WorkflowError, type Transition, type WorkflowState } from '../workflow/index.ts';
import { assertValidFormData } from './application-forms.ts';
import { recordEvent } from './application-events.ts';
import { isApplicant, lockApplication, parsePlan, parseState } from './application-access.ts';
import { notifyApplicant } from './application-results.ts';
import type { ApplicationTable } from './applications.tables.ts';
import { applyEffects, type EffectOutcome } from './workflow-effects.ts';

export interface ApplicantContext {
  deps: AppDeps;
  principal: Principal;
  locale: Locale;
  requestId: string;
}

async function lockOwn(context: ApplicantContext, trx: Transaction<Database>, id: string) {
  const application = await lockApplication(trx, id).catch(() => undefined);
  // Inside the transaction: on SQLite a second connection would wait on this one's lock.
  if (!application || !(await isApplicant(trx, context.principal, application)))
    throw new AppError('APPLICATION_NOT_FOUND');
  return application;
}

const actorOf = (principal: Principal): AuditActor => ({
  userId: principal.userId,
  name: principal.displayName,
});

async function saveOutcome(
  trx: Transaction<Database>,
  application: ApplicationTable,
  state: WorkflowState,
  outcome: EffectOutcome,
  extra: Partial<ApplicationTable> = {},
) {
  const next = {
    status: outcome.status,
    workflowState: JSON.stringify(state),
    stateVersion: application.stateVersion + 1,
    finishedAt: outcome.finishedAt,
    pausedSince: outcome.pausedSince,
    pausedWorkingDays: outcome.pausedWorkingDays,
    promisedDate: outcome.promisedDate,
    ...extra,
  };
  const updated = await trx
    .updateTable('applications')
    .set(next)
    .where('id', '=', application.id)
    .where('stateVersion', '=', application.stateVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('APPLICATION_CHANGED');
  return { ...application, ...next };
}

/** Withdraws the application (撤回); refused once a decision has been made. */
export async function withdrawApplication(context: ApplicantContext, id: string, reason?: string) {
  const { deps, principal } = context;
  return deps.database.db.transaction().execute(async (trx) => {
    const application = await lockOwn(context, trx, id);
    if (application.status === 'withdrawn') throw new AppError('APPLICATION_FINISHED');
    if (['approved', 'refused', 'partially_approved'].includes(application.status))
      throw new AppError('APPLICATION_ALREADY_DECIDED');
    const plan = parsePlan(application);
    let transition: Transition;
    try {
      transition = applyAction(
        plan.workflow,
        parseState(application),
        { action: 'withdraw' },
        {
          formData: JSON.parse(application.data) as Record<string, unknown>,
          delivery: (JSON.parse(application.delivery) as { method: 'online' | 'mail' | 'pickup' }).method,
        },
      );
    } catch (error) {
      if (error instanceof WorkflowError) throw new AppError('APPLICATION_ALREADY_DECIDED');
      throw error;
    }
    const now = deps.clock.now();
    const actor = actorOf(principal);
    const outcome = await applyEffects(
      { trx, deps, calendar: deps.calendar.current(), now, application, plan, actor, actorOfficeId: null },
      transition,
    );
    const saved = await saveOutcome(trx, application, transition.state, outcome);
    if (reason)
      await recordEvent(trx, {
        applicationId: id,
        at: now.toISOString(),
        kind: 'withdrawal_reason',
        actor,
        officeId: null,
        taskKey: null,
        details: { reason },
      });
    await appendAudit(trx, {
      actor,
      action: 'application.withdraw',
      objectType: 'application',
      objectId: id,
      subjectPersonId: application.applicantPersonId,
      subjectEnterpriseId: application.applicantEnterpriseId,
      requestId: context.requestId,
    });
    await notifyApplicant(trx, deps, saved, 'withdrawn');
    return { status: saved.status, stateVersion: saved.stateVersion };
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Answers the open supplement request(s): only the listed fields may change; the whole form is
 * validated again against its version; the waiting tasks resume (and their clocks, with the
 * deadlines moved by the working days spent waiting).
 */
export async function answerSupplement(
  context: ApplicantContext,
  id: string,
  input: { data: Record<string, unknown>; attachmentIds?: string[]; stateVersion?: number },
) {
  const { deps, principal, locale } = context;
  return deps.database.db.transaction().execute(async (trx) => {
    const application = await lockOwn(context, trx, id);
    if (input.stateVersion !== undefined && input.stateVersion !== application.stateVersion)
      throw new AppError('APPLICATION_CHANGED');
    const supplements = await trx
      .selectFrom('applicationSupplements')
      .selectAll()
      .where('applicationId', '=', id)
      .where('status', '=', 'open')
      .execute();
    if (supplements.length === 0) throw new AppError('SUPPLEMENT_NOT_OPEN');
    const items = supplements.flatMap((s) => JSON.parse(s.items) as { field?: string; material?: string }[]);
    const allowed = new Set(items.flatMap((item) => (item.field ? [item.field] : [])));
    const current = JSON.parse(application.data) as Record<string, unknown>;
    const changed = Object.keys(input.data).filter((name) => !sameValue(input.data[name], current[name]));
    const notAllowed = changed.filter((name) => !allowed.has(name));
    if (notAllowed.length)
      throw new AppError('SUPPLEMENT_FIELD_NOT_REQUESTED', { fields: [...allowed].join(', ') });
    const merged = { ...current };
    for (const name of allowed) {
      if (name in input.data) merged[name] = input.data[name];
    }
    const definition = await findVersionDefinition(trx, application.versionId);
    if (!definition) throw new AppError('APPLICATION_NOT_FOUND');
    assertValidFormData(application.versionId, definition.form, merged, locale);

    const plan = parsePlan(application);
    const delivery = (JSON.parse(application.delivery) as { method: 'online' | 'mail' | 'pickup' }).method;
    let state = parseState(application);
    const now = deps.clock.now();
    const actor = actorOf(principal);
    const calendar = deps.calendar.current();
    let outcome: EffectOutcome | undefined;
    const waiting = state.openTasks.filter((task) => task.awaitingSupplement);
    for (const task of waiting) {
      const transition = applyAction(
        plan.workflow,
        state,
        { taskKey: task.taskKey, action: 'supplement_received' },
        {
          formData: merged,
          delivery,
        },
      );
      const current = outcome ? { ...application, ...outcomeColumns(outcome) } : application;
      outcome = await applyEffects(
        { trx, deps, calendar, now, application: current, plan, actor, actorOfficeId: null },
        transition,
      );
      state = transition.state;
      await trx
        .updateTable('applicationTasks')
        .set({ awaitingSupplement: 0 })
        .where('applicationId', '=', id)
        .where('taskKey', '=', task.taskKey)
        .execute();
    }
    if (!outcome) throw new AppError('SUPPLEMENT_NOT_OPEN');
    const saved = await saveOutcome(trx, application, state, outcome, { data: JSON.stringify(merged) });
    await trx
      .updateTable('applicationSupplements')
      .set({ status: 'answered', answeredAt: now.toISOString() })
      .where('applicationId', '=', id)
      .where('status', '=', 'open')
      .execute();
    if (input.attachmentIds?.length)
      await bindAttachments(trx, {
        ownerUserId: principal.userId,
        attachmentIds: input.attachmentIds,
        applicationId: id,
      });
    await recordEvent(trx, {
      applicationId: id,
      at: now.toISOString(),
      kind: 'supplement_answered',
      actor,
      officeId: null,
      taskKey: null,
      details: { fields: changed, attachments: input.attachmentIds?.length ?? 0 },
    });
    await appendAudit(trx, {
      actor,
      action: 'application.supplement.answer',
      objectType: 'application',
      objectId: id,
      subjectPersonId: application.applicantPersonId,
      subjectEnterpriseId: application.applicantEnterpriseId,
      fields: changed,
      requestId: context.requestId,
    });
    const workers = await trx
      .selectFrom('applicationTasks')
      .select('assigneeUserId')
      .where('applicationId', '=', id)
      .where('status', '=', 'open')
      .where('assigneeUserId', 'is not', null)
      .execute();
    if (workers.length)
      await notify(trx, deps.jobs, {
        recipients: { userIds: workers.map((w) => w.assigneeUserId!) },
        kind: 'workbench.supplement_answered',
        title: { zh: '申请人已补正', en: 'The applicant has supplied the corrections' },
        body: {
          zh: `办件 ${application.receiptNo}（${application.nameZh}）已补正，请继续办理。`,
          en: `Application ${application.receiptNo} (${application.nameEn}) was corrected; please continue.`,
        },
        link: `/workbench/applications/${id}`,
        object: { type: 'application', id },
      });
    return { status: saved.status, stateVersion: saved.stateVersion };
  });
}

function outcomeColumns(outcome: EffectOutcome): Partial<ApplicationTable> {
  return {
    pausedSince: outcome.pausedSince,
    pausedWorkingDays: outcome.pausedWorkingDays,
    promisedDate: outcome.promisedDate,
    finishedAt: outcome.finishedAt,
  };
}
