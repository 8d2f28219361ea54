import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { UploadForm } from '../attachments/attachments.schemas.ts';
import { contentDisposition } from '../attachments/file-name.ts';
import { readUploadForm } from '../attachments/upload-form.ts';
import { scheduleRoomDigest } from './rooms.digest.ts';
import { listRoomDocuments, readRoomDocument, shareRoomDocument } from './rooms.documents.ts';
import {
  ChecklistDoneBody,
  ChecklistItemSchema,
  ChecklistSchema,
  DocumentSchema,
  DocumentsSchema,
  MemberSchema,
  MessageSchema,
  MessagesQuery,
  MessagesSchema,
  NewChecklistItemBody,
  NewMemberBody,
  NewMessageBody,
  NewRoomBody,
  NewTaskBody,
  RoomChecklistParams,
  RoomDocumentParams,
  RoomMemberParams,
  RoomParams,
  RoomSchema,
  RoomsSchema,
  RoomSummarySchema,
  RoomTaskParams,
  TaskSchema,
  TasksSchema,
  UpdateTaskBody,
} from './rooms.schemas.ts';
import {
  addMember,
  getRoom,
  listMyRooms,
  listRoomMessages,
  openRoom,
  postRoomMessage,
  removeMember,
} from './rooms.service.ts';
import {
  addChecklistItem,
  addRoomTask,
  listRoomChecklist,
  listRoomTasks,
  setChecklistItemDone,
  updateRoomTask,
} from './rooms.tasks.ts';
import { EnterpriseParams } from './visits.schemas.ts';
import { deskContext } from './visits.routes.ts';

// Anyone signed in may be a room member (contractors are residents); membership is the
// ownership check of every room route, the first thing each service function does.
const MEMBERS = access.signedIn;

