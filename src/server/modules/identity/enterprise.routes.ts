import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import {
  getEnterpriseForMember,
  grantAgent,
  listEnterpriseMembers,
  revokeAgent,
} from './enterprises.service.ts';
import { EnterpriseSchema, GrantAgentBody, IdParams, MembersSchema } from './identity.schemas.ts';

/** Enterprises seen by their own legal representative and agents. */
export const enterpriseRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/enterprises/:id',
    {
      config: { access: access.resident },
      schema: {
        tags: ['enterprises'],
        summary: 'An enterprise I may act for',
        params: IdParams,
        response: { 200: EnterpriseSchema },
      },
    },
    async (request) => getEnterpriseForMember(db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/v1/enterprises/:id/members',
    {
      config: { access: access.resident },
      schema: {
        tags: ['enterprises'],
        summary: "The enterprise's legal representative and agents",
        params: IdParams,
        response: { 200: MembersSchema },
      },
    },
    async (request) => ({
      items: await listEnterpriseMembers(db, requirePrincipal(request), request.params.id),
    }),
  );

  app.post(
    '/api/v1/enterprises/:id/agents',
    {
      config: { access: access.resident },
      schema: {
        tags: ['enterprises'],
        summary: 'Authorise a resident to act for the enterprise until a date (legal representative only)',
        params: IdParams,
        body: GrantAgentBody,
        response: { 201: Type.Object({ linkId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const result = await grantAgent(db, requirePrincipal(request), request.params.id, request.body, {
        requestId: request.id,
        locale: pickLocale(request.headers['accept-language']),
      });
      return reply.status(201).send(result);
    },
  );

  app.delete(
    '/api/v1/enterprises/:id/agents/:linkId',
    {
      config: { access: access.resident },
      schema: {
        tags: ['enterprises'],
        summary: "Withdraw an agent's authorisation (legal representative only)",
        params: Type.Object({ id: Type.String({ maxLength: 64 }), linkId: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await revokeAgent(db, requirePrincipal(request), request.params.id, request.params.linkId, request.id);
      return reply.status(204).send(null);
    },
  );
};
