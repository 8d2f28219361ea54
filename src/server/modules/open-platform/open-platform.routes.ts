import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { actorOf, requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import {
  InteractionDecisionSchema,
  InteractionOutcomeSchema,
  InteractionSchema,
  OpenAppInputSchema,
  OpenAppReviewSchema,
  OpenAppSchema,
  OpenAppSecretSchema,
  OpenAppStatusSchema,
} from '../../../contracts/api/open-platform.ts';
import { decideInteraction, describeInteraction } from './interactions.service.ts';
import { openApiRoutes } from './open-api.routes.ts';
import {
  getMyApp,
  listAppsForReview,
  listMyApps,
  registerApp,
  reviewApp,
  rotateAppSecret,
} from './open-apps.service.ts';
import { ProviderHolder } from './provider-holder.ts';
import { scheduleOidcPurge } from './open-platform.jobs.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Uid = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/**
 * The open platform: the OpenID Connect provider (mounted at /oidc and
 * /.well-known/openid-configuration, handed the raw request), the authorization page's API, the
 * app registry and its review, and the open API for tokens.
 */
export const openPlatformRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const holder = new ProviderHolder(deps);
  const db = deps.database.db;
  await scheduleOidcPurge(deps.jobs);

  await app.register(async (scope) => mountProvider(scope as unknown as FastifyInstance, holder));
  await app.register(openApiRoutes(holder), deps);

  app.get(
    '/api/v1/open-platform/interactions/:uid',
    {
      config: { access: access.public },
      schema: {
        tags: ['open-platform'],
        summary:
          'The authorization page: which app (name, organisation, review) asks for which scopes, and whether the caller is signed in as a resident',
        params: Type.Object({ uid: Uid }),
        response: { 200: InteractionSchema },
      },
    },
    async (request) => {
      const { provider } = await holder.get();
      return describeInteraction(deps, provider, request.principal, request.params.uid);
    },
  );

  app.post(
    '/api/v1/open-platform/interactions/:uid/decision',
    {
      config: { access: access.resident },
      schema: {
        tags: ['open-platform'],
        summary:
          "The signed-in resident allows (grant + consents stored) or refuses; answers where the browser goes next (the provider's resume URL)",
        params: Type.Object({ uid: Uid }),
        body: InteractionDecisionSchema,
        response: { 200: InteractionOutcomeSchema },
      },
    },
    async (request) => {
      const { provider } = await holder.get();
      return decideInteraction(
        deps,
        provider,
        requirePrincipal(request),
        request.params.uid,
        request.body.decision,
        request.id,
      );
    },
  );

  app.get(
    '/api/v1/open-platform/apps',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['open-platform'],
        summary: 'The apps I registered (as a partner), newest first',
        response: { 200: Type.Object({ items: Type.Array(OpenAppSchema) }) },
      },
    },
    async (request) => ({ items: await listMyApps(db, requirePrincipal(request)) }),
  );

  app.post(
    '/api/v1/open-platform/apps',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['open-platform'],
        summary:
          'Register an app for my organisation: name, redirect URIs (exact; https, or http on localhost), scopes, purpose, privacy policy; it waits for review',
        body: OpenAppInputSchema,
        response: { 201: OpenAppSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerApp(db, requirePrincipal(request), request.body, request.id)),
  );

  app.get(
    '/api/v1/open-platform/apps/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['open-platform'],
        summary: 'One of my apps',
        params: Type.Object({ id: Id }),
        response: { 200: OpenAppSchema },
      },
    },
    async (request) => getMyApp(db, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/v1/open-platform/apps/:id/secret',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['open-platform'],
        summary:
          'Take (or rotate) the client secret of my approved app: shown in this answer only; the previous secret stops working at once',
        params: Type.Object({ id: Id }),
        response: { 201: OpenAppSecretSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await rotateAppSecret(db, requirePrincipal(request), request.params.id, request.id)),
  );

  app.get(
    '/api/v1/admin/open-platform/apps',
    {
      config: { access: access.admin },
      schema: {
        tags: ['open-platform'],
        summary: 'Platform admins: every app, those waiting for review first',
        querystring: Type.Object(
          { status: Type.Optional(OpenAppStatusSchema) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OpenAppSchema) }) },
      },
    },
    async (request) => ({
      items: await listAppsForReview(db, requirePrincipal(request), { status: request.query.status }),
    }),
  );

  app.post(
    '/api/v1/admin/open-platform/apps/:id/review',
    {
      config: { access: access.admin },
      schema: {
        tags: ['open-platform'],
        summary:
          'Platform admins: approve, reject (reason), suspend (reason; its tokens stop at once) or reinstate an app',
        params: Type.Object({ id: Id }),
        body: OpenAppReviewSchema,
        response: { 200: OpenAppSchema },
      },
    },
    async (request) => reviewApp(db, requirePrincipal(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/v1/admin/open-platform/signing-keys/rotate',
    {
      config: { access: access.admin },
      schema: {
        tags: ['open-platform'],
        summary:
          'Platform admins: rotate the ID-token signing key (the old key stays in the JWKS until what it signed has expired)',
        response: { 200: Type.Object({ keyId: Type.String(), retiredKeyIds: Type.Array(Type.String()) }) },
      },
    },
    async (request) => holder.rotateSigningKey(actorOf(request), request.id),
  );
};

/**
 * Hands /oidc/* and the discovery document to the provider with the raw request and response
 * (reply.hijack()); the bodies are left unread for the provider to parse.
 */
async function mountProvider(scope: FastifyInstance, holder: ProviderHolder): Promise<void> {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const { handler } = await holder.get();
    reply.hijack();
    await handler(request.raw, reply.raw);
  };
  for (const url of ['/oidc', '/oidc/*', '/.well-known/openid-configuration']) {
    scope.route({ method: ['GET', 'POST', 'OPTIONS'], url, schema: { hide: true }, handler: handle });
  }
}
