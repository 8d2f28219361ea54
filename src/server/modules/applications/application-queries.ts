// Reading applications: the applicant's list and page, and the staff view of one application
// (an audited read of personal data, shown in the applicant's 用数记录).
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { listApplicationAttachments, readAttachmentContent } from '../attachments/attachments.service.ts';
import { applicantNames } from '../identity/applicants.service.ts';
import { activeEnterpriseLinks } from '../identity/me.service.ts';
import { listOffices } from '../reference/reference.service.ts';
import { canWithdraw } from '../workflow/index.ts';
import { findVersionDefinition } from '../catalog/catalog-versions.service.ts';
import {
  getOwnApplication,
  parsePlan,
  parseState,
  staffOfficesFor,
  findApplication,
} from './application-access.ts';
import type { ApplicationDetail, Delivery } from '../../../contracts/api/applications.ts';
import type { ApplicationStatus, ApplicationTable } from './applications.tables.ts';

function parseJson<T>(text: string | null, fallback: T): T {
  return text ? (JSON.parse(text) as T) : fallback;
}

/** The full page of one application, as the applicant or staff see it. */
export async function presentApplication(
  deps: AppDeps,
  row: ApplicationTable,
  options: { forStaff: boolean },
): Promise<ApplicationDetail> {
  const db = deps.database.db;
  const [tasks, events, supplements, attachments, definition] = await Promise.all([
    db
      .selectFrom('applicationTasks as t')
      .leftJoin('users as u', 'u.id', 't.assigneeUserId')
      .selectAll('t')
      .select('u.displayName as assigneeName')
      .where('t.applicationId', '=', row.id)
      .orderBy('t.openedAt')
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('applicationEvents')
      .selectAll()
      .where('applicationId', '=', row.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('applicationSupplements')
      .selectAll()
      .where('applicationId', '=', row.id)
      .orderBy('ordinal')
      .execute(),
    listApplicationAttachments(db, row.id),
    findVersionDefinition(db, row.versionId),
  ]);
  const officeIds = [
    row.receivingOfficeId,
    ...tasks.map((t) => t.officeId),
    ...events.flatMap((e) => (e.officeId ? [e.officeId] : [])),
  ];
  const offices = new Map((await listOffices(db, { ids: [...new Set(officeIds)] })).map((o) => [o.id, o]));
  const officeRef = (id: string) => {
    const office = offices.get(id);
    return { id, nameZh: office?.nameZh ?? '', nameEn: office?.nameEn ?? '' };
  };
  const names = await applicantNames(db, {
    personIds: row.applicantPersonId ? [row.applicantPersonId] : [],
    enterpriseIds: row.applicantEnterpriseId ? [row.applicantEnterpriseId] : [],
  });
  const plan = parsePlan(row);
  const state = parseState(row);
  const branchNames = new Map(plan.workflow.branches.map((b) => [b.branchKey, b]));
  const stepNames = new Map(tasks.map((t) => [t.taskKey, { nameZh: t.nameZh, nameEn: t.nameEn }]));
  // Internal steps (assignment, reminders, escalation) are for staff only.
  const visibleEvents = options.forStaff
    ? events
    : events.filter((e) => !(parseJson<Record<string, unknown>>(e.details, {}).internal === true));
  const calendar = deps.calendar.current();
  const finishedOrNow = row.finishedAt ? new Date(row.finishedAt) : deps.clock.now();
  const elapsed = Math.max(
    0,
    calendar.workingDaysBetween(new Date(row.submittedAt), finishedOrNow) - row.pausedWorkingDays,
  );
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    status: row.status,
    stateVersion: row.stateVersion,
    entry: {
      id: row.entryId,
      code: row.entryCode,
      type: row.entryType,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
    },
    applicant: row.applicantEnterpriseId
      ? {
          kind: 'enterprise',
          id: row.applicantEnterpriseId,
          name: names.get(row.applicantEnterpriseId) ?? '',
        }
      : { kind: 'person', id: row.applicantPersonId!, name: names.get(row.applicantPersonId!) ?? '' },
    channel: row.channel,
    districtCode: row.districtCode,
    receivingOffice: officeRef(row.receivingOfficeId),
    submittedAt: row.submittedAt,
    promisedDate: row.promisedDate,
    finishedAt: row.finishedAt,
    data: parseJson<Record<string, unknown>>(row.data, {}),
    delivery: parseJson<Delivery>(row.delivery, { method: 'online' }),
    branches: Object.entries(state.branches).map(([key, branch]) => ({
      serviceCode: key,
      nameZh: branchNames.get(key)?.nameZh ?? key,
      nameEn: branchNames.get(key)?.nameEn ?? key,
      status: branch.status,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      taskKey: t.taskKey,
      serviceCode: t.serviceCode,
      kind: t.kind,
      role: t.role,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      office: officeRef(t.officeId),
      status: t.status,
      awaitingSupplement: t.awaitingSupplement === 1,
      assignee:
        options.forStaff && t.assigneeUserId
          ? { userId: t.assigneeUserId, name: t.assigneeName ?? '' }
          : null,
      openedAt: t.openedAt,
      dueAt: t.dueAt,
      dueDate: t.dueDate,
      closedAt: t.closedAt,
      outcome: t.outcome,
    })),
    timeline: visibleEvents.map((e) => ({
      at: e.at,
      kind: e.kind,
      // The applicant sees the office, not the name of the official (staff see both).
      actorName: options.forStaff || !e.officeId ? e.actorName : null,
      office: e.officeId ? officeRef(e.officeId) : null,
      step: e.taskKey ? (stepNames.get(e.taskKey) ?? null) : null,
      details: parseJson<Record<string, unknown>>(e.details, {}),
    })),
    supplements: supplements.map((s) => ({
      id: s.id,
      requestedAt: s.requestedAt,
      status: s.status,
      answeredAt: s.answeredAt,
      ordinal: s.ordinal,
      items: JSON.parse(s.items) as ApplicationDetail['supplements'][number]['items'],
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      materialKey: a.materialKey,
    })),
    certificates: events
      .filter((e) => e.kind === 'certificate_issued')
      .map((e) => {
        const details = parseJson<{ number: string; certificateId: string; serviceCode: string }>(e.details, {
          number: '',
          certificateId: '',
          serviceCode: '',
        });
        const branch = branchNames.get(details.serviceCode);
        return {
          id: details.certificateId,
          number: details.number,
          nameZh: branch?.nameZh ?? '',
          nameEn: branch?.nameEn ?? '',
        };
      }),
    metrics: {
      fieldsTotal: row.fieldsTotal,
      fieldsPrefilled: row.fieldsPrefilled,
      fieldsTyped: row.fieldsTyped,
      materialsTotal: row.materialsTotal,
      materialsNotNeeded: row.materialsNotNeeded,
      tripsNeeded: row.tripsNeeded,
      supplementCount: row.supplementCount,
      elapsedWorkingDays: elapsed,
      promisedWorkingDays: row.promisedWorkingDays,
      pausedWorkingDays: row.pausedWorkingDays,
    },
    canWithdraw: canWithdraw(state),
    form: {
      schema: definition?.form.schema ?? {},
      ui: (definition?.form.ui ?? {}) as unknown as Record<string, unknown>,
    },
  };
}

