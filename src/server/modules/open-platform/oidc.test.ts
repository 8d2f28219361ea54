// The authorization server end to end, with a standard relying party (openid-client) whose HTTP
// goes through app.inject(): discovery, code + PKCE, tokens for the open API, userinfo, refresh
// rotation, client credentials, introspection and revocation, and the refusals around them.
import * as client from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import {
  API,
  DEMO_REDIRECT,
  ISSUER,
  answer,
  authorizeAndGetTokens,
  callApi,
  relyingParty,
  startAuthorization,
} from './open-platform-test-support.ts';

describeEachDialect('OpenID Connect provider', (dialect) => {
  let t: TestApp;
  let config: client.Configuration;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    config = await relyingParty(t.app);
  });
  afterAll(() => t.close());

  it('publishes discovery at the issuer: code flow only, PKCE S256, the endpoints under /oidc, and the JWKS', async () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(ISSUER);
    expect(metadata.authorization_endpoint).toBe(`${ISSUER}/oidc/auth`);
    expect(metadata.token_endpoint).toBe(`${ISSUER}/oidc/token`);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(metadata.introspection_endpoint).toBe(`${ISSUER}/oidc/token/introspection`);
    expect(metadata.revocation_endpoint).toBe(`${ISSUER}/oidc/token/revocation`);
    const jwks = await t.app.inject({
      method: 'GET',
      url: '/oidc/jwks',
      headers: { host: 'localhost:3000' },
    });
    const keys = (jwks.json() as { keys: { kty: string; alg: string; d?: string }[] }).keys;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.kty === 'RSA' && k.alg === 'RS256' && k.d === undefined)).toBe(true);
  });

  it('runs the code flow with PKCE: Tongban page → consent → code → API token, ID token, userinfo', async () => {
    const session = await loginAs(t.app, 'demo-resident');
    const start = await startAuthorization(t.app, config, {
      scope: 'openid profile housing_fund applications.read',
    });
    expect(start.status).toBe(303);
    expect(start.location).toBe(`/open-platform/authorize/${start.uid}`);
    // The page shows the app, its review, and the scopes asked for.
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open-platform/interactions/${start.uid}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      app: { id: 'demo-life-helper', nameZh: '随申办生活助手（演示）', status: 'approved' },
      scopes: ['openid', 'profile', 'housing_fund', 'applications.read'],
      redirectHost: 'localhost:4000',
      signedIn: false,
    });
    const callback = await answer(t.app, start, session);
    expect(`${callback.origin}${callback.pathname}`).toBe(DEMO_REDIRECT);
    const tokens = await client.authorizationCodeGrant(
      config,
      callback,
      { pkceCodeVerifier: start.verifier, expectedState: start.state },
      { resource: API },
    );
    // openid-client verified the ID token's RS256 signature against the JWKS.
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(ISSUER);
    expect(claims.aud).toBe('demo-life-helper');
    expect(tokens.scope?.split(' ').sort()).toEqual(['applications.read', 'housing_fund', 'profile']);
    expect(tokens.refresh_token).toBeTruthy();

    const fund = await callApi(t.app, '/housing-fund', tokens.access_token);
    expect(fund.statusCode).toBe(200);
    expect(fund.json()).toMatchObject({ register: 'housing_fund', data: { status: expect.any(String) } });
    const mine = await callApi(t.app, '/applications', tokens.access_token);
    expect(mine.statusCode).toBe(200);
    const me = await callApi(t.app, '/me', tokens.access_token);
    expect(me.json()).toMatchObject({ app: { id: 'demo-life-helper' }, sub: claims.sub });

    // The consents are the data pages' grants, and each read is an access record naming the app.
    const consents = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/consents',
      headers: session.headers,
    });
    const items = (consents.json() as { items: { appId: string; register: string; status: string }[] }).items;
    expect(
      items
        .filter((c) => c.appId === 'demo-life-helper' && c.status === 'active')
        .map((c) => c.register)
        .sort(),
    ).toEqual(['housing_fund', 'open_platform', 'population']);
    const records = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/data-access-records?consumer=app:demo-life-helper',
      headers: session.headers,
    });
    const read = (records.json() as { items: { appId: string; register: string | null; appName: string }[] })
      .items;
    expect(read.some((r) => r.register === 'housing_fund' && r.appName === '随申办生活助手（演示）')).toBe(
      true,
    );
    expect(read.some((r) => r.register === 'applications')).toBe(true);

    // Without a resource indicator, a refresh gives a token for /userinfo (profile claims).
    const forUserinfo = await client.refreshTokenGrant(config, tokens.refresh_token!);
    const info = await client.fetchUserInfo(config, forUserinfo.access_token, claims.sub);
    expect(info).toMatchObject({ sub: claims.sub, name: '张三' });
    // ... and an API token does not work at /userinfo, nor a userinfo token at the API.
    const notApi = await callApi(t.app, '/housing-fund', forUserinfo.access_token);
    expect(notApi.statusCode).toBe(401);
    expect(notApi.json().error.code).toBe('OPEN_TOKEN_INVALID');
  });

  it('requires PKCE: no code_challenge is refused, a wrong verifier is refused', async () => {
    const without = await startAuthorization(t.app, config, { scope: 'openid housing_fund', pkce: false });
    expect(without.status).toBe(303);
    const refused = new URL(without.location, ISSUER);
    expect(`${refused.origin}${refused.pathname}`).toBe(DEMO_REDIRECT);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);

    const session = await loginAs(t.app, 'demo-resident');
    const start = await startAuthorization(t.app, config, { scope: 'openid housing_fund' });
    const callback = await answer(t.app, start, session);
    await expect(
      client.authorizationCodeGrant(
        config,
        callback,
        { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: start.state },
        { resource: API },
      ),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('matches redirect URIs exactly: another path, a trailing slash or a query is refused without redirecting', async () => {
    for (const redirectUri of [
      'http://localhost:4000/callback/',
      'http://localhost:4000/callback?next=x',
      'http://localhost:4001/callback',
      'https://evil.example/callback',
    ]) {
      const start = await startAuthorization(t.app, config, { scope: 'openid', redirectUri });
      expect(start.status, redirectUri).toBe(400);
      expect(start.location, redirectUri).toBe('');
    }
  });

  it('rotates refresh tokens: the old one is refused after use, and so is the whole grant after reuse', async () => {
    const { tokens } = await authorizeAndGetTokens(t.app, config, { scope: 'openid housing_fund' });
    const first = await client.refreshTokenGrant(config, tokens.refresh_token!, { resource: API });
    expect(first.refresh_token).toBeTruthy();
    expect(first.refresh_token).not.toBe(tokens.refresh_token);
    expect((await callApi(t.app, '/housing-fund', first.access_token)).statusCode).toBe(200);
    await expect(
      client.refreshTokenGrant(config, tokens.refresh_token!, { resource: API }),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('gives department systems client-credentials tokens for the catalogue, never for a resident', async () => {
    const tokens = await client.clientCredentialsGrant(config, { resource: API, scope: 'services.read' });
    expect(tokens.scope).toBe('services.read');
    const services = await callApi(t.app, '/services?q=%E8%90%A5%E4%B8%9A', tokens.access_token);
    expect(services.statusCode).toBe(200);
    expect((services.json() as { total: number }).total).toBeGreaterThan(0);
    const refused = await callApi(t.app, '/housing-fund', tokens.access_token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('OPEN_SCOPE_INSUFFICIENT');
    // Asking client credentials for a resident's data gets nothing of it.
    const asked = await client
      .clientCredentialsGrant(config, { resource: API, scope: 'services.read housing_fund' })
      .catch((error: unknown) => error);
    if (asked && typeof asked === 'object' && 'access_token' in asked)
      expect(String((asked as { scope?: string }).scope ?? '')).not.toContain('housing_fund');
    else expect(asked).toMatchObject({ error: 'invalid_scope' });
  });

  it('introspects and revokes: a revoked token is inactive and stops at the API', async () => {
    const { tokens } = await authorizeAndGetTokens(t.app, config, { scope: 'openid housing_fund' });
    const active = await client.tokenIntrospection(config, tokens.access_token);
    expect(active).toMatchObject({
      active: true,
      client_id: 'demo-life-helper',
      scope: 'housing_fund',
      aud: API,
    });
    await client.tokenRevocation(config, tokens.access_token);
    expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: false });
    const after = await callApi(t.app, '/housing-fund', tokens.access_token);
    expect(after.statusCode).toBe(401);
    expect(after.headers['www-authenticate']).toContain('Bearer');
  });

  it('refuses a token the scopes it was not granted, and the resident can refuse altogether', async () => {
    const { tokens } = await authorizeAndGetTokens(t.app, config, { scope: 'openid housing_fund' });
    for (const path of ['/medical-insurance', '/vehicle-violations', '/bills', '/applications', '/profile']) {
      const response = await callApi(t.app, path, tokens.access_token, {
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode, path).toBe(403);
      expect(response.json().error, path).toMatchObject({ code: 'OPEN_SCOPE_INSUFFICIENT' });
      expect(response.json().error.message, path).toMatch(/^The token was not granted this/);
    }
    const session = await loginAs(t.app, 'demo-resident2');
    const start = await startAuthorization(t.app, config, { scope: 'openid housing_fund' });
    const denied = await answer(t.app, start, session, 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
  });

  it('asks for a resident: staff and signed-out callers cannot consent', async () => {
    const start = await startAuthorization(t.app, config, { scope: 'openid housing_fund' });
    const clerk = await loginAs(t.app, 'demo-clerk');
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open-platform/interactions/${start.uid}`,
      headers: { cookie: clerk.cookie },
    });
    expect(page.json()).toMatchObject({ signedIn: true, canConsent: false });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open-platform/interactions/${start.uid}/decision`,
      headers: clerk.headers,
      payload: { decision: 'allow' },
    });
    expect(refused.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open-platform/interactions/${start.uid}/decision`,
      payload: { decision: 'allow' },
    });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/open-platform/interactions/nope' });
    expect(unknown.json().error.code).toBe('OPEN_INTERACTION_NOT_FOUND');
  });

  it('rotates the signing key: new ID tokens use the new key, the old key stays published', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: '/oidc/jwks',
      headers: { host: 'localhost:3000' },
    });
    const oldKids = (before.json() as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    const admin = await loginAs(t.app, 'demo-admin');
    const resident = await loginAs(t.app, 'demo-resident');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/open-platform/signing-keys/rotate',
      headers: resident.headers,
    });
    expect(refused.statusCode).toBe(403);
    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/open-platform/signing-keys/rotate',
      headers: admin.headers,
    });
    expect(rotated.statusCode).toBe(200);
    const { keyId, retiredKeyIds } = rotated.json() as { keyId: string; retiredKeyIds: string[] };
    expect(retiredKeyIds).toEqual(oldKids);
    const after = await t.app.inject({
      method: 'GET',
      url: '/oidc/jwks',
      headers: { host: 'localhost:3000' },
    });
    const kids = (after.json() as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(kids[0]).toBe(keyId);
    expect(kids).toEqual(expect.arrayContaining(oldKids));
    const fresh = await relyingParty(t.app);
    const { tokens } = await authorizeAndGetTokens(t.app, fresh, {
      scope: 'openid housing_fund',
      session: resident,
    });
    const header = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString()) as {
      kid: string;
    };
    expect(header.kid).toBe(keyId);
  });
});
