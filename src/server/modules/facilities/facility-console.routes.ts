import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { ServiceKeySchema } from './facilities.schemas.ts';
import {
  CapacitySchema,
  ConsoleStreetsSchema,
  DistrictConsoleSchema,
  StreetConsoleSchema,
} from './facility-console.schemas.ts';
import { getDistrictConsole, getStreetConsole, listConsoleStreets } from './facility-console.service.ts';
import { canManageStreet, facilityActor } from './facility-keys.service.ts';
import {
  acceptRecommendation,
  dismissRecommendation,
  setCapacity,
} from './facility-recommendations.service.ts';
import { addTerminal, listTerminals, retireTerminal } from './facility-terminals.service.ts';
import { requestStreetRecompute, scheduleNightlyUtilisation } from './facility-utilisation.jobs.ts';
import { findStreet } from '../reference/reference.service.ts';

const OPERATORS = access.anyOf(access.staff('operator'), access.admin);
const StreetParams = Type.Object({ street: Type.String({ pattern: '^\\d{9}$' }) });
const DistrictParams = Type.Object({ district: Type.String({ pattern: '^\\d{6}$' }) });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Unit = Type.Unsafe<'staff_hours' | 'slots'>({ type: 'string', enum: ['staff_hours', 'slots'] });
const TerminalSchema = Type.Object({
  id: Type.String(),
  model: Type.String(),
  installedOn: Type.String(),
  status: Type.Unsafe<'active' | 'retired'>({ type: 'string', enum: ['active', 'retired'] }),
  retiredOn: Type.Union([Type.String(), Type.Null()]),
});
const Decision = Type.Object({
  id: Type.String(),
  status: Type.Unsafe<'accepted' | 'dismissed'>({ type: 'string', enum: ['accepted', 'dismissed'] }),
  decidedAt: Type.String(),
});

/**
 * The operator console: a street's facilities with utilisation, capacities and recommendations;
 * the district view for platform admins; terminals. Operators act on their own street only.
 */
export const facilityConsoleRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  // Every process that serves the API makes sure tonight's recompute is queued (once per night).
  app.addHook('onReady', async () => {
    await scheduleNightlyUtilisation(deps.jobs);
  });
  const locale = (request: { headers: Record<string, unknown> }) =>
    pickLocale(request.headers['accept-language'] as string | undefined);

  app.get(
    '/api/v1/facility-console/streets',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary:
          'The streets the caller manages (an operator: their own; a platform admin: every street with facilities)',
        response: { 200: ConsoleStreetsSchema },
      },
    },
    async (request) => listConsoleStreets(db, requirePrincipal(request), locale(request)),
  );

  app.get(
    '/api/v1/facility-console/streets/:street',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary:
          "A street's facilities with utilisation per service and hour of week, capacities, terminals and open recommendations",
        params: StreetParams,
        response: { 200: StreetConsoleSchema },
      },
    },
    async (request) =>
      getStreetConsole(db, requirePrincipal(request), request.params.street, locale(request)),
  );

  app.post(
    '/api/v1/facility-console/streets/:street/recompute',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: "Recompute the street's utilisation and recommendations now (a durable job)",
        params: StreetParams,
        response: { 202: Type.Object({ jobId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { street } = request.params;
      if (!(await findStreet(db, street))) throw new AppError('FACILITY_STREET_NOT_FOUND');
      if (!canManageStreet(principal, street)) throw new AppError('AUTH_FORBIDDEN');
      const jobId = await requestStreetRecompute(deps.jobs, street, facilityActor(principal, street));
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/api/v1/facility-console/districts/:district',
    {
      config: { access: access.admin },
      schema: {
        tags: ['facility console'],
        summary:
          "A district's streets side by side: facilities, visits, utilisation, over- and under-used services",
        params: DistrictParams,
        response: { 200: DistrictConsoleSchema },
      },
    },
    async (request) =>
      getDistrictConsole(db, requirePrincipal(request), request.params.district, locale(request)),
  );

  app.put(
    '/api/v1/facility-console/facilities/:code/capacities/:service',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'Set the weekly capacity (staff hours or service slots) of one service at a facility',
        params: Type.Object({ code: CodeParams.properties.code, service: ServiceKeySchema }),
        body: Type.Object(
          { unit: Unit, weeklyAmount: Type.Integer({ minimum: 0, maximum: 10_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: CapacitySchema },
      },
    },
    async (request) =>
      setCapacity(db, requirePrincipal(request), request.params.code, request.params.service, request.body, {
        requestId: request.id,
      }),
  );

  app.post(
    '/api/v1/facility-console/recommendations/:id/accept',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'Accept a recommendation: the capacity moves between the two facilities (audited)',
        params: IdParams,
        response: { 200: Decision },
      },
    },
    async (request) =>
      acceptRecommendation(db, deps.jobs, requirePrincipal(request), request.params.id, {
        requestId: request.id,
      }),
  );

  app.post(
    '/api/v1/facility-console/recommendations/:id/dismiss',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'Dismiss a recommendation with a reason; capacities stay as they are',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 200: Decision },
      },
    },
    async (request) =>
      dismissRecommendation(db, requirePrincipal(request), request.params.id, request.body.reason.trim(), {
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/facility-console/facilities/:code/terminals',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: "A facility's terminals and whether a device key is in use",
        params: CodeParams,
        response: {
          200: Type.Object({
            facilityCode: Type.String(),
            facilityName: Type.String(),
            deviceKey: Type.Union([
              Type.Object({ keyId: Type.String(), createdAt: Type.String() }),
              Type.Null(),
            ]),
            terminals: Type.Array(TerminalSchema),
          }),
        },
      },
    },
    async (request) => listTerminals(db, requirePrincipal(request), request.params.code),
  );

  app.post(
    '/api/v1/facility-console/facilities/:code/terminals',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'Add a terminal to a facility',
        params: CodeParams,
        body: Type.Object(
          {
            model: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
            installedOn: Type.String({ pattern: DATE, format: 'date' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: TerminalSchema },
      },
    },
    async (request, reply) => {
      const terminal = await addTerminal(db, requirePrincipal(request), request.params.code, request.body, {
        requestId: request.id,
      });
      return reply.status(201).send(terminal);
    },
  );

  app.post(
    '/api/v1/facility-console/facilities/:code/terminals/:terminal/retire',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'Retire a terminal (kept for the record; its transactions are refused from now on)',
        params: Type.Object({
          code: CodeParams.properties.code,
          terminal: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        body: Type.Object(
          { retiredOn: Type.String({ pattern: DATE, format: 'date' }) },
          { additionalProperties: false },
        ),
        response: { 200: TerminalSchema },
      },
    },
    async (request) =>
      retireTerminal(
        db,
        requirePrincipal(request),
        request.params.code,
        request.params.terminal,
        request.body,
        {
          requestId: request.id,
        },
      ),
  );
};
