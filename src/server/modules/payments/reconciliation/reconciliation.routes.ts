import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  MismatchListSchema,
  MismatchQuerySchema,
  MismatchSchema,
  ReconciliationRunDetailSchema,
  ReconciliationRunListSchema,
  ResolveMismatchBodySchema,
  RunListQuerySchema,
  StartRunBodySchema,
} from '../../../../contracts/api/reconciliation.ts';
import { access } from '../../../platform/auth/access.ts';
import { requirePrincipal } from '../../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { pickLocale } from '../../../platform/i18n/locale.ts';
import { scheduleReconciliation } from './reconciliation.jobs.ts';
import {
  getRun,
  listMismatches,
  listRuns,
  mismatchesCsv,
  resolveMismatch,
  startRun,
} from './reconciliation.service.ts';

const tags = ['payments'];
const finance = access.anyOf(access.admin, access.staff('office_admin'));
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const PREFIX = '/api/v1/payments/reconciliation';

/** The daily reconciliation (对账): runs, mismatches with what to do, resolving, CSV. */
export const reconciliationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  // Every process that serves the API makes sure the next daily run is queued.
  app.addHook('onReady', async () => {
    await scheduleReconciliation(deps.jobs, deps.config.reconciliationHour);
  });
  const locale = (request: { headers: Record<string, unknown> }) =>
    pickLocale(request.headers['accept-language'] as string | undefined);

  app.get(
    `${PREFIX}/runs`,
    {
      config: { access: finance },
      schema: {
        tags,
        summary:
          'Reconciliation runs, newest first (platform admins; office admins see only their open counts)',
        querystring: RunListQuerySchema,
        response: { 200: ReconciliationRunListSchema },
      },
    },
    async (request) =>
      listRuns(deps, requirePrincipal(request), {
        limit: request.query.limit ?? 30,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    `${PREFIX}/runs`,
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary:
          'Reconcile a day now: the provider statement and the billers’ confirmations against our records',
        body: StartRunBodySchema,
        response: { 201: ReconciliationRunDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await startRun(deps, requirePrincipal(request), request.body.date, locale(request));
      return reply.code(201).send(detail);
    },
  );

  app.get(
    `${PREFIX}/runs/:id`,
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'One run with the mismatches it found or saw again (office admins: those of their office)',
        params: IdParams,
        response: { 200: ReconciliationRunDetailSchema },
      },
    },
    async (request) => getRun(deps, requirePrincipal(request), request.params.id, locale(request)),
  );

  app.get(
    `${PREFIX}/mismatches`,
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Mismatches with what to do, filtered by status, day and kind',
        querystring: MismatchQuerySchema,
        response: { 200: MismatchListSchema },
      },
    },
    async (request) => listMismatches(deps, requirePrincipal(request), request.query, locale(request)),
  );

  app.get(
    `${PREFIX}/mismatches.csv`,
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'The same mismatches as CSV (UTF-8 with BOM)',
        querystring: Type.Omit(MismatchQuerySchema, ['limit', 'offset']),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await mismatchesCsv(deps, requirePrincipal(request), request.query, locale(request));
      const name = `reconciliation-${request.query.date ?? 'all'}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );

  app.post(
    `${PREFIX}/mismatches/:id/resolve`,
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Mark a mismatch resolved with a note saying what was done',
        params: IdParams,
        body: ResolveMismatchBodySchema,
        response: { 200: MismatchSchema },
      },
    },
    async (request) =>
      resolveMismatch(deps, requirePrincipal(request), request.params.id, request.body.note, locale(request)),
  );
};
