// Rows → API shapes (src/contracts/api/payments.ts); rows never leak to the API.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { applicantNames } from '../identity/applicants.service.ts';
import type { OrderItem, Payable, Payer, PaymentOrder } from '../../../contracts/api/payments.ts';
import type { PayableTable, PaymentOrderTable } from './payments.tables.ts';

type Executor = Db | Transaction<Database>;

/** Names of the payers of these rows, by id. */
export async function payerNames(
  db: Executor,
  rows: { payerPersonId: string | null; payerEnterpriseId: string | null }[],
): Promise<Map<string, string>> {
  return applicantNames(db, {
    personIds: rows.flatMap((r) => (r.payerPersonId ? [r.payerPersonId] : [])),
    enterpriseIds: rows.flatMap((r) => (r.payerEnterpriseId ? [r.payerEnterpriseId] : [])),
  });
}

export function presentPayer(
  row: { payerPersonId: string | null; payerEnterpriseId: string | null },
  names: Map<string, string>,
): Payer {
  const id = row.payerEnterpriseId ?? row.payerPersonId ?? '';
  return { kind: row.payerEnterpriseId ? 'enterprise' : 'person', id, name: names.get(id) ?? '' };
}

export function presentPayable(row: PayableTable, names: Map<string, string>): Payable {
  return {
    id: row.id,
    kind: row.kind,
    externalRef: row.externalRef,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    amountFen: row.amountFen,
    refundedFen: row.refundedFen,
    status: row.status,
    inFlight: row.inFlightOrderId !== null,
    payer: presentPayer(row, names),
    beneficiary: { code: row.beneficiaryCode, nameZh: row.beneficiaryNameZh, nameEn: row.beneficiaryNameEn },
    utility:
      row.utilityKind && row.accountNumber
        ? { kind: row.utilityKind, accountNumber: row.accountNumber, month: row.billMonth ?? '' }
        : null,
    applicationId: row.applicationId,
    dueDate: row.dueDate,
    paidAt: row.paidAt,
    paidOrderId: row.paidOrderId,
  };
}

/** Unpaid first (oldest due first), then the rest newest first. */
export function sortPayables(items: Payable[]): Payable[] {
  const unpaid = items
    .filter((p) => p.status === 'unpaid')
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id));
  const rest = items
    .filter((p) => p.status !== 'unpaid')
    .sort((a, b) => (b.paidAt ?? '').localeCompare(a.paidAt ?? '') || b.id.localeCompare(a.id));
  return [...unpaid, ...rest];
}

/** Orders with their items, in the order given. */
export async function presentOrders(db: Executor, orders: PaymentOrderTable[]): Promise<PaymentOrder[]> {
  if (orders.length === 0) return [];
  const items = await db
    .selectFrom('paymentOrderItems as i')
    .innerJoin('payables as p', 'p.id', 'i.payableId')
    .select(['i.orderId', 'i.payableId', 'p.kind', 'p.titleZh', 'p.titleEn', 'i.amountFen', 'i.refundedFen'])
    .where(
      'i.orderId',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('i.id')
    .execute();
  const byOrder = new Map<string, OrderItem[]>();
  for (const { orderId, ...item } of items) {
    const list = byOrder.get(orderId) ?? [];
    list.push(item);
    byOrder.set(orderId, list);
  }
  const names = await payerNames(db, orders);
  return orders.map((order) => ({
    id: order.id,
    merchantOrderNo: order.merchantOrderNo,
    state: order.state,
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
    payer: presentPayer(order, names),
    provider: order.providerId,
    providerOrderNo: order.providerOrderNo,
    providerTxnNo: order.providerTxnNo,
    description: order.description,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    closedAt: order.closedAt,
    items: byOrder.get(order.id) ?? [],
  }));
}
