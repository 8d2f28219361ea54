// The two outside systems money moves through, as ports. A payment provider (支付机构: a bank
// or third-party payment company) takes the payer's money; a biller (水务 / 电力 / 燃气 company)
// issues utility bills and must be told when one is paid. Both live outside the city: the demo
// and the tests talk to small real servers (demo/payment-provider, demo/billers) over HTTP.

/** The state of an order at the provider. `paid` and `closed` are final. */
export type ProviderOrderState = 'pending' | 'paid' | 'closed' | 'failed';

export interface CreateProviderOrder {
  /** Our order number; the provider refuses a second order with the same number. */
  merchantOrderNo: string;
  amountFen: number;
  /** Shown to the payer at the provider (e.g. "上海城投水务 2026-10 水费 等2笔"). */
  description: string;
  /** Where the provider POSTs its signed asynchronous notification. */
  notifyUrl: string;
  /** Where the payer's browser returns after paying. */
  returnUrl: string;
  /** After this the provider closes the order unpaid. ISO-8601 UTC. */
  expiresAt: string;
}

export interface ProviderOrder {
  merchantOrderNo: string;
  providerOrderNo: string;
  state: ProviderOrderState;
  amountFen: number;
  /** Set once paid. */
  providerTxnNo?: string;
  paidAt?: string;
}

/** A verified asynchronous notification: an order paid or closed, or a refund finished. */
export type ProviderNotification =
  | {
      kind: 'order';
      notificationId: string;
      merchantOrderNo: string;
      providerOrderNo: string;
      state: 'paid' | 'closed' | 'failed';
      amountFen: number;
      providerTxnNo?: string;
      paidAt?: string;
    }
  | {
      kind: 'refund';
      notificationId: string;
      merchantOrderNo: string;
      refundNo: string;
      providerRefundNo: string;
      state: 'succeeded' | 'failed';
      amountFen: number;
      refundedAt?: string;
    };

/** One line of the provider's daily statement (对账单) for a date in Asia/Shanghai. */
export interface StatementLine {
  kind: 'payment' | 'refund';
  merchantOrderNo: string;
  providerOrderNo: string;
  /** Set for refunds. */
  refundNo?: string;
  amountFen: number;
  /** The provider's fee on this line, in fen (0 when none). */
  feeFen: number;
  at: string;
}

export interface PaymentProvider {
  readonly id: string;
  createOrder(
    input: CreateProviderOrder,
  ): Promise<{ providerOrderNo: string; payUrl: string; qrContent: string }>;
  /** The provider's view of the order; null when it has no such order. */
  queryOrder(merchantOrderNo: string): Promise<ProviderOrder | null>;
  /** Asks to refund part or all of a paid order; idempotent on refundNo. */
  refund(input: {
    merchantOrderNo: string;
    refundNo: string;
    amountFen: number;
    reason: string;
  }): Promise<{ providerRefundNo: string; state: 'pending' | 'succeeded' | 'failed' }>;
  /**
   * Checks the signature (and timestamp) of a notification the provider POSTed and parses it.
   * Throws ProviderSignatureError when the signature is missing, wrong or stale.
   */
  verifyNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): ProviderNotification;
  /** The statement of one day (YYYY-MM-DD, Asia/Shanghai). */
  downloadStatement(date: string): Promise<StatementLine[]>;
}

export class ProviderSignatureError extends Error {}
/** The provider could not be reached or answered with an error; the caller may retry. */
export class ProviderUnavailableError extends Error {}

export type UtilityKind = 'water' | 'electricity' | 'gas';

/** A bill as the biller issues it. */
export interface BillerBill {
  billNo: string;
  kind: UtilityKind;
  accountNumber: string;
  /** YYYY-MM */
  month: string;
  amountFen: number;
  /** YYYY-MM-DD */
  dueDate: string;
  /** `paid` once the biller has a confirmed payment for it. */
  status: 'unpaid' | 'paid';
}

export interface BillerGateway {
  /** Checks that the account exists and belongs to the address (户号 + 地址). */
  checkAccount(
    kind: UtilityKind,
    accountNumber: string,
    address: string,
  ): Promise<
    | { ok: true; holderMasked: string; address: string }
    | { ok: false; reason: 'not_found' | 'address_mismatch' }
  >;
  /** Current and past bills of the account, newest first. */
  fetchBills(kind: UtilityKind, accountNumber: string): Promise<BillerBill[]>;
  /** Tells the biller the bill is paid; idempotent on paymentRef (a retry returns the same confirmation). */
  pushPayment(
    kind: UtilityKind,
    input: { billNo: string; accountNumber: string; amountFen: number; paymentRef: string },
  ): Promise<{ confirmationNo: string }>;
  /** The payments the biller confirmed on a day (YYYY-MM-DD, Asia/Shanghai). */
  confirmations(
    kind: UtilityKind,
    date: string,
  ): Promise<
    { billNo: string; paymentRef: string; amountFen: number; confirmationNo: string; confirmedAt: string }[]
  >;
}

/** The biller refused the request for good (unknown bill, amount differs): do not retry. */
export class BillerRejectedError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
/** The biller could not be reached or failed; retry later. */
export class BillerUnavailableError extends Error {}

/**
 * The provider refused the request for good (a reused order number with another amount, a refund
 * larger than what is left, an unknown order): do not retry. `code` is the provider's own code.
 */
export class ProviderRejectedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
