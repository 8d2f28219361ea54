// Receipts of paid orders: the payer's receipt (page and PDF) and the public check by order number
// and check code. The facts come from the payments tables of this module: the order, its items,
// and the payables they paid.
import { timingSafeEqual } from 'node:crypto';
import type { Principal } from '../../../platform/auth/access.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ReceiptCheck, ReceiptView } from '../../../../contracts/api/payment-receipts.ts';
import { getOrderForPayer } from '../orders.service.ts';
import type { PaymentsDeps } from '../payments-deps.ts';
import type { PaymentOrderTable } from '../payments.tables.ts';
import { maskPersonName } from './receipt-document.ts';
import { applicantNames } from '../../identity/applicants.service.ts';

const PAID_STATES = new Set(['paid', 'refunded', 'partially_refunded']);

/** How each provider is named on a receipt; an unknown provider is shown by its id. */
const PROVIDER_NAMES: Record<string, { zh: string; en: string }> = {
  demopay: { zh: '演示支付（DemoPay）', en: 'DemoPay (demo provider)' },
};

/**
 * The check code printed with the order number: the last 12 hex digits of the order's UUIDv7,
 * which are random (never shown elsewhere to anyone but the payer), as XXXX-XXXX-XXXX.
 */
export function checkCodeOf(orderId: string): string {
  const hex = orderId.replace(/-/g, '').slice(-12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function checkUrlOf(publicUrl: string, orderNo: string, orderId: string): string {
  const query = new URLSearchParams({ orderNo, code: checkCodeOf(orderId) });
  return `${publicUrl.replace(/\/+$/, '')}/payments/receipts/check?${query.toString()}`;
}

async function receiptFacts(db: Db, order: PaymentOrderTable): Promise<ReceiptCheck> {
  if (!PAID_STATES.has(order.state) || !order.paidAt) throw new AppError('PAYMENT_RECEIPT_NOT_AVAILABLE');
  const lines = await db
    .selectFrom('paymentOrderItems as i')
    .innerJoin('payables as p', 'p.id', 'i.payableId')
    .select([
      'i.amountFen',
      'i.refundedFen',
      'p.titleZh',
      'p.titleEn',
      'p.beneficiaryNameZh',
      'p.beneficiaryNameEn',
    ])
    .where('i.orderId', '=', order.id)
    .orderBy('i.id')
    .execute();
  const payerId = order.payerEnterpriseId ?? order.payerPersonId ?? '';
  const names = await applicantNames(db, {
    personIds: order.payerPersonId ? [order.payerPersonId] : [],
    enterpriseIds: order.payerEnterpriseId ? [order.payerEnterpriseId] : [],
  });
  const name = names.get(payerId) ?? '';
  const provider = PROVIDER_NAMES[order.providerId] ?? { zh: order.providerId, en: order.providerId };
  return {
    orderNo: order.merchantOrderNo,
    providerTxnNo: order.providerTxnNo ?? '',
    providerNameZh: provider.zh,
    providerNameEn: provider.en,
    paidAt: order.paidAt,
    // An enterprise's name is public; a person's is masked.
    payerMasked: order.payerEnterpriseId ? name : maskPersonName(name),
    lines: lines.map((line) => ({
      descriptionZh: line.titleZh,
      descriptionEn: line.titleEn,
      payeeZh: line.beneficiaryNameZh,
      payeeEn: line.beneficiaryNameEn,
      amountFen: line.amountFen,
      refundedFen: line.refundedFen,
    })),
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
  };
}

/**
 * The receipt of one of the caller's orders (or their enterprise's). The order is read as its
 * payer reads it, so a payment the provider has just confirmed is seen as paid.
 */
export async function getReceipt(
  deps: PaymentsDeps,
  principal: Principal,
  orderId: string,
): Promise<ReceiptView> {
  await getOrderForPayer(deps, principal, orderId);
  const { db } = deps.database;
  const order = await db
    .selectFrom('paymentOrders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const facts = await receiptFacts(db, order);
  return {
    orderId: order.id,
    ...facts,
    checkCode: checkCodeOf(order.id),
    checkUrl: checkUrlOf(deps.config.publicUrl, order.merchantOrderNo, order.id),
  };
}

/** The public check: the receipt's facts when the order number and check code belong together. */
export async function checkReceipt(db: Db, orderNo: string, code: string): Promise<ReceiptCheck> {
  const order = await db
    .selectFrom('paymentOrders')
    .selectAll()
    .where('merchantOrderNo', '=', orderNo.trim())
    .executeTakeFirst();
  const expected = Buffer.from(normaliseCode(order ? checkCodeOf(order.id) : 'XXXXXXXXXXXX'));
  const given = Buffer.from(normaliseCode(code).padEnd(expected.length, ' ').slice(0, expected.length));
  const matches = timingSafeEqual(expected, given) && normaliseCode(code).length === expected.length;
  if (!order || !matches || !PAID_STATES.has(order.state)) throw new AppError('PAYMENT_RECEIPT_CHECK_FAILED');
  return receiptFacts(db, order);
}
