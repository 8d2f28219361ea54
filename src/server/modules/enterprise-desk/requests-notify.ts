// Who hears about a request's steps, and the words they get (in both languages).
import type { Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.ts';
import type { Database } from '../../platform/db/schema.ts';
import { listOfficeStaff, listStaffOfOffices } from '../identity/applicants.service.ts';
import { notify } from '../notifications/notify.ts';
import { listOffices } from '../reference/reference.service.ts';
import type { Executor } from './assignments.repository.ts';
import { findManagerOf } from './assignments.service.ts';
import type { DeskRequestTable } from './requests.tables.ts';

type Trx = Transaction<Database>;

/** Service managers of a district, and the office admins of their offices (their heads). */
export async function districtDesk(
  db: Executor,
  districtCode: string,
): Promise<{ managerUserIds: string[]; headUserIds: string[] }> {
  const offices = await listOffices(db, { districtCode });
  const staff = await listStaffOfOffices(
    db,
    offices.map((o) => o.id),
    ['service_manager', 'office_admin'],
  );
  const managerUserIds = staff.filter((s) => s.role === 'service_manager').map((s) => s.userId);
  // The heads are the office admins of the offices that have service managers.
  const managerOffices = new Set(staff.filter((s) => s.role === 'service_manager').map((s) => s.officeId));
  const headUserIds = staff
    .filter((s) => s.role === 'office_admin' && managerOffices.has(s.officeId))
    .map((s) => s.userId);
  return { managerUserIds: [...new Set(managerUserIds)], headUserIds: [...new Set(headUserIds)] };
}

/** Who a missed target escalates to: the enterprise's head, the managing office's admins, or the district's. */
export async function escalationRecipients(db: Executor, row: DeskRequestTable): Promise<string[]> {
  if (row.enterpriseId) {
    const manager = await findManagerOf(db, row.enterpriseId);
    if (manager && manager.escalationUserIds.length) return manager.escalationUserIds;
  }
  if (row.managerOfficeId) {
    const admins = await listOfficeStaff(db, row.managerOfficeId, ['office_admin']);
    if (admins.length) return admins.map((a) => a.userId);
  }
  return (await districtDesk(db, row.districtCode)).headUserIds;
}

/** The people on the desk side: the handling manager, or the district's managers before acceptance. */
export async function deskRecipients(db: Executor, row: DeskRequestTable): Promise<string[]> {
  if (row.managerUserId) return [row.managerUserId];
  return (await districtDesk(db, row.districtCode)).managerUserIds;
}

export function filerRecipients(row: DeskRequestTable) {
  return row.enterpriseId ? { enterpriseIds: [row.enterpriseId] } : { personIds: [row.personId!] };
}

const LINK = (row: DeskRequestTable) => `/desk/requests/${row.id}`;

/** Tells the filer about a step (accepted, answered, routed) of their request. */
export async function notifyFiler(
  trx: Trx,
  deps: AppDeps,
  row: DeskRequestTable,
  kind: 'accepted' | 'answered' | 'routed',
): Promise<void> {
  const words = {
    accepted: { zh: '已受理', en: 'has been accepted' },
    routed: { zh: '已转相关部门办理', en: 'has been passed to the offices concerned' },
    answered: { zh: '已答复，请确认并评价', en: 'has been answered; please confirm and rate it' },
  }[kind];
  await notify(trx, deps.jobs, {
    recipients: filerRecipients(row),
    kind: `desk.request.${kind}`,
    title: { zh: `诉求${words.zh}`, en: `Your request ${words.en}` },
    body: {
      zh: `您的诉求 ${row.referenceNo}（${row.title}）${words.zh}。`,
      en: `Your request ${row.referenceNo} (${row.title}) ${words.en}.`,
    },
    link: LINK(row),
    object: { type: 'desk_request', id: row.id },
  });
}

/** Tells the desk side (manager, or the district's managers) about the filer's step. */
export async function notifyDesk(
  trx: Trx,
  deps: AppDeps,
  row: DeskRequestTable,
  kind: 'filed' | 'resolved' | 'reopened' | 'answered',
): Promise<void> {
  const words = {
    filed: { zh: '新诉求待受理', en: 'A new request to accept' },
    resolved: { zh: '诉求已确认解决', en: 'A request was confirmed resolved' },
    reopened: { zh: '诉求被重新打开', en: 'A request was reopened' },
    answered: { zh: '各部门均已答复诉求', en: 'Every office has answered a request' },
  }[kind];
  await notify(trx, deps.jobs, {
    recipients: { userIds: await deskRecipients(trx, row) },
    kind: `desk.request.${kind === 'answered' ? 'parts_answered' : kind}`,
    title: { zh: words.zh, en: words.en },
    body: {
      zh: `${words.zh}：${row.referenceNo}（${row.title}）。`,
      en: `${words.en}: ${row.referenceNo} (${row.title}).`,
    },
    link: LINK(row),
    object: { type: 'desk_request', id: row.id },
  });
}

/** Tells the staff of the offices a request was routed to. */
export async function notifyOffices(trx: Trx, deps: AppDeps, row: DeskRequestTable, officeIds: string[]) {
  const userIds = new Set((await listStaffOfOffices(trx, officeIds)).map((staff) => staff.userId));
  await notify(trx, deps.jobs, {
    recipients: { userIds: [...userIds] },
    kind: 'desk.request.part_routed',
    title: { zh: '有企业诉求转本部门办理', en: 'A request was passed to your office' },
    body: {
      zh: `诉求 ${row.referenceNo}（${row.title}）已转本部门办理，请在期限内答复。`,
      en: `Request ${row.referenceNo} (${row.title}) was passed to your office; please answer within the target.`,
    },
    link: '/desk/office',
    object: { type: 'desk_request', id: row.id },
  });
}
