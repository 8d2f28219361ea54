import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import { appendAudit, verifyAuditChain } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** Platform administration: the integrity of the audit log. */
export const adminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.post(
    '/api/v1/admin/audit/verify',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Verify the hash chain of the whole audit log',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBad: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const result = await verifyAuditChain(db);
      await appendAudit(db, {
        actor: { userId: principal.userId, name: principal.displayName },
        action: 'audit.verify',
        requestId: request.id,
        details: { ok: result.ok, checked: result.checked, firstBad: result.firstBad ?? null },
      });
      return result;
    },
  );
};
