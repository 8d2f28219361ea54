// What the demo payment provider does with orders and refunds, apart from HTTP: create (refusing
// a reused order number with another amount), pay or fail at the cashier, close on expiry, refund
// (partial or full, idempotent on refundNo, completed asynchronously), and the daily statement.
import { stringify } from 'csv-stringify/sync';
import { STATEMENT_COLUMNS, shanghaiDate, shanghaiDateTime, yuan } from './protocol.ts';
import type { Order, ProviderStore, Refund } from './store.ts';

export interface ProviderBehaviour {
  /** Each merchant API answer waits a uniform random time in [min, max] ms. */
  latencyMinMs: number;
  latencyMaxMs: number;
  /** Share (0..1) of merchant API requests answered 503 without doing anything. */
  errorRate: number;
  /** A notification's first delivery waits a uniform random time in [min, max] ms. */
  callbackDelayMinMs: number;
  callbackDelayMaxMs: number;
  /** Share (0..1) of notification deliveries sent twice. */
  duplicateRate: number;
  /** Share (0..1) of notifications lost: never sent at all (the merchant must query). */
  dropRate: number;
  /** Hold new notifications and send each batch of 200 ms in reverse order. */
  reorder: boolean;
  /** The next N payments confirmed at the cashier (or through the pay control) fail. */
  failNextPayments: number;
  /** A refund completes (and is notified) this long after it was asked for. */
  refundDelayMs: number;
  /** Retry backoff of an unanswered notification: base, doubled per attempt, up to max. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_BEHAVIOUR: ProviderBehaviour = {
  latencyMinMs: 0,
  latencyMaxMs: 0,
  errorRate: 0,
  callbackDelayMinMs: 0,
  callbackDelayMaxMs: 0,
  duplicateRate: 0,
  dropRate: 0,
  reorder: false,
  failNextPayments: 0,
  refundDelayMs: 500,
  retryBaseMs: 1000,
  retryMaxMs: 60_000,
};

export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CreateOrderInput {
  merchantOrderNo: string;
  amountFen: number;
  description: string;
  notifyUrl: string;
  returnUrl: string;
  expiresAt: string;
}

export class DemoPaymentProvider {
  constructor(
    readonly store: ProviderStore,
    readonly behaviour: ProviderBehaviour,
    private readonly options: { merchantId: string; baseUrl: () => string; feeRate: number },
  ) {}

  /** Queues a notification, or loses it on purpose (the `dropRate` behaviour). */
  private notify(url: string, payload: Record<string, unknown>, now: string): void {
    this.store.notify(url, payload, now, this.firstAttemptAt(), Math.random() < this.behaviour.dropRate);
  }

  private firstAttemptAt(): number {
    const { callbackDelayMinMs: min, callbackDelayMaxMs: max } = this.behaviour;
    return Date.now() + min + Math.random() * Math.max(0, max - min);
  }

  createOrder(input: CreateOrderInput): { order: Order; created: boolean } {
    const existing = this.store.orders.get(input.merchantOrderNo);
    if (existing) {
      if (existing.amountFen !== input.amountFen)
        throw new ProviderError(
          409,
          'DUPLICATE_ORDER_NO',
          'merchantOrderNo already used for an order of another amount',
        );
      return { order: existing, created: false };
    }
    const now = new Date().toISOString();
    const order: Order = {
      ...input,
      providerOrderNo: this.store.nextNumber('DP', now),
      state: 'pending',
      createdAt: now,
      feeFen: 0,
    };
    this.store.addOrder(order);
    this.store.save();
    return { order, created: true };
  }

  payUrl(order: Order): string {
    return `${this.options.baseUrl()}/cashier/${order.providerOrderNo}`;
  }

  /** What a payer's wallet app reads from the QR code: the cashier address with a scheme. */
  qrContent(order: Order): string {
    return `demopay://pay?orderNo=${order.providerOrderNo}&url=${encodeURIComponent(this.payUrl(order))}`;
  }

  /** The payer confirmed at the cashier. `outcome` forces the result (the pay control). */
  pay(order: Order, outcome?: 'paid' | 'failed'): Order {
    this.expireIfDue(order);
    if (order.state !== 'pending')
      throw new ProviderError(409, 'ORDER_NOT_PAYABLE', `the order is ${order.state}`);
    const now = new Date().toISOString();
    let result = outcome ?? 'paid';
    if (!outcome && this.behaviour.failNextPayments > 0) {
      this.behaviour.failNextPayments -= 1;
      result = 'failed';
    }
    if (result === 'paid') {
      order.state = 'paid';
      order.paidAt = now;
      order.providerTxnNo = this.store.nextNumber('DT', now);
      order.feeFen = Math.round(order.amountFen * this.options.feeRate);
    } else {
      order.state = 'failed';
      order.closedAt = now;
    }
    this.notifyOrder(order, now);
    this.store.save();
    return order;
  }

  private notifyOrder(order: Order, now: string): void {
    this.notify(
      order.notifyUrl,
      {
        kind: 'order',
        merchantId: this.options.merchantId,
        merchantOrderNo: order.merchantOrderNo,
        providerOrderNo: order.providerOrderNo,
        state: order.state,
        amountFen: order.amountFen,
        ...(order.providerTxnNo ? { providerTxnNo: order.providerTxnNo, paidAt: order.paidAt } : {}),
      },
      now,
    );
  }

