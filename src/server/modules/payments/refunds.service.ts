// Refunds (退款), full or partial, of one paid item: asked for by the payer or finance staff,
// approved or rejected by a different person with the finance role (an office admin of the office
// that received the money, or a platform admin; utility bills: platform admins), then asked of the
// provider; its notification or a query completes it. Each state moves by a conditional UPDATE,
// so a refund is paid out and booked once.
//
// Ledger: approval   Dr biller:<code>  / Cr refunds            (owed back to the payer)
//         succeeded  Dr refunds / Cr payer, Dr payer / Cr provider_clearing:<provider>
//         failed     Dr refunds / Cr biller:<code>             (the approval reversed)
import { randomInt } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { dialectOf, nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import type { Refund, RefundState } from '../../../contracts/api/payments.ts';
import { ledgerAccounts, postLedgerTransaction } from './ledger.ts';
import { isFinanceFor, financeOffices, mayActFor } from './payer-access.ts';
import type { PaymentsDeps } from './payments-deps.ts';
import type { NotificationSource } from './payments.tables.ts';
import { logNotification, type SettlementDeps, type SettlementOutcome } from './settlement.ts';
import { ProviderRejectedError, ProviderUnavailableError } from './ports.ts';

interface RequestInput {
  payableId: string;
  amountFen?: number;
  reason: string;
}

const PENDING_REFUND_STATES = ['requested', 'processing'] as const;

async function loadRefundContext(db: Db | Transaction<Database>, refundId: string) {
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
type RefundContext = NonNullable<Awaited<ReturnType<typeof loadRefundContext>>>;

function present(row: RefundContext, principal: Principal | null): Refund {
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
  for (const { id } of ids) refunds.push(present((await loadRefundContext(db, id))!, principal));
  return refunds;
}

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
  return present((await loadRefundContext(db, refundId))!, principal);
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
  return present(row, principal);
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
  for (const { id } of rows) items.push(present((await loadRefundContext(db, id))!, principal));
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
  return present((await loadRefundContext(db, refundId))!, principal);
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
  return present((await loadRefundContext(db, refundId))!, principal);
}

/** Asks the provider to pay out a `processing` refund and applies an immediate answer. */
export async function sendRefundToProvider(deps: PaymentsDeps, refundId: string): Promise<void> {
  const { db } = deps.database;
  const row = await loadRefundContext(db, refundId);
  if (!row || row.state !== 'processing') return;
  let answer: Awaited<ReturnType<PaymentsDeps['paymentProvider']['refund']>>;
  try {
    answer = await deps.paymentProvider.refund({
      merchantOrderNo: row.merchantOrderNo,
      refundNo: row.refundNo,
      amountFen: row.amountFen,
      reason: row.reason,
    });
  } catch (error) {
    if (error instanceof ProviderUnavailableError) return; // the sweep asks again
    if (!(error instanceof ProviderRejectedError)) throw error;
    // Refused for good (e.g. more than is left at the provider): the approval is reversed.
    await applyRefundReport(
      deps,
      row.providerId,
      {
        merchantOrderNo: row.merchantOrderNo,
        refundNo: row.refundNo,
        providerRefundNo: '',
        state: 'failed',
        amountFen: row.amountFen,
      },
      'query',
    );
    return;
  }
  await db
    .updateTable('paymentRefunds')
    .set({ providerRefundNo: answer.providerRefundNo, updatedAt: nowIso() })
    .where('id', '=', refundId)
    .where('providerRefundNo', 'is', null)
    .execute();
  if (answer.state === 'pending') return;
  await applyRefundReport(
    deps,
    row.providerId,
    {
      merchantOrderNo: row.merchantOrderNo,
      refundNo: row.refundNo,
      providerRefundNo: answer.providerRefundNo,
      state: answer.state,
      amountFen: row.amountFen,
    },
    'query',
  );
}

export interface RefundReport {
  merchantOrderNo: string;
  refundNo: string;
  providerRefundNo: string;
  state: 'succeeded' | 'failed';
  amountFen: number;
  refundedAt?: string;
  notificationId?: string;
}

/**
 * Completes a `processing` refund from the provider's word, exactly once: paid out (ledger,
 * item, payable and order amounts, the payer told) or failed (the approval reversed).
 */
export async function applyRefundReport(
  deps: SettlementDeps,
  providerId: string,
  report: RefundReport,
  source: NotificationSource,
  rawBody?: string,
): Promise<SettlementOutcome> {
  const { db } = deps.database;
  const log = (
    outcome: 'accepted' | 'duplicate' | 'refused',
    reason: string | null,
    trx: Db | Transaction<Database> = db,
  ) =>
    logNotification(trx, {
      providerId,
      source,
      outcome,
      reason,
      notificationId: report.notificationId ?? null,
      kind: 'refund',
      merchantOrderNo: report.merchantOrderNo,
      refundNo: report.refundNo,
      state: report.state,
      amountFen: report.amountFen,
      rawBody: rawBody ?? null,
    });
  const refund = await db
    .selectFrom('paymentRefunds')
    .select('id')
    .where('refundNo', '=', report.refundNo)
    .executeTakeFirst();
  const row = refund ? await loadRefundContext(db, refund.id) : undefined;
  if (!row || row.providerId !== providerId || row.merchantOrderNo !== report.merchantOrderNo) {
    await log('refused', 'unknown_refund');
    return { result: 'refused', reason: 'unknown_refund' };
  }
  if (row.amountFen !== report.amountFen) {
    await log('refused', 'wrong_amount');
    return { result: 'refused', reason: 'wrong_amount', orderId: row.orderId };
  }
  const target = report.state;
  const moved = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const result = await trx
      .updateTable('paymentRefunds')
      .set({
        state: target,
        providerRefundNo: report.providerRefundNo || null,
        completedAt: report.refundedAt ?? now,
        failureReason: target === 'failed' ? 'provider_failed' : null,
        updatedAt: now,
      })
      .where('id', '=', row.id)
      .where('state', '=', 'processing')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (target === 'succeeded') await bookRefundPaid(deps, trx, row);
    else
      await postLedgerTransaction(trx, {
        kind: 'refund_reversed',
        reference: row.id,
        memo: `${row.refundNo} failed at the provider`,
        entries: [
          { account: ledgerAccounts.refunds, debitFen: row.amountFen },
          { account: ledgerAccounts.biller(row.beneficiaryCode), creditFen: row.amountFen },
        ],
      });
    await appendAudit(trx, {
      actor: null,
      action: `payment.refund.${target}`,
      objectType: 'payment_refund',
      objectId: row.id,
      subjectPersonId: row.payerPersonId,
      subjectEnterpriseId: row.payerEnterpriseId,
      details: { refundNo: row.refundNo, amountFen: row.amountFen, source },
    });
    await log('accepted', null, trx);
    return true;
  });
  if (moved) return { result: target === 'succeeded' ? 'settled' : 'failed', orderId: row.orderId };
  const now = await db
    .selectFrom('paymentRefunds')
    .select('state')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  if (now.state === target) {
    await log('duplicate', `already_${target}`);
    return { result: 'duplicate', orderId: row.orderId };
  }
  await log('refused', 'order_not_open');
  return { result: 'refused', reason: 'order_not_open', orderId: row.orderId };
}

