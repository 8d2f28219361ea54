// Short named queries over the desk's request tables (desk_requests, parts, events, counters).
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { dialectOf } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Executor } from './assignments.repository.ts';
import type {
  DeskRequestEventTable,
  DeskRequestPartTable,
  DeskRequestTable,
  RequestEventKind,
} from './requests.tables.ts';

export function findRequest(db: Executor, id: string): Promise<DeskRequestTable | undefined> {
  return db.selectFrom('deskRequests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The request, locked for the rest of the transaction (a row lock on PostgreSQL). */
export async function lockRequest(
  trx: Transaction<Database>,
  id: string,
): Promise<DeskRequestTable | undefined> {
  let query = trx.selectFrom('deskRequests').selectAll().where('id', '=', id);
  if (dialectOf(trx) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertRequest(trx: Transaction<Database>, row: DeskRequestTable): Promise<void> {
  await trx.insertInto('deskRequests').values(row).execute();
}

export async function updateRequest(
  trx: Transaction<Database>,
  id: string,
  changes: Partial<Omit<DeskRequestTable, 'id'>>,
): Promise<void> {
  await trx.updateTable('deskRequests').set(changes).where('id', '=', id).execute();
}

/** The next number of a Shanghai day's reference numbers (one counter row per day). */
export async function nextReferenceNumber(trx: Transaction<Database>, day: string): Promise<number> {
  const row = await trx
    .insertInto('deskRequestCounters')
    .values({ day, lastNumber: 1 })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ lastNumber: sql<number>`desk_request_counters.last_number + 1` }),
    )
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return Number(row.lastNumber);
}

export async function recordRequestEvent(
  trx: Transaction<Database>,
  event: {
    requestId: string;
    at: string;
    kind: RequestEventKind;
    actor: { userId: string; name: string } | null;
    officeId?: string | null;
    body?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const row: DeskRequestEventTable = {
    id: uuidv7(),
    requestId: event.requestId,
    at: event.at,
    kind: event.kind,
    actorUserId: event.actor?.userId ?? null,
    actorName: event.actor?.name ?? null,
    officeId: event.officeId ?? null,
    body: event.body ?? null,
    details: JSON.stringify(event.details ?? {}),
  };
  await trx.insertInto('deskRequestEvents').values(row).execute();
}

export function listEvents(db: Executor, requestId: string): Promise<DeskRequestEventTable[]> {
  return db
    .selectFrom('deskRequestEvents')
    .selectAll()
    .where('requestId', '=', requestId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function listParts(db: Executor, requestId: string): Promise<DeskRequestPartTable[]> {
  return db
    .selectFrom('deskRequestParts')
    .selectAll()
    .where('requestId', '=', requestId)
    .orderBy('routedAt')
    .orderBy('id')
    .execute();
}

export function findPart(db: Executor, partId: string): Promise<DeskRequestPartTable | undefined> {
  return db.selectFrom('deskRequestParts').selectAll().where('id', '=', partId).executeTakeFirst();
}

export async function insertParts(trx: Transaction<Database>, rows: DeskRequestPartTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('deskRequestParts').values(rows).execute();
}

/** Whether one of the offices holds a part of the request (any round). */
export async function hasPartForOffices(
  db: Executor,
  requestId: string,
  officeIds: string[],
): Promise<boolean> {
  if (officeIds.length === 0) return false;
  const row = await db
    .selectFrom('deskRequestParts')
    .select('id')
    .where('requestId', '=', requestId)
    .where('officeId', 'in', officeIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** Parts routed to the offices, open ones first, newest first within each. */
export function listPartsOfOffices(db: Executor, officeIds: string[], status?: 'open' | 'answered') {
  let query = db
    .selectFrom('deskRequestParts as p')
    .innerJoin('deskRequests as r', 'r.id', 'p.requestId')
    .select([
      'p.id',
      'p.requestId',
      'p.officeId',
      'p.instructions',
      'p.status',
      'p.routedAt',
      'p.answeredAt',
      'r.referenceNo',
      'r.category',
      'r.title',
      'r.resolutionDueAt',
      'r.enterpriseId',
      'r.personId',
    ])
    .where('p.officeId', 'in', officeIds.length ? officeIds : ['-']);
  if (status) query = query.where('p.status', '=', status);
  return query.orderBy('p.status', 'desc').orderBy('p.routedAt', 'desc').limit(200).execute();
}

const OPEN: DeskRequestTable['status'][] = ['submitted', 'accepted', 'routed', 'reopened'];

/** Requests of a filer: the person's own and those of the given enterprises, newest first. */
export function listRequestsOfFiler(db: Executor, personId: string, enterpriseIds: string[]) {
  return db
    .selectFrom('deskRequests')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('personId', '=', personId),
        ...(enterpriseIds.length ? [eb('enterpriseId', 'in', enterpriseIds)] : []),
      ]),
    )
    .orderBy('filedAt', 'desc')
    .limit(200)
    .execute();
}

/**
 * Requests on a manager's desk: handled by them, of enterprises in `enterpriseIds` (those they
 * manage or head), of the managing offices they administer, and residents' requests nobody has
 * accepted yet in their districts. Open ones only unless `includeClosed`.
 */
export function listRequestsForDesk(
  db: Executor,
  scope: { userId: string; enterpriseIds: string[]; adminOfficeIds: string[]; districtCodes: string[] },
  includeClosed: boolean,
) {
  let query = db
    .selectFrom('deskRequests')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('managerUserId', '=', scope.userId),
        ...(scope.enterpriseIds.length ? [eb('enterpriseId', 'in', scope.enterpriseIds)] : []),
        ...(scope.adminOfficeIds.length ? [eb('managerOfficeId', 'in', scope.adminOfficeIds)] : []),
        ...(scope.districtCodes.length
          ? [eb.and([eb('managerUserId', 'is', null), eb('districtCode', 'in', scope.districtCodes)])]
          : []),
      ]),
    );
  if (!includeClosed) query = query.where('status', 'in', OPEN);
  return query.orderBy('resolutionDueAt').limit(500).execute();
}
