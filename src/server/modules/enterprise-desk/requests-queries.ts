// Reading requests: one request as its filer, its desk or a routed office sees it, and the lists
// of each (the filer's requests, the manager's desk, an office's queue of routed parts).
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findAttachment,
  listApplicationAttachments,
  readAttachmentContent,
} from '../attachments/attachments.service.ts';
import { applicantNames, userDisplayNames } from '../identity/applicants.service.ts';
import { activeEnterpriseLinks } from '../identity/me.service.ts';
import { listOffices } from '../reference/reference.service.ts';
import { enterprisesOverseenBy } from './assignments.service.ts';
import { managerDistricts, viewerOf, type RequestViewer } from './requests-access.ts';
import {
  findRequest,
  listEvents,
  listParts,
  listPartsOfOffices,
  listRequestsForDesk,
  listRequestsOfFiler,
} from './requests.repository.ts';
import type { DeskRequestTable } from './requests.tables.ts';

const CLOSED = new Set(['answered', 'resolved']);

/** The list item of a request, with whether its targets were or are being missed. */
export function presentSummary(row: DeskRequestTable, names: Map<string, string>, now = new Date()) {
  const nowIso = now.toISOString();
  return {
    id: row.id,
    referenceNo: row.referenceNo,
    category: row.category,
    title: row.title,
    status: row.status,
    filedAt: row.filedAt,
    enterpriseId: row.enterpriseId,
    filerName: names.get(row.enterpriseId ?? row.personId ?? '') ?? '',
    firstResponseDueAt: row.firstResponseDueAt,
    firstRespondedAt: row.firstRespondedAt,
    resolutionDueAt: row.resolutionDueAt,
    answeredAt: row.answeredAt,
    isFirstResponseLate: (row.firstRespondedAt ?? nowIso) > row.firstResponseDueAt,
    isResolutionLate: !CLOSED.has(row.status)
      ? nowIso > row.resolutionDueAt
      : (row.answeredAt ?? '') > row.resolutionDueAt,
    reopenCount: row.reopenCount,
    rating: row.rating,
  };
}

async function namesOf(db: Db, rows: DeskRequestTable[]) {
  return applicantNames(db, {
    personIds: rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    enterpriseIds: rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
  });
}

/** What the viewer may do next. */
function actionsFor(viewer: RequestViewer, row: DeskRequestTable): string[] {
  if (viewer === 'filer') {
    if (row.status === 'answered') return ['confirm', 'reopen'];
    if (row.status === 'resolved') return ['reopen'];
    return [];
  }
  if (viewer === 'manager') {
    if (row.status === 'submitted') return ['accept', 'answer', 'route'];
    if (row.status === 'accepted' || row.status === 'reopened') return ['answer', 'route'];
    if (row.status === 'routed') return ['route'];
  }
  return [];
}

/**
 * One request as the caller sees it: the filer sees every answer and step but not the desk's
 * internal reminders and escalations; the desk and routed offices see everything. A staff read
 * of a resident's request is audited (it holds personal data).
 */
export async function getRequest(db: Db, principal: Principal, id: string, requestId: string) {
  const row = await findRequest(db, id);
  if (!row) throw new AppError('DESK_REQUEST_NOT_FOUND');
  const viewer = await viewerOf(db, principal, row);
  const [events, parts, attachments, names] = await Promise.all([
    listEvents(db, id),
    listParts(db, id),
    listApplicationAttachments(db, id),
    namesOf(db, [row]),
  ]);
  const offices = await listOffices(db, {
    ids: [
      ...new Set([
        ...parts.map((p) => p.officeId),
        ...events.flatMap((e) => (e.officeId ? [e.officeId] : [])),
      ]),
    ],
  });
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const people = await userDisplayNames(db, [
    ...(row.managerUserId ? [row.managerUserId] : []),
    ...parts.flatMap((p) => (p.answeredByUserId ? [p.answeredByUserId] : [])),
  ]);
  if (viewer !== 'filer' && row.personId)
    await appendAudit(db, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'desk.request.read',
      objectType: 'deskRequest',
      objectId: row.id,
      subjectPersonId: row.personId,
      purpose: '处理诉求',
      requestId,
    });
  const officeName = (officeId: string | null) => {
    const office = officeId ? officeById.get(officeId) : undefined;
    return office
      ? { officeNameZh: office.nameZh, officeNameEn: office.nameEn }
      : { officeNameZh: null, officeNameEn: null };
  };
  return {
    ...presentSummary(row, names),
    description: row.description,
    districtCode: row.districtCode,
    managerName: row.managerUserId ? (people.get(row.managerUserId) ?? null) : null,
    resolvedAt: row.resolvedAt,
    ratingComment: row.ratingComment,
    viewer,
    actions: actionsFor(viewer, row),
    parts: parts.map((p) => ({
      id: p.id,
      officeId: p.officeId,
      ...officeName(p.officeId),
      instructions: p.instructions,
      status: p.status,
      round: p.round,
      answer: p.answer,
      answeredAt: p.answeredAt,
      answeredByName: p.answeredByUserId ? (people.get(p.answeredByUserId) ?? null) : null,
      isMine: principal.staff.some((s) => s.officeId === p.officeId),
    })),
    events: events
      .filter((e) => viewer !== 'filer' || !(JSON.parse(e.details) as { internal?: boolean }).internal)
      .map((e) => {
        const details = JSON.parse(e.details) as { rating?: number; target?: string };
        return {
          id: e.id,
          at: e.at,
          kind: e.kind,
          actorName: e.actorName,
          ...officeName(e.officeId),
          body: e.body,
          rating: details.rating ?? null,
          target: details.target ?? null,
        };
      }),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
    })),
  };
}

