// Everything that follows from an order becoming paid, inside the transaction whose conditional
// UPDATE moved it (see settlement.ts): the payables, the ledger, audit, the payer's notification
// and one durable push job per paid utility bill.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { notify } from '../notifications/notify.ts';
import { publishPaymentSettled } from '../open-platform/webhooks/payment-events.ts';
import { ledgerAccounts, postLedgerTransaction } from './ledger.ts';
import type { PaymentOrderTable } from './payments.tables.ts';
import type { SettlementDeps } from './settlement.ts';

/** The queue of biller pushes (one job per paid utility bill). */
export const BILLER_PUSH_QUEUE = 'payments.biller-push';
/** With the runner's backoff (2 s, 4 s, … capped at 1 h) about a day of retries. */
export const BILLER_PUSH_MAX_ATTEMPTS = 30;

/**
 * Everything that follows from an order becoming paid, in the transaction whose conditional
 * UPDATE moved it: payables paid, the ledger transaction, audit, the payer's notification and the
 * biller pushes. False when the order's payables were not all held by it (nothing is written;
 * the caller rolls back).
 */
export async function settlePaidOrder(
  deps: SettlementDeps,
  trx: Transaction<Database>,
  order: PaymentOrderTable,
): Promise<boolean> {
  const paidAt = nowIso();
  const items = await trx
    .selectFrom('paymentOrderItems as i')
    .innerJoin('payables as p', 'p.id', 'i.payableId')
    .select([
      'i.payableId',
      'i.amountFen',
      'p.kind',
      'p.titleZh',
      'p.titleEn',
      'p.beneficiaryCode',
      'p.utilityKind',
      'p.accountNumber',
      'p.externalRef',
    ])
    .where('i.orderId', '=', order.id)
    .orderBy('i.id')
    .execute();
  const updated = await trx
    .updateTable('payables')
    .set({ status: 'paid', paidOrderId: order.id, paidAt, inFlightOrderId: null, updatedAt: paidAt })
    .where(
      'id',
      'in',
      items.map((item) => item.payableId),
    )
    .where('inFlightOrderId', '=', order.id)
    .where('status', '=', 'unpaid')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== items.length || items.length === 0) return false;

  const payer = ledgerAccounts.payer({
    personId: order.payerPersonId,
    enterpriseId: order.payerEnterpriseId,
  });
  await postLedgerTransaction(trx, {
    kind: 'payment',
    reference: order.id,
    memo: `${order.merchantOrderNo} ${order.description}`.slice(0, 300),
    entries: [
      { account: ledgerAccounts.providerClearing(order.providerId), debitFen: order.totalFen },
      { account: payer, creditFen: order.totalFen },
      ...items.flatMap((item) => [
        { account: payer, debitFen: item.amountFen },
        { account: ledgerAccounts.biller(item.beneficiaryCode), creditFen: item.amountFen },
      ]),
    ],
  });
  await appendAudit(trx, {
    actor: null,
    action: 'payment.order.paid',
    objectType: 'payment_order',
    objectId: order.id,
    subjectPersonId: order.payerPersonId,
    subjectEnterpriseId: order.payerEnterpriseId,
    details: {
      merchantOrderNo: order.merchantOrderNo,
      totalFen: order.totalFen,
      providerTxnNo: order.providerTxnNo,
      payables: items.map((item) => item.payableId),
    },
  });
  const yuan = (order.totalFen / 100).toFixed(2);
  await notify(trx, deps.jobs, {
    recipients: order.payerEnterpriseId
      ? { enterpriseIds: [order.payerEnterpriseId] }
      : { personIds: [order.payerPersonId!] },
    kind: 'payment.paid',
    title: { zh: `缴费成功：${yuan} 元`, en: `Payment received: CNY ${yuan}` },
    body: {
      zh: `您的支付（订单号 ${order.merchantOrderNo}）已完成：${items.map((i) => i.titleZh).join('；')}。可在“我的缴费”查看和打印回执。`,
      en: `Your payment (order ${order.merchantOrderNo}) is complete: ${items.map((i) => i.titleEn).join('; ')}. See and print the receipt under My payments.`,
    },
    link: `/payments/orders/${order.id}`,
    object: { type: 'payment_order', id: order.id },
  });
  await publishPaymentSettled(trx, deps.jobs, order, items, paidAt);
  for (const item of items) {
    if (item.kind !== 'utility_bill' || !item.utilityKind || !item.accountNumber) continue;
    const pushId = uuidv7();
    await trx
      .insertInto('billerPushes')
      .values({
        id: pushId,
        payableId: item.payableId,
        orderId: order.id,
        utilityKind: item.utilityKind,
        billNo: item.externalRef,
        accountNumber: item.accountNumber,
        amountFen: item.amountFen,
        paymentRef: `${order.merchantOrderNo}-${item.externalRef}`,
        status: 'pending',
        attempts: 0,
        lastError: null,
        rejectReason: null,
        confirmationNo: null,
        createdAt: paidAt,
        updatedAt: paidAt,
        confirmedAt: null,
      })
      .execute();
    await deps.jobs.enqueue(
      BILLER_PUSH_QUEUE,
      { pushId },
      { dedupeKey: `${BILLER_PUSH_QUEUE}:${pushId}`, maxAttempts: BILLER_PUSH_MAX_ATTEMPTS },
      trx,
    );
  }
  return true;
}
