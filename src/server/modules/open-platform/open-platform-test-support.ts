// Test helpers for the open platform: a relying party (openid-client) whose HTTP goes through
// app.inject(), and a browser that follows the authorization through Tongban's page.
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { loginAs, type TestSession } from '../../../../test/support/app.ts';
import {
  DEMO_PARTNER_CLIENT_ID,
  DEMO_PARTNER_CLIENT_SECRET,
} from '../../../../demo/open-platform/demo-partner.ts';

export const ISSUER = 'http://localhost:3000';
export const API = `${ISSUER}/api/open/v1`;
export const DEMO_REDIRECT = 'http://localhost:4000/callback';

/** fetch() over app.inject(), for openid-client. */
export function injectFetch(app: FastifyInstance) {
  return async (input: string, init: client.CustomFetchOptions): Promise<Response> => {
    const url = new URL(input);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : init.body instanceof URLSearchParams
            ? init.body.toString()
            : Buffer.from(init.body as Uint8Array).toString();
    const response = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host },
      ...(body === undefined ? {} : { payload: body }),
    });
    return new Response(response.statusCode === 204 ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: response.headers as Record<string, string>,
    });
  };
}

export async function relyingParty(
  app: FastifyInstance,
  clientId = DEMO_PARTNER_CLIENT_ID,
  secret = DEMO_PARTNER_CLIENT_SECRET,
): Promise<client.Configuration> {
  return client.discovery(new URL(ISSUER), clientId, secret, undefined, {
    execute: [client.allowInsecureRequests],
    [client.customFetch]: injectFetch(app),
  });
}

/** A browser's cookie jar, enough for the provider's cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }
  header(extra?: string) {
    return [...[...this.cookies].map(([k, v]) => `${k}=${v}`), ...(extra ? [extra] : [])].join('; ');
  }
}

export interface AuthorizationStart {
  verifier: string;
  state: string;
  uid: string;
  jar: Jar;
  location: string;
}

/** The RP sends the browser to /oidc/auth; the provider sends it on to Tongban's page. */
export async function startAuthorization(
  app: FastifyInstance,
  config: client.Configuration,
  options: { scope: string; redirectUri?: string; extra?: Record<string, string>; pkce?: boolean },
): Promise<AuthorizationStart & { status: number }> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const params: Record<string, string> = {
    redirect_uri: options.redirectUri ?? DEMO_REDIRECT,
    scope: options.scope,
    state,
    ...(options.pkce === false
      ? {}
      : { code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }),
    ...options.extra,
  };
  const url = client.buildAuthorizationUrl(config, params);
  const jar = new Jar();
  const response = await app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { host: url.host },
  });
  jar.take(response.headers['set-cookie']);
  const location = String(response.headers.location ?? '');
  const uid = /\/open-platform\/authorize\/([\w-]+)/.exec(location)?.[1] ?? '';
  if (process.env.OIDC_DEBUG) console.log(response.statusCode, response.body.slice(0, 500));
  return { verifier, state, uid, jar, location, status: response.statusCode };
}

/** The resident answers on Tongban's page; the browser resumes at the provider and lands on the callback. */
export async function answer(
  app: FastifyInstance,
  start: AuthorizationStart,
  session: TestSession,
  decision: 'allow' | 'deny' = 'allow',
): Promise<URL> {
  const decided = await app.inject({
    method: 'POST',
    url: `/api/v1/open-platform/interactions/${start.uid}/decision`,
    headers: session.headers,
    payload: { decision },
  });
  if (decided.statusCode !== 200) throw new Error(`decision: ${decided.statusCode} ${decided.body}`);
  let next = new URL((decided.json() as { redirectTo: string }).redirectTo, ISSUER);
  for (let hop = 0; hop < 5; hop++) {
    if (next.origin !== ISSUER) return next;
    const response = await app.inject({
      method: 'GET',
      url: `${next.pathname}${next.search}`,
      headers: { host: next.host, cookie: start.jar.header() },
    });
    start.jar.take(response.headers['set-cookie']);
    if (!response.headers.location)
      throw new Error(`resume: ${response.statusCode} ${response.body.slice(0, 300)}`);
    next = new URL(String(response.headers.location), ISSUER);
  }
  throw new Error('too many redirects');
}

/** Sign-in, authorization, consent, code → tokens for the open API (resource indicator). */
export async function authorizeAndGetTokens(
  app: FastifyInstance,
  config: client.Configuration,
  options: { scope: string; username?: string; session?: TestSession; redirectUri?: string },
) {
  const session = options.session ?? (await loginAs(app, options.username ?? 'demo-resident'));
  const start = await startAuthorization(app, config, {
    scope: options.scope,
    redirectUri: options.redirectUri,
  });
  const callback = await answer(app, start, session);
  const tokens = await client.authorizationCodeGrant(
    config,
    callback,
    { pkceCodeVerifier: start.verifier, expectedState: start.state },
    { resource: API },
  );
  return { tokens, session };
}

export async function callApi(
  app: FastifyInstance,
  path: string,
  token: string,
  init: { method?: string; payload?: unknown; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: (init.method ?? 'GET') as 'GET',
    url: `/api/open/v1${path}`,
    headers: { authorization: `Bearer ${token}`, host: 'localhost:3000', ...init.headers },
    ...(init.payload === undefined ? {} : { payload: init.payload as Record<string, unknown> }),
  });
}