/** An attachment of a request, for anyone who may see the request. */
export async function readRequestAttachment(db: Db, principal: Principal, id: string, attachmentId: string) {
  const row = await findRequest(db, id);
  if (!row) throw new AppError('DESK_REQUEST_NOT_FOUND');
  await viewerOf(db, principal, row);
  const view = await findAttachment(db, attachmentId);
  if (!view || view.applicationId !== id) throw new AppError('DESK_ATTACHMENT_NOT_FOUND');
  const file = await readAttachmentContent(db, attachmentId);
  if (!file) throw new AppError('DESK_ATTACHMENT_NOT_FOUND');
  return file;
}

/** The caller's requests: their own as a resident and those of enterprises they act for. */
export async function listMyRequests(db: Db, principal: Principal) {
  if (!principal.personId) return [];
  const enterpriseIds = (await activeEnterpriseLinks(db, principal.personId)).map((l) => l.id);
  const rows = await listRequestsOfFiler(db, principal.personId, enterpriseIds);
  const names = await namesOf(db, rows);
  return rows.map((r) => presentSummary(r, names));
}

/** The requests on a manager's (or head's) desk, soonest target first. */
export async function listDeskRequests(db: Db, principal: Principal, includeClosed: boolean) {
  const enterprises = await enterprisesOverseenBy(db, principal);
  const rows = await listRequestsForDesk(
    db,
    {
      userId: principal.userId,
      enterpriseIds: enterprises.map((e) => e.enterpriseId),
      adminOfficeIds: principal.staff.filter((s) => s.role === 'office_admin').map((s) => s.officeId),
      districtCodes: await managerDistricts(db, principal),
    },
    includeClosed,
  );
  const names = await namesOf(db, rows);
  return rows.map((r) => presentSummary(r, names));
}

/** The routed parts of the caller's offices, open first. */
export async function listOfficeParts(db: Db, principal: Principal, status?: 'open' | 'answered') {
  const officeIds = [...new Set(principal.staff.map((s) => s.officeId))];
  const rows = await listPartsOfOffices(db, officeIds, status);
  const offices = new Map((await listOffices(db, { ids: officeIds })).map((o) => [o.id, o]));
  const names = await applicantNames(db, {
    personIds: rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    enterpriseIds: rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
  });
  return rows.map((r) => ({
    partId: r.id,
    requestId: r.requestId,
    referenceNo: r.referenceNo,
    category: r.category,
    title: r.title,
    filerName: names.get(r.enterpriseId ?? r.personId ?? '') ?? '',
    officeNameZh: offices.get(r.officeId)?.nameZh ?? '',
    officeNameEn: offices.get(r.officeId)?.nameEn ?? '',
    instructions: r.instructions,
    status: r.status,
    routedAt: r.routedAt,
    answeredAt: r.answeredAt,
    resolutionDueAt: r.resolutionDueAt,
  }));
}

/** The offices the desk may route the request to: its district's and the city-wide bodies. */
export async function listRouteOffices(db: Db, principal: Principal, id: string) {
  const row = await findRequest(db, id);
  if (!row) throw new AppError('DESK_REQUEST_NOT_FOUND');
  if ((await viewerOf(db, principal, row)) !== 'manager') throw new AppError('DESK_REQUEST_NOT_FOUND');
  const offices = [
    ...(await listOffices(db, { districtCode: row.districtCode })),
    ...(await cityOffices(db)),
  ];
  return offices.map((o) => ({
    id: o.id,
    code: o.code,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    isStreet: o.streetCode !== null,
  }));
}

async function cityOffices(db: Db) {
  return (await listOffices(db)).filter((o) => o.districtCode === null);
}