  /** Closes a pending order whose time is up (and says so to the merchant). */
  expireIfDue(order: Order): void {
    if (order.state !== 'pending' || Date.parse(order.expiresAt) > Date.now()) return;
    const now = new Date().toISOString();
    order.state = 'closed';
    order.closedAt = now;
    this.notifyOrder(order, now);
    this.store.save();
  }

  refund(input: { merchantOrderNo: string; refundNo: string; amountFen: number; reason: string }): Refund {
    const existing = this.store.refunds.get(input.refundNo);
    if (existing) {
      if (existing.merchantOrderNo !== input.merchantOrderNo || existing.amountFen !== input.amountFen)
        throw new ProviderError(409, 'DUPLICATE_REFUND_NO', 'refundNo already used for another refund');
      return existing;
    }
    const order = this.store.orders.get(input.merchantOrderNo);
    if (!order) throw new ProviderError(404, 'ORDER_NOT_FOUND', 'no such order');
    if (order.state !== 'paid') throw new ProviderError(409, 'ORDER_NOT_PAID', `the order is ${order.state}`);
    const refunded = this.store
      .refundsOf(order.merchantOrderNo)
      .filter((r) => r.state !== 'failed')
      .reduce((sum, r) => sum + r.amountFen, 0);
    if (refunded + input.amountFen > order.amountFen)
      throw new ProviderError(
        409,
        'REFUND_EXCEEDS_PAYMENT',
        `only ${order.amountFen - refunded} fen of the order can still be refunded`,
      );
    const now = new Date().toISOString();
    const refund: Refund = {
      ...input,
      providerRefundNo: this.store.nextNumber('DR', now),
      state: 'pending',
      createdAt: now,
      completeAt: new Date(Date.now() + this.behaviour.refundDelayMs).toISOString(),
    };
    this.store.refunds.set(refund.refundNo, refund);
    this.store.save();
    return refund;
  }

  /** Completes due refunds and closes expired orders; run by the server's timer. */
  tick(): void {
    const now = Date.now();
    for (const refund of this.store.refunds.values()) {
      if (refund.state !== 'pending' || Date.parse(refund.completeAt) > now) continue;
      const order = this.store.orders.get(refund.merchantOrderNo)!;
      refund.state = 'succeeded';
      refund.refundedAt = new Date(now).toISOString();
      this.notify(
        order.notifyUrl,
        {
          kind: 'refund',
          merchantId: this.options.merchantId,
          merchantOrderNo: refund.merchantOrderNo,
          refundNo: refund.refundNo,
          providerRefundNo: refund.providerRefundNo,
          state: refund.state,
          amountFen: refund.amountFen,
          refundedAt: refund.refundedAt,
        },
        refund.refundedAt,
      );
      this.store.save();
    }
    for (const order of this.store.orders.values()) this.expireIfDue(order);
  }

  /**
   * The statement of a date (Asia/Shanghai): every payment and every finished refund of that
   * day, with the fee on each line (the demo keeps its fee on refunds: 0 on refund lines), and a
   * closing summary line.
   */
  statementCsv(date: string): string {
    const rows: { at: string; cells: string[] }[] = [];
    let payments = 0;
    let refunds = 0;
    let fees = 0;
    for (const order of this.store.orders.values()) {
      if (order.state !== 'paid' || shanghaiDate(order.paidAt!) !== date) continue;
      payments += order.amountFen;
      fees += order.feeFen;
      rows.push({
        at: order.paidAt!,
        cells: [
          shanghaiDateTime(order.paidAt!),
          '支付 payment',
          order.merchantOrderNo,
          order.providerOrderNo,
          order.providerTxnNo!,
          '',
          '',
          yuan(order.amountFen),
          yuan(order.feeFen),
        ],
      });
    }
    for (const refund of this.store.refunds.values()) {
      if (refund.state !== 'succeeded' || shanghaiDate(refund.refundedAt!) !== date) continue;
      const order = this.store.orders.get(refund.merchantOrderNo)!;
      refunds += refund.amountFen;
      rows.push({
        at: refund.refundedAt!,
        cells: [
          shanghaiDateTime(refund.refundedAt!),
          '退款 refund',
          refund.merchantOrderNo,
          order.providerOrderNo,
          order.providerTxnNo!,
          refund.refundNo,
          refund.providerRefundNo,
          yuan(-refund.amountFen),
          yuan(0),
        ],
      });
    }
    rows.sort((a, b) => a.at.localeCompare(b.at));
    const head = [
      `# 演示支付 对账单 Demo Pay statement`,
      `# 商户号 merchant: ${this.options.merchantId}`,
      `# 账单日期 date: ${date} (Asia/Shanghai)`,
    ].join('\n');
    const body = stringify([[...STATEMENT_COLUMNS], ...rows.map((r) => r.cells)]);
    const total = `# 合计 total: ${rows.length} 笔 lines, 收款 payments ${yuan(payments)}, 退款 refunds ${yuan(refunds)}, 手续费 fees ${yuan(fees)}`;
    return `\uFEFF${head}\n${body}${total}\n`;
  }
}
