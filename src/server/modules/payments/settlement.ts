// Settling a payment order from what the provider says about it — a signed notification, the
// answer to a query, or the reconciliation job's view — EXACTLY ONCE. The order's state moves by a
// conditional UPDATE (… WHERE state IN ('created','pending')) inside one transaction with
// everything that follows from it (payables, ledger, audit, the payer's notification, the biller
// pushes); only the call whose UPDATE changed a row does that work, so duplicates, late and
// out-of-order reports, and concurrent ones are harmless on SQLite and PostgreSQL alike.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { NotificationSource } from './payments.tables.ts';
import type { ProviderOrder } from './ports.ts';
import { settlePaidOrder } from './settle-paid-order.ts';
export { BILLER_PUSH_MAX_ATTEMPTS, BILLER_PUSH_QUEUE } from './settle-paid-order.ts';

/** What settlement needs: the database and the job queue (AppDeps has both). */
export interface SettlementDeps {
  database: { db: Db };
  jobs: JobRunner;
}

/** What the provider says about an order, from a notification, a query or a statement. */
export interface OrderReport {
  merchantOrderNo: string;
  providerOrderNo?: string;
  state: 'pending' | 'paid' | 'closed' | 'failed';
  amountFen: number;
  providerTxnNo?: string;
  paidAt?: string;
  /** The provider's notification id, when it came as a notification. */
  notificationId?: string;
}

export type RefusalReason =
  | 'bad_signature'
  | 'unknown_order'
  | 'unknown_refund'
  | 'wrong_amount'
  | 'wrong_provider_order'
  | 'order_not_open'
  | 'conflicts_with_paid'
  | 'payables_not_held';

export type SettlementOutcome =
  /** This call moved the order (paid, closed or failed). */
  | { result: 'settled' | 'closed' | 'failed'; orderId: string }
  /** The order was already in that state (a duplicate or a late report), or still pending. */
  | { result: 'duplicate' | 'unchanged'; orderId: string }
  | { result: 'refused'; reason: RefusalReason; orderId?: string };

const OPEN_STATES = ['created', 'pending'] as const;
const PAID_STATES = ['paid', 'refunded', 'partially_refunded'];

/** Records one notification (or query answer) received and what became of it. */
export async function logNotification(
  db: Db | Transaction<Database>,
  entry: {
    providerId: string;
    source: NotificationSource;
    outcome: 'accepted' | 'duplicate' | 'refused';
    reason?: string | null;
    notificationId?: string | null;
    kind?: string | null;
    merchantOrderNo?: string | null;
    refundNo?: string | null;
    state?: string | null;
    amountFen?: number | null;
    rawBody?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('paymentNotifications')
    .values({
      id: uuidv7(),
      providerId: entry.providerId,
      source: entry.source,
      notificationId: entry.notificationId ?? null,
      kind: entry.kind ?? null,
      merchantOrderNo: entry.merchantOrderNo ?? null,
      refundNo: entry.refundNo ?? null,
      state: entry.state ?? null,
      amountFen: entry.amountFen ?? null,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      rawBody: entry.rawBody ? entry.rawBody.slice(0, 4000) : null,
      receivedAt: nowIso(),
    })
    .execute();
}

/**
 * Applies what the provider says about one order. Refuses (and logs) reports for unknown orders
 * and with the wrong amount; a report that finds the order already in its final state is a
 * duplicate; `paid` for an order that was closed or failed is refused as `order_not_open` (the
 * reconciliation lists it). `pending` changes nothing.
 */
export async function applyOrderReport(
  deps: SettlementDeps,
  providerId: string,
  report: OrderReport,
  source: NotificationSource,
  rawBody?: string,
): Promise<SettlementOutcome> {
  const { db } = deps.database;
  const log = (
    outcome: 'accepted' | 'duplicate' | 'refused',
    reason: string | null,
    trx = db as Db | Transaction<Database>,
  ) =>
    logNotification(trx, {
      providerId,
      source,
      outcome,
      reason,
      notificationId: report.notificationId ?? null,
      kind: 'order',
      merchantOrderNo: report.merchantOrderNo,
      state: report.state,
      amountFen: report.amountFen,
      rawBody: rawBody ?? null,
    });
  const refuse = async (reason: RefusalReason, orderId?: string): Promise<SettlementOutcome> => {
    await log('refused', reason);
    return { result: 'refused', reason, ...(orderId ? { orderId } : {}) };
  };

  const order = await db
    .selectFrom('paymentOrders')
    .selectAll()
    .where('merchantOrderNo', '=', report.merchantOrderNo)
    .executeTakeFirst();
  if (!order || order.providerId !== providerId) return refuse('unknown_order');
  if (report.amountFen !== order.totalFen) return refuse('wrong_amount', order.id);
  if (report.providerOrderNo && order.providerOrderNo && report.providerOrderNo !== order.providerOrderNo)
    return refuse('wrong_provider_order', order.id);
  if (report.state === 'pending') return { result: 'unchanged', orderId: order.id };

  if (report.state === 'paid') {
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const moved = await trx
          .updateTable('paymentOrders')
          .set({
            state: 'paid',
            paidAt: report.paidAt ?? nowIso(),
            providerTxnNo: report.providerTxnNo ?? null,
            providerOrderNo: order.providerOrderNo ?? report.providerOrderNo ?? null,
            payUrl: null,
            qrContent: null,
            updatedAt: nowIso(),
          })
          .where('id', '=', order.id)
          .where('state', 'in', OPEN_STATES)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) return 'not_moved' as const;
        const settled = await settlePaidOrder(deps, trx, {
          ...order,
          providerTxnNo: report.providerTxnNo ?? null,
        });
        if (!settled) throw new PayablesNotHeld();
        await log('accepted', null, trx);
        return 'settled' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof PayablesNotHeld) return 'payables_not_held' as const;
        throw error;
      });
    if (outcome === 'settled') return { result: 'settled', orderId: order.id };
    if (outcome === 'payables_not_held') return refuse('payables_not_held', order.id);
    const now = await currentState(db, order.id);
    if (PAID_STATES.includes(now)) {
      await log('duplicate', 'already_paid');
      return { result: 'duplicate', orderId: order.id };
    }
    return refuse('order_not_open', order.id);
  }

  // closed or failed: the payer did not pay; the payables are free again.
  const target = report.state;
  const moved = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('paymentOrders')
      .set({
        state: target,
        closedAt: nowIso(),
        endReason: target === 'closed' ? 'provider_closed' : 'provider_failed',
        payUrl: null,
        qrContent: null,
        updatedAt: nowIso(),
      })
      .where('id', '=', order.id)
      .where('state', 'in', OPEN_STATES)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await releasePayables(trx, order.id);
    await appendAudit(trx, {
      actor: null,
      action: `payment.order.${target}`,
      objectType: 'payment_order',
      objectId: order.id,
      subjectPersonId: order.payerPersonId,
      subjectEnterpriseId: order.payerEnterpriseId,
      details: { merchantOrderNo: order.merchantOrderNo, source },
    });
    await log('accepted', null, trx);
    return true;
  });
  if (moved) return { result: target, orderId: order.id };
  const now = await currentState(db, order.id);
  if (now === target) {
    await log('duplicate', `already_${target}`);
    return { result: 'duplicate', orderId: order.id };
  }
  return refuse(PAID_STATES.includes(now) ? 'conflicts_with_paid' : 'order_not_open', order.id);
}

