// Typed calls for paying (缴费): utility accounts and bills, what is due (bills, service fees,
// traffic fines), orders at the payment provider, and receipts.
import type {
  BindUtilityAccountBody,
  CreatePaymentBody,
  CreatePaymentResult,
  Payable,
  PayableKind,
  PayableList,
  PayableStatus,
  PaymentOrder,
  PaymentOrderDetail,
  PaymentOrderList,
  PaymentOrderState,
  UtilityAccountBinding,
  UtilityAccountList,
  UtilityBillList,
  UtilityKindName,
} from '../../contracts/api/payments.ts';
import type {
  ApplicationFeeStatus,
  ReceiptCheck,
  ReceiptView,
} from '../../contracts/api/payment-receipts.ts';
import { apiRequest, api } from './client.ts';

export type {
  CreatePaymentResult,
  Payable,
  PayableKind,
  PayableList,
  PayableStatus,
  PaymentOrder,
  PaymentOrderDetail,
  PaymentOrderState,
  ReceiptCheck,
  ReceiptView,
  UtilityAccountBinding,
  UtilityAccountList,
  UtilityBillList,
  UtilityKindName,
};

export const UTILITY_KIND_NAMES: readonly UtilityKindName[] = ['water', 'electricity', 'gas'];

/** `?enterpriseId=…` when acting for an enterprise, '' for oneself. */
function subject(enterpriseId: string | undefined, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (enterpriseId) params.set('enterpriseId', enterpriseId);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const BASE = '/api/v1/payments';

export const listUtilityAccounts = (enterpriseId?: string) =>
  api.get<UtilityAccountList>(`${BASE}/utility-accounts${subject(enterpriseId)}`);

export const bindUtilityAccount = (body: BindUtilityAccountBody) =>
  api.post<UtilityAccountBinding>(`${BASE}/utility-accounts`, body);

export const unbindUtilityAccount = (id: string) =>
  api.delete<UtilityAccountBinding>(`${BASE}/utility-accounts/${encodeURIComponent(id)}`);

export const listUtilityBills = (enterpriseId?: string) =>
  api.get<UtilityBillList>(`${BASE}/utility-bills${subject(enterpriseId)}`);

export const listPayables = (
  filter: { enterpriseId?: string; kind?: PayableKind; status?: PayableStatus } = {},
) =>
  api.get<PayableList>(
    `${BASE}/payables${subject(filter.enterpriseId, { kind: filter.kind, status: filter.status })}`,
  );

export const getPayable = (id: string) => api.get<Payable>(`${BASE}/payables/${encodeURIComponent(id)}`);

/** Starts paying the chosen payables at once; the key makes a repeated click one order. */
export const createPayment = (body: CreatePaymentBody, idempotencyKey: string) =>
  apiRequest<CreatePaymentResult>('POST', `${BASE}/orders`, body, { 'Idempotency-Key': idempotencyKey });

export const listOrders = (filter: { enterpriseId?: string; limit?: number; offset?: number } = {}) =>
  api.get<PaymentOrderList>(
    `${BASE}/orders${subject(filter.enterpriseId, {
      limit: filter.limit === undefined ? undefined : String(filter.limit),
      offset: filter.offset === undefined ? undefined : String(filter.offset),
    })}`,
  );

export const getOrder = (id: string) =>
  api.get<PaymentOrderDetail>(`${BASE}/orders/${encodeURIComponent(id)}`);

export const getReceipt = (orderId: string) =>
  api.get<ReceiptView>(`${BASE}/orders/${encodeURIComponent(orderId)}/receipt`);

/** The fee of an application of my offices (workbench staff). */
export const applicationFeeForStaff = (applicationId: string) =>
  api.get<ApplicationFeeStatus>(`/api/v1/workbench/applications/${encodeURIComponent(applicationId)}/fee`);

export const receiptPdfUrl = (orderId: string) => `${BASE}/orders/${encodeURIComponent(orderId)}/receipt.pdf`;

export const checkReceipt = (orderNo: string, code: string) =>
  api.get<ReceiptCheck>(
    `${BASE}/receipts/check?${new URLSearchParams({ orderNo, code: code.trim().toUpperCase() }).toString()}`,
  );

/** States after which an order never changes again (apart from refunds of a paid one). */
export const FINAL_ORDER_STATES: readonly PaymentOrderState[] = [
  'paid',
  'closed',
  'failed',
  'refunded',
  'partially_refunded',
];

export const isPaidState = (state: PaymentOrderState) =>
  state === 'paid' || state === 'refunded' || state === 'partially_refunded';
