import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { dialectOf, nowIso, type Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { AuditLogTable } from './audit.tables.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Who did it: a user (with the office they acted for) or the system itself (actor null). */
export interface AuditActor {
  userId: string;
  name: string;
  officeId?: string | null;
}

export interface AuditEntry {
  actor: AuditActor | null;
  /** Verb-led, namespaced: `auth.login`, `person.read`, `enterprise.agent.grant`. */
  action: string;
  objectType?: string;
  objectId?: string;
  subjectPersonId?: string | null;
  subjectEnterpriseId?: string | null;
  fields?: string[];
  purpose?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

type HashedPart = Omit<AuditLogTable, 'hash'>;

/** SHA-256 over a fixed-order JSON array of every stored column, chained to prevHash. */
export function hashAuditRecord(record: HashedPart): string {
  const canonical = JSON.stringify([
    record.seq,
    record.id,
    record.at,
    record.actorUserId,
    record.actorName,
    record.actorOfficeId,
    record.action,
    record.objectType,
    record.objectId,
    record.subjectPersonId,
    record.subjectEnterpriseId,
    record.fields,
    record.purpose,
    record.requestId,
    record.details,
    record.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one record to the hash-chained audit log. Runs inside the caller's transaction when
 * given one, so the record commits (or not) with the change it describes; otherwise opens its own.
 * On PostgreSQL the chain head row is locked, which keeps the chain linear across processes.
 */
export async function appendAudit(db: Db | Transaction<Database>, entry: AuditEntry): Promise<void> {
  const write = async (trx: Kysely<Database>) => {
    let headQuery = trx.selectFrom('auditHead').select(['lastSeq', 'lastHash']).where('id', '=', 1);
    if (dialectOf(trx) === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    const record: HashedPart = {
      seq: head.lastSeq + 1,
      id: uuidv7(),
      at: nowIso(),
      actorUserId: entry.actor?.userId ?? null,
      actorName: entry.actor?.name ?? null,
      actorOfficeId: entry.actor?.officeId ?? null,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      subjectPersonId: entry.subjectPersonId ?? null,
      subjectEnterpriseId: entry.subjectEnterpriseId ?? null,
      fields: entry.fields ? JSON.stringify(entry.fields) : null,
      purpose: entry.purpose ?? null,
      requestId: entry.requestId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      prevHash: head.lastHash,
    };
    const hash = hashAuditRecord(record);
    await trx
      .insertInto('auditLog')
      .values({ ...record, hash })
      .execute();
    await trx
      .updateTable('auditHead')
      .set({ lastSeq: record.seq, lastHash: hash })
      .where('id', '=', 1)
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; reason: 'edited' | 'deleted' | 'reordered' | 'link-broken' | 'tail-missing' };
}

/**
 * Walks the whole chain in order and reports the first record whose content no longer matches
 * its hash (edited), whose sequence skips (deleted) or whose link to the previous record is
 * broken (reordered), and a chain that ends before the recorded head (tail deleted).
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<AuditVerification> {
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const pageSize = 2000;
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      // Records appended after the head was read are the next verification's; counting them
      // here would report a live log as truncated.
      .where('seq', '<=', head.lastSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { ok: false, checked, firstBad: { seq: expectedSeq, reason: 'deleted' } };
      const { hash, ...rest } = row;
      if (hashAuditRecord(rest) !== hash) {
        const reason = wasMoved(rest, hash) ? 'reordered' : 'edited';
        return { ok: false, checked, firstBad: { seq: row.seq, reason } };
      }
      if (row.prevHash !== previousHash) {
        return { ok: false, checked, firstBad: { seq: row.seq, reason: 'link-broken' } };
      }
      previousHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked, head.lastSeq);
    if (page.length < pageSize) break;
  }
  if (checked !== head.lastSeq || previousHash !== head.lastHash) {
    return { ok: false, checked, firstBad: { seq: checked + 1, reason: 'tail-missing' } };
  }
  return { ok: true, checked };
}

/** A record whose content is intact but which sits at another position than it was written at. */
function wasMoved(record: HashedPart, storedHash: string): boolean {
  for (let offset = -1000; offset <= 1000; offset += 1) {
    const seq = record.seq + offset;
    if (offset === 0 || seq < 1) continue;
    if (hashAuditRecord({ ...record, seq }) === storedHash) return true;
  }
  return false;
}

export interface SubjectAccessRecord {
  id: string;
  at: string;
  actorName: string | null;
  actorOfficeId: string | null;
  action: string;
  purpose: string | null;
  fields: string[];
}

/**
 * Every audited use of a person's data by someone other than that person (用数记录),
 * newest first: who, from which office, what, for which purpose.
 */
export async function listSubjectAccess(
  db: Db,
  subject: { personId: string; ownUserId: string },
  page: { limit: number; offset: number },
): Promise<{ items: SubjectAccessRecord[]; total: number }> {
  const base = db
    .selectFrom('auditLog')
    .where('subjectPersonId', '=', subject.personId)
    .where((eb) => eb.or([eb('actorUserId', 'is', null), eb('actorUserId', '!=', subject.ownUserId)]))
    .where('action', 'not like', 'auth.%');
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'at', 'actorName', 'actorOfficeId', 'action', 'purpose', 'fields'])
      .orderBy('seq', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({ ...row, fields: row.fields ? (JSON.parse(row.fields) as string[]) : [] })),
    total: Number(count.total),
  };
}
