// The events the open platform tells apps about, the scope a resident must have granted an app
// for each, and `publishOpenEvent`: the outbox write other modules make in their own transaction.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { nowIso } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { JobRunner } from '../../../platform/jobs/job-runner.ts';
import {
  OPEN_WEBHOOK_EVENT_TYPES as OPEN_EVENT_TYPES,
  type WebhookEventType as OpenEventType,
} from '../../../../contracts/api/open-webhooks.ts';

export { OPEN_EVENT_TYPES, type OpenEventType };

/** The scope a resident must have granted the app for it to receive the event about them. */
export const EVENT_SCOPES: Record<OpenEventType, string> = {
  'application.status_changed': 'applications.read',
  'bill.issued': 'bills_payments',
  'payment.settled': 'bills_payments',
};

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export type WebhookAttemptOutcome = 'success' | 'failure' | 'skipped';

/** The queue that turns one event into deliveries for the subscribed apps. */
export const WEBHOOK_FANOUT_QUEUE = 'open-platform.webhooks.fanout';
/** The queue of delivery attempts (one job per attempt, scheduled with backoff and jitter). */
export const WEBHOOK_DELIVERY_QUEUE = 'open-platform.webhooks.deliver';

export type OpenEventInput = {
  type: OpenEventType;
  /** The event's payload, as the app receives it under `data`. */
  data: Record<string, unknown>;
} & ({ personId: string; enterpriseId?: undefined } | { enterpriseId: string; personId?: undefined });

/**
 * Records an event for the open platform's webhooks in the caller's transaction (the outbox) and
 * queues its fan-out in the same transaction: a change that rolls back tells no app anything, and
 * a committed change is delivered even if the process stops right after. Which apps receive it
 * (subscribed, active, and granted the event's scope by the resident) is decided by the fan-out
 * job and checked again at each delivery attempt.
 *
 * @returns the event id (what receivers dedupe by).
 */
export async function publishOpenEvent(
  trx: Transaction<Database>,
  jobs: JobRunner,
  input: OpenEventInput,
): Promise<string> {
  if (!(OPEN_EVENT_TYPES as readonly string[]).includes(input.type))
    throw new Error(`publishOpenEvent(): unknown event type "${input.type}"`);
  if (!input.personId === !input.enterpriseId)
    throw new Error('publishOpenEvent(): name exactly one of personId and enterpriseId');
  const id = uuidv7();
  await trx
    .insertInto('openEvents')
    .values({
      id,
      type: input.type,
      personId: input.personId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      data: JSON.stringify(input.data),
      occurredAt: nowIso(),
      fannedOutAt: null,
    })
    .execute();
  await jobs.enqueue(WEBHOOK_FANOUT_QUEUE, { eventId: id }, { dedupeKey: `webhook-fanout:${id}` }, trx);
  return id;
}
