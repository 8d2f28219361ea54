// The frame of every change to a request: lock the row, check who may act and in which
// status, then run the change in the same transaction (with its event, audit and notices).
import type { Transaction } from 'kysely';
import type { Principal } from '../../platform/auth/access.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { isDesk, viewerOf } from './requests-access.ts';
import { lockRequest } from './requests.repository.ts';
import type { DeskRequestTable, RequestStatus } from './requests.tables.ts';

export type Trx = Transaction<Database>;

export interface RequestContext {
  deps: AppDeps;
  principal: Principal;
  requestId: string;
}

export const actorOf = (principal: Principal) => ({ userId: principal.userId, name: principal.displayName });

export function auditBase(context: RequestContext, row: DeskRequestTable) {
  return {
    actor: actorOf(context.principal),
    objectType: 'deskRequest',
    objectId: row.id,
    subjectEnterpriseId: row.enterpriseId,
    subjectPersonId: row.personId,
    requestId: context.requestId,
  };
}

/** Runs a change on the locked request after the access and status checks. */
export async function change<T>(
  context: RequestContext,
  requestId: string,
  allowed: { viewer: 'filer' | 'desk'; statuses: readonly RequestStatus[] },
  body: (trx: Trx, row: DeskRequestTable, now: Date) => Promise<T>,
): Promise<T> {
  const { deps, principal } = context;
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, requestId);
    if (!row) throw new AppError('DESK_REQUEST_NOT_FOUND');
    const viewer = await viewerOf(trx, principal, row);
    const permitted = allowed.viewer === 'filer' ? viewer === 'filer' : await isDesk(trx, principal, row);
    if (!permitted) throw new AppError(viewer === 'office' ? 'AUTH_FORBIDDEN' : 'DESK_REQUEST_NOT_FOUND');
    if (!allowed.statuses.includes(row.status))
      throw new AppError('DESK_REQUEST_STATE', { status: row.status }, { status: row.status });
    return body(trx, row, deps.clock.now());
  });
}
