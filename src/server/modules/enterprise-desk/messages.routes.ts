import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { EnterpriseIdParams } from './assignments.schemas.ts';
import { getThread, listManagerThreads, markThreadRead, postMessage } from './messages.service.ts';

const TAGS = ['enterprise desk'];
const Side = Type.Unsafe<'enterprise' | 'manager'>({ type: 'string', enum: ['enterprise', 'manager'] });
const MessageSchema = Type.Object({
  id: Type.String(),
  senderSide: Side,
  senderName: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
  isMine: Type.Boolean(),
  isUnread: Type.Boolean(),
});
const ThreadSchema = Type.Object({
  enterpriseName: Type.String(),
  side: Side,
  unread: Type.Integer(),
  items: Type.Array(MessageSchema),
});
const PostBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
  { additionalProperties: false },
);
const threadAccess = access.anyOf(access.resident, access.staff('service_manager', 'office_admin'));

/** The message thread between an enterprise and its service manager. */
export const messagesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/desk/enterprises/:enterpriseId/messages',
    {
      config: { access: threadAccess },
      schema: {
        tags: TAGS,
        summary: 'The thread with the service manager (members of the enterprise, its manager and head)',
        params: EnterpriseIdParams,
        response: { 200: ThreadSchema },
      },
    },
    async (request) => getThread(db, requirePrincipal(request), request.params.enterpriseId),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/messages',
    {
      config: { access: threadAccess },
      schema: {
        tags: TAGS,
        summary: 'Write in the thread; the other side is notified',
        params: EnterpriseIdParams,
        body: PostBody,
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await postMessage(
            deps,
            requirePrincipal(request),
            request.params.enterpriseId,
            request.body.body,
            request.id,
          ),
        ),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/messages/read',
    {
      config: { access: threadAccess },
      schema: {
        tags: TAGS,
        summary: "Mark the other side's messages read",
        params: EnterpriseIdParams,
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (request) => ({
      marked: await markThreadRead(deps, requirePrincipal(request), request.params.enterpriseId),
    }),
  );

  app.get(
    '/api/v1/desk/manager/threads',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: 'Threads with the enterprises I look after or head, with unread counts',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                enterpriseId: Type.String(),
                enterpriseName: Type.String(),
                unread: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listManagerThreads(db, requirePrincipal(request)) }),
  );
};
