// The payments module's tables. Only this module queries them (the reconciliation job and the
// receipts go through its exported functions). Money is integer fen; times ISO-8601 UTC text.
import type {
  BillerPushStatus,
  PayableKind,
  PayableStatus,
  PaymentOrderState,
  RefundState,
  UtilityKindName,
} from '../../../contracts/api/payments.ts';

export type { BillerPushStatus, PayableKind, PayableStatus, PaymentOrderState, RefundState };

/**
 * Something that can be paid: a utility bill, the fee of an application, a traffic fine. The
 * external reference (bill no, application id, violation decision no) is unique per kind, so the
 * same bill fetched twice is one payable.
 */
export interface PayableTable {
  id: string;
  kind: PayableKind;
  externalRef: string;
  /** The payer: exactly one of the two. */
  payerPersonId: string | null;
  payerEnterpriseId: string | null;
  titleZh: string;
  titleEn: string;
  amountFen: number;
  /** Ledger account suffix of who gets the money: `utility:water`, `office:<office code>`. */
  beneficiaryCode: string;
  beneficiaryNameZh: string;
  beneficiaryNameEn: string;
  /** The office whose office admins approve refunds (null: platform admins only). */
  beneficiaryOfficeId: string | null;
  utilityKind: UtilityKindName | null;
  accountNumber: string | null;
  billMonth: string | null;
  applicationId: string | null;
  dueDate: string | null;
  status: PayableStatus;
  /** The order it is in while that order waits for the payer; cleared when the order ends. */
  inFlightOrderId: string | null;
  paidOrderId: string | null;
  paidAt: string | null;
  refundedFen: number;
  createdAt: string;
  updatedAt: string;
}

/** One payment: our merchant order at a provider for one or more payables of one payer. */
export interface PaymentOrderTable {
  id: string;
  merchantOrderNo: string;
  payerUserId: string;
  payerPersonId: string | null;
  payerEnterpriseId: string | null;
  providerId: string;
  providerOrderNo: string | null;
  providerTxnNo: string | null;
  totalFen: number;
  refundedFen: number;
  state: PaymentOrderState;
  description: string;
  channel: string;
  payUrl: string | null;
  qrContent: string | null;
  returnPath: string;
  /** Per (payer user, key); a repeat with another body is refused. */
  idempotencyKey: string;
  requestHash: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  paidAt: string | null;
  closedAt: string | null;
  /** Why it was closed or failed (provider_closed, expired, provider_failed, create_failed). */
  endReason: string | null;
  /** When the provider was last asked about it (GET order, the sweep). */
  lastQueriedAt: string | null;
}

export interface PaymentOrderItemTable {
  id: string;
  orderId: string;
  payableId: string;
  amountFen: number;
  refundedFen: number;
}

export type NotificationOutcome = 'accepted' | 'duplicate' | 'refused';
export type NotificationSource = 'notify' | 'query' | 'reconciliation';

/** Every notification received from a provider (and every answer to a query acted on). */
export interface PaymentNotificationTable {
  id: string;
  providerId: string;
  source: NotificationSource;
  /** The provider's notification id; null when the body could not be verified. */
  notificationId: string | null;
  kind: string | null;
  merchantOrderNo: string | null;
  refundNo: string | null;
  state: string | null;
  amountFen: number | null;
  outcome: NotificationOutcome;
  /** Why it was refused or a duplicate: bad_signature, unknown_order, wrong_amount, … */
  reason: string | null;
  /** The raw body as received (first 4000 characters). */
  rawBody: string | null;
  receivedAt: string;
}

/** A utility account (户号) bound by a person or an enterprise; unbinding keeps the row. */
export interface UtilityAccountBindingTable {
  id: string;
  holderPersonId: string | null;
  holderEnterpriseId: string | null;
  kind: UtilityKindName;
  accountNumber: string;
  address: string;
  holderMasked: string;
  boundByUserId: string;
  boundAt: string;
  unboundAt: string | null;
  unboundByUserId: string | null;
}

/**
 * A refund of part or all of one paid item, requested by the payer or finance staff and approved
 * by a different person with the finance role before the provider is asked.
 */
export interface PaymentRefundTable {
  id: string;
  refundNo: string;
  orderId: string;
  payableId: string;
  amountFen: number;
  reason: string;
  state: RefundState;
  requestedByUserId: string;
  requestedByName: string;
  requestedAsPayer: number;
  requestedAt: string;
  decidedByUserId: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  providerRefundNo: string | null;
  completedAt: string | null;
  failureReason: string | null;
  updatedAt: string;
}

/** Telling a biller that one of its bills was paid, retried until it confirms or refuses. */
export interface BillerPushTable {
  id: string;
  payableId: string;
  orderId: string;
  utilityKind: UtilityKindName;
  billNo: string;
  accountNumber: string;
  amountFen: number;
  paymentRef: string;
  status: BillerPushStatus;
  attempts: number;
  lastError: string | null;
  rejectReason: string | null;
  confirmationNo: string | null;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
}

/** A balanced movement of money; insert-only (triggers refuse UPDATE and DELETE). */
export interface LedgerTransactionTable {
  id: string;
  /** payment, refund_approved, refund_paid, refund_reversed, fee, … */
  kind: string;
  /** What it is about (order id, refund id, statement line); unique with kind. */
  reference: string;
  memo: string;
  totalFen: number;
  createdAt: string;
}

/** One side of a ledger transaction: exactly one of debit and credit is positive. */
export interface LedgerEntryTable {
  id: string;
  transactionId: string;
  seq: number;
  account: string;
  debitFen: number;
  creditFen: number;
  createdAt: string;
}
