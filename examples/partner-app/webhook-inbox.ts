// What the partner app learnt from Tongban's webhooks, per resident (the `sub` Tongban gave this
// app), newest first — what it shows as "your application changed state".
import type { TongbanWebhookEvent } from '../../sdk/src/index.ts';

export interface ReceivedEvent {
  event: TongbanWebhookEvent;
  receivedAt: string;
}

export class WebhookInbox {
  private readonly bySubject = new Map<string, ReceivedEvent[]>();
  /** Every verified event, for the status page and tests. */
  readonly all: ReceivedEvent[] = [];

  add(event: TongbanWebhookEvent): void {
    const received = { event, receivedAt: new Date().toISOString() };
    const list = this.bySubject.get(event.subject) ?? [];
    list.unshift(received);
    this.bySubject.set(event.subject, list.slice(0, 50));
    this.all.unshift(received);
    if (this.all.length > 500) this.all.pop();
  }

  of(subject: string): ReceivedEvent[] {
    return this.bySubject.get(subject) ?? [];
  }
}
