import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { actorOf, requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { scheduleAttachmentCleanup } from './attachments.jobs.ts';
import { presentUpload } from './attachments.presenter.ts';
import { AttachmentIdParams, AttachmentSchema, UploadForm } from './attachments.schemas.ts';
import {
  deleteOwnAttachment,
  getOwnUnboundAttachment,
  readOwnUnboundContent,
  uploadAttachment,
} from './attachments.service.ts';
import { contentDisposition } from './file-name.ts';
import { readUploadForm } from './upload-form.ts';

/**
 * Uploading materials before an application is submitted, and seeing or removing one's own
 * uploads until then. Bound attachments are reached through their application's routes.
 */
export const attachmentsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const { uploadMaxBytes, uploadMaxUnbound, uploadRateLimitPerMinute } = deps.config;
  // Registered here, not app-wide: only these routes accept multipart bodies.
  await app.register(multipart, { limits: { fileSize: uploadMaxBytes, files: 1 } });
  // Every process that serves the API makes sure the hourly clean-up is queued.
  app.addHook('onReady', async () => {
    await scheduleAttachmentCleanup(deps.jobs);
  });

  app.post(
    '/api/v1/attachments',
    {
      config: {
        access: access.signedIn,
        rateLimit: {
          max: uploadRateLimitPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => request.principal?.userId ?? request.ip,
        },
      },
      // The form is streamed by the handler with hard limits; the schema documents it in OpenAPI.
      validatorCompiler: () => () => true,
      schema: {
        tags: ['attachments'],
        summary:
          'Upload one file (PDF, OFD, JPEG, PNG; the content decides) as a material, before submitting the application',
        consumes: ['multipart/form-data'],
        body: UploadForm,
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const form = await readUploadForm(request, uploadMaxBytes);
      const view = await uploadAttachment(db, principal, form, {
        actor: actorOf(request)!,
        requestId: request.id,
        maxUnbound: uploadMaxUnbound,
      });
      return reply.status(201).send(presentUpload(view));
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['attachments'],
        summary: 'One of my uploads not yet part of an application',
        params: AttachmentIdParams,
        response: { 200: AttachmentSchema },
      },
    },
    async (request) =>
      presentUpload(await getOwnUnboundAttachment(db, requirePrincipal(request), request.params.id)),
  );

  app.get(
    '/api/v1/attachments/:id/content',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['attachments'],
        summary: 'Download one of my uploads not yet part of an application',
        params: AttachmentIdParams,
        response: {
          200: Type.Unsafe<Buffer>({
            description: 'The file, with its sniffed media type',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/ofd': { schema: { type: 'string', format: 'binary' } },
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
            },
          }),
        },
      },
    },
    async (request, reply) => {
      const { view, content } = await readOwnUnboundContent(db, requirePrincipal(request), request.params.id);
      return reply
        .type(view.mediaType)
        .header('content-disposition', contentDisposition(view.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-length', content.length)
        .send(content);
    },
  );

  app.delete(
    '/api/v1/attachments/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['attachments'],
        summary: 'Remove one of my uploads not yet part of an application',
        params: AttachmentIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await deleteOwnAttachment(db, principal, request.params.id, {
        actor: actorOf(request)!,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
