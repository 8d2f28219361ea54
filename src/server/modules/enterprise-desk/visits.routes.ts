import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { actorOf, requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import {
  CloseVisitBody,
  DistrictParams,
  EnterpriseParams,
  EnterpriseVisitsSchema,
  NewVisitBody,
  QuietPeriodBody,
  QuietPeriodParams,
  QuietPeriodSchema,
  QuietPeriodsSchema,
  SetVisitCapBody,
  VisitCapSchema,
  VisitCapsSchema,
  VisitCheckBody,
  VisitCheckSchema,
  VisitParams,
  VisitSchema,
  VisitsSchema,
} from './visits.schemas.ts';
import {
  addQuietPeriod,
  checkVisit,
  closeVisit,
  createVisit,
  deleteQuietPeriod,
  listCaps,
  listEnterpriseVisits,
  listMyVisits,
  listQuietPeriods,
  setVisitCap,
  type DeskContext,
} from './visits.service.ts';

const MANAGERS = access.staff('service_manager');
// Enterprise members (residents), its manager and the manager's head (an office admin).
const VIEWERS = access.anyOf(access.resident, access.staff('service_manager', 'office_admin'));
const CAP_SETTERS = access.anyOf(access.admin, access.staff('office_admin'));

/** The request's desk context: caller, audit actor, request id and the clock's now. */
export function deskContext(deps: AppDeps, request: FastifyRequest): DeskContext {
  return {
    db: deps.database.db,
    principal: requirePrincipal(request),
    actor: actorOf(request)!,
    requestId: request.id,
    now: deps.clock.now(),
  };
}

/** 无事不扰: district visit caps, enterprise quiet periods, and the visits managers plan and log. */
export const visitsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/desk/visit-caps',
    {
      config: { access: access.anyOf(access.admin, access.staff()) },
      schema: {
        tags: ['desk'],
        summary: "Every district's cap on visits per enterprise per period",
        response: { 200: VisitCapsSchema },
      },
    },
    async () => ({ items: await listCaps(db) }),
  );

  app.put(
    '/api/v1/desk/visit-caps/:districtCode',
    {
      config: { access: CAP_SETTERS },
      schema: {
        tags: ['desk'],
        summary: "Set a district's visit cap (platform admin, or office admin of an office in the district)",
        params: DistrictParams,
        body: SetVisitCapBody,
        response: { 200: VisitCapSchema },
      },
    },
    async (request) => setVisitCap(deskContext(deps, request), request.params.districtCode, request.body),
  );

  app.get(
    '/api/v1/desk/enterprises/:enterpriseId/quiet-periods',
    {
      config: { access: VIEWERS },
      schema: {
        tags: ['desk'],
        summary: "The enterprise's quiet periods (its members, its manager and the manager's head)",
        params: EnterpriseParams,
        response: { 200: QuietPeriodsSchema },
      },
    },
    async (request) => ({
      items: await listQuietPeriods(db, requirePrincipal(request), request.params.enterpriseId),
    }),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/quiet-periods',
    {
      config: { access: access.resident },
      schema: {
        tags: ['desk'],
        summary: 'Add a quiet period: days of every month or a date range (enterprise members)',
        params: EnterpriseParams,
        body: QuietPeriodBody,
        response: { 201: QuietPeriodSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addQuietPeriod(deskContext(deps, request), request.params.enterpriseId, request.body)),
  );

  app.delete(
    '/api/v1/desk/enterprises/:enterpriseId/quiet-periods/:quietPeriodId',
    {
      config: { access: access.resident },
      schema: {
        tags: ['desk'],
        summary: 'Remove a quiet period (enterprise members)',
        params: QuietPeriodParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteQuietPeriod(
        deskContext(deps, request),
        request.params.enterpriseId,
        request.params.quietPeriodId,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/desk/enterprises/:enterpriseId/visits',
    {
      config: { access: VIEWERS },
      schema: {
        tags: ['desk'],
        summary: "The enterprise's visits and the cap that applies to it",
        params: EnterpriseParams,
        response: { 200: EnterpriseVisitsSchema },
      },
    },
    async (request) => listEnterpriseVisits(db, requirePrincipal(request), request.params.enterpriseId),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/visits/check',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['desk'],
        summary: 'What a visit at this time would break: the visit cap, quiet periods (the manager)',
        params: EnterpriseParams,
        body: VisitCheckBody,
        response: { 200: VisitCheckSchema },
      },
    },
    async (request) =>
      checkVisit(db, requirePrincipal(request), request.params.enterpriseId, request.body.scheduledAt),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/visits',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['desk'],
        summary:
          'Plan a visit, or log one that took place (with its outcome); over the cap or in a quiet period only with a reason',
        params: EnterpriseParams,
        body: NewVisitBody,
        response: { 201: VisitSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createVisit(deskContext(deps, request), request.params.enterpriseId, request.body)),
  );

  app.patch(
    '/api/v1/desk/visits/:visitId',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['desk'],
        summary: 'Mark a planned visit done (with its outcome) or cancelled (its manager)',
        params: VisitParams,
        body: CloseVisitBody,
        response: { 200: VisitSchema },
      },
    },
    async (request) => closeVisit(deskContext(deps, request), request.params.visitId, request.body),
  );

  app.get(
    '/api/v1/desk/visits',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['desk'],
        summary: 'My visits as a service manager, newest first',
        response: { 200: VisitsSchema },
      },
    },
    async (request) => ({ items: await listMyVisits(db, requirePrincipal(request)) }),
  );
};
