// Bearer tokens on the open API: each request's access token is looked up in-process at the
// provider (no HTTP round trip), must be an API token (audience = the open API resource), of an
// app that is approved now, and carry the scope the route declares; a resident token acts for
// that resident only. Per-app and per-resident rate limits follow.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { residentPrincipal } from '../identity/resident-accounts.ts';
import { getAppRow } from './open-apps.repository.ts';
import type { OpenCaller } from './open-api-data.ts';
import { openApiResource } from './oidc-provider.ts';
import type { ProviderHolder } from './provider-holder.ts';
import { OPEN_SCOPES, type OpenScope } from './scopes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open API routes: the scope a token must carry (null: any valid token). */
    openScope?: OpenScope | null;
  }
  interface FastifyRequest {
    openToken: OpenToken | null;
  }
}

export interface OpenToken {
  app: { id: string; nameZh: string; nameEn: string };
  scopes: Set<string>;
  /** The resident the token acts for (null for client-credentials tokens). */
  caller: OpenCaller | null;
  /** The subject (`sub`) of the token, when it has one. */
  subject: string | null;
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

const audienceOf = (aud: unknown): string[] =>
  Array.isArray(aud) ? aud.map(String) : aud ? [String(aud)] : [];

/** Installs the token check (onRequest) on every route of the plugin it is called in. */
export function installOpenApiAuth(app: FastifyInstance, deps: AppDeps, holder: ProviderHolder): void {
  const resource = openApiResource(deps.config.publicUrl);
  app.decorateRequest('openToken', null);
  app.addHook('onRequest', async (request, reply) => {
    const value = bearerOf(request);
    if (!value) {
      reply.header('www-authenticate', 'Bearer realm="tongban-open-api"');
      throw new AppError('OPEN_TOKEN_INVALID');
    }
    const { provider } = await holder.get();
    const token = (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value));
    if (!token || token.isExpired || !audienceOf(token.aud).includes(resource)) {
      reply.header('www-authenticate', 'Bearer realm="tongban-open-api", error="invalid_token"');
      throw new AppError('OPEN_TOKEN_INVALID');
    }
    const row = await getAppRow(deps.database.db, token.clientId!);
    if (!row) throw new AppError('OPEN_TOKEN_INVALID');
    if (row.status !== 'approved') throw new AppError('OPEN_APP_SUSPENDED');
    const appInfo = { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn };
    const accountId = 'accountId' in token ? (token.accountId as string | undefined) : undefined;
    let caller: OpenCaller | null = null;
    if (accountId) {
      const principal = await residentPrincipal(
        deps.database.db,
        accountId,
        `oidc:${'grantId' in token ? String(token.grantId) : ''}`,
      );
      if (!principal) throw new AppError('OPEN_TOKEN_INVALID');
      caller = {
        app: appInfo,
        principal,
        requestId: request.id,
        locale: pickLocale(request.headers['accept-language']),
      };
    }
    const scopes = new Set(
      String(token.scope ?? '')
        .split(' ')
        .filter(Boolean),
    );
    request.openToken = { app: appInfo, scopes, caller, subject: accountId ?? null };
    const needed = request.routeOptions.config.openScope;
    if (needed) {
      if (!scopes.has(needed)) {
        reply.header(
          'www-authenticate',
          `Bearer realm="tongban-open-api", error="insufficient_scope", scope="${needed}"`,
        );
        throw new AppError('OPEN_SCOPE_INSUFFICIENT', { scope: needed }, { scope: needed });
      }
      if (OPEN_SCOPES[needed].perResident && !caller) throw new AppError('OPEN_RESIDENT_REQUIRED');
    }
  });
  // Two counters per request (the app's, and the resident's over all apps), in-process like the
  // other limits of the platform; either answers 429 with Retry-After in the caller's language.
  const perApp = app.createRateLimit({
    max: deps.config.openApiRateLimitPerApp,
    timeWindow: 60_000,
    keyGenerator: (request) => `open-app:${request.openToken?.app.id ?? request.ip}`,
  });
  const perResident = app.createRateLimit({
    max: deps.config.openApiRateLimitPerResident,
    timeWindow: 60_000,
    keyGenerator: (request) => `open-resident:${request.openToken?.subject ?? ''}`,
    // Client-credentials tokens act for nobody: only the app's counter applies.
    allowList: (request) => !request.openToken?.subject,
  });
  app.addHook('preHandler', async (request, reply) => {
    for (const [limit, code] of [
      [perApp, 'OPEN_RATE_LIMITED_APP'],
      [perResident, 'OPEN_RATE_LIMITED_RESIDENT'],
    ] as const) {
      const result = await limit(request);
      if (result.isAllowed || !result.isExceeded) continue;
      reply.header('retry-after', String(result.ttlInSeconds));
      reply.header('x-ratelimit-limit', String(result.max));
      reply.header('x-ratelimit-remaining', '0');
      throw new AppError(code, { seconds: result.ttlInSeconds, max: result.max });
    }
  });
}

/** The token of a route behind installOpenApiAuth. */
export function openTokenOf(request: FastifyRequest): OpenToken {
  if (!request.openToken) throw new AppError('OPEN_TOKEN_INVALID');
  return request.openToken;
}

/** The resident caller of a per-resident route. */
export function openCallerOf(request: FastifyRequest): OpenCaller {
  const caller = openTokenOf(request).caller;
  if (!caller) throw new AppError('OPEN_RESIDENT_REQUIRED');
  return caller;
}
