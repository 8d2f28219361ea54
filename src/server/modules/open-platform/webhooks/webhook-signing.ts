// How a delivery is signed. The receiver's half is in the SDK (sdk/src/webhooks.ts); a test signs
// here and verifies there, so the two stay in step.
import { createHmac, randomBytes } from 'node:crypto';

export const WEBHOOK_HEADERS = {
  eventId: 'tongban-event-id',
  eventType: 'tongban-event-type',
  timestamp: 'tongban-timestamp',
  signature: 'tongban-signature',
} as const;

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** HMAC-SHA256 (hex) over `${timestamp}.${body}` with the secret. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The headers of one delivery. Each secret in force gives one `v1=` signature (a rotated-out
 * secret still signs until it expires), so a receiver still holding the old one keeps verifying.
 */
export function signedHeaders(input: {
  eventId: string;
  eventType: string;
  timestamp: number;
  body: string;
  secrets: string[];
}): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Tongban-Webhooks/1',
    [WEBHOOK_HEADERS.eventId]: input.eventId,
    [WEBHOOK_HEADERS.eventType]: input.eventType,
    [WEBHOOK_HEADERS.timestamp]: String(input.timestamp),
    [WEBHOOK_HEADERS.signature]: input.secrets
      .map((secret) => `v1=${signPayload(secret, input.timestamp, input.body)}`)
      .join(' '),
  };
}
