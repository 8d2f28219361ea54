import type { AppDeps } from '../../platform/deps.ts';

/**
 * What the payments services need: the app's deps, with the payment provider and the billers
 * (`deps.paymentProvider`, `deps.billers`; see ports.ts).
 */
export type PaymentsDeps = AppDeps;

/** Where the provider reaches this server (TONGBAN_PAYMENT_CALLBACK_BASE_URL), no trailing slash. */
export function callbackBaseUrl(deps: Pick<AppDeps, 'config'>): string {
  return deps.config.paymentCallbackBaseUrl.replace(/\/+$/, '');
}

/** Where the provider POSTs its notifications for this platform. */
export function notifyUrlFor(deps: Pick<AppDeps, 'config'>, providerId: string): string {
  return `${deps.config.paymentCallbackBaseUrl.replace(/\/+$/, '')}/api/v1/payments/notify/${encodeURIComponent(providerId)}`;
}
