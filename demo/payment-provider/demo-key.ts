/**
 * The merchant credentials of the demo payment provider, used by a demo city when
 * TONGBAN_PAYMENT_MERCHANT_* are not set. DEMO ONLY: they are public (they are in this file); a
 * real city uses the merchant id, API key and notification secret its payment provider issues.
 */
export const DEMO_MERCHANT_ID = 'demo-merchant-tongban';
export const DEMO_MERCHANT_KEY = 'demo-only-merchant-key';
export const DEMO_MERCHANT_SECRET = 'demo-only-merchant-notify-secret';
