import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

const Level = Type.Unsafe<'city' | 'district' | 'street'>({
  type: 'string',
  enum: ['city', 'district', 'street'],
});

/** Platform admins keep the city's departments and the catalogue's topics. */
export const referenceAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.put(
    '/api/v1/admin/departments/:code',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Create or rename a department',
        params: Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }) }),
        body: Type.Object(
          {
            nameZh: Type.String({ minLength: 2, maxLength: 60 }),
            nameEn: Type.String({ minLength: 2, maxLength: 120 }),
            level: Level,
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { code } = request.params;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('departments')
          .values({ code, ...request.body })
          .onConflict((oc) =>
            oc.column('code').doUpdateSet({
              nameZh: request.body.nameZh,
              nameEn: request.body.nameEn,
              level: request.body.level,
            }),
          )
          .execute();
        await appendAudit(trx, {
          actor: { userId: principal.userId, name: principal.displayName },
          action: 'reference.department.set',
          objectType: 'department',
          objectId: code,
          requestId: request.id,
          details: request.body,
        });
      });
      await deps.catalogue.load();
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/admin/topics/:code',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Rename a topic (life event or enterprise lifecycle stage) or change its order',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object(
          {
            nameZh: Type.String({ minLength: 1, maxLength: 20 }),
            nameEn: Type.String({ minLength: 1, maxLength: 60 }),
            sortOrder: Type.Integer({ minimum: 0, maximum: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('catalogTopics')
          .set(request.body)
          .where('code', '=', request.params.code)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) {
          // Topics are the closed list the service model knows; new ones come with a release.
          throw new AppError('NOT_FOUND');
        }
        await appendAudit(trx, {
          actor: { userId: principal.userId, name: principal.displayName },
          action: 'catalog.topic.set',
          objectType: 'topic',
          objectId: request.params.code,
          requestId: request.id,
          details: request.body,
        });
      });
      return reply.status(204).send(null);
    },
  );
};
