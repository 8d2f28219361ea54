/**
 * The demo partner app's webhook (examples/partner-app receives at /webhooks/tongban on the origin
 * of its redirect URI). DEMO ONLY: the signing secret is public (it is in this file); a real app's
 * secret is made by Tongban and shown once to its owner at /open-platform/webhooks.
 */
export const DEMO_PARTNER_WEBHOOK_SECRET = 'whsec_demo-only-life-helper-webhook-secret';
export const DEMO_PARTNER_WEBHOOK_PATH = '/webhooks/tongban';
