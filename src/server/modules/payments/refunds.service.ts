// Refunds (退款), full or partial, of one paid item: asked for by the payer or finance staff,
// approved or rejected by a different person with the finance role (an office admin of the office
// that received the money, or a platform admin; utility bills: platform admins), then asked of the
// provider; its notification or a query completes it. Each state moves by a conditional UPDATE,
// so a refund is paid out and booked once.
// Completion is in refund-completion.ts.
//
// Ledger: approval   Dr biller:<code>  / Cr refunds            (owed back to the payer)
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { dialectOf, nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import type { Refund, RefundState } from '../../../contracts/api/payments.ts';
import { ledgerAccounts, postLedgerTransaction } from './ledger.ts';
import { isFinanceFor, financeOffices, mayActFor } from './payer-access.ts';
import type { PaymentsDeps } from './payments-deps.ts';
import { sendRefundToProvider } from './refund-completion.ts';
import { loadRefundContext, presentRefund, type RefundContext } from './refund-records.ts';

export { applyRefundReport, sendRefundToProvider, type RefundReport } from './refund-completion.ts';
export { listOrderRefunds } from './refund-records.ts';

interface RequestInput {
  payableId: string;
  amountFen?: number;
  reason: string;
}

const PENDING_REFUND_STATES = ['requested', 'processing'] as const;

function newRefundNo(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `RF${day}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e3)).padStart(3, '0')}`;
}

/**
 * Asks for a refund of an item of an order: the payer (or a member of the paying enterprise) or
 * finance staff for the item's beneficiary. The amount defaults to what is left of the item.
 */
export async function requestRefund(
  deps: PaymentsDeps,
  principal: Principal,
  orderId: string,
  input: RequestInput,
  requestId: string,
): Promise<Refund> {
  const { db } = deps.database;
  const order = await db.selectFrom('paymentOrders').selectAll().where('id', '=', orderId).executeTakeFirst();
  const item = order
    ? await db
        .selectFrom('paymentOrderItems as i')
        .innerJoin('payables as p', 'p.id', 'i.payableId')
        .select(['i.id', 'i.amountFen', 'i.refundedFen', 'p.beneficiaryOfficeId', 'p.status'])
        .where('i.orderId', '=', orderId)
        .where('i.payableId', '=', input.payableId)
        .executeTakeFirst()
    : undefined;
  const asPayer = order
    ? await mayActFor(db, principal, { personId: order.payerPersonId, enterpriseId: order.payerEnterpriseId })
    : false;
  if (!order || (!asPayer && !(item && isFinanceFor(principal, item.beneficiaryOfficeId))))
    throw new AppError('PAYMENT_ORDER_NOT_FOUND');
  if (!item) throw new AppError('PAYMENT_PAYABLE_NOT_FOUND');
  if (!['paid', 'partially_refunded'].includes(order.state) || item.refundedFen >= item.amountFen)
    throw new AppError('PAYMENT_REFUND_NOT_REFUNDABLE', { status: order.state }, { status: order.state });

  const refundId = uuidv7();
  await db.transaction().execute(async (trx) => {
    // The item locked (PostgreSQL; SQLite writes one at a time), so two requests at once cannot
    // both claim what is left of it.
    let held = trx
      .selectFrom('paymentOrderItems')
      .select(['amountFen', 'refundedFen'])
      .where('id', '=', item.id);
    if (dialectOf(trx) === 'postgres') held = held.forUpdate();
    const current = await held.executeTakeFirstOrThrow();
    const pending = await trx
      .selectFrom('paymentRefunds')
      .select(sql<string | number>`coalesce(sum(amount_fen), 0)`.as('fen'))
      .where('orderId', '=', orderId)
      .where('payableId', '=', input.payableId)
      .where('state', 'in', PENDING_REFUND_STATES)
      .executeTakeFirstOrThrow();
    const remaining = current.amountFen - current.refundedFen - Number(pending.fen);
    const amountFen = input.amountFen ?? remaining;
    if (remaining <= 0)
      throw new AppError(
        'PAYMENT_REFUND_NOT_REFUNDABLE',
        { status: 'refund_pending' },
        { status: 'refund_pending' },
      );
    if (amountFen > remaining)
      throw new AppError(
        'PAYMENT_REFUND_AMOUNT_TOO_LARGE',
        { remainingYuan: (remaining / 100).toFixed(2) },
        { remainingFen: remaining },
      );
    const now = nowIso();
    await trx
      .insertInto('paymentRefunds')
      .values({
        id: refundId,
        refundNo: newRefundNo(deps.clock.now()),
        orderId,
        payableId: input.payableId,
        amountFen,
        reason: input.reason,
        state: 'requested',
        requestedByUserId: principal.userId,
        requestedByName: principal.displayName,
        requestedAsPayer: asPayer ? 1 : 0,
        requestedAt: now,
        decidedByUserId: null,
        decidedByName: null,
        decidedAt: null,
        decisionNote: null,
        providerRefundNo: null,
        completedAt: null,
        failureReason: null,
        updatedAt: now,
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.refund.request',
      objectType: 'payment_refund',
      objectId: refundId,
      subjectPersonId: order.payerPersonId,
      subjectEnterpriseId: order.payerEnterpriseId,
      requestId,
      details: { orderId, payableId: input.payableId, amountFen, reason: input.reason, asPayer },
    });
  });
  return presentRefund((await loadRefundContext(db, refundId))!, principal);
}

/** A refund the caller may see: the payer's side, or finance staff for its beneficiary. */
export async function getRefund(deps: PaymentsDeps, principal: Principal, refundId: string): Promise<Refund> {
  const { db } = deps.database;
  const row = await loadRefundContext(db, refundId);
  if (
    !row ||
    !(
      isFinanceFor(principal, row.beneficiaryOfficeId) ||
      (await mayActFor(db, principal, { personId: row.payerPersonId, enterpriseId: row.payerEnterpriseId }))
    )
  )
    throw new AppError('PAYMENT_REFUND_NOT_FOUND');
  return presentRefund(row, principal);
}

/** Refunds the caller decides as finance staff (platform admins: all), newest first. */
export async function listRefundsForFinance(
  deps: PaymentsDeps,
  principal: Principal,
  filter: { state?: RefundState; limit: number; offset: number },
): Promise<{ items: Refund[]; total: number }> {
  const { db } = deps.database;
  const offices = financeOffices(principal);
  if (!principal.isAdmin && offices.length === 0) throw new AppError('AUTH_FORBIDDEN');
  let query = db.selectFrom('paymentRefunds as r').innerJoin('payables as p', 'p.id', 'r.payableId');
  if (!principal.isAdmin) query = query.where('p.beneficiaryOfficeId', 'in', offices);
  if (filter.state) query = query.where('r.state', '=', filter.state);
  const [rows, total] = await Promise.all([
    query
      .select('r.id')
      .orderBy('r.requestedAt', 'desc')
      .orderBy('r.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const items: Refund[] = [];
  for (const { id } of rows) items.push(presentRefund((await loadRefundContext(db, id))!, principal));
  return { items, total: Number(total.count) };
}

async function decidable(db: Db, principal: Principal, refundId: string): Promise<RefundContext> {
  const row = await loadRefundContext(db, refundId);
  if (!row || !isFinanceFor(principal, row.beneficiaryOfficeId))
    throw new AppError('PAYMENT_REFUND_NOT_FOUND');
  if (row.requestedByUserId === principal.userId) throw new AppError('PAYMENT_REFUND_SAME_PERSON');
  if (row.state !== 'requested')
    throw new AppError('PAYMENT_REFUND_DECIDED', { state: row.state }, { state: row.state });
  return row;
}

/** Rejects a requested refund (a different finance officer), with a note for the requester. */
export async function rejectRefund(
  deps: PaymentsDeps,
  principal: Principal,
  refundId: string,
  note: string,
  requestId: string,
): Promise<Refund> {
  const { db } = deps.database;
  const row = await decidable(db, principal, refundId);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const moved = await trx
      .updateTable('paymentRefunds')
      .set({
        state: 'rejected',
        decidedByUserId: principal.userId,
        decidedByName: principal.displayName,
        decidedAt: now,
        decisionNote: note,
        updatedAt: now,
      })
      .where('id', '=', refundId)
      .where('state', '=', 'requested')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new AppError('PAYMENT_REFUND_DECIDED', { state: 'decided' });
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.refund.reject',
      objectType: 'payment_refund',
      objectId: refundId,
      subjectPersonId: row.payerPersonId,
      subjectEnterpriseId: row.payerEnterpriseId,
      requestId,
      details: { note },
    });
    await notify(trx, deps.jobs, {
      recipients: { userIds: [row.requestedByUserId] },
      kind: 'payment.refund_rejected',
      title: { zh: '退款申请未获批准', en: 'Refund not approved' },
      body: {
        zh: `退款申请 ${row.refundNo}（${row.payableTitleZh}）未获批准：${note}`,
        en: `Refund ${row.refundNo} (${row.payableTitleEn}) was not approved: ${note}`,
      },
      link: `/payments/orders/${row.orderId}`,
      object: { type: 'payment_refund', id: refundId },
    });
  });
  return presentRefund((await loadRefundContext(db, refundId))!, principal);
}

