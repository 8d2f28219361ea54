// Requests (诉求, 有求必应): filed by an enterprise member or a resident, accepted by the service
// manager, answered by the manager or routed to offices that each answer their part, confirmed
// and rated by the filer, reopened with the history kept. Every change is one transaction with
// its timeline event, timers, notifications and audit record.
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { AppError } from '../../platform/errors.ts';
import { bindAttachments } from '../attachments/attachments.service.ts';
import { findApplicantProfile } from '../identity/applicants.service.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { findManagerOf } from './assignments.service.ts';
import { actorOf, auditBase, change, type RequestContext } from './requests-change.ts';
import { notifyDesk, notifyFiler } from './requests-notify.ts';
import {
  insertRequest,
  nextReferenceNumber,
  recordRequestEvent,
  updateRequest,
} from './requests.repository.ts';
import { requestDueTimes } from './requests-sla.ts';
import type { DeskRequestTable, RequestCategory } from './requests.tables.ts';
import { scheduleRequestTimers } from './requests-timers.ts';

export interface FileRequestInput {
  category: RequestCategory;
  title: string;
  description: string;
  attachmentIds?: string[];
}

/**
 * Files a request. For an enterprise (`enterpriseId`), the caller must be an active member and
 * the enterprise must have a service manager (DESK_NOT_ASSIGNED), who then handles it; a
 * resident's own request goes to the service managers of their district, the first to accept
 * handles it. Attachments are the caller's earlier uploads (POST /api/v1/attachments).
 */
export async function fileRequest(
  context: RequestContext,
  input: FileRequestInput & { enterpriseId?: string },
): Promise<DeskRequestTable> {
  const { deps, principal } = context;
  const { db } = deps.database;
  if (input.enterpriseId) await assertEnterpriseMember(db, principal, input.enterpriseId);
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const manager = input.enterpriseId ? await findManagerOf(db, input.enterpriseId) : undefined;
  if (input.enterpriseId && !manager) throw new AppError('DESK_NOT_ASSIGNED');
  const profile = input.enterpriseId
    ? undefined
    : await findApplicantProfile(db, { personId: principal.personId });
  const districtCode = manager?.districtCode ?? profile?.districtCode;
  if (!districtCode) throw new AppError('DESK_NOT_ASSIGNED');
  const now = deps.clock.now();
  const calendar = await deps.calendar.fresh();
  const due = requestDueTimes(calendar, input.category, now);
  return db.transaction().execute(async (trx) => {
    const day = shanghaiDate(now);
    const number = await nextReferenceNumber(trx, day);
    const row: DeskRequestTable = {
      id: uuidv7(),
      referenceNo: `SQ-${day.replaceAll('-', '')}-${String(number).padStart(4, '0')}`,
      enterpriseId: input.enterpriseId ?? null,
      personId: input.enterpriseId ? null : principal.personId,
      filedByUserId: principal.userId,
      districtCode,
      streetCode: manager ? manager.streetCode : (profile?.streetCode ?? null),
      managerUserId: manager?.managerUserId ?? null,
      managerOfficeId: manager?.officeId ?? null,
      category: input.category,
      title: input.title.trim(),
      description: input.description.trim(),
      status: 'submitted',
      filedAt: now.toISOString(),
      firstResponseDueAt: due.firstResponseDueAt.toISOString(),
      firstRespondedAt: null,
      resolutionDueAt: due.resolutionDueAt.toISOString(),
      answeredAt: null,
      resolvedAt: null,
      firstResponseRemindedAt: null,
      firstResponseEscalatedAt: null,
      resolutionRemindedAt: null,
      resolutionEscalatedAt: null,
      reopenCount: 0,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      updatedAt: now.toISOString(),
    };
    await insertRequest(trx, row);
    const attachments = await bindAttachments(trx, {
      ownerUserId: principal.userId,
      attachmentIds: input.attachmentIds ?? [],
      // The attachments module binds uploads to the object that holds them; here the request.
      applicationId: row.id,
    });
    await recordRequestEvent(trx, {
      requestId: row.id,
      at: row.filedAt,
      kind: 'filed',
      actor: actorOf(principal),
      details: { category: row.category, attachmentIds: attachments.map((a) => a.id) },
    });
    await scheduleRequestTimers(trx, deps, calendar, row, now, { firstResponse: true });
    await notifyDesk(trx, deps, row, 'filed');
    await appendAudit(trx, {
      ...auditBase(context, row),
      action: 'desk.request.file',
      details: { referenceNo: row.referenceNo, category: row.category, attachments: attachments.length },
    });
    return row;
  });
}

