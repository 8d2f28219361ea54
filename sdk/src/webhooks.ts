// Receiving Tongban webhooks: check the signature (HMAC-SHA256 over `${timestamp}.${body}` with
// the app's webhook secret), refuse timestamps outside a window, and refuse an event id seen
// before (a replay, or a redelivery of an event already handled). WebCrypto only, so it runs on
// Node ≥ 20, Deno, Bun and edge runtimes alike.

/** The headers Tongban sends with every delivery (lower-case). */
export const WEBHOOK_HEADERS = {
  eventId: 'tongban-event-id',
  eventType: 'tongban-event-type',
  timestamp: 'tongban-timestamp',
  signature: 'tongban-signature',
} as const;

export type TongbanWebhookEventType = 'application.status_changed' | 'bill.issued' | 'payment.settled';

/** The body of a delivery. */
export interface TongbanWebhookEvent<Data = Record<string, unknown>> {
  /** Unique per event; the same on every retry and redelivery of it. */
  id: string;
  type: TongbanWebhookEventType;
  occurredAt: string;
  /** The resident the event is about, as your app knows them (the ID token's `sub`). */
  subject: string;
  data: Data;
}

/** `data` of `application.status_changed`. */
export interface ApplicationStatusChangedData {
  applicationId: string;
  receiptNo: string;
  serviceName: { zh: string; en: string };
  previousStatus: string;
  status: string;
}

export type WebhookVerificationFailure =
  | 'missing_header'
  | 'bad_signature'
  | 'timestamp_out_of_window'
  | 'malformed_body'
  /** Signed correctly but the event id was seen before: answer 2xx and do nothing. */
  | 'duplicate';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Remembers event ids for a while; `remember` answers false when the id was already there. */
export interface ReplayStore {
  remember(eventId: string, ttlSeconds: number): boolean | Promise<boolean>;
}

/**
 * An in-process replay store. Fine for one process; behind several processes use a shared store
 * (a database table with a unique key, Redis SET NX EX) implementing `ReplayStore`.
 */
export class MemoryReplayStore implements ReplayStore {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  remember(eventId: string, ttlSeconds: number): boolean {
    const now = this.now();
    for (const [id, expiresAt] of this.seen) if (expiresAt <= now) this.seen.delete(id);
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, now + ttlSeconds * 1000);
    return true;
  }
}

export interface VerifyWebhookOptions {
  /** The app's webhook secret; during a rotation pass both (new first). */
  secret: string | readonly string[];
  /** Largest difference between the delivery's timestamp and now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** Where seen event ids are kept; omit to skip duplicate detection (not recommended). */
  replayStore?: ReplayStore;
  /** Milliseconds since the epoch (tests). */
  now?: () => number;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares in time independent of where the strings differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The signature header for a body (what Tongban sends); for tests of your receiver. */
export async function signWebhook(secret: string, timestamp: number, body: string): Promise<string> {
  return `v1=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/**
 * Verifies one delivery and returns its event. Pass the body exactly as received (the raw text,
 * before any JSON parsing). Throws `WebhookVerificationError`: answer 400 for every reason but
 * `duplicate`, for which answer 2xx (Tongban then stops retrying) and do nothing.
 */
export async function verifyWebhook<Data = Record<string, unknown>>(
  request: { headers: HeaderSource; body: string },
  options: VerifyWebhookOptions,
): Promise<TongbanWebhookEvent<Data>> {
  const eventId = header(request.headers, WEBHOOK_HEADERS.eventId);
  const timestampText = header(request.headers, WEBHOOK_HEADERS.timestamp);
  const signatureText = header(request.headers, WEBHOOK_HEADERS.signature);
  if (!eventId || !timestampText || !signatureText)
    throw new WebhookVerificationError('missing_header', 'A Tongban webhook header is missing');
  const timestamp = Number(timestampText);
  const now = (options.now ?? Date.now)();
  const tolerance = options.toleranceSeconds ?? 300;
  if (!/^\d{1,12}$/.test(timestampText) || Math.abs(now / 1000 - timestamp) > tolerance)
    throw new WebhookVerificationError(
      'timestamp_out_of_window',
      `The delivery's timestamp is more than ${tolerance} s away from now`,
    );
  const offered = signatureText
    .split(/[\s,]+/)
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacHex(secret, `${timestamp}.${request.body}`);
    if (offered.some((signature) => constantTimeEqual(signature, expected))) matched = true;
  }
  if (!matched) throw new WebhookVerificationError('bad_signature', 'The signature does not match');
  let event: TongbanWebhookEvent<Data>;
  try {
    event = JSON.parse(request.body) as TongbanWebhookEvent<Data>;
  } catch {
    throw new WebhookVerificationError('malformed_body', 'The body is not JSON');
  }
  if (typeof event !== 'object' || event === null || event.id !== eventId)
    throw new WebhookVerificationError(
      'malformed_body',
      'The body does not carry the event id of the headers',
    );
  // Remembered only once the signature is good, so forged requests cannot fill the store; kept
  // for twice the window, after which the timestamp check refuses a replay anyway.
  if (options.replayStore && !(await options.replayStore.remember(eventId, tolerance * 2)))
    throw new WebhookVerificationError('duplicate', `Event ${eventId} was received before`);
  return event;
}
