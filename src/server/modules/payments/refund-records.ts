// Refund rows as the API shows them (shared by the refund use cases and the order detail).
import type { Transaction } from 'kysely';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Refund } from '../../../contracts/api/payments.ts';
import { isFinanceFor } from './payer-access.ts';

/** A refund with its order and payable, or undefined. */
export async function loadRefundContext(db: Db | Transaction<Database>, refundId: string) {
  return db
    .selectFrom('paymentRefunds as r')
    .innerJoin('paymentOrders as o', 'o.id', 'r.orderId')
    .innerJoin('payables as p', 'p.id', 'r.payableId')
    .selectAll('r')
    .select([
      'o.merchantOrderNo',
      'o.providerId',
      'o.payerPersonId',
      'o.payerEnterpriseId',
      'p.titleZh as payableTitleZh',
      'p.titleEn as payableTitleEn',
      'p.beneficiaryCode',
      'p.beneficiaryOfficeId',
    ])
    .where('r.id', '=', refundId)
    .executeTakeFirst();
}
export type RefundContext = NonNullable<Awaited<ReturnType<typeof loadRefundContext>>>;

export function presentRefund(row: RefundContext, principal: Principal | null): Refund {
  return {
    id: row.id,
    refundNo: row.refundNo,
    orderId: row.orderId,
    merchantOrderNo: row.merchantOrderNo,
    payableId: row.payableId,
    payableTitleZh: row.payableTitleZh,
    payableTitleEn: row.payableTitleEn,
    amountFen: row.amountFen,
    reason: row.reason,
    state: row.state,
    requestedBy: {
      userId: row.requestedByUserId,
      name: row.requestedByName,
      asPayer: row.requestedAsPayer === 1,
    },
    requestedAt: row.requestedAt,
    decidedBy: row.decidedByUserId ? { userId: row.decidedByUserId, name: row.decidedByName ?? '' } : null,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    providerRefundNo: row.providerRefundNo,
    completedAt: row.completedAt,
    canDecide:
      principal !== null &&
      row.state === 'requested' &&
      row.requestedByUserId !== principal.userId &&
      isFinanceFor(principal, row.beneficiaryOfficeId),
  };
}

/** The refunds of one order (for its detail page). */
export async function listOrderRefunds(
  db: Db,
  orderId: string,
  principal: Principal | null,
): Promise<Refund[]> {
  const ids = await db
    .selectFrom('paymentRefunds')
    .select('id')
    .where('orderId', '=', orderId)
    .orderBy('requestedAt')
    .execute();
  const refunds: Refund[] = [];
  for (const { id } of ids) refunds.push(presentRefund((await loadRefundContext(db, id))!, principal));
  return refunds;
}
