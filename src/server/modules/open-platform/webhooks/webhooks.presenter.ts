// Rows → API shapes; the signing secret never leaves through here.
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
} from '../../../../contracts/api/open-webhooks.ts';
import type {
  OpenWebhookAttemptTable,
  OpenWebhookDeliveryTable,
  OpenWebhookSubscriptionTable,
} from './webhooks.tables.ts';
import { parseEvents } from './webhook-subscriptions.service.ts';

export function presentSubscription(row: OpenWebhookSubscriptionTable): WebhookSubscription {
  return {
    id: row.id,
    appId: row.appId,
    url: row.url,
    events: parseEvents(row.events),
    isActive: row.isActive === 1,
    secretRotatedAt: row.secretRotatedAt,
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date().toISOString()
        ? row.previousSecretExpiresAt
        : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentAttempt(row: OpenWebhookAttemptTable): WebhookAttempt {
  return {
    attemptNo: row.attemptNo,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    outcome: row.outcome,
    statusCode: row.statusCode,
    error: row.error,
    manual: row.manual === 1,
  };
}

export function presentDelivery(
  row: OpenWebhookDeliveryTable & { eventType: WebhookEventType; eventOccurredAt: string },
  attempts: OpenWebhookAttemptTable[],
): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    occurredAt: row.eventOccurredAt,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    attemptLog: attempts.map(presentAttempt),
  };
}
