import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { EnterpriseIdParams } from './assignments.schemas.ts';
import {
  getRequest,
  listDeskRequests,
  listMyRequests,
  listOfficeParts,
  listRouteOffices,
  readRequestAttachment,
} from './requests-queries.ts';
import {
  AcceptBody,
  AnswerBody,
  AttachmentParams,
  ConfirmBody,
  DeskListQuery,
  FiledSchema,
  FileRequestBody,
  OfficePartsQuery,
  OfficePartsSchema,
  PartIdParams,
  ReopenBody,
  RequestDetailSchema,
  RequestIdParams,
  RequestListSchema,
  RouteBody,
} from './requests.schemas.ts';
import {
  acceptRequest,
  answerPart,
  answerRequest,
  confirmRequest,
  fileRequest,
  reopenRequest,
  routeRequest,
  type RequestContext,
} from './requests.service.ts';

const TAGS = ['enterprise desk'];
const NoContent = { 204: Type.Null() };

/** Requests (诉求): filing, the desk's handling, offices' parts, confirmation and reopening. */
export const requestsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const contextOf = (request: FastifyRequest): RequestContext => ({
    deps,
    principal: requirePrincipal(request),
    requestId: request.id,
  });

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/requests',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary: "File a request (诉求) for the enterprise to its service manager (the enterprise's members)",
        params: EnterpriseIdParams,
        body: FileRequestBody,
        response: { 201: FiledSchema },
      },
    },
    async (request, reply) => {
      const row = await fileRequest(contextOf(request), {
        ...request.body,
        enterpriseId: request.params.enterpriseId,
      });
      return reply.status(201).send({ id: row.id, referenceNo: row.referenceNo, status: row.status });
    },
  );

  app.post(
    '/api/v1/desk/requests',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary: 'File my own request as a resident (to the service managers of my district)',
        body: FileRequestBody,
        response: { 201: FiledSchema },
      },
    },
    async (request, reply) => {
      const row = await fileRequest(contextOf(request), request.body);
      return reply.status(201).send({ id: row.id, referenceNo: row.referenceNo, status: row.status });
    },
  );

  app.get(
    '/api/v1/desk/requests',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary: 'My requests and those of the enterprises I act for',
        response: { 200: RequestListSchema },
      },
    },
    async (request) => ({ items: await listMyRequests(db, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/desk/manager/requests',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: 'The requests on my desk (manager or head), soonest target first',
        querystring: DeskListQuery,
        response: { 200: RequestListSchema },
      },
    },
    async (request) => ({
      items: await listDeskRequests(db, requirePrincipal(request), request.query.includeClosed ?? false),
    }),
  );

  app.get(
    '/api/v1/desk/office/request-parts',
    {
      config: { access: access.staff() },
      schema: {
        tags: TAGS,
        summary: 'Parts of requests routed to my offices, open first',
        querystring: OfficePartsQuery,
        response: { 200: OfficePartsSchema },
      },
    },
    async (request) => ({
      items: await listOfficeParts(db, requirePrincipal(request), request.query.status),
    }),
  );

  app.get(
    '/api/v1/desk/requests/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: TAGS,
        summary: 'One request with its parts, answers and timeline (filer, desk, or a routed office)',
        params: RequestIdParams,
        response: { 200: RequestDetailSchema },
      },
    },
    async (request) => getRequest(db, requirePrincipal(request), request.params.id, request.id),
  );

  app.get(
    '/api/v1/desk/requests/:id/route-offices',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: "Offices the request may be routed to: its district's and the city-wide bodies (its desk)",
        params: RequestIdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                nameZh: Type.String(),
                nameEn: Type.String(),
                isStreet: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listRouteOffices(db, requirePrincipal(request), request.params.id) }),
  );

  app.get(
    '/api/v1/desk/requests/:id/attachments/:attachmentId',
    {
      config: { access: access.signedIn },
      schema: { tags: TAGS, summary: 'Download an attachment of a request', params: AttachmentParams },
    },
    async (request, reply) => {
      const { view, content } = await readRequestAttachment(
        db,
        requirePrincipal(request),
        request.params.id,
        request.params.attachmentId,
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

  app.post(
    '/api/v1/desk/requests/:id/accept',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: 'Accept a request (its manager)',
        params: RequestIdParams,
        body: AcceptBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await acceptRequest(contextOf(request), request.params.id, request.body.note);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/desk/requests/:id/answer',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: 'Answer a request directly (its manager)',
        params: RequestIdParams,
        body: AnswerBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await answerRequest(contextOf(request), request.params.id, request.body.answer);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/desk/requests/:id/route',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: 'Route a request to one or more offices, each with instructions (its manager)',
        params: RequestIdParams,
        body: RouteBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await routeRequest(contextOf(request), request.params.id, request.body.offices);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/desk/request-parts/:partId/answer',
    {
      config: { access: access.staff() },
      schema: {
        tags: TAGS,
        summary: "Answer my office's part of a routed request (staff of that office)",
        params: PartIdParams,
        body: AnswerBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await answerPart(contextOf(request), request.params.partId, request.body.answer);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/desk/requests/:id/confirm',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary: 'Confirm an answered request resolved and rate it (the filer)',
        params: RequestIdParams,
        body: ConfirmBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await confirmRequest(contextOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/desk/requests/:id/reopen',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary: 'Reopen an answered or resolved request with a reason (the filer); the history is kept',
        params: RequestIdParams,
        body: ReopenBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await reopenRequest(contextOf(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
};
