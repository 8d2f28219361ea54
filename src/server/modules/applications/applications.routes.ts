import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { answerSupplement, withdrawApplication } from './applicant-actions.ts';
import {
  getApplicationForApplicant,
  getApplicationForStaff,
  listMyApplications,
  readApplicationAttachment,
} from './application-queries.ts';
import { isApplicant, findApplication } from './application-access.ts';
import {
  ApplicationDetailSchema,
  ApplicationListItemSchema,
  ApplicationStatusSchema,
  DraftSchema,
  ReceiptSchema,
  SaveDraftSchema,
  SubmitApplicationSchema,
  SupplementAnswerSchema,
  Uuid,
} from '../../../contracts/api/applications.ts';
import { deleteDraftOf, getDraft, listMyDrafts, saveDraft } from './drafts.service.ts';
import { submitApplication } from './submit-application.ts';
import { previousValues } from './previous-values.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';

const IdParams = Type.Object({ id: Uuid });
const StateResult = Type.Object({ status: ApplicationStatusSchema, stateVersion: Type.Integer() });
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export function contextOf(deps: AppDeps, request: FastifyRequest) {
  return {
    deps,
    principal: requirePrincipal(request),
    locale: pickLocale(request.headers['accept-language']),
    requestId: request.id,
  };
}

/** The applicant's side: file, follow, fix a supplement, withdraw; drafts. */
export const applicationsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.post(
    '/api/v1/applications',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary:
          'File an application (一窗受理); a retried request with the same Idempotency-Key returns the same one',
        headers: Type.Object({
          'idempotency-key': Type.Optional(
            Type.String({ description: '8–128 characters [A-Za-z0-9._:-], unique per submission' }),
          ),
        }),
        body: SubmitApplicationSchema,
        response: { 200: ReceiptSchema, 201: ReceiptSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
        throw new AppError('APPLICATION_IDEMPOTENCY_KEY_REQUIRED');
      const { receipt, replayed } = await submitApplication(contextOf(deps, request), request.body, key);
      return reply.code(replayed ? 200 : 201).send(receipt);
    },
  );

  app.get(
    '/api/v1/applications',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary: 'My applications (mine and those of the enterprises I represent), newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(ApplicationStatusSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(ApplicationListItemSchema), total: Type.Integer() }),
        },
      },
    },
    async (request) =>
      listMyApplications(db, requirePrincipal(request), {
        status: request.query.status,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/v1/applications/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['applications'],
        summary:
          'One application: the applicant sees their own; staff of its offices see it (recorded as a data use)',
        params: IdParams,
        response: { 200: ApplicationDetailSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const row = await findApplication(db, request.params.id);
      if (row && (await isApplicant(db, principal, row)))
        return getApplicationForApplicant(deps, principal, request.params.id);
      return getApplicationForStaff(deps, principal, request.params.id, request.id);
    },
  );

  app.post(
    '/api/v1/applications/:id/withdraw',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary: 'Withdraw before a decision (撤回)',
        params: IdParams,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: StateResult },
      },
    },
    async (request) => withdrawApplication(contextOf(deps, request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/v1/applications/:id/supplement',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary: 'Answer a supplement request (补正): change only the listed fields, add materials',
        params: IdParams,
        body: SupplementAnswerSchema,
        response: { 200: StateResult },
      },
    },
    async (request) => answerSupplement(contextOf(deps, request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/applications/:id/attachments/:attachmentId',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['applications'],
        summary: 'Download a material of an application (applicant, or staff of its offices)',
        params: Type.Object({ id: Uuid, attachmentId: Uuid }),
      },
    },
    async (request, reply) => {
      const { view, content } = await readApplicationAttachment(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.attachmentId,
        request.id,
      );
      return reply
        .header('content-type', view.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(view.fileName)}`,
        )
        .send(content);
    },
  );

  app.get(
    '/api/v1/services/:id/previous-values',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary:
          "Values I (or the enterprise I act for) typed in earlier applications, offered again for this service's fields that no register fills",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ enterpriseId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            fields: Type.Record(
              Type.String(),
              Type.Object({ value: Type.Unknown(), receiptNo: Type.String(), submittedAt: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { enterpriseId } = request.query;
      if (enterpriseId) await assertEnterpriseMember(db, principal, enterpriseId);
      const entry = await deps.catalogue.publishedEntry(request.params.id);
      if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
      const applicant = enterpriseId ? { enterpriseId } : { personId: principal.personId! };
      return { fields: await previousValues(db, applicant, entry.definition.form) };
    },
  );

  const DraftParams = Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 64 }) });
  const DraftQuery = Type.Object({ enterpriseId: Type.Optional(Uuid) }, { additionalProperties: false });

  app.get(
    '/api/v1/drafts',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary: 'My saved drafts',
        response: { 200: Type.Object({ items: Type.Array(DraftSchema) }) },
      },
    },
    async (request) => ({ items: await listMyDrafts(deps, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/drafts/:serviceId',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary: 'My draft of a service (for myself, or for an enterprise I represent)',
        params: DraftParams,
        querystring: DraftQuery,
        response: { 200: DraftSchema },
      },
    },
    async (request) =>
      getDraft(deps, requirePrincipal(request), request.params.serviceId, request.query.enterpriseId),
  );

  app.put(
    '/api/v1/drafts/:serviceId',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary:
          'Save my draft (autosave); send the version you loaded, refused if another device saved since',
        params: DraftParams,
        body: SaveDraftSchema,
        response: { 200: DraftSchema },
      },
    },
    async (request) => saveDraft(deps, requirePrincipal(request), request.params.serviceId, request.body),
  );

  app.delete(
    '/api/v1/drafts/:serviceId',
    {
      config: { access: access.resident },
      schema: {
        tags: ['applications'],
        summary: 'Discard my draft',
        params: DraftParams,
        querystring: DraftQuery,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteDraftOf(
        deps,
        requirePrincipal(request),
        request.params.serviceId,
        request.query.enterpriseId,
      );
      return reply.code(204).send(null);
    },
  );
};
