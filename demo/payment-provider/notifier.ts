// Delivers the provider's asynchronous notifications: POSTs each one, signed, to the merchant's
// notifyUrl and retries with exponential backoff until the merchant answers 2xx, like real
// providers do. The behaviour can lose, duplicate, delay and reorder them (for tests).
import { NOTIFICATION_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signNotification } from './protocol.ts';
import type { ProviderBehaviour } from './provider.ts';
import type { OutgoingNotification, ProviderStore } from './store.ts';

export interface NotifierStats {
  attempts: number;
  delivered: number;
  failedAttempts: number;
  duplicatesSent: number;
  dropped: number;
}

export class Notifier {
  private readonly counts = { attempts: 0, delivered: 0, failedAttempts: 0, duplicatesSent: 0 };
  private readonly inFlight = new Set<string>();
  /** Held first deliveries while `reorder` is on; flushed in reverse every 200 ms. */
  private held: OutgoingNotification[] = [];
  private lastFlush = Date.now();

  constructor(
    private readonly store: ProviderStore,
    private readonly behaviour: ProviderBehaviour,
    private readonly secret: string,
  ) {}

  /** Sends what is due; called by the server's timer. */
  run(): void {
    const now = Date.now();
    for (const notification of this.store.outbox) {
      if (notification.deliveredAt || notification.dropped || this.inFlight.has(notification.notificationId))
        continue;
      if (notification.nextAttemptAt > now) continue;
      if (notification.attempts === 0 && this.behaviour.reorder) {
        if (!this.held.includes(notification)) this.held.push(notification);
        continue;
      }
      this.send(notification);
    }
    if (this.held.length && (now - this.lastFlush >= 200 || !this.behaviour.reorder)) {
      const batch = this.held.reverse();
      this.held = [];
      for (const notification of batch) this.send(notification);
    }
    if (now - this.lastFlush >= 200) this.lastFlush = now;
  }

  private send(notification: OutgoingNotification): void {
    this.inFlight.add(notification.notificationId);
    const copies = Math.random() < this.behaviour.duplicateRate ? 2 : 1;
    if (copies === 2) this.counts.duplicatesSent += 1;
    void Promise.all(Array.from({ length: copies }, () => this.post(notification))).then((results) => {
      this.inFlight.delete(notification.notificationId);
      notification.attempts += 1;
      if (results.some((ok) => ok)) {
        notification.deliveredAt = new Date().toISOString();
        this.counts.delivered += 1;
      } else {
        const wait = Math.min(
          this.behaviour.retryMaxMs,
          this.behaviour.retryBaseMs * 2 ** Math.min(notification.attempts - 1, 20),
        );
        notification.nextAttemptAt = Date.now() + wait;
      }
      this.store.save();
    });
  }

  private async post(notification: OutgoingNotification): Promise<boolean> {
    this.counts.attempts += 1;
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(notification.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signNotification(this.secret, timestamp, notification.body),
          [NOTIFICATION_ID_HEADER]: notification.notificationId,
        },
        body: notification.body,
        signal: AbortSignal.timeout(5000),
      });
      await response.body?.cancel();
      if (response.ok) return true;
      notification.lastError = `HTTP ${response.status}`;
    } catch (error) {
      notification.lastError = error instanceof Error ? error.message : String(error);
    }
    this.counts.failedAttempts += 1;
    return false;
  }

  get stats(): NotifierStats {
    return { ...this.counts, dropped: this.store.outbox.filter((n) => n.dropped).length };
  }

  /** Notifications not yet answered 2xx (lost ones included), for the control API. */
  pending(): number {
    return this.store.outbox.filter((n) => !n.deliveredAt).length;
  }
}
