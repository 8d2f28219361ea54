// Filing an application (一窗受理): online by the applicant or their agent, or at the counter by
// a window clerk for a resident who is present. One transaction: receipt number, the
// application, its first tasks with deadlines and timers, bound attachments, the timeline,
// the audit record and the notification — all or nothing.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { bindAttachments } from '../attachments/attachments.service.ts';
import type { PublishedEntry } from '../catalog/catalogue.ts';
import { findCompetentOffice } from '../catalog/competent-offices.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { findApplicantProfile, type ApplicantRef } from '../identity/applicants.service.ts';
import { listOffices } from '../reference/reference.service.ts';
import { buildPlan, promisedWorkingDays, startWorkflow, type PlanEntry } from '../workflow/index.ts';
import { assertValidFormData, countFields } from './application-forms.ts';
import { recordEvent } from './application-events.ts';
import { countMaterialsNotNeeded } from './application-materials.ts';
import { notifyApplicant } from './application-results.ts';
import type { Delivery, SubmitApplicationInput } from '../../../contracts/api/applications.ts';
import type { ApplicationChannel, ApplicationTable } from './applications.tables.ts';
import { nextReceiptNo } from './receipt-numbers.ts';
import { previousValues } from './previous-values.ts';
import { applyEffects, type StoredPlan } from './workflow-effects.ts';

export interface Receipt {
  id: string;
  receiptNo: string;
  status: ApplicationTable['status'];
  submittedAt: string;
  promisedWorkingDays: number;
  promisedDate: string;
}

export interface FilingContext {
  deps: AppDeps;
  principal: Principal;
  locale: Locale;
  requestId: string;
}

export interface Filing {
  input: SubmitApplicationInput;
  applicant: ApplicantRef;
  channel: ApplicationChannel;
  idempotencyKey: string | null;
  /** Counter filing: the clerk's office receives it, and the resident's confirmation. */
  counter?: { officeId: string; confirmation: { method: string; reference: string } };
}

/** Online filing by the signed-in resident, for themselves or for an enterprise they represent. */
export async function submitApplication(
  context: FilingContext,
  input: SubmitApplicationInput,
  idempotencyKey: string,
): Promise<{ receipt: Receipt; replayed: boolean }> {
  const { principal, deps } = context;
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  let applicant: ApplicantRef = { personId: principal.personId };
  if (input.enterpriseId) {
    await assertEnterpriseMember(deps.database.db, principal, input.enterpriseId);
    applicant = { enterpriseId: input.enterpriseId };
  }
  return fileApplication(context, { input, applicant, channel: 'online', idempotencyKey });
}

const hashRequest = (input: unknown): string =>
  createHash('sha256').update(JSON.stringify(input)).digest('hex');

function presentReceipt(row: ApplicationTable): Receipt {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    status: row.status,
    submittedAt: row.submittedAt,
    promisedWorkingDays: row.promisedWorkingDays,
    promisedDate: row.promisedDate,
  };
}

