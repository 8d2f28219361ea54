import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../../../sdk/src/webhooks.ts';
import { retryDelayMs } from './webhook-backoff.ts';
import { signedHeaders } from './webhook-signing.ts';
import { isNonPublicAddress, webhookUrlProblem } from './webhook-target.ts';

describe('retry backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt, with half of each step random', () => {
    expect(retryDelayMs(policy, 1, 0)).toBe(500);
    expect(retryDelayMs(policy, 1, 0.999999)).toBe(1000);
    expect(retryDelayMs(policy, 2, 0)).toBe(1000);
    expect(retryDelayMs(policy, 4, 0)).toBe(4000);
    expect(retryDelayMs(policy, 4, 0.5)).toBe(6000);
  });

  it('is capped at the maximum step', () => {
    expect(retryDelayMs(policy, 30, 1)).toBe(60_000);
    expect(retryDelayMs(policy, 30, 0)).toBe(30_000);
  });

  it('stays in its window for any random draw', () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const step = Math.min(60_000, 1000 * 2 ** (attempt - 1));
      const delay = retryDelayMs(policy, attempt);
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);
    }
  });
});

describe('signing', () => {
  it('signs what the SDK verifies, with one signature per secret in force', async () => {
    const body = JSON.stringify({ id: 'e1', type: 'bill.issued', occurredAt: 'x', subject: 's', data: {} });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signedHeaders({
      eventId: 'e1',
      eventType: 'bill.issued',
      timestamp,
      body,
      secrets: ['a', 'b'],
    });
    expect(headers['tongban-signature']).toMatch(/^v1=[0-9a-f]{64} v1=[0-9a-f]{64}$/);
    expect((await verifyWebhook({ headers, body }, { secret: 'a' })).id).toBe('e1');
    expect((await verifyWebhook({ headers, body }, { secret: 'b' })).id).toBe('e1');
    await expect(verifyWebhook({ headers, body }, { secret: 'c' })).rejects.toThrow('does not match');
  });
});

describe('webhook URLs', () => {
  it('wants https and a public address unless local targets are allowed', () => {
    expect(webhookUrlProblem('https://partner.example.com/hooks', false)).toBeUndefined();
    expect(webhookUrlProblem('http://partner.example.com/hooks', false)).toBe('not https://');
    expect(webhookUrlProblem('https://127.0.0.1/hooks', false)).toBe('a local or private address');
    expect(webhookUrlProblem('https://[::1]/hooks', false)).toBe('a local or private address');
    expect(webhookUrlProblem('https://10.1.2.3/hooks', false)).toBe('a local or private address');
    expect(webhookUrlProblem('https://localhost/hooks', false)).toBe('a local or private address');
    expect(webhookUrlProblem('http://127.0.0.1:4300/hooks', true)).toBeUndefined();
    expect(webhookUrlProblem('ftp://partner.example.com/', true)).toBe('not https://');
    expect(webhookUrlProblem('https://user:pw@partner.example.com/', false)).toBe('credentials in the URL');
    expect(webhookUrlProblem('not a url', true)).toBe('not a URL');
  });

  it('knows the non-public ranges', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ])
      expect(isNonPublicAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '203.0.114.1', '2001:4860:4860::8888'])
      expect(isNonPublicAddress(address), address).toBe(false);
  });
});
