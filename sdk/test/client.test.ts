// The generated client against the real app: typed methods return the answers' data, refusals
// come back as TongbanApiError with the contract's code; a token with fewer scopes reaches only
// what they cover.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import {
  authorizeAndGetTokens,
  injectFetch,
  ISSUER,
  relyingParty,
} from '../../src/server/modules/open-platform/open-platform-test-support.ts';
import { createTongbanClient, isTongbanApiError, TongbanApiError } from '../src/index.ts';

describeEachDialect('the SDK client against the open API', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const clientFor = (accessToken: string, language: 'zh-CN' | 'en' = 'en') => {
    const viaInject = injectFetch(t.app);
    return createTongbanClient({
      baseUrl: ISSUER,
      accessToken,
      language,
      fetch: async (request: Request) => {
        const body = request.body === null ? undefined : await request.text();
        return viaInject(request.url, {
          method: request.method,
          headers: Object.fromEntries(request.headers.entries()),
          ...(body === undefined ? {} : { body }),
        } as never);
      },
    });
  };

  it('reads with typed methods what the token’s scopes allow, and is refused the rest', async () => {
    const config = await relyingParty(t.app);
    const { tokens } = await authorizeAndGetTokens(t.app, config, {
      scope: 'openid housing_fund applications.read',
    });
    const sdk = clientFor(tokens.access_token);

    const me = await sdk.getMe();
    expect(me.scopes).toEqual(expect.arrayContaining(['housing_fund', 'applications.read']));
    const record = await sdk.getHousingFund();
    expect(record).toBeTruthy();
    const applications = await sdk.getApplications({ params: { query: { limit: 5 } } });
    expect(Array.isArray(applications.items)).toBe(true);

    // No bills_payments in this token: a typed error with the contract's code and message.
    const refused = await sdk.getBills().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TongbanApiError);
    const error = refused as TongbanApiError;
    expect(error.status).toBe(403);
    expect(error.code).toMatch(/^OPEN_/);
    expect(error.message).not.toBe('');
    expect(isTongbanApiError(refused, error.code)).toBe(true);
  });

  it('turns a missing or bad token into a typed 401', async () => {
    const refused = await clientFor('not-a-token')
      .getMe()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TongbanApiError);
    expect((refused as TongbanApiError).status).toBe(401);
  });
});