/** The applicant's own application. */
export async function getApplicationForApplicant(deps: AppDeps, principal: Principal, id: string) {
  const row = await getOwnApplication(deps.database.db, principal, id);
  return presentApplication(deps, row, { forStaff: false });
}

/** Staff open an application of their office: recorded as a read of the applicant's data. */
export async function getApplicationForStaff(
  deps: AppDeps,
  principal: Principal,
  id: string,
  requestId: string,
) {
  const db = deps.database.db;
  const row = await findApplication(db, id);
  const offices = row ? await staffOfficesFor(db, principal, row) : [];
  if (!row || offices.length === 0) throw new AppError('APPLICATION_NOT_FOUND');
  await appendAudit(db, {
    actor: { userId: principal.userId, name: principal.displayName, officeId: offices[0] },
    action: 'application.read',
    objectType: 'application',
    objectId: row.id,
    subjectPersonId: row.applicantPersonId,
    subjectEnterpriseId: row.applicantEnterpriseId,
    fields: ['application.data', 'application.attachments'],
    purpose: `办理 ${row.receiptNo}`,
    requestId,
  });
  return presentApplication(deps, row, { forStaff: true });
}

/** One attachment of an application the caller may see (applicant, or staff of its offices). */
export async function readApplicationAttachment(
  deps: AppDeps,
  principal: Principal,
  applicationId: string,
  attachmentId: string,
  requestId: string,
) {
  const db = deps.database.db;
  const row = await findApplication(db, applicationId);
  if (!row) throw new AppError('APPLICATION_NOT_FOUND');
  const staffOffices = await staffOfficesFor(db, principal, row);
  if (staffOffices.length === 0) await getOwnApplication(db, principal, applicationId);
  const attachment = await readAttachmentContent(db, attachmentId);
  if (!attachment || attachment.view.applicationId !== applicationId) throw new AppError('NOT_FOUND');
  if (staffOffices.length)
    await appendAudit(db, {
      actor: { userId: principal.userId, name: principal.displayName, officeId: staffOffices[0] },
      action: 'application.attachment.read',
      objectType: 'attachment',
      objectId: attachmentId,
      subjectPersonId: row.applicantPersonId,
      subjectEnterpriseId: row.applicantEnterpriseId,
      fields: ['application.attachments'],
      purpose: `办理 ${row.receiptNo}`,
      requestId,
    });
  return attachment;
}

export interface ApplicationListFilter {
  status?: ApplicationStatus;
  limit: number;
  offset: number;
}

/** The applicant's applications: their own and those of the enterprises they currently represent. */
export async function listMyApplications(db: Db, principal: Principal, filter: ApplicationListFilter) {
  if (!principal.personId) return { items: [], total: 0 };
  const enterpriseIds = (await activeEnterpriseLinks(db, principal.personId)).map((l) => l.id);
  let query = db
    .selectFrom('applications')
    .where((eb) =>
      eb.or([
        eb('applicantPersonId', '=', principal.personId),
        ...(enterpriseIds.length ? [eb('applicantEnterpriseId', 'in', enterpriseIds)] : []),
      ]),
    );
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('submittedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const names = await applicantNames(db, {
    personIds: rows.flatMap((r) => (r.applicantPersonId ? [r.applicantPersonId] : [])),
    enterpriseIds: rows.flatMap((r) => (r.applicantEnterpriseId ? [r.applicantEnterpriseId] : [])),
  });
  return {
    total: Number(total.count),
    items: rows.map((r) => ({
      id: r.id,
      receiptNo: r.receiptNo,
      status: r.status,
      entry: { id: r.entryId, code: r.entryCode, type: r.entryType, nameZh: r.nameZh, nameEn: r.nameEn },
      applicantName: names.get(r.applicantEnterpriseId ?? r.applicantPersonId ?? '') ?? '',
      submittedAt: r.submittedAt,
      promisedDate: r.promisedDate,
      finishedAt: r.finishedAt,
    })),
  };
}