class PayablesNotHeld extends Error {}

async function currentState(db: Db, orderId: string): Promise<string> {
  const row = await db
    .selectFrom('paymentOrders')
    .select('state')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  return row.state;
}

/** Frees the payables an order held (when it closes, fails or expires). */
export async function releasePayables(trx: Transaction<Database>, orderId: string): Promise<void> {
  await trx
    .updateTable('payables')
    .set({ inFlightOrderId: null, updatedAt: nowIso() })
    .where('inFlightOrderId', '=', orderId)
    .execute();
}
/**
 * Settles or closes an order from the provider's view of it (the reconciliation job, a query):
 * the same exactly-once path as a notification. `null` (the provider has no such order) closes an
 * order that was never created at the provider once it has expired.
 */
export async function applyProviderOrderState(
  deps: SettlementDeps & { clock: { now(): Date } },
  providerId: string,
  merchantOrderNo: string,
  providerOrder: ProviderOrder | null,
  source: NotificationSource = 'reconciliation',
): Promise<SettlementOutcome> {
  if (providerOrder) {
    return applyOrderReport(
      deps,
      providerId,
      {
        merchantOrderNo,
        providerOrderNo: providerOrder.providerOrderNo,
        state: providerOrder.state,
        amountFen: providerOrder.amountFen,
        ...(providerOrder.providerTxnNo ? { providerTxnNo: providerOrder.providerTxnNo } : {}),
        ...(providerOrder.paidAt ? { paidAt: providerOrder.paidAt } : {}),
      },
      source,
    );
  }
  return closeUnknownAtProvider(deps, providerId, merchantOrderNo);
}

/** An order the provider does not know is closed once it expired (its creation never reached it). */
async function closeUnknownAtProvider(
  deps: SettlementDeps & { clock: { now(): Date } },
  providerId: string,
  merchantOrderNo: string,
): Promise<SettlementOutcome> {
  const { db } = deps.database;
  const order = await db
    .selectFrom('paymentOrders')
    .selectAll()
    .where('merchantOrderNo', '=', merchantOrderNo)
    .where('providerId', '=', providerId)
    .executeTakeFirst();
  if (!order) return { result: 'refused', reason: 'unknown_order' };
  if (Date.parse(order.expiresAt) > deps.clock.now().getTime())
    return { result: 'unchanged', orderId: order.id };
  const closed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('paymentOrders')
      .set({
        state: 'closed',
        closedAt: nowIso(),
        endReason: 'expired',
        payUrl: null,
        qrContent: null,
        updatedAt: nowIso(),
      })
      .where('id', '=', order.id)
      .where('state', 'in', OPEN_STATES)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await releasePayables(trx, order.id);
    await appendAudit(trx, {
      actor: null,
      action: 'payment.order.expired',
      objectType: 'payment_order',
      objectId: order.id,
      subjectPersonId: order.payerPersonId,
      subjectEnterpriseId: order.payerEnterpriseId,
      details: { merchantOrderNo: order.merchantOrderNo, reason: 'unknown at the provider after expiry' },
    });
    return true;
  });
  return closed ? { result: 'closed', orderId: order.id } : { result: 'unchanged', orderId: order.id };
}
