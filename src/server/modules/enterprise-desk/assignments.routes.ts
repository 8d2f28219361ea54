import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import {
  AssignBody,
  EnterpriseIdParams,
  ManagerAnswerSchema,
  ManagerContactSchema,
} from './assignments.schemas.ts';
import { assignManager, getManagerForViewer, presentManager } from './assignments.service.ts';

/** Service-manager assignments: who looks after an enterprise, and setting it. */
export const assignmentsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/desk/enterprises/:enterpriseId/manager',
    {
      config: { access: access.anyOf(access.resident, access.staff()) },
      schema: {
        tags: ['enterprise desk'],
        summary:
          "The enterprise's service manager (店小二) and how to reach them (members, the manager, their head)",
        params: EnterpriseIdParams,
        response: { 200: ManagerAnswerSchema },
      },
    },
    async (request) => {
      const manager = await getManagerForViewer(db, requirePrincipal(request), request.params.enterpriseId);
      return { manager: manager ? presentManager(manager) : null };
    },
  );

  app.put(
    '/api/v1/desk/enterprises/:enterpriseId/assignment',
    {
      config: { access: access.anyOf(access.admin, access.staff('office_admin')) },
      schema: {
        tags: ['enterprise desk'],
        summary:
          "Assign the enterprise's service manager (platform admin, or office admin of the manager's office)",
        params: EnterpriseIdParams,
        body: AssignBody,
        response: { 200: ManagerContactSchema },
      },
    },
    async (request) =>
      presentManager(
        await assignManager(
          db,
          requirePrincipal(request),
          request.params.enterpriseId,
          request.body,
          request.id,
        ),
      ),
  );
};
