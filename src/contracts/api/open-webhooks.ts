// The open platform's webhook API (an app owner's subscription, its deliveries and attempts):
// the schemas the routes declare and the types of their answers, which the web client imports
// (`import type`, so no schema code reaches it).
import { Type, type Static } from 'typebox';

export const OPEN_WEBHOOK_EVENT_TYPES = [
  'application.status_changed',
  'bill.issued',
  'payment.settled',
] as const;

export const WebhookEventTypeSchema = Type.Unsafe<(typeof OPEN_WEBHOOK_EVENT_TYPES)[number]>({
  type: 'string',
  enum: [...OPEN_WEBHOOK_EVENT_TYPES],
});

export const WebhookDeliveryStatusSchema = Type.Unsafe<'pending' | 'delivered' | 'failed' | 'skipped'>({
  type: 'string',
  enum: ['pending', 'delivered', 'failed', 'skipped'],
});

export const WebhookSubscriptionSchema = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  url: Type.String(),
  events: Type.Array(WebhookEventTypeSchema),
  isActive: Type.Boolean(),
  secretRotatedAt: Type.String(),
  previousSecretExpiresAt: Type.Union([
    Type.String({ description: 'until then deliveries carry a second signature made with the old secret' }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const WebhookAnswerSchema = Type.Object({
  subscription: Type.Union([WebhookSubscriptionSchema, Type.Null()]),
});

export const WebhookSecretAnswerSchema = Type.Object({
  subscription: WebhookSubscriptionSchema,
  secret: Type.Union([
    Type.String({ description: 'the signing secret; shown only in this answer, never again' }),
    Type.Null(),
  ]),
});

export const WebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 2000, description: 'https:// URL the events are POSTed to' }),
    events: Type.Array(WebhookEventTypeSchema, { minItems: 1, maxItems: 3, uniqueItems: true }),
    isActive: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const WebhookAttemptSchema = Type.Object({
  attemptNo: Type.Integer(),
  startedAt: Type.String(),
  durationMs: Type.Integer(),
  outcome: Type.Unsafe<'success' | 'failure' | 'skipped'>({
    type: 'string',
    enum: ['success', 'failure', 'skipped'],
  }),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  manual: Type.Boolean({ description: 'asked for by a person (redeliver)' }),
});

export const WebhookDeliverySchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventType: WebhookEventTypeSchema,
  occurredAt: Type.String(),
  status: WebhookDeliveryStatusSchema,
  attempts: Type.Integer(),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
  attemptLog: Type.Array(WebhookAttemptSchema),
});

export const WebhookDeliveryListSchema = Type.Object({
  items: Type.Array(WebhookDeliverySchema),
  total: Type.Integer(),
});

export const WebhookDeliveriesQuery = Type.Object(
  {
    status: Type.Optional(WebhookDeliveryStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export type WebhookEventType = (typeof OPEN_WEBHOOK_EVENT_TYPES)[number];
export type WebhookSubscription = Static<typeof WebhookSubscriptionSchema>;
export type WebhookAnswer = Static<typeof WebhookAnswerSchema>;
export type WebhookSecretAnswer = Static<typeof WebhookSecretAnswerSchema>;
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
export type WebhookDeliveryList = Static<typeof WebhookDeliveryListSchema>;
export type WebhookAttempt = Static<typeof WebhookAttemptSchema>;
