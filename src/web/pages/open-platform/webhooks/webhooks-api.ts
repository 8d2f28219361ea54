// Typed calls for an app owner's webhook: the subscription, its secret, deliveries, redeliver.
import type {
  WebhookAnswer,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEventType,
  WebhookSecretAnswer,
} from '../../../../contracts/api/open-webhooks.ts';
import { api } from '../../../api/client.ts';

export type { WebhookDelivery, WebhookDeliveryList, WebhookEventType, WebhookSecretAnswer };
export type WebhookSubscription = NonNullable<WebhookAnswer['subscription']>;

/** The caller's registered apps (the registry's own list), as much of them as this page uses. */
export interface OwnedApp {
  id: string;
  nameZh: string;
  nameEn: string;
  status: 'pending' | 'approved' | 'rejected' | 'suspended';
  scopes: string[];
}

const base = (appId: string) => `/api/v1/open-platform/apps/${encodeURIComponent(appId)}/webhook`;

export const listOwnedApps = () => api.get<{ items: OwnedApp[] }>('/api/v1/open-platform/apps');
export const getWebhook = (appId: string) => api.get<WebhookAnswer>(base(appId));
export const saveWebhook = (
  appId: string,
  input: { url: string; events: WebhookEventType[]; isActive: boolean },
) => api.put<WebhookSecretAnswer>(base(appId), input);
export const deleteWebhook = (appId: string) => api.delete(base(appId));
export const rotateWebhookSecret = (appId: string) =>
  api.post<WebhookSecretAnswer>(`${base(appId)}/rotate-secret`);
export const listDeliveries = (appId: string, options: { limit: number; offset: number }) =>
  api.get<WebhookDeliveryList>(
    `${base(appId)}/deliveries?${new URLSearchParams({
      limit: String(options.limit),
      offset: String(options.offset),
    }).toString()}`,
  );
export const redeliver = (appId: string, deliveryId: string) =>
  api.post<WebhookDelivery>(`${base(appId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`);

/** The catalogue key of each event's name. */
export const EVENT_NAME_KEYS = {
  'application.status_changed': 'openWebhooks.eventNames.application_status_changed',
  'bill.issued': 'openWebhooks.eventNames.bill_issued',
  'payment.settled': 'openWebhooks.eventNames.payment_settled',
} as const satisfies Record<WebhookEventType, string>;
