// Completing a refund the provider was asked for: its word (the refund call's answer, its
// notification, the reconciliation) moves the refund from `processing` to `succeeded` or
// `failed` by a conditional UPDATE, exactly once, with the ledger, the item, payable and order
// amounts, the audit record and the payer's notification in the same transaction.
//
// Ledger: succeeded  Dr refunds / Cr payer, Dr payer / Cr provider_clearing:<provider>
//         failed     Dr refunds / Cr biller:<code>             (the approval reversed)
import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { notify } from '../notifications/notify.ts';
import { ledgerAccounts, postLedgerTransaction } from './ledger.ts';
import type { PaymentsDeps } from './payments-deps.ts';
import type { NotificationSource } from './payments.tables.ts';
import { ProviderRejectedError, ProviderUnavailableError } from './ports.ts';
import { loadRefundContext, type RefundContext } from './refund-records.ts';
import { logNotification, type SettlementDeps, type SettlementOutcome } from './settlement.ts';

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
