import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/dialects.ts';
import { actOnOnlyTask, fileService } from '../../../../../test/support/applications.ts';
import {
  MemoryReplayStore,
  verifyWebhook,
  WebhookVerificationError,
} from '../../../../../sdk/src/webhooks.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { WebhookDelivery, WebhookSecretAnswer } from '../../../../contracts/api/open-webhooks.ts';
import { WEBHOOK_DELIVERY_QUEUE } from './webhook-events.ts';
import {
  accountOf,
  approvedApp,
  consent,
  review,
  startReceiver,
  type Receiver,
} from './webhooks.fixtures.ts';

const BACKOFF_BASE_MS = 2000;

describeEachDialect('open platform webhooks: subscribe, deliver signed, retry, consent', (dialect) => {
  let t: TestApp;
  let db: Db;
  let receiver: Receiver;
  let partner: TestSession;
  let admin: TestSession;
  let resident: TestSession;
  let resident2: TestSession;
  let appId: string;
  let secret: string;

  const base = () => `/api/v1/open-platform/apps/${appId}/webhook`;
  const drain = () => t.runtime.deps.jobs.drain();
  const deliveries = async (session = partner) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${base()}/deliveries`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: WebhookDelivery[]; total: number }>().items;
  };
  /** The resident files a service and withdraws it: one status change (in_progress → withdrawn). */
  const fileAndWithdraw = async (session: TestSession) => {
    const receipt = await fileService(t.app, session, 'SAMR-0002');
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${receipt.id}/withdraw`,
      headers: session.headers,
      payload: { reason: '不再需要' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    return receipt;
  };
  /** Makes every queued webhook attempt due now (as if its backoff had passed). */
  const makeRetriesDue = () =>
    db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .where('queue', '=', WEBHOOK_DELIVERY_QUEUE)
      .where('status', '=', 'queued')
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect, {
      webhookAllowLocalTargets: true,
      webhookBackoffBaseMs: BACKOFF_BASE_MS,
      webhookBackoffMaxMs: 60_000,
      webhookMaxAttempts: 3,
      webhookTimeoutMs: 2000,
    });
    db = t.runtime.deps.database.db;
    receiver = await startReceiver();
    partner = await loginAs(t.app, 'demo-enterprise');
    admin = await loginAs(t.app, 'demo-admin');
    resident = await loginAs(t.app, 'demo-resident');
    resident2 = await loginAs(t.app, 'demo-resident2');
    appId = await approvedApp(t.app, partner, admin, ['applications.read', 'social_insurance']);
    await consent(db, await accountOf(db, 'demo-resident'), appId, ['applications.read']);
    await drain();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer = 200;
  });

  it('subscribes: the secret is shown once, events beyond the approved scopes and bad URLs are refused', async () => {
    const none = await t.app.inject({ method: 'GET', url: base(), headers: partner.headers });
    expect(none.json()).toEqual({ subscription: null });

    const beyond = await t.app.inject({
      method: 'PUT',
      url: base(),
      headers: partner.headers,
      payload: { url: receiver.url, events: ['application.status_changed', 'bill.issued'] },
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().error).toMatchObject({
      code: 'WEBHOOK_EVENT_NOT_ALLOWED',
      details: { events: ['bill.issued'] },
    });

    const badUrl = await t.app.inject({
      method: 'PUT',
      url: base(),
      headers: partner.headers,
      payload: { url: 'ftp://partner.example.com/hooks', events: ['application.status_changed'] },
    });
    expect(badUrl.statusCode).toBe(422);
    expect(badUrl.json().error.code).toBe('WEBHOOK_URL_INVALID');

    const made = await t.app.inject({
      method: 'PUT',
      url: base(),
      headers: partner.headers,
      payload: { url: receiver.url, events: ['application.status_changed'] },
    });
    expect(made.statusCode, made.body).toBe(200);
    const answer = made.json<WebhookSecretAnswer>();
    expect(answer.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(answer.subscription).toMatchObject({ appId, url: receiver.url, isActive: true });
    secret = answer.secret!;

    const read = await t.app.inject({ method: 'GET', url: base(), headers: partner.headers });
    expect(read.body).not.toContain(secret);
    expect(read.json().subscription.events).toEqual(['application.status_changed']);

    // Changing it keeps the secret (and does not show it).
    const changed = await t.app.inject({
      method: 'PUT',
      url: base(),
      headers: partner.headers,
      payload: { url: receiver.url, events: ['application.status_changed'] },
    });
    expect(changed.json().secret).toBeNull();

    const audit = await db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'open_platform.webhook.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'open_platform.webhook.create',
      'open_platform.webhook.update',
    ]);
  });

  it('delivers a status change signed, to a receiver that verifies it and rejects its replay', async () => {
    const receipt = await fileAndWithdraw(resident);
    const outbox = await db
      .selectFrom('openEvents')
      .selectAll()
      .where('type', '=', 'application.status_changed')
      .execute();
    const event = outbox.find(
      (e) => (JSON.parse(e.data) as { applicationId: string }).applicationId === receipt.id,
    )!;
    expect(event).toBeDefined();
    await drain();

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers['tongban-event-id']).toBe(event.id);
    expect(delivery!.headers['tongban-event-type']).toBe('application.status_changed');
    const replayStore = new MemoryReplayStore();
    const verified = await verifyWebhook<{ receiptNo: string; status: string; previousStatus: string }>(
      { headers: delivery!.headers as Record<string, string>, body: delivery!.body },
      { secret, replayStore },
    );
    const residentAccount = await accountOf(db, 'demo-resident');
    expect(verified).toMatchObject({
      id: event.id,
      type: 'application.status_changed',
      subject: residentAccount.userId,
      data: {
        applicationId: receipt.id,
        receiptNo: receipt.receiptNo,
        previousStatus: 'in_progress',
        status: 'withdrawn',
      },
    });
    // The same request again is a replay.
    await expect(
      verifyWebhook(
        { headers: delivery!.headers as Record<string, string>, body: delivery!.body },
        { secret, replayStore },
      ),
    ).rejects.toBeInstanceOf(WebhookVerificationError);

    const [history] = await deliveries();
    expect(history).toMatchObject({
      eventId: event.id,
      eventType: 'application.status_changed',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });
    expect(history!.attemptLog).toEqual([
      expect.objectContaining({ attemptNo: 1, outcome: 'success', statusCode: 200, manual: false }),
    ]);
    expect(history!.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('publishes staff decisions too, in the transaction of the change', async () => {
    const receipt = await fileService(t.app, resident, 'SAMR-0002');
    await actOnOnlyTask(t.app, await loginAs(t.app, 'demo-clerk'), receipt.id, { action: 'accept' });
    // Accepting changes no status: nothing is published.
    expect(
      (await db.selectFrom('openEvents').select('data').execute()).filter((e) => e.data.includes(receipt.id)),
    ).toHaveLength(0);
    await actOnOnlyTask(t.app, await loginAs(t.app, 'demo-reviewer'), receipt.id, {
      action: 'request_supplement',
      items: [{ field: 'businessAddress', reason: '经营场所地址须写到门牌号' }],
    });
    await drain();
    const bodies = receiver.received.map(
      (r) => JSON.parse(r.body) as { data: { applicationId: string; status: string } },
    );
    expect(bodies.filter((b) => b.data.applicationId === receipt.id).map((b) => b.data.status)).toEqual([
      'awaiting_supplement',
    ]);
  });

  it('delivers nothing about a resident who did not consent', async () => {
    const before = (await deliveries()).length;
    await fileAndWithdraw(resident2);
    await drain();
    expect(receiver.received).toHaveLength(0);
    expect(await deliveries()).toHaveLength(before);
  });

  it('retries a 500 with growing, jittered backoff, then fails; redeliver sends it again', async () => {
    receiver.answer = 500;
    await fileAndWithdraw(resident);
    const started = Date.now();
    await drain();
    expect(receiver.received).toHaveLength(1);
    let [latest] = await deliveries();
    expect(latest).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });
    const firstWait = Date.parse(latest!.nextAttemptAt!) - started;
    expect(firstWait).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
    expect(firstWait).toBeLessThanOrEqual(BACKOFF_BASE_MS + (Date.now() - started));

    // Not due yet: nothing is sent.
    await drain();
    expect(receiver.received).toHaveLength(1);

    await makeRetriesDue();
    const secondStarted = Date.now();
    await drain();
    [latest] = await deliveries();
    expect(latest).toMatchObject({ status: 'pending', attempts: 2 });
    const secondWait = Date.parse(latest!.nextAttemptAt!) - secondStarted;
    expect(secondWait).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);
    expect(secondWait).toBeLessThanOrEqual(2 * BACKOFF_BASE_MS + (Date.now() - secondStarted));

    // Redeliver is refused while it is still being tried.
    const early = await t.app.inject({
      method: 'POST',
      url: `${base()}/deliveries/${latest!.id}/redeliver`,
      headers: partner.headers,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('WEBHOOK_DELIVERY_PENDING');

    await makeRetriesDue();
    await drain();
    [latest] = await deliveries();
    expect(latest).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(latest!.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect(receiver.received).toHaveLength(3);
    // Every attempt carries the same event id.
    expect(new Set(receiver.received.map((r) => r.headers['tongban-event-id'])).size).toBe(1);
    await makeRetriesDue();
    await drain();
    expect(receiver.received).toHaveLength(3);

    receiver.answer = 204;
    const again = await t.app.inject({
      method: 'POST',
      url: `${base()}/deliveries/${latest!.id}/redeliver`,
      headers: partner.headers,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'pending' });
    await drain();
    const [redelivered] = await deliveries();
    expect(redelivered).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 204 });
    expect(redelivered!.attemptLog.at(-1)).toMatchObject({ attemptNo: 4, manual: true, outcome: 'success' });
  });

  it('checks consent again before each attempt: a consent revoked meanwhile stops the retries', async () => {
    receiver.answer = 503;
    await fileAndWithdraw(resident);
    await drain();
    expect(receiver.received).toHaveLength(1);
    // The resident revokes the consent at /data/consents.
    const consents = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/consents',
      headers: resident.headers,
    });
    const active = consents
      .json<{ items: { id: string; appId: string; status: string }[] }>()
      .items.filter((c) => c.appId === appId && c.status === 'active');
    expect(active.length).toBeGreaterThan(0);
    for (const c of active) {
      const revoked = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/consents/${c.id}`,
        headers: resident.headers,
      });
      expect(revoked.statusCode, revoked.body).toBe(204);
    }
    await makeRetriesDue();
    await drain();
    expect(receiver.received).toHaveLength(1);
    const [latest] = await deliveries();
    expect(latest).toMatchObject({ status: 'skipped', attempts: 2 });
    expect(latest!.attemptLog.at(-1)).toMatchObject({ outcome: 'skipped', statusCode: null });
    expect(latest!.attemptLog.at(-1)!.error).toContain('has not consented');

    // Events after the revocation make no delivery at all.
    const before = (await deliveries()).length;
    await fileAndWithdraw(resident);
    await drain();
    expect(await deliveries()).toHaveLength(before);
    await consent(db, await accountOf(db, 'demo-resident'), appId, ['applications.read']);
  });

  it('rotates the secret: shown once, and for a day deliveries carry both signatures', async () => {
    const rotated = await t.app.inject({
      method: 'POST',
      url: `${base()}/rotate-secret`,
      headers: partner.headers,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const answer = rotated.json<WebhookSecretAnswer>();
    expect(answer.secret).not.toBe(secret);
    expect(answer.subscription.previousSecretExpiresAt).not.toBeNull();
    await fileAndWithdraw(resident);
    await drain();
    const [delivery] = receiver.received;
    expect(String(delivery!.headers['tongban-signature']).split(' ')).toHaveLength(2);
    const request = { headers: delivery!.headers as Record<string, string>, body: delivery!.body };
    await expect(verifyWebhook(request, { secret: answer.secret! })).resolves.toBeTruthy();
    await expect(verifyWebhook(request, { secret })).resolves.toBeTruthy();
    secret = answer.secret!;
  });

  it('a suspended app is told nothing', async () => {
    receiver.answer = 500;
    await fileAndWithdraw(resident);
    await drain();
    await review(t.app, admin, appId, 'suspend');
    await makeRetriesDue();
    await drain();
    const [latest] = await deliveries();
    expect(latest).toMatchObject({ status: 'skipped' });
    expect(latest!.attemptLog.at(-1)!.error).toContain('not approved');
    await review(t.app, admin, appId, 'reinstate');
  });

  it('only the owner manages the webhook; a platform admin may read it', async () => {
    const other = await loginAs(t.app, 'demo-resident2');
    const [delivery] = await deliveries();
    const calls = [
      { method: 'GET' as const, url: base() },
      {
        method: 'PUT' as const,
        url: base(),
        payload: { url: receiver.url, events: ['application.status_changed'] },
      },
      { method: 'DELETE' as const, url: base() },
      { method: 'POST' as const, url: `${base()}/rotate-secret` },
      { method: 'GET' as const, url: `${base()}/deliveries` },
      { method: 'GET' as const, url: `${base()}/deliveries/${delivery!.id}` },
      { method: 'POST' as const, url: `${base()}/deliveries/${delivery!.id}/redeliver` },
    ];
    for (const call of calls) {
      const anonymous = await t.app.inject({ ...call, headers: {} });
      expect(anonymous.statusCode, `${call.method} ${call.url} anonymous`).toBe(401);
      const stranger = await t.app.inject({ ...call, headers: other.headers });
      expect(stranger.statusCode, `${call.method} ${call.url} stranger`).toBe(404);
      expect(stranger.json().error.code).toBe('WEBHOOK_APP_NOT_FOUND');
      const adminAnswer = await t.app.inject({ ...call, headers: admin.headers });
      expect(adminAnswer.statusCode, `${call.method} ${call.url} admin`).toBe(
        call.method === 'GET' ? 200 : 404,
      );
    }
    // Another app's delivery id under this app is not found.
    const missing = await t.app.inject({
      method: 'GET',
      url: `${base()}/deliveries/00000000-0000-7000-8000-000000000000`,
      headers: partner.headers,
    });
    expect(missing.json().error.code).toBe('WEBHOOK_DELIVERY_NOT_FOUND');
  });

  it('removing the subscription removes its history; nothing more is delivered', async () => {
    const removed = await t.app.inject({ method: 'DELETE', url: base(), headers: partner.headers });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: base(), headers: partner.headers })).json()).toEqual({
      subscription: null,
    });
    await fileAndWithdraw(resident);
    await drain();
    expect(receiver.received).toHaveLength(0);
    const again = await t.app.inject({ method: 'DELETE', url: base(), headers: partner.headers });
    expect(again.json().error.code).toBe('WEBHOOK_NOT_FOUND');
  });
});
