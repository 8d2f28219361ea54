import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { scheduleLateMilestoneCheck } from './projects.lateness.ts';
import {
  LinkApplicationBody,
  MilestoneLinkParams,
  MilestoneParams,
  NewProjectBody,
  OpenProjectRoomBody,
  ProjectParams,
  ProjectSchema,
  ProjectsSchema,
  UpdateMilestoneBody,
} from './projects.schemas.ts';
import {
  createProject,
  getProject,
  linkApplication,
  listProjects,
  openProjectRoom,
  unlinkApplication,
  updateMilestone,
} from './projects.service.ts';
import { RoomSummarySchema } from './rooms.schemas.ts';
import { EnterpriseParams } from './visits.schemas.ts';
import { deskContext } from './visits.routes.ts';

// Enterprise members (residents), its manager and the manager's head (an office admin).
const VIEWERS = access.anyOf(access.resident, access.staff('service_manager', 'office_admin'));
const EDITORS = access.anyOf(access.resident, access.staff('service_manager'));
const MANAGERS = access.staff('service_manager');

/** Project landing: projects, milestones (plan vs actual), linked applications, the project's room. */
export const projectsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  // Every process that serves the API makes sure the next morning's check is queued (once).
  app.addHook('onReady', async () => {
    await scheduleLateMilestoneCheck(deps.jobs);
  });

  app.get(
    '/api/v1/desk/projects',
    {
      config: { access: VIEWERS },
      schema: {
        tags: ['desk'],
        summary: 'The projects of the enterprises I act for, or look after as their manager or head',
        response: { 200: ProjectsSchema },
      },
    },
    async (request) => ({ items: await listProjects(db, requirePrincipal(request), deps.clock.now()) }),
  );

  app.post(
    '/api/v1/desk/enterprises/:enterpriseId/projects',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['desk'],
        summary: "Open a project of one of the manager's enterprises with its planned milestones",
        params: EnterpriseParams,
        body: NewProjectBody,
        response: { 201: ProjectSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createProject(deskContext(deps, request), request.params.enterpriseId, request.body)),
  );

  app.get(
    '/api/v1/desk/projects/:projectId',
    {
      config: { access: VIEWERS },
      schema: {
        tags: ['desk'],
        summary: 'A project: milestones with planned and actual dates and their applications live',
        params: ProjectParams,
        response: { 200: ProjectSchema },
      },
    },
    async (request) => getProject(db, requirePrincipal(request), request.params.projectId, deps.clock.now()),
  );

  app.patch(
    '/api/v1/desk/projects/:projectId/milestones/:milestoneId',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['desk'],
        summary: "Change a milestone's planned or actual date or note (enterprise members, its manager)",
        params: MilestoneParams,
        body: UpdateMilestoneBody,
        response: { 200: ProjectSchema },
      },
    },
    async (request) =>
      updateMilestone(
        deskContext(deps, request),
        request.params.projectId,
        request.params.milestoneId,
        request.body,
      ),
  );

  app.post(
    '/api/v1/desk/projects/:projectId/milestones/:milestoneId/applications',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['desk'],
        summary: "Link one of the enterprise's applications (id or receipt number) to a milestone",
        params: MilestoneParams,
        body: LinkApplicationBody,
        response: { 201: ProjectSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await linkApplication(
            deskContext(deps, request),
            request.params.projectId,
            request.params.milestoneId,
            request.body.reference,
          ),
        ),
  );

  app.delete(
    '/api/v1/desk/projects/:projectId/milestones/:milestoneId/applications/:linkId',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['desk'],
        summary: 'Unlink an application from a milestone',
        params: MilestoneLinkParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await unlinkApplication(
        deskContext(deps, request),
        request.params.projectId,
        request.params.milestoneId,
        request.params.linkId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/desk/projects/:projectId/room',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['desk'],
        summary: "Open the project's coordination room (its manager; one per project)",
        params: ProjectParams,
        body: OpenProjectRoomBody,
        response: { 201: RoomSummarySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await openProjectRoom(deskContext(deps, request), request.params.projectId, request.body)),
  );
};