/** The manager (or, for a resident's request, a service manager of the district) accepts it. */
export async function acceptRequest(
  context: RequestContext,
  requestId: string,
  note?: string,
): Promise<void> {
  await change(context, requestId, { viewer: 'desk', statuses: ['submitted'] }, async (trx, row, now) => {
    const managerOfficeId =
      row.managerOfficeId ??
      context.principal.staff.find((s) => s.role === 'service_manager')?.officeId ??
      context.principal.staff[0]!.officeId;
    const next: DeskRequestTable = {
      ...row,
      status: 'accepted',
      managerUserId: row.managerUserId ?? context.principal.userId,
      managerOfficeId,
      firstRespondedAt: row.firstRespondedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await updateRequest(trx, row.id, {
      status: next.status,
      managerUserId: next.managerUserId,
      managerOfficeId,
      firstRespondedAt: next.firstRespondedAt,
      updatedAt: next.updatedAt,
    });
    await recordRequestEvent(trx, {
      requestId: row.id,
      at: now.toISOString(),
      kind: 'accepted',
      actor: actorOf(context.principal),
      body: note?.trim() || null,
    });
    await notifyFiler(trx, context.deps, next, 'accepted');
    await appendAudit(trx, { ...auditBase(context, row), action: 'desk.request.accept' });
  });
}

/** The manager answers the request themself: it is answered, awaiting the filer's confirmation. */
export async function answerRequest(
  context: RequestContext,
  requestId: string,
  answer: string,
): Promise<void> {
  await change(
    context,
    requestId,
    { viewer: 'desk', statuses: ['submitted', 'accepted', 'reopened'] },
    async (trx, row, now) => {
      const at = now.toISOString();
      const next: DeskRequestTable = {
        ...row,
        status: 'answered',
        managerUserId: row.managerUserId ?? context.principal.userId,
        managerOfficeId: row.managerOfficeId ?? context.principal.staff[0]!.officeId,
        firstRespondedAt: row.firstRespondedAt ?? at,
        answeredAt: at,
        updatedAt: at,
      };
      await updateRequest(trx, row.id, {
        status: 'answered',
        managerUserId: next.managerUserId,
        managerOfficeId: next.managerOfficeId,
        firstRespondedAt: next.firstRespondedAt,
        answeredAt: at,
        updatedAt: at,
      });
      await recordRequestEvent(trx, {
        requestId: row.id,
        at,
        kind: 'answered',
        actor: actorOf(context.principal),
        body: answer.trim(),
      });
      await notifyFiler(trx, context.deps, next, 'answered');
      await appendAudit(trx, { ...auditBase(context, row), action: 'desk.request.answer' });
    },
  );
}

/** The filer confirms the answered request resolved and rates it (1–5, with an optional comment). */
export async function confirmRequest(
  context: RequestContext,
  requestId: string,
  input: { rating: number; comment?: string },
): Promise<void> {
  await change(context, requestId, { viewer: 'filer', statuses: ['answered'] }, async (trx, row, now) => {
    const at = now.toISOString();
    const comment = input.comment?.trim() || null;
    await updateRequest(trx, row.id, {
      status: 'resolved',
      resolvedAt: at,
      rating: input.rating,
      ratingComment: comment,
      ratedAt: at,
      updatedAt: at,
    });
    await recordRequestEvent(trx, {
      requestId: row.id,
      at,
      kind: 'resolved',
      actor: actorOf(context.principal),
    });
    await recordRequestEvent(trx, {
      requestId: row.id,
      at,
      kind: 'rated',
      actor: actorOf(context.principal),
      body: comment,
      details: { rating: input.rating },
    });
    await notifyDesk(trx, context.deps, { ...row, status: 'resolved' }, 'resolved');
    await appendAudit(trx, {
      ...auditBase(context, row),
      action: 'desk.request.confirm',
      details: { rating: input.rating },
    });
  });
}

/**
 * The filer reopens an answered or resolved request with a reason. The timeline keeps every
 * earlier answer and rating; the request gets a new resolution target from now, new timers and
 * a new round of office parts.
 */
export async function reopenRequest(
  context: RequestContext,
  requestId: string,
  reason: string,
): Promise<void> {
  const calendar = await context.deps.calendar.fresh();
  await change(
    context,
    requestId,
    { viewer: 'filer', statuses: ['answered', 'resolved'] },
    async (trx, row, now) => {
      const at = now.toISOString();
      const due = requestDueTimes(calendar, row.category, now);
      const next: DeskRequestTable = {
        ...row,
        status: 'reopened',
        reopenCount: row.reopenCount + 1,
        resolutionDueAt: due.resolutionDueAt.toISOString(),
        answeredAt: null,
        resolvedAt: null,
        rating: null,
        ratingComment: null,
        ratedAt: null,
        resolutionRemindedAt: null,
        resolutionEscalatedAt: null,
        updatedAt: at,
      };
      await updateRequest(trx, row.id, {
        status: next.status,
        reopenCount: next.reopenCount,
        resolutionDueAt: next.resolutionDueAt,
        answeredAt: null,
        resolvedAt: null,
        rating: null,
        ratingComment: null,
        ratedAt: null,
        resolutionRemindedAt: null,
        resolutionEscalatedAt: null,
        updatedAt: at,
      });
      await recordRequestEvent(trx, {
        requestId: row.id,
        at,
        kind: 'reopened',
        actor: actorOf(context.principal),
        body: reason.trim(),
        details: { round: next.reopenCount, previousRating: row.rating },
      });
      await scheduleRequestTimers(trx, context.deps, calendar, next, now, { firstResponse: false });
      await notifyDesk(trx, context.deps, next, 'reopened');
      await appendAudit(trx, {
        ...auditBase(context, row),
        action: 'desk.request.reopen',
        details: { round: next.reopenCount },
      });
    },
  );
}

export type { RequestContext } from './requests-change.ts';
export { answerPart, routeRequest } from './requests-routing.ts';