/**
 * Approves a requested refund (a different finance officer): books it owed back to the payer,
 * then asks the provider. A provider that cannot be reached leaves it `processing`; the sweep job
 * asks again (refunds are idempotent on refundNo at the provider).
 */
export async function approveRefund(
  deps: PaymentsDeps,
  principal: Principal,
  refundId: string,
  note: string | undefined,
  requestId: string,
): Promise<Refund> {
  const { db } = deps.database;
  const row = await decidable(db, principal, refundId);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const moved = await trx
      .updateTable('paymentRefunds')
      .set({
        state: 'processing',
        decidedByUserId: principal.userId,
        decidedByName: principal.displayName,
        decidedAt: now,
        decisionNote: note ?? null,
        updatedAt: now,
      })
      .where('id', '=', refundId)
      .where('state', '=', 'requested')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new AppError('PAYMENT_REFUND_DECIDED', { state: 'decided' });
    await postLedgerTransaction(trx, {
      kind: 'refund_approved',
      reference: refundId,
      memo: `${row.refundNo} ${row.merchantOrderNo} ${row.payableTitleZh}`.slice(0, 300),
      entries: [
        { account: ledgerAccounts.biller(row.beneficiaryCode), debitFen: row.amountFen },
        { account: ledgerAccounts.refunds, creditFen: row.amountFen },
      ],
    });
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.refund.approve',
      objectType: 'payment_refund',
      objectId: refundId,
      subjectPersonId: row.payerPersonId,
      subjectEnterpriseId: row.payerEnterpriseId,
      requestId,
      details: { amountFen: row.amountFen, note: note ?? null },
    });
  });
  await sendRefundToProvider(deps, refundId);
  return presentRefund((await loadRefundContext(db, refundId))!, principal);
}