/** Coordination rooms (协调群): rooms, members, messages, tasks, checklist, documents. */
export const roomsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const { uploadMaxBytes } = deps.config;
  // Registered here, not app-wide: only the document upload accepts a multipart body.
  await app.register(multipart, { limits: { fileSize: uploadMaxBytes, files: 1 } });
  // Every process that serves the API makes sure today's digest run is queued (once per day).
  app.addHook('onReady', async () => {
    await scheduleRoomDigest(deps.jobs);
  });

  app.get(
    '/api/v1/desk/rooms',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'The coordination rooms I am a member of',
        response: { 200: RoomsSchema },
      },
    },
    async (request) => ({ items: await listMyRooms(db, requirePrincipal(request)) }),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/rooms',
    {
      config: { access: access.staff('service_manager') },
      schema: {
        tags: ['desk'],
        summary: "Open a coordination room for one of the manager's enterprises (the manager owns it)",
        params: EnterpriseParams,
        body: NewRoomBody,
        response: { 201: RoomSummarySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await openRoom(deskContext(deps, request), request.params.enterpriseId, request.body)),
  );

  app.get(
    '/api/v1/desk/rooms/:roomId',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'A room with its members and latest activity (members only)',
        params: RoomParams,
        response: { 200: RoomSchema },
      },
    },
    async (request) => getRoom(db, requirePrincipal(request), request.params.roomId),
  );

  app.post(
    '/api/v1/desk/rooms/:roomId/members',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: "Invite an account (by username) for an organisation (the room's owner)",
        params: RoomParams,
        body: NewMemberBody,
        response: { 201: MemberSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addMember(deskContext(deps, request), request.params.roomId, request.body)),
  );

  app.delete(
    '/api/v1/desk/rooms/:roomId/members/:memberId',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: "Remove a member (the room's owner; never the owner)",
        params: RoomMemberParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeMember(deskContext(deps, request), request.params.roomId, request.params.memberId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/desk/rooms/:roomId/messages',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: "The room's messages, newest first (members only)",
        params: RoomParams,
        querystring: MessagesQuery,
        response: { 200: MessagesSchema },
      },
    },
    async (request) => ({
      items: await listRoomMessages(db, requirePrincipal(request), request.params.roomId, request.query),
    }),
  );

  app.post(
    '/api/v1/desk/rooms/:roomId/messages',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'Write to the room (members only)',
        params: RoomParams,
        body: NewMessageBody,
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postRoomMessage(deskContext(deps, request), request.params.roomId, request.body.body)),
  );

  app.get(
    '/api/v1/desk/rooms/:roomId/tasks',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: "The room's tasks, earliest due first (members only)",
        params: RoomParams,
        response: { 200: TasksSchema },
      },
    },
    async (request) => ({ items: await listRoomTasks(db, requirePrincipal(request), request.params.roomId) }),
  );

  app.post(
    '/api/v1/desk/rooms/:roomId/tasks',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'Add a task with an owner (a member) and a due date (members only)',
        params: RoomParams,
        body: NewTaskBody,
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addRoomTask(deskContext(deps, request), request.params.roomId, request.body)),
  );

  app.patch(
    '/api/v1/desk/rooms/:roomId/tasks/:taskId',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: "Change a task's status, due date or owner (its owner, its creator or the room's owner)",
        params: RoomTaskParams,
        body: UpdateTaskBody,
        response: { 200: TaskSchema },
      },
    },
    async (request) =>
      updateRoomTask(deskContext(deps, request), request.params.roomId, request.params.taskId, request.body),
  );

  app.get(
    '/api/v1/desk/rooms/:roomId/checklist',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'The checklist of materials for the next step (members only)',
        params: RoomParams,
        response: { 200: ChecklistSchema },
      },
    },
    async (request) => ({
      items: await listRoomChecklist(db, requirePrincipal(request), request.params.roomId),
    }),
  );

  app.post(
    '/api/v1/desk/rooms/:roomId/checklist',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'Add a material to the checklist (members only)',
        params: RoomParams,
        body: NewChecklistItemBody,
        response: { 201: ChecklistItemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addChecklistItem(deskContext(deps, request), request.params.roomId, request.body)),
  );

  app.patch(
    '/api/v1/desk/rooms/:roomId/checklist/:itemId',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'Tick a material off, or back on (members only)',
        params: RoomChecklistParams,
        body: ChecklistDoneBody,
        response: { 200: ChecklistItemSchema },
      },
    },
    async (request) =>
      setChecklistItemDone(
        deskContext(deps, request),
        request.params.roomId,
        request.params.itemId,
        request.body.isDone,
      ),
  );

  app.get(
    '/api/v1/desk/rooms/:roomId/documents',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: "The room's shared documents (members only)",
        params: RoomParams,
        response: { 200: DocumentsSchema },
      },
    },
    async (request) => ({
      items: await listRoomDocuments(db, requirePrincipal(request), request.params.roomId),
    }),
  );

  app.post(
    '/api/v1/desk/rooms/:roomId/documents',
    {
      config: {
        access: MEMBERS,
        rateLimit: {
          max: deps.config.uploadRateLimitPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => request.principal?.userId ?? request.ip,
        },
      },
      // The form is streamed by the handler with hard limits; the schema documents it in OpenAPI.
      validatorCompiler: () => () => true,
      schema: {
        tags: ['desk'],
        summary:
          'Share a file (PDF, OFD, JPEG, PNG; the content decides) in the room; materialKey `room-document` or a checklist item id',
        consumes: ['multipart/form-data'],
        params: RoomParams,
        body: UploadForm,
        response: { 201: DocumentSchema },
      },
    },
    async (request, reply) => {
      const view = await shareRoomDocument(deskContext(deps, request), request.params.roomId, () =>
        readUploadForm(request, uploadMaxBytes),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/desk/rooms/:roomId/documents/:documentId/content',
    {
      config: { access: MEMBERS },
      schema: {
        tags: ['desk'],
        summary: 'Download a shared document (members only)',
        params: RoomDocumentParams,
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
      const { view, content } = await readRoomDocument(
        db,
        requirePrincipal(request),
        request.params.roomId,
        request.params.documentId,
      );
      return reply
        .type(view.mediaType)
        .header('content-disposition', contentDisposition(view.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-length', content.length)
        .send(content);
    },
  );
};
