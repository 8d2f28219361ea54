import { describe, expect, it } from 'vitest';
import {
  MemoryReplayStore,
  WebhookVerificationError,
  signWebhook,
  verifyWebhook,
  type WebhookVerificationFailure,
} from '../src/webhooks.ts';

const SECRET = 'whsec_test-secret';
const NOW = Date.parse('2026-11-25T02:00:00Z');
const body = JSON.stringify({ id: 'evt-1', type: 'bill.issued', occurredAt: 'x', subject: 'u', data: {} });

async function delivery(overrides: { secret?: string; timestamp?: number; body?: string; id?: string } = {}) {
  const timestamp = overrides.timestamp ?? NOW / 1000;
  const text = overrides.body ?? body;
  return {
    headers: {
      'Tongban-Event-Id': overrides.id ?? 'evt-1',
      'tongban-timestamp': String(timestamp),
      'tongban-signature': await signWebhook(overrides.secret ?? SECRET, timestamp, text),
    } as Record<string, string>,
    body: text,
  };
}

async function failure(promise: Promise<unknown>): Promise<WebhookVerificationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  throw new Error('verification passed');
}

describe('verifyWebhook', () => {
  const now = () => NOW;

  it('accepts a delivery signed with the secret and returns its event', async () => {
    const event = await verifyWebhook(await delivery(), { secret: SECRET, now });
    expect(event.id).toBe('evt-1');
  });

  it('works with a Fetch Headers object too', async () => {
    const signed = await delivery();
    const event = await verifyWebhook(
      { headers: new Headers(signed.headers), body },
      { secret: SECRET, now },
    );
    expect(event.type).toBe('bill.issued');
  });

  it('refuses a changed body, another secret and a missing header', async () => {
    const signed = await delivery();
    expect(
      await failure(verifyWebhook({ ...signed, body: body.replace('bill', 'pay') }, { secret: SECRET, now })),
    ).toBe('bad_signature');
    expect(
      await failure(verifyWebhook(await delivery({ secret: 'whsec_other' }), { secret: SECRET, now })),
    ).toBe('bad_signature');
    const { ['tongban-signature']: _dropped, ...headers } = signed.headers;
    expect(await failure(verifyWebhook({ headers, body }, { secret: SECRET, now }))).toBe('missing_header');
  });

  it('refuses timestamps outside the window, either way', async () => {
    const old = await delivery({ timestamp: NOW / 1000 - 301 });
    expect(await failure(verifyWebhook(old, { secret: SECRET, now }))).toBe('timestamp_out_of_window');
    const future = await delivery({ timestamp: NOW / 1000 + 301 });
    expect(await failure(verifyWebhook(future, { secret: SECRET, now }))).toBe('timestamp_out_of_window');
    expect((await verifyWebhook(old, { secret: SECRET, now, toleranceSeconds: 600 })).id).toBe('evt-1');
  });

  it('refuses a replay of the same event id, once the first was accepted', async () => {
    const replayStore = new MemoryReplayStore(now);
    const signed = await delivery();
    await verifyWebhook(signed, { secret: SECRET, now, replayStore });
    expect(await failure(verifyWebhook(signed, { secret: SECRET, now, replayStore }))).toBe('duplicate');
    // A forged request with the same id does not reach the store (signature first).
    const other = new MemoryReplayStore(now);
    await failure(
      verifyWebhook({ ...signed, body: `${body} ` }, { secret: SECRET, now, replayStore: other }),
    );
    expect((await verifyWebhook(signed, { secret: SECRET, now, replayStore: other })).id).toBe('evt-1');
  });

  it('refuses a body whose id is not the header id', async () => {
    expect(await failure(verifyWebhook(await delivery({ id: 'evt-2' }), { secret: SECRET, now }))).toBe(
      'malformed_body',
    );
  });

  it('accepts either signature during a secret rotation', async () => {
    const timestamp = NOW / 1000;
    const both = `${await signWebhook('whsec_new', timestamp, body)} ${await signWebhook(SECRET, timestamp, body)}`;
    const request = {
      headers: {
        'tongban-event-id': 'evt-1',
        'tongban-timestamp': String(timestamp),
        'tongban-signature': both,
      },
      body,
    };
    expect((await verifyWebhook(request, { secret: SECRET, now })).id).toBe('evt-1');
    expect((await verifyWebhook(request, { secret: ['whsec_new'], now })).id).toBe('evt-1');
  });

  it('forgets event ids after their time to live', () => {
    let clock = NOW;
    const store = new MemoryReplayStore(() => clock);
    expect(store.remember('a', 10)).toBe(true);
    expect(store.remember('a', 10)).toBe(false);
    clock += 10_001;
    expect(store.remember('a', 10)).toBe(true);
  });
});