async function findByIdempotencyKey(deps: AppDeps, userId: string, key: string) {
  return deps.database.db
    .selectFrom('applications')
    .selectAll()
    .where('filedByUserId', '=', userId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

function replay(existing: ApplicationTable, requestHash: string) {
  if (existing.requestHash !== requestHash) throw new AppError('APPLICATION_IDEMPOTENCY_CONFLICT');
  return { receipt: presentReceipt(existing), replayed: true };
}

function isIdempotencyViolation(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? '');
  const code = (error as { code?: string })?.code;
  return (
    (code === '23505' && text.includes('applications_idempotency_uq')) ||
    (text.includes('UNIQUE constraint failed') && text.includes('applications.idempotency_key'))
  );
}

function subjectAllowed(definition: ServiceDefinition | BundleDefinition, applicant: ApplicantRef): boolean {
  if (definition.subject === 'both') return true;
  return definition.subject === ('enterpriseId' in applicant ? 'enterprise' : 'resident');
}

function channelAllowed(entry: PublishedEntry, channel: ApplicationChannel): boolean {
  const services =
    entry.entryType === 'bundle'
      ? entry.members.map((m) => m.definition)
      : [entry.definition as ServiceDefinition];
  if (services.length === 0) return false;
  return services.every((service) => {
    if (service.kind === 'query' || service.kind === 'payment') return false;
    if (channel === 'counter') return service.channels.includes('counter');
    if (channel === 'terminal') return service.channels.includes('terminal');
    return service.channels.includes('online') || service.channels.includes('open_api');
  });
}

async function validateDelivery(deps: AppDeps, delivery: Delivery): Promise<void> {
  if (delivery.method === 'pickup') {
    const office =
      delivery.officeId && (await listOffices(deps.database.db, { ids: [delivery.officeId] }))[0];
    if (!office) throw new AppError('APPLICATION_DELIVERY_OFFICE_INVALID');
  }
  if (delivery.method === 'mail' && !delivery.address)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/delivery/address', message: 'address' }]);
}

/** The shared path of online and counter filing. */
export async function fileApplication(context: FilingContext, filing: Filing) {
  const { deps, principal, locale } = context;
  const { input } = filing;
  const requestHash = hashRequest({ ...input, applicant: filing.applicant, channel: filing.channel });
  if (filing.idempotencyKey) {
    const existing = await findByIdempotencyKey(deps, principal.userId, filing.idempotencyKey);
    if (existing) return replay(existing, requestHash);
  }

  const entry = await deps.catalogue.publishedEntry(input.serviceId);
  if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
  if (!channelAllowed(entry, filing.channel)) throw new AppError('APPLICATION_NOT_ACCEPTED_ONLINE');
  if (!subjectAllowed(entry.definition, filing.applicant))
    throw new AppError('APPLICATION_WRONG_SUBJECT', {
      subject:
        entry.definition.subject === 'enterprise'
          ? locale === 'en'
            ? 'an enterprise'
            : '企业'
          : locale === 'en'
            ? 'a person'
            : '个人',
    });
  const data = assertValidFormData(entry.versionId, entry.definition.form, input.data, locale);
  const delivery: Delivery = input.delivery ?? { method: 'online' };
  if (input.delivery) await validateDelivery(deps, delivery);

  const profile = await findApplicantProfile(deps.database.db, filing.applicant);
  if (!profile) throw new AppError('APPLICATION_NOT_ROUTABLE');
  const districtCode = input.districtCode ?? profile.districtCode;
  if (!districtCode) throw new AppError('APPLICATION_NOT_ROUTABLE');
  const streetCode =
    input.districtCode && input.districtCode !== profile.districtCode ? null : profile.streetCode;

  const services =
    entry.entryType === 'bundle'
      ? entry.members
      : [
          {
            id: entry.id,
            code: entry.code,
            versionId: entry.versionId,
            definition: entry.definition as ServiceDefinition,
          },
        ];
  const offices: Record<string, string> = {};
  const versions: Record<string, string> = {};
  for (const service of services) {
    const officeId = await findCompetentOffice(deps.database.db, {
      entryId: service.id,
      departmentCode: service.definition.departmentCode,
      districtCode,
      streetCode,
    });
    if (!officeId) throw new AppError('APPLICATION_NOT_ROUTABLE');
    offices[service.code] = officeId;
    versions[service.code] = service.versionId;
  }
  const receivingOfficeId = filing.counter?.officeId ?? offices[services[0]!.code]!;

  const planEntry: PlanEntry =
    entry.entryType === 'bundle'
      ? {
          type: 'bundle',
          code: entry.code,
          definition: entry.definition as BundleDefinition,
          members: entry.members.map((m) => ({ code: m.code, definition: m.definition })),
        }
      : { type: 'service', code: entry.code, definition: entry.definition as ServiceDefinition };
  const workflow = buildPlan(planEntry);
  const plan: StoredPlan = { workflow, offices, versions };
  const transition = startWorkflow(workflow, { formData: data, delivery: delivery.method });
  const promisedDays = promisedWorkingDays(workflow);
  const registerFilled = new Set(Object.keys(entry.definition.form.ui.prefill ?? {}));
  const claimsOffered = (input.prefilledFields ?? []).some((name) => !registerFilled.has(name));
  const offered = claimsOffered
    ? Object.keys(await previousValues(deps.database.db, filing.applicant, entry.definition.form))
    : [];
  const fieldCounts = countFields(entry.definition.form, data, input.prefilledFields, offered);
  const materials = await countMaterialsNotNeeded(
    deps.database.db,
    services.map((s) => s.definition),
    filing.applicant,
  );
  const serviceTrips = Math.max(...services.map((s) => s.definition.tripsNeeded));
  const tripsNeeded =
    Math.max(serviceTrips, filing.channel === 'counter' ? 1 : 0) + (delivery.method === 'pickup' ? 1 : 0);
  const actor: AuditActor = {
    userId: principal.userId,
    name: principal.displayName,
    officeId: filing.counter?.officeId,
  };

  try {
    const receipt = await deps.database.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const calendar = deps.calendar.current();
      const submittedAt = now.toISOString();
      const id = uuidv7();
      // The receipt counter and the audit chain head are the two rows every submit locks; they
      // are taken last, so concurrent submits (PostgreSQL) wait on them only for the final
      // statements. Until then the row holds a placeholder unique to it.
      const application: ApplicationTable = {
        id,
        receiptNo: `pending:${id}`,
        entryId: entry.id,
        entryCode: entry.code,
        entryType: entry.entryType,
        versionId: entry.versionId,
        nameZh: entry.definition.nameZh,
        nameEn: entry.definition.nameEn,
        applicantPersonId: 'personId' in filing.applicant ? filing.applicant.personId : null,
        applicantEnterpriseId: 'enterpriseId' in filing.applicant ? filing.applicant.enterpriseId : null,
        filedByUserId: principal.userId,
        filedByPersonId: principal.personId,
        channel: filing.channel,
        counterConfirmation: filing.counter
          ? JSON.stringify({
              ...filing.counter.confirmation,
              confirmedAt: submittedAt,
              clerkUserId: principal.userId,
            })
          : null,
        districtCode,
        receivingOfficeId,
        status: transition.state.status,
        data: JSON.stringify(data),
        delivery: JSON.stringify(delivery),
        plan: JSON.stringify(plan),
        workflowState: JSON.stringify(transition.state),
        stateVersion: 1,
        idempotencyKey: filing.idempotencyKey,
        requestHash,
        submittedAt,
        promisedWorkingDays: promisedDays,
        promisedDate: calendar.addWorkingDays(now, promisedDays).date,
        pausedSince: null,
        pausedWorkingDays: 0,
        finishedAt: null,
        ...fieldCounts,
        materialsTotal: materials.total,
        materialsNotNeeded: materials.notNeeded,
        tripsNeeded,
        supplementCount: 0,
      };
      await trx.insertInto('applications').values(application).execute();
      await recordEvent(trx, {
        applicationId: application.id,
        at: submittedAt,
        kind: 'submitted',
        actor,
        officeId: filing.counter?.officeId ?? null,
        taskKey: null,
        details: { channel: filing.channel },
      });
      const outcome = await applyEffects(
        {
          trx,
          deps,
          calendar,
          now,
          application,
          plan,
          actor,
          actorOfficeId: filing.counter?.officeId ?? null,
        },
        transition,
      );
      if (input.attachmentIds?.length)
        await bindAttachments(trx, {
          ownerUserId: principal.userId,
          attachmentIds: input.attachmentIds,
          applicationId: application.id,
        });
      await deleteDraft(trx, principal.userId, entry.id, filing.applicant);
      application.receiptNo = await nextReceiptNo(trx, now);
      application.status = outcome.status;
      application.finishedAt = outcome.finishedAt;
      // One update for what became known after the insert: the receipt number and the status.
      await trx
        .updateTable('applications')
        .set({
          receiptNo: application.receiptNo,
          status: application.status,
          finishedAt: application.finishedAt,
        })
        .where('id', '=', application.id)
        .execute();
      await notifyApplicant(trx, deps, application, 'submitted');
      await appendAudit(trx, {
        actor,
        action: filing.channel === 'counter' ? 'application.submit.counter' : 'application.submit',
        objectType: 'application',
        objectId: application.id,
        subjectPersonId: application.applicantPersonId,
        subjectEnterpriseId: application.applicantEnterpriseId,
        purpose: 'application',
        requestId: context.requestId,
        details: { receiptNo: application.receiptNo, entryCode: entry.code, channel: filing.channel },
      });
      return presentReceipt(application);
    });
    return { receipt, replayed: false };
  } catch (error) {
    if (filing.idempotencyKey && isIdempotencyViolation(error)) {
      const existing = await findByIdempotencyKey(deps, principal.userId, filing.idempotencyKey);
      if (existing) return replay(existing, requestHash);
    }
    throw error;
  }
}

async function deleteDraft(
  trx: Transaction<Database>,
  ownerUserId: string,
  entryId: string,
  applicant: ApplicantRef,
): Promise<void> {
  const subjectKey =
    'personId' in applicant ? `person:${applicant.personId}` : `enterprise:${applicant.enterpriseId}`;
  await trx
    .deleteFrom('applicationDrafts')
    .where('ownerUserId', '=', ownerUserId)
    .where('entryId', '=', entryId)
    .where('subjectKey', '=', subjectKey)
    .execute();
}