async function bookRefundPaid(
  deps: SettlementDeps,
  trx: Transaction<Database>,
  row: RefundContext,
): Promise<void> {
  const payer = ledgerAccounts.payer({ personId: row.payerPersonId, enterpriseId: row.payerEnterpriseId });
  await postLedgerTransaction(trx, {
    kind: 'refund_paid',
    reference: row.id,
    memo: `${row.refundNo} ${row.merchantOrderNo}`,
    entries: [
      { account: ledgerAccounts.refunds, debitFen: row.amountFen },
      { account: payer, creditFen: row.amountFen },
      { account: payer, debitFen: row.amountFen },
      { account: ledgerAccounts.providerClearing(row.providerId), creditFen: row.amountFen },
    ],
  });
  const now = nowIso();
  const amount = row.amountFen;
  await trx
    .updateTable('paymentOrderItems')
    .set({ refundedFen: sql<number>`refunded_fen + ${amount}` })
    .where('orderId', '=', row.orderId)
    .where('payableId', '=', row.payableId)
    .execute();
  await trx
    .updateTable('payables')
    .set({
      refundedFen: sql<number>`refunded_fen + ${amount}`,
      status: sql<
        'refunded' | 'partially_refunded'
      >`case when refunded_fen + ${amount} >= amount_fen then 'refunded' else 'partially_refunded' end`,
      updatedAt: now,
    })
    .where('id', '=', row.payableId)
    .execute();
  await trx
    .updateTable('paymentOrders')
    .set({
      refundedFen: sql<number>`refunded_fen + ${amount}`,
      state: sql<
        'refunded' | 'partially_refunded'
      >`case when refunded_fen + ${amount} >= total_fen then 'refunded' else 'partially_refunded' end`,
      updatedAt: now,
    })
    .where('id', '=', row.orderId)
    .execute();
  const yuan = (amount / 100).toFixed(2);
  await notify(trx, deps.jobs, {
    recipients: row.payerEnterpriseId
      ? { enterpriseIds: [row.payerEnterpriseId] }
      : { personIds: [row.payerPersonId!] },
    kind: 'payment.refunded',
    title: { zh: `退款已到账：${yuan} 元`, en: `Refund paid: CNY ${yuan}` },
    body: {
      zh: `${row.payableTitleZh} 的退款 ${yuan} 元（退款单号 ${row.refundNo}）已退回原支付账户。`,
      en: `CNY ${yuan} for ${row.payableTitleEn} (refund ${row.refundNo}) has been returned to the account you paid from.`,
    },
    link: `/payments/orders/${row.orderId}`,
    object: { type: 'payment_refund', id: row.id },
  });
}
