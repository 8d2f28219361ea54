// The demo payment provider's books: orders, refunds and the notification outbox. In memory, and
// when given a file (`--state FILE`) written through on every change (write to a temporary file,
// then rename), so that a provider restarted after a crash still has its orders and statement.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';

export type OrderState = 'pending' | 'paid' | 'closed' | 'failed';

export interface Order {
  merchantOrderNo: string;
  providerOrderNo: string;
  amountFen: number;
  description: string;
  notifyUrl: string;
  returnUrl: string;
  expiresAt: string;
  state: OrderState;
  createdAt: string;
  providerTxnNo?: string;
  paidAt?: string;
  closedAt?: string;
  feeFen: number;
}

export interface Refund {
  refundNo: string;
  providerRefundNo: string;
  merchantOrderNo: string;
  amountFen: number;
  reason: string;
  state: 'pending' | 'succeeded' | 'failed';
  createdAt: string;
  /** When a pending refund completes. */
  completeAt: string;
  refundedAt?: string;
}

export interface OutgoingNotification {
  notificationId: string;
  url: string;
  body: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt?: string;
  /** Lost on purpose (the `dropRate` behaviour): never sent. */
  dropped?: boolean;
  lastError?: string;
}

interface State {
  orders: Order[];
  refunds: Refund[];
  outbox: OutgoingNotification[];
  sequence: number;
}

export class ProviderStore {
  readonly orders = new Map<string, Order>();
  readonly ordersByProviderNo = new Map<string, Order>();
  readonly refunds = new Map<string, Refund>();
  readonly outbox: OutgoingNotification[] = [];
  private sequence = 0;

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      const state = JSON.parse(fs.readFileSync(file, 'utf8')) as State;
      for (const order of state.orders) this.addOrder(order);
      for (const refund of state.refunds) this.refunds.set(refund.refundNo, refund);
      this.outbox.push(...state.outbox);
      this.sequence = state.sequence;
    }
  }

  addOrder(order: Order): void {
    this.orders.set(order.merchantOrderNo, order);
    this.ordersByProviderNo.set(order.providerOrderNo, order);
  }

  /** A readable provider number: prefix + Shanghai date + sequence, e.g. `DP20261125000042`. */
  nextNumber(prefix: string, nowIso: string): string {
    this.sequence += 1;
    const date = new Date(Date.parse(nowIso) + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
    return `${prefix}${date}${String(this.sequence).padStart(6, '0')}`;
  }

  /** Queues a notification; a `dropped` one is kept in the books but never sent. */
  notify(
    url: string,
    payload: Record<string, unknown>,
    nowIso: string,
    firstAttemptAt: number,
    dropped = false,
  ): void {
    const notificationId = randomUUID();
    this.outbox.push({
      notificationId,
      url,
      body: JSON.stringify({ notificationId, ...payload }),
      createdAt: nowIso,
      attempts: 0,
      nextAttemptAt: firstAttemptAt,
      ...(dropped ? { dropped } : {}),
    });
  }

  refundsOf(merchantOrderNo: string): Refund[] {
    return [...this.refunds.values()].filter((r) => r.merchantOrderNo === merchantOrderNo);
  }

  /** Writes the books through to the state file, if any. */
  save(): void {
    if (!this.file) return;
    const state: State = {
      orders: [...this.orders.values()],
      refunds: [...this.refunds.values()],
      // Delivered notifications older than the last thousand are of no further use.
      outbox: this.outbox.filter((n, i) => !n.deliveredAt || i >= this.outbox.length - 1000),
      sequence: this.sequence,
    };
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state));
    fs.renameSync(temporary, this.file);
  }
}
