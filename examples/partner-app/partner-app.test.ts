// The partner app's webhook receiver against real deliveries from Tongban: the resident consents
// through the real authorization (openid-client over app.inject), an application changes state,
// Tongban's job delivers to the partner app listening on a port; signatures are verified, replays
// and forgeries refused, a receiver that was down gets the retry, no consent means no delivery.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import { fileService } from '../../test/support/applications.ts';
import {
  authorizeAndGetTokens,
  relyingParty,
} from '../../src/server/modules/open-platform/open-platform-test-support.ts';
import { seedWebhookSubscription } from '../../src/server/modules/open-platform/webhooks/webhooks-seed.ts';
import { WEBHOOK_DELIVERY_QUEUE } from '../../src/server/modules/open-platform/webhooks/webhook-events.ts';
import { DEMO_PARTNER_CLIENT_ID } from '../../demo/open-platform/demo-partner.ts';
import { DEMO_PARTNER_WEBHOOK_SECRET } from '../../demo/open-platform/demo-partner-webhook.ts';
import { signWebhook } from '../../sdk/src/index.ts';
import { createPartnerApp, type PartnerApp } from './app.ts';

describeEachDialect('partner app: receiving Tongban webhooks', (dialect) => {
  let t: TestApp;
  let partner: PartnerApp;
  let partnerUrl: string;
  let resident: TestSession;
  let residentSub: string;

  const drain = () => t.runtime.deps.jobs.drain();
  const withdrawNewApplication = async (session: TestSession) => {
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
  const startPartner = async (port = 0) => {
    partner = await createPartnerApp({
      tongbanUrl: 'http://localhost:3000',
      publicUrl: 'http://127.0.0.1',
      clientId: DEMO_PARTNER_CLIENT_ID,
      clientSecret: 'unused-here',
      webhookSecrets: [DEMO_PARTNER_WEBHOOK_SECRET],
    });
    await partner.app.listen({ port, host: '127.0.0.1' });
    return (partner.app.server.address() as AddressInfo).port;
  };
  const post = (body: string, headers: Record<string, string>) =>
    partner.app.inject({ method: 'POST', url: '/webhooks/tongban', headers, payload: body });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { webhookAllowLocalTargets: true, webhookBackoffBaseMs: 1000 });
    const port = await startPartner();
    partnerUrl = `http://127.0.0.1:${port}/webhooks/tongban`;
    await seedWebhookSubscription(t.runtime.deps.database.db, {
      appId: DEMO_PARTNER_CLIENT_ID,
      url: partnerUrl,
      events: ['application.status_changed'],
      secret: DEMO_PARTNER_WEBHOOK_SECRET,
    });
    // The resident consents to the demo partner on Tongban's authorization page.
    const { tokens, session } = await authorizeAndGetTokens(t.app, await relyingParty(t.app), {
      scope: 'openid applications.read',
    });
    resident = session;
    residentSub = tokens.claims()!.sub;
  });
  afterAll(async () => {
    await partner?.app.close();
    await t?.close();
  });

  it('receives a signed status change about the consenting resident and shows it as theirs', async () => {
    const receipt = await withdrawNewApplication(resident);
    await drain();
    const [received] = partner.inbox.of(residentSub);
    expect(received?.event).toMatchObject({
      type: 'application.status_changed',
      subject: residentSub,
      data: { receiptNo: receipt.receiptNo, status: 'withdrawn', previousStatus: 'in_progress' },
    });
  });

  it('refuses a replayed delivery, a forged one and a stale one', async () => {
    const body = JSON.stringify({
      id: 'evt-replay-1',
      type: 'application.status_changed',
      occurredAt: new Date().toISOString(),
      subject: residentSub,
      data: { status: 'approved' },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'tongban-event-id': 'evt-replay-1',
      'tongban-timestamp': String(timestamp),
      'tongban-signature': await signWebhook(DEMO_PARTNER_WEBHOOK_SECRET, timestamp, body),
    };
    const before = partner.inbox.of(residentSub).length;
    expect((await post(body, headers)).json()).toEqual({ received: true });
    const replay = await post(body, headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ received: false, duplicate: true });
    expect(partner.inbox.of(residentSub)).toHaveLength(before + 1);

    const forged = await post(body.replace('approved', 'refused'), headers);
    expect(forged.statusCode).toBe(401);
    const old = timestamp - 3600;
    const stale = await post(body, {
      ...headers,
      'tongban-event-id': 'evt-replay-1',
      'tongban-timestamp': String(old),
      'tongban-signature': await signWebhook(DEMO_PARTNER_WEBHOOK_SECRET, old, body),
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toEqual({ error: 'timestamp_out_of_window' });
    expect(partner.inbox.of(residentSub)).toHaveLength(before + 1);
  });

  it('gets the retry after it was down', async () => {
    const port = Number(new URL(partnerUrl).port);
    await partner.app.close();
    const receipt = await withdrawNewApplication(resident);
    await drain();
    const db = t.runtime.deps.database.db;
    const delivery = await db
      .selectFrom('openWebhookDeliveries')
      .selectAll()
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED|connect/);

    await startPartner(port);
    await db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .where('queue', '=', WEBHOOK_DELIVERY_QUEUE)
      .where('status', '=', 'queued')
      .execute();
    await drain();
    expect(partner.inbox.of(residentSub)[0]?.event.data).toMatchObject({ receiptNo: receipt.receiptNo });
  });

  it('hears nothing about a resident who never consented', async () => {
    const before = partner.inbox.all.length;
    await withdrawNewApplication(await loginAs(t.app, 'demo-resident2'));
    await drain();
    expect(partner.inbox.all).toHaveLength(before);
  });
});
