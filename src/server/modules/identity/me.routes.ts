import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { SESSION_COOKIE, requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import { appendAudit, listSubjectAccess } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { listOffices } from '../reference/reference.service.ts';
import { DataAccessSchema, IdParams, MeSchema, PageQuery, SessionsSchema } from './identity.schemas.ts';
import { getMe } from './me.service.ts';
import { listOwnSessions, revokeOwnSession } from './sessions.service.ts';

/** The signed-in user's own page: profile, sessions, and who used their data. */
export const meRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/me',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, the enterprises they may act for, staff posts, and the CSRF token',
        response: { 200: MeSchema },
      },
    },
    async (request) => getMe(db, requirePrincipal(request)),
  );

  app.get(
    '/api/v1/me/sessions',
    {
      config: { access: access.signedIn },
      schema: { tags: ['me'], summary: 'My active sessions', response: { 200: SessionsSchema } },
    },
    async (request) => ({ items: await listOwnSessions(db, requirePrincipal(request)) }),
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['me'],
        summary: 'Revoke one of my sessions (revoking the current one signs out)',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await db.transaction().execute(async (trx) => {
        await revokeOwnSession(trx, principal, request.params.id);
        await appendAudit(trx, {
          actor: { userId: principal.userId, name: principal.displayName },
          action: 'auth.session.revoke',
          objectType: 'session',
          objectId: request.params.id,
          subjectPersonId: principal.personId,
          requestId: request.id,
        });
      });
      if (request.params.id === principal.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/data-access',
    {
      config: { access: access.resident },
      schema: {
        tags: ['me'],
        summary: 'Who used my data (用数记录): every read or change of my data by someone else',
        querystring: PageQuery,
        response: { 200: DataAccessSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const page = await listSubjectAccess(
        db,
        { personId: principal.personId!, ownUserId: principal.userId },
        { limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 },
      );
      const officeIds = [
        ...new Set(page.items.flatMap((item) => (item.actorOfficeId ? [item.actorOfficeId] : []))),
      ];
      const offices = await listOffices(db, { ids: officeIds });
      return {
        total: page.total,
        items: page.items.map(({ actorOfficeId, ...item }) => {
          const office = offices.find((o) => o.id === actorOfficeId);
          return { ...item, officeName: office?.nameZh ?? null, officeNameEn: office?.nameEn ?? null };
        }),
      };
    },
  );
};
