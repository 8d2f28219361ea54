// 用数记录: every access to a person's (or an enterprise's) data, read from the hash-chained audit
// log: the gateway's reads (`data.read`, including the person's own queries) and every other
// audited use of their data by someone else (staff reads of the person record, changes).
// Refused reads are kept in the audit log for the admins but are not accesses.
import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { listOffices } from '../reference/reference.service.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import type { AccessRecord } from '../../../contracts/api/data-access.ts';

export type AccessSubject = { personId: string; ownUserId: string } | { enterpriseId: string };

export interface AccessRecordFilter {
  /** YYYY-MM-DD, Asia/Shanghai days, inclusive. */
  from?: string;
  to?: string;
  /** `office:<id>`, `app:<id>` or `self`. */
  consumer?: string;
  purpose?: string;
}

const shanghaiDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function baseQuery(db: Db, subject: AccessSubject, filter: AccessRecordFilter) {
  let query = db.selectFrom('auditLog');
  if ('personId' in subject) {
    query = query
      .where('subjectPersonId', '=', subject.personId)
      .where((eb) =>
        eb.or([
          eb('action', '=', 'data.read'),
          eb.and([
            eb('action', 'not like', 'auth.%'),
            eb('action', 'not like', 'data.%'),
            eb('action', 'not like', 'sharing.%'),
            eb.or([eb('actorUserId', 'is', null), eb('actorUserId', '!=', subject.ownUserId)]),
          ]),
        ]),
      );
  } else {
    query = query
      .where('subjectEnterpriseId', '=', subject.enterpriseId)
      .where((eb) =>
        eb.or([
          eb('action', '=', 'data.read'),
          eb.and([
            eb('action', 'not like', 'auth.%'),
            eb('action', 'not like', 'data.%'),
            eb('action', 'not like', 'sharing.%'),
          ]),
        ]),
      );
  }
  if (filter.from) query = query.where('at', '>=', shanghaiDayStart(filter.from));
  if (filter.to) {
    const next = new Date(Date.parse(shanghaiDayStart(filter.to)) + 86_400_000).toISOString();
    query = query.where('at', '<', next);
  }
  // An explicit ESCAPE: PostgreSQL defaults to backslash, SQLite has no escape character otherwise.
  if (filter.purpose)
    query = query.where(sql<boolean>`purpose like ${`%${escapeLike(filter.purpose)}%`} escape '\\'`);
  const consumer = filter.consumer;
  if (consumer === 'self') query = query.where('details', 'like', '%"kind":"data_subject"%');
  else if (consumer?.startsWith('office:'))
    query = query.where('actorOfficeId', '=', consumer.slice('office:'.length));
  else if (consumer?.startsWith('app:'))
    query = query.where(
      sql<boolean>`details like ${`%"appId":"${escapeLike(consumer.slice('app:'.length))}"%`} escape '\\'`,
    );
  return query;
}

interface Details {
  consumer?: { kind?: string; serviceCode?: string; appId?: string };
  applicationId?: string | null;
  registerNameZh?: string;
  registerNameEn?: string;
}

async function present(
  db: Db,
  rows: {
    id: string;
    at: string;
    action: string;
    actorName: string | null;
    actorOfficeId: string | null;
    objectId: string | null;
    fields: string | null;
    purpose: string | null;
    details: string | null;
  }[],
): Promise<AccessRecord[]> {
  const officeIds = [...new Set(rows.flatMap((r) => (r.actorOfficeId ? [r.actorOfficeId] : [])))];
  const offices = officeIds.length ? await listOffices(db, { ids: officeIds }) : [];
  const apps = await db.selectFrom('sharingApps').select(['id', 'nameZh', 'nameEn']).execute();
  return rows.map((row) => {
    const details = (row.details ? JSON.parse(row.details) : {}) as Details;
    const office = offices.find((o) => o.id === row.actorOfficeId);
    const appId = details.consumer?.appId ?? null;
    const app = apps.find((a) => a.id === appId);
    const isRead = row.action === 'data.read';
    const kind = isRead
      ? details.consumer?.kind === 'data_subject'
        ? 'self'
        : (details.consumer?.kind ?? 'other')
      : 'other';
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      actorName: row.actorName,
      officeId: row.actorOfficeId,
      officeName: office?.nameZh ?? null,
      officeNameEn: office?.nameEn ?? null,
      consumerKind: kind,
      serviceCode: details.consumer?.serviceCode ?? null,
      appId,
      appName: app?.nameZh ?? null,
      appNameEn: app?.nameEn ?? null,
      register: isRead ? row.objectId : null,
      registerNameZh: details.registerNameZh ?? null,
      registerNameEn: details.registerNameEn ?? null,
      fields: row.fields ? (JSON.parse(row.fields) as string[]) : [],
      purpose: row.purpose,
      applicationId: details.applicationId ?? null,
    };
  });
}

const COLUMNS = [
  'id',
  'at',
  'action',
  'actorName',
  'actorOfficeId',
  'objectId',
  'fields',
  'purpose',
  'details',
] as const;

/** One page of the subject's 用数记录, newest first. */
export async function listAccessRecords(
  db: Db,
  subject: AccessSubject,
  filter: AccessRecordFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AccessRecord[]; total: number }> {
  const query = baseQuery(db, subject, filter);
  const [rows, count] = await Promise.all([
    query.select(COLUMNS).orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(db, rows), total: Number(count.n) };
}

/** One access record of the subject's log, or ACCESS_RECORD_NOT_FOUND (also for another's). */
export async function getAccessRecord(
  db: Db,
  subject: AccessSubject,
  recordId: string,
): Promise<AccessRecord> {
  const row = await baseQuery(db, subject, {}).select(COLUMNS).where('id', '=', recordId).executeTakeFirst();
  if (!row) throw new AppError('ACCESS_RECORD_NOT_FOUND');
  return (await present(db, [row]))[0]!;
}

/** Whose log the caller may read: their own, or (with enterpriseId) an enterprise they belong to. */
export async function accessSubjectOf(
  db: Db,
  principal: Principal,
  enterpriseId?: string,
): Promise<AccessSubject> {
  if (enterpriseId) {
    await assertEnterpriseMember(db, principal, enterpriseId);
    return { enterpriseId };
  }
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  return { personId: principal.personId, ownUserId: principal.userId };
}
