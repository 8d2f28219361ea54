// The app registry and its review, and what the open API does when things change under a token:
// a suspended app, a withdrawn consent, too many calls. Plus who may do what (authz).
import * as client from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { CreatePaymentResult, PayableList } from '../../../contracts/api/payments.ts';
import type { UtilityAccount } from '../../../contracts/registers.ts';
import { API, authorizeAndGetTokens, callApi, relyingParty } from './open-platform-test-support.ts';

const NEW_APP = {
  nameZh: '公积金小助手',
  nameEn: 'Fund Helper',
  organisation: '上海某某科技有限公司',
  purpose: '帮助居民查看公积金余额',
  privacyPolicyUrl: 'https://fund-helper.example/privacy',
  redirectUris: ['https://fund-helper.example/callback', 'http://localhost:5173/cb'],
  scopes: ['housing_fund', 'applications.read'],
};

describeEachDialect('open platform apps and the open API', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(
      dialect,
      { openApiRateLimitPerResident: 12, openApiRateLimitPerApp: 10_000 },
      { payments: true },
    );
  });
  afterAll(() => t.close());

  it('registers, reviews and issues credentials: secret shown once, stored hashed, rotatable; suspension stops tokens and refresh', async () => {
    const partner = await loginAs(t.app, 'demo-enterprise');
    const admin = await loginAs(t.app, 'demo-admin');
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open-platform/apps',
      headers: partner.headers,
      payload: NEW_APP,
    });
    expect(registered.statusCode).toBe(201);
    const app = registered.json() as { id: string; status: string; hasSecret: boolean };
    expect(app).toMatchObject({ status: 'pending', hasSecret: false });

    // No secret before approval; the queue shows it to admins only.
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open-platform/apps/${app.id}/secret`,
      headers: partner.headers,
    });
    expect(early.json().error.code).toBe('OPEN_APP_NOT_APPROVED');
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/open-platform/apps?status=pending',
      headers: admin.headers,
    });
    expect((queue.json() as { items: { id: string }[] }).items.map((a) => a.id)).toContain(app.id);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/open-platform/apps/${app.id}/review`,
      headers: admin.headers,
      payload: { decision: 'reject' },
    });
    expect(noReason.json().error.code).toBe('OPEN_APP_REASON_REQUIRED');
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/open-platform/apps/${app.id}/review`,
      headers: admin.headers,
      payload: { decision: 'approve', note: '材料齐全' },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedByName: expect.any(String) });

    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open-platform/apps/${app.id}/secret`,
      headers: partner.headers,
    });
    expect(issued.statusCode).toBe(201);
    const { clientId, clientSecret } = issued.json() as { clientId: string; clientSecret: string };
    expect(clientId).toBe(app.id);
    const stored = await t.runtime.deps.database.db
      .selectFrom('openPlatformApps')
      .select('secretHash')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(stored.secretHash).not.toContain(clientSecret);
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const shown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open-platform/apps/${app.id}`,
      headers: partner.headers,
    });
    expect(shown.body).not.toContain(clientSecret);
    expect(shown.json()).toMatchObject({ hasSecret: true });

    // The new app signs a resident in, with exactly its reviewed scopes.
    const config = await relyingParty(t.app, clientId, clientSecret);
    const { tokens } = await authorizeAndGetTokens(t.app, config, {
      scope: 'openid housing_fund medical_insurance',
      username: 'demo-resident',
      redirectUri: 'http://localhost:5173/cb',
    });
    expect(tokens.scope).toBe('housing_fund');
    expect((await callApi(t.app, '/housing-fund', tokens.access_token)).statusCode).toBe(200);

    // Rotation: the old secret stops at once.
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open-platform/apps/${app.id}/secret`,
      headers: partner.headers,
    });
    const newSecret = (rotated.json() as { clientSecret: string }).clientSecret;
    expect(newSecret).not.toBe(clientSecret);
    await expect(client.clientCredentialsGrant(config, { resource: API })).rejects.toMatchObject({
      error: 'invalid_client',
    });
    const rotatedConfig = await relyingParty(t.app, clientId, newSecret);
    const refreshed = await client.refreshTokenGrant(rotatedConfig, tokens.refresh_token!, { resource: API });
    expect((await callApi(t.app, '/housing-fund', refreshed.access_token)).statusCode).toBe(200);

    // Suspension: the access token stops at once, refresh fails.
    const suspended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/open-platform/apps/${app.id}/review`,
      headers: admin.headers,
      payload: { decision: 'suspend', note: '投诉核查中' },
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended' });
    const stopped = await callApi(t.app, '/housing-fund', refreshed.access_token);
    expect(stopped.statusCode).toBe(403);
    expect(stopped.json().error.code).toBe('OPEN_APP_SUSPENDED');
    await expect(
      client.refreshTokenGrant(rotatedConfig, refreshed.refresh_token!, { resource: API }),
    ).rejects.toMatchObject({
      error: 'invalid_client',
    });

    // Everything above is in the audit log.
    const actions = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', app.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'open_platform.app.register',
      'open_platform.app.approve',
      'open_platform.app.secret.issue',
      'open_platform.app.secret.rotate',
      'open_platform.app.suspend',
    ]);
  });

  it('refuses bad registrations: http redirect URIs off localhost, fragments, unknown scopes', async () => {
    const partner = await loginAs(t.app, 'demo-enterprise');
    for (const [patch, code] of [
      [{ redirectUris: ['http://fund-helper.example/callback'] }, 'OPEN_APP_REDIRECT_URI_INVALID'],
      [{ redirectUris: ['https://fund-helper.example/callback#x'] }, 'OPEN_APP_REDIRECT_URI_INVALID'],
      [{ privacyPolicyUrl: 'http://fund-helper.example/privacy' }, 'OPEN_APP_PRIVACY_URL_INVALID'],
      [{ scopes: ['everything'] }, 'VALIDATION_FAILED'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/open-platform/apps',
        headers: partner.headers,
        payload: { ...NEW_APP, ...patch },
      });
      expect(response.json().error.code, JSON.stringify(patch)).toBe(code);
    }
  });

  it('keeps partners to their own apps and reviews to platform admins', async () => {
    const partner = await loginAs(t.app, 'demo-enterprise');
    const other = await loginAs(t.app, 'demo-resident2');
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open-platform/apps',
      headers: partner.headers,
      payload: NEW_APP,
    });
    const id = (registered.json() as { id: string }).id;
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open-platform/apps/${id}`,
      headers: other.headers,
    });
    expect(seen.statusCode).toBe(404);
    expect(seen.json().error.code).toBe('OPEN_APP_NOT_FOUND');
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/open-platform/apps',
      headers: other.headers,
    });
    expect((theirs.json() as { items: { id: string }[] }).items.map((a) => a.id)).not.toContain(id);
    const secret = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open-platform/apps/${id}/secret`,
      headers: other.headers,
    });
    expect(secret.statusCode).toBe(404);
    for (const username of ['demo-enterprise', 'demo-reviewer', 'demo-office-admin']) {
      const session = await loginAs(t.app, username);
      const review = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/open-platform/apps/${id}/review`,
        headers: session.headers,
        payload: { decision: 'approve' },
      });
      expect(review.statusCode, username).toBe(403);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/open-platform/apps',
        headers: session.headers,
      });
      expect(list.statusCode, username).toBe(403);
    }
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open-platform/apps',
      payload: NEW_APP,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('stops the next call once the resident revokes the consent at 第三方应用授权', async () => {
    const config = await relyingParty(t.app);
    const { tokens, session } = await authorizeAndGetTokens(t.app, config, {
      scope: 'openid housing_fund applications.read',
    });
    expect((await callApi(t.app, '/housing-fund', tokens.access_token)).statusCode).toBe(200);
    expect((await callApi(t.app, '/applications', tokens.access_token)).statusCode).toBe(200);
    const consents = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/consents',
      headers: session.headers,
    });
    const mine = (
      consents.json() as { items: { id: string; appId: string; register: string; status: string }[] }
    ).items.filter((c) => c.appId === 'demo-life-helper' && c.status === 'active');
    for (const register of ['housing_fund', 'open_platform']) {
      const consent = mine.find((c) => c.register === register)!;
      const revoked = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/consents/${consent.id}`,
        headers: session.headers,
      });
      expect(revoked.statusCode).toBe(204);
    }
    const fund = await callApi(t.app, '/housing-fund', tokens.access_token);
    expect(fund.statusCode).toBe(403);
    expect(fund.json().error.code).toBe('OPEN_CONSENT_WITHDRAWN');
    const apps = await callApi(t.app, '/applications', tokens.access_token);
    expect(apps.json().error.code).toBe('OPEN_CONSENT_WITHDRAWN');
    // With every consent of the app withdrawn, the grant no longer refreshes.
    const rest = mine.filter((c) => c.register !== 'housing_fund' && c.register !== 'open_platform');
    for (const consent of rest)
      await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/consents/${consent.id}`,
        headers: session.headers,
      });
    await expect(
      client.refreshTokenGrant(config, tokens.refresh_token!, { resource: API }),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('limits calls per resident with a 429 in the caller’s language and Retry-After', async () => {
    const config = await relyingParty(t.app);
    const { tokens } = await authorizeAndGetTokens(t.app, config, {
      scope: 'openid housing_fund',
      username: 'demo-resident2',
    });
    let limited;
    for (let call = 0; call < 13; call++) {
      const response = await callApi(t.app, '/me', tokens.access_token, {
        headers: { 'accept-language': 'en' },
      });
      if (response.statusCode === 429) {
        limited = response;
        break;
      }
      expect(response.statusCode).toBe(200);
    }
    expect(limited?.statusCode).toBe(429);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited!.json().error).toMatchObject({ code: 'OPEN_RATE_LIMITED_RESIDENT' });
    expect(limited!.json().error.message).toMatch(
      /^Too many calls for this resident \(at most 12 a minute\)/,
    );
    const zh = await callApi(t.app, '/me', tokens.access_token);
    expect(zh.json().error.message).toMatch(/调用过于频繁/);
  });

  it('lists bills and pays one through the payments module, for the token’s resident only', async () => {
    const resident = await loginAs(t.app, 'demo-resident');
    const utilities = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/registers/utilities',
      headers: resident.headers,
    });
    const account = (utilities.json() as { data: { accounts: UtilityAccount[] } }).data.accounts[0]!;
    const bound = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/utility-accounts',
      headers: resident.headers,
      payload: { kind: account.kind, accountNumber: account.accountNumber, address: account.address },
    });
    expect(bound.statusCode, bound.body).toBe(201);
    const config = await relyingParty(t.app);
    const { tokens } = await authorizeAndGetTokens(t.app, config, {
      scope: 'openid bills_payments',
      session: resident,
    });
    const bills = await callApi(t.app, '/bills', tokens.access_token);
    expect(bills.statusCode, bills.body).toBe(200);
    const list = bills.json() as PayableList;
    const unpaid = list.items.filter((p) => p.status === 'unpaid' && p.kind === 'utility_bill');
    expect(unpaid.length).toBeGreaterThan(0);
    const pay = () =>
      callApi(t.app, '/payments', tokens.access_token, {
        method: 'POST',
        payload: { payableIds: [unpaid[0]!.id] },
        headers: { 'idempotency-key': 'partner-pay-0001' },
      });
    const created = await pay();
    expect(created.statusCode, created.body).toBe(201);
    const result = created.json() as CreatePaymentResult;
    expect(result.payUrl).toBeTruthy();
    const replayed = await pay();
    expect(replayed.statusCode).toBe(200);
    expect((replayed.json() as CreatePaymentResult).order.id).toBe(result.order.id);
    const order = await callApi(t.app, `/payments/${result.order.id}`, tokens.access_token);
    expect(order.statusCode).toBe(200);
    expect(order.json()).toMatchObject({ id: result.order.id, totalFen: unpaid[0]!.amountFen });

    // Another resident's token reaches none of it.
    const other = await authorizeAndGetTokens(t.app, config, {
      scope: 'openid bills_payments',
      username: 'demo-legal-rep',
    });
    const theirs = await callApi(t.app, `/payments/${result.order.id}`, other.tokens.access_token);
    expect(theirs.statusCode).toBe(404);
    const records = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/data-access-records?consumer=app:demo-life-helper',
      headers: resident.headers,
    });
    const read = (records.json() as { items: { register: string | null }[] }).items;
    expect(read.some((r) => r.register === 'payments')).toBe(true);
  });

  it('refuses calls without a usable bearer token', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/open/v1/housing-fund' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    const resident = await loginAs(t.app, 'demo-resident');
    const cookieOnly = await t.app.inject({
      method: 'GET',
      url: '/api/open/v1/housing-fund',
      headers: resident.headers,
    });
    expect(cookieOnly.json().error.code).toBe('OPEN_TOKEN_INVALID');
    const made = await callApi(t.app, '/housing-fund', 'not-a-token');
    expect(made.json().error.code).toBe('OPEN_TOKEN_INVALID');
  });
});
