import type { OpenEventType, WebhookAttemptOutcome, WebhookDeliveryStatus } from './webhook-events.ts';

/**
 * One event an app may be told about (the outbox): written in the transaction of the change it
 * reports, fanned out to the subscriptions afterwards by a durable job.
 */
export interface OpenEventTable {
  /** uuidv7; sent as the event id, which receivers dedupe by. */
  id: string;
  type: OpenEventType;
  /** Whom the event is about: one resident or one enterprise. */
  personId: string | null;
  enterpriseId: string | null;
  /** The event's JSON payload. */
  data: string;
  occurredAt: string;
  fannedOutAt: string | null;
}

/** An app's webhook subscription (one per app). */
export interface OpenWebhookSubscriptionTable {
  id: string;
  appId: string;
  /** https:// URL the events are POSTed to. */
  url: string;
  /** JSON array of event types. */
  events: string;
  /** The signing secret (needed in clear to sign; shown to the owner only when made). */
  secret: string;
  /** After a rotation the old secret also signs for a while, so receivers can switch over. */
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  secretRotatedAt: string;
  /** 0 or 1. */
  isActive: number;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** One event for one subscription, tried until delivered or out of attempts. */
export interface OpenWebhookDeliveryTable {
  id: string;
  eventId: string;
  subscriptionId: string;
  appId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

/** One HTTP attempt of a delivery. */
export interface OpenWebhookAttemptTable {
  id: string;
  deliveryId: string;
  attemptNo: number;
  startedAt: string;
  durationMs: number;
  outcome: WebhookAttemptOutcome;
  statusCode: number | null;
  error: string | null;
  /** 1 when a person asked for it (redeliver). */
  manual: number;
}
