import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { getApplicationForStaff } from './application-queries.ts';
import { contextOf } from './applications.routes.ts';
import {
  ApplicationDetailSchema,
  ApplicationStatusSchema,
  CounterApplicationSchema,
  ReceiptSchema,
  TaskActionSchema,
  Uuid,
} from '../../../contracts/api/applications.ts';
import { fileAtCounter } from './counter-filing.ts';
import { officeStats } from './office-stats.ts';
import { actOnTask, assignTask, claimTask } from './task-actions.ts';
import { listAssignees, listQueue } from './workbench.service.ts';

const CASEWORK = access.staff('window_clerk', 'reviewer', 'approver', 'office_admin');
const TaskParams = Type.Object({ id: Uuid });
const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const OfficeRef = Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String() });

const QueueItemSchema = Type.Object({
  id: Type.String(),
  taskKey: Type.String(),
  kind: Type.String(),
  role: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  office: OfficeRef,
  status: Type.String(),
  awaitingSupplement: Type.Boolean(),
  assignee: Type.Union([Type.Object({ userId: Type.String(), name: Type.String() }), Type.Null()]),
  openedAt: Type.String(),
  dueAt: Type.String(),
  dueDate: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  escalated: Type.Boolean(),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  timeState: Type.Union([literals(['ok', 'due_soon', 'overdue', 'paused'] as const), Type.Null()]),
  application: Type.Object({
    id: Type.String(),
    receiptNo: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    channel: Type.String(),
    applicantName: Type.String(),
    stateVersion: Type.Integer(),
  }),
});

/** The staff workbench: queues, claiming and assigning, acting on tasks, counter filing, figures. */
export const workbenchRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/api/v1/workbench/tasks',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary: 'The task queue of my offices, deadline first, with working days left',
        querystring: Type.Object(
          {
            officeId: Type.Optional(Uuid),
            status: Type.Optional(literals(['open', 'done', 'all'] as const)),
            role: Type.Optional(literals(['window_clerk', 'reviewer', 'approver'] as const)),
            assignee: Type.Optional(literals(['me', 'unassigned', 'any'] as const)),
            q: Type.Optional(Type.String({ maxLength: 40, description: 'part of a receipt number' })),
            overdue: Type.Optional(Type.Boolean()),
            sort: Type.Optional(literals(['due', 'opened'] as const)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(QueueItemSchema),
            total: Type.Integer(),
            offices: Type.Array(OfficeRef),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listQueue(deps, requirePrincipal(request), {
        officeId: q.officeId,
        status: q.status ?? 'open',
        role: q.role,
        assignee: q.assignee ?? 'any',
        q: q.q,
        overdue: q.overdue,
        sort: q.sort ?? 'due',
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
    },
  );

  app.get(
    '/api/v1/workbench/applications/:id',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary: 'Open an application of my offices with its history and materials (recorded as a data use)',
        params: TaskParams,
        response: { 200: ApplicationDetailSchema },
      },
    },
    async (request) => getApplicationForStaff(deps, requirePrincipal(request), request.params.id, request.id),
  );

  app.post(
    '/api/v1/workbench/tasks/:id/claim',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary: 'Claim a task (认领)',
        params: TaskParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await claimTask(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/workbench/tasks/:id/assignees',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary: 'Colleagues the task can be assigned or handed over to',
        params: TaskParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ userId: Type.String(), displayName: Type.String(), role: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listAssignees(deps, requirePrincipal(request), request.params.id) }),
  );

  app.post(
    '/api/v1/workbench/tasks/:id/assign',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary: 'Assign (office admin) or hand over (assignee) a task to a colleague with the post',
        params: TaskParams,
        body: Type.Object(
          { userId: Uuid, note: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await assignTask(contextOf(deps, request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/workbench/tasks/:id/actions',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary:
          'Act on a task: accept, request_supplement (one complete list), pass, approve, refuse (with reason), complete',
        params: TaskParams,
        body: TaskActionSchema,
        response: { 200: Type.Object({ status: ApplicationStatusSchema, stateVersion: Type.Integer() }) },
      },
    },
    async (request) => actOnTask(contextOf(deps, request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/counter/applications',
    {
      config: { access: access.staff('window_clerk') },
      schema: {
        tags: ['workbench'],
        summary: '帮办代办: file at the counter for a resident who is present, with their confirmation',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: CounterApplicationSchema,
        response: { 200: ReceiptSchema, 201: ReceiptSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !/^[A-Za-z0-9._:-]{8,128}$/.test(key))
        throw new AppError('APPLICATION_IDEMPOTENCY_KEY_REQUIRED');
      const { receipt, replayed } = await fileAtCounter(contextOf(deps, request), request.body, key);
      return reply.code(replayed ? 200 : 201).send(receipt);
    },
  );

  app.get(
    '/api/v1/workbench/stats',
    {
      config: { access: CASEWORK },
      schema: {
        tags: ['workbench'],
        summary:
          'Figures of my offices: on-time rate, average working days, supplement rate, open and overdue tasks',
        querystring: Type.Object(
          {
            officeId: Type.Optional(Uuid),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                office: OfficeRef,
                finished: Type.Integer(),
                onTime: Type.Integer(),
                onTimeRate: Type.Union([Type.Number(), Type.Null()]),
                averageWorkingDays: Type.Union([Type.Number(), Type.Null()]),
                supplementRate: Type.Union([Type.Number(), Type.Null()]),
                secondSupplements: Type.Integer(),
                openTasks: Type.Integer(),
                overdueTasks: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await officeStats(deps, requirePrincipal(request), request.query) }),
  );
};
