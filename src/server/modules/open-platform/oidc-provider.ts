// The OpenID Connect provider (oidc-provider, a certified implementation) configured for
// Tongban: authorization code with PKCE (required, S256), refresh tokens rotated on every use,
// client credentials for department systems, RS256-signed ID tokens with keys from the database,
// revocation and introspection, and access tokens for the open API bound to it as a resource
// server (RFC 8707). The resident signs in and consents on Tongban's own page
// (/open-platform/authorize/:uid); clients are the reviewed apps.
import './oidc-runtime-notice.ts'; // before the provider is first imported
import Provider, {
  errors,
  interactionPolicy,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { AppDeps } from '../../platform/deps.ts';
import { findPersonIdOfUser } from '../identity/applicants.service.ts';
import { residentPrincipal } from '../identity/resident-accounts.ts';
import { findActiveAppConsents } from '../sharing/app-grants.service.ts';
import { KyselyOidcAdapter } from './oidc-adapter.ts';
import { secretMatches } from './client-secrets.ts';
import { clientMetadataOf, findOpenApp, parseList } from './open-apps.repository.ts';
import type { ProviderKeys } from './open-platform-keys.ts';
import { readProfileClaims } from './open-api-data.ts';
import { OPEN_SCOPES, RESOURCE_SCOPES, isOpenScope } from './scopes.ts';

/** Where the provider's endpoints live under the public base URL. */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  jwks: '/oidc/jwks',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
  end_session: '/oidc/session/end',
  pushed_authorization_request: '/oidc/request',
  code_verification: '/oidc/device',
  device_authorization: '/oidc/device/auth',
  backchannel_authentication: '/oidc/backchannel',
  challenge: '/oidc/challenge',
} as const;

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 86_400;

/** The resource indicator (and audience) of the open API. */
export const openApiResource = (publicUrl: string): string => `${publicUrl}/api/open/v1`;

/** The interaction page of our web app. */
export const interactionPath = (uid: string): string => `/open-platform/authorize/${uid}`;

function loginPolicy() {
  const policy = interactionPolicy.base();
  // Every authorization passes through Tongban's own page: the account is whoever is signed in to
  // Tongban there, never an older provider session (someone else may have used the browser since).
  policy
    .get('login')!
    .checks.add(
      new interactionPolicy.Check('tongban_confirm', 'the resident confirms on Tongban', (ctx) =>
        ctx.oidc.result?.login
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}

/** Builds a provider for the keys in force. */
export function createProvider(deps: AppDeps, keys: ProviderKeys): Provider {
  const db = deps.database.db;
  const issuer = deps.config.publicUrl;
  const apiResource = openApiResource(issuer);
  const isTokenRoute = (ctx: KoaContextWithOIDC) => ctx.oidc.route === 'token';
  const isClientCredentials = (ctx: KoaContextWithOIDC) =>
    isTokenRoute(ctx) &&
    (ctx.oidc.params as { grant_type?: string } | undefined)?.grant_type === 'client_credentials';

  const configuration: Configuration = {
    adapter: (name: string) =>
      name === 'Client'
        ? {
            find: async (id: string) => {
              const app = await findOpenApp(db, id);
              return app ? clientMetadataOf(app) : undefined;
            },
            upsert: async () => {},
            findByUid: async () => undefined,
            findByUserCode: async () => undefined,
            consume: async () => {},
            destroy: async () => {},
            revokeByGrantId: async () => {},
          }
        : new KyselyOidcAdapter(db, name, name === 'Grant' ? grantStillConsented : undefined),
    clients: [],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'gender', 'birthdate'] },
    findAccount: async (_ctx, sub) => {
      const principal = await residentPrincipal(db, sub, 'oidc');
      if (!principal?.personId) return undefined;
      return {
        accountId: sub,
        claims: async (use, scope) => {
          if (use !== 'userinfo' || !scope.split(' ').includes('profile')) return { sub };
          const clientId = (_ctx.oidc.client?.clientId ?? '') as string;
          return {
            sub,
            ...(await readProfileClaims(deps, principal, clientId, _ctx.req.headers['x-request-id'])),
          };
        },
      };
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // An app may introspect and revoke its own tokens only.
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The API is the resource of every authorization; at the token endpoint a client asks for
        // an API token with `resource` (RFC 8707), without it the token is for /userinfo only.
        defaultResource: async (ctx, _client, oneOf) => {
          if (oneOf) return oneOf;
          if (ctx.oidc.route === 'authorization' || ctx.oidc.route === 'pushed_authorization_request')
            return apiResource;
          if (isClientCredentials(ctx)) return apiResource;
          return undefined as unknown as string;
        },
        useGrantedResource: async () => false,
        getResourceServerInfo: async (ctx, indicator, client) => {
          if (indicator !== apiResource) throw new errors.InvalidTarget();
          const app = await findOpenApp(db, client.clientId);
          const allowed = app ? parseList(app.scopes).filter(isOpenScope) : [];
          const scopes = RESOURCE_SCOPES.filter(
            (s) => allowed.includes(s) && (!isClientCredentials(ctx) || !OPEN_SCOPES[s].perResident),
          );
          return {
            scope: scopes.join(' '),
            audience: apiResource,
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'opaque',
          };
        },
      },
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    interactions: {
      url: async (_ctx, interaction) => interactionPath(interaction.uid),
      policy: loginPolicy(),
    },
    cookies: { keys: keys.cookie, long: { signed: true }, short: { signed: true } },
    jwks: { keys: keys.signing },
    routes: OIDC_ROUTES,
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      ClientCredentials: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 3600,
      Grant: 366 * 86_400,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      const escape = (text: unknown) =>
        String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>授权出错 · Authorization error</title></head><body><main><h1>授权出错 · Authorization error</h1><p><code>${escape(out.error)}</code></p><p>${escape(out.error_description)}</p><p><a href="/">返回通办首页 · Back to Tongban</a></p></main></body></html>`;
    },
  };

  /** A grant the resident has withdrawn every consent of (at /data/consents) no longer refreshes. */
  async function grantStillConsented(payload: { accountId?: string; clientId?: string }): Promise<boolean> {
    if (!payload.accountId || !payload.clientId) return true;
    const personId = await findPersonIdOfUser(db, payload.accountId);
    if (!personId) return false;
    const all = await db
      .selectFrom('sharingConsents')
      .select('id')
      .where('personId', '=', personId)
      .where('appId', '=', payload.clientId)
      .limit(1)
      .execute();
    if (all.length === 0) return true;
    const active = await findActiveAppConsents(db, {
      personId,
      appId: payload.clientId,
      at: new Date().toISOString(),
    });
    return active.length > 0;
  }

  const provider = new Provider(issuer, configuration);
  provider.proxy = deps.config.trustProxy;
  // Client secrets are stored as their SHA-256 only; the client's metadata carries the hash.
  provider.Client.prototype.compareClientSecret = function compare(
    this: { clientSecret?: string },
    actual: string,
  ) {
    return this.clientSecret !== undefined && secretMatches(actual, this.clientSecret);
  } as never;
  return provider;
}
