// 有异议: a person (or an enterprise member) objects to an access record; the objection, with
// the record attached, waits for the platform admins, who answer it. Both steps are audited.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { DataAccessObjectionTable } from './sharing.tables.ts';
import type { Objection } from '../../../contracts/api/data-access.ts';
import { getAccessRecord, type AccessSubject } from './access-records.service.ts';

type Row = DataAccessObjectionTable;

async function present(db: Db, row: Row): Promise<Objection> {
  const subject: AccessSubject = row.subjectEnterpriseId
    ? { enterpriseId: row.subjectEnterpriseId }
    : { personId: row.subjectPersonId!, ownUserId: row.filedByUserId };
  const record = await getAccessRecord(db, subject, row.auditRecordId).catch(() => null);
  return {
    id: row.id,
    status: row.status,
    note: row.note,
    filedByName: row.filedByName,
    createdAt: row.createdAt,
    answer: row.answer,
    answeredByName: row.answeredByName,
    answeredAt: row.answeredAt,
    subjectPersonId: row.subjectPersonId,
    subjectEnterpriseId: row.subjectEnterpriseId,
    record,
  };
}

/** Files an objection to one record of the subject's own 用数记录. */
export async function fileObjection(
  db: Db,
  principal: Principal,
  subject: AccessSubject,
  input: { recordId: string; note: string },
  requestId: string,
): Promise<Objection> {
  const record = await getAccessRecord(db, subject, input.recordId);
  const row = {
    id: uuidv7(),
    auditRecordId: record.id,
    subjectPersonId: 'personId' in subject ? subject.personId : null,
    subjectEnterpriseId: 'enterpriseId' in subject ? subject.enterpriseId : null,
    filedByUserId: principal.userId,
    filedByName: principal.displayName,
    note: input.note.trim(),
    status: 'open' as const,
    answer: null,
    answeredByUserId: null,
    answeredByName: null,
    createdAt: nowIso(),
    answeredAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('dataAccessObjections').values(row).execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'sharing.objection.file',
      objectType: 'data_access_objection',
      objectId: row.id,
      subjectPersonId: row.subjectPersonId,
      subjectEnterpriseId: row.subjectEnterpriseId,
      requestId,
      details: { auditRecordId: record.id },
    });
  });
  return present(db, row);
}

/** The objections the caller filed. */
export async function listMyObjections(db: Db, principal: Principal): Promise<Objection[]> {
  const rows = await db
    .selectFrom('dataAccessObjections')
    .selectAll()
    .where('filedByUserId', '=', principal.userId)
    .orderBy('createdAt', 'desc')
    .execute();
  return Promise.all(rows.map((row) => present(db, row)));
}

/** Platform admins: every objection, open ones first. */
export async function listObjections(
  db: Db,
  principal: Principal,
  filter: { status?: 'open' | 'answered'; limit: number; offset: number },
): Promise<{ items: Objection[]; total: number }> {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  let query = db.selectFrom('dataAccessObjections');
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('status', 'desc')
      .orderBy('createdAt', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await Promise.all(rows.map((row) => present(db, row))), total: Number(count.n) };
}

export async function answerObjection(
  db: Db,
  principal: Principal,
  objectionId: string,
  answer: string,
  requestId: string,
): Promise<Objection> {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  const updated = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('dataAccessObjections')
      .selectAll()
      .where('id', '=', objectionId)
      .executeTakeFirst();
    if (!row) throw new AppError('OBJECTION_NOT_FOUND');
    if (row.status === 'answered') throw new AppError('OBJECTION_ALREADY_ANSWERED');
    const change = {
      status: 'answered' as const,
      answer: answer.trim(),
      answeredByUserId: principal.userId,
      answeredByName: principal.displayName,
      answeredAt: nowIso(),
    };
    await trx.updateTable('dataAccessObjections').set(change).where('id', '=', objectionId).execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'sharing.objection.answer',
      objectType: 'data_access_objection',
      objectId: objectionId,
      subjectPersonId: row.subjectPersonId,
      subjectEnterpriseId: row.subjectEnterpriseId,
      requestId,
    });
    return { ...row, ...change };
  });
  return present(db, updated);
}
