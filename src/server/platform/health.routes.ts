import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from './auth/access.ts';
import { isReachable } from './db/database.ts';
import { pendingMigrations } from './db/migrate.ts';
import type { AppDeps } from './deps.ts';

/** Liveness and readiness for load balancers and orchestrators. */
export const healthRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/healthz',
    {
      config: { access: access.public },
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: Type.Object({ status: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: access.public },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and every migration is applied',
        response: {
          200: Type.Object({ status: Type.String(), database: Type.String() }),
          503: Type.Object({ status: Type.String(), database: Type.String(), reason: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const { db, dialect } = deps.database;
      if (!(await isReachable(db))) {
        return reply
          .status(503)
          .send({ status: 'unavailable', database: dialect, reason: 'database unreachable' });
      }
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        return reply.status(503).send({
          status: 'unavailable',
          database: dialect,
          reason: `pending migrations: ${pending.join(', ')}`,
        });
      }
      return { status: 'ready', database: dialect };
    },
  );
};
