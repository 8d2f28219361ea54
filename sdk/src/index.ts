// @tongban/sdk: a typed client of Tongban's open API and the webhook receiver's checks.
export { createTongbanClient } from './client.ts';
export type {
  OperationData,
  OperationInit,
  TongbanClient,
  TongbanClientOptions,
  TongbanMethods,
} from './client.ts';
export { TongbanApiError, isTongbanApiError, isTongbanErrorBody } from './errors.ts';
export type { TongbanErrorBody } from './errors.ts';
export {
  MemoryReplayStore,
  WEBHOOK_HEADERS,
  WebhookVerificationError,
  signWebhook,
  verifyWebhook,
} from './webhooks.ts';
export type {
  ApplicationStatusChangedData,
  ReplayStore,
  TongbanWebhookEvent,
  TongbanWebhookEventType,
  VerifyWebhookOptions,
  WebhookVerificationFailure,
} from './webhooks.ts';
export type { components, paths } from './generated/open-api.ts';
export { OPERATIONS } from './generated/operations.ts';
