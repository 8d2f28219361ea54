import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { answerObjection, listObjections } from './objections.service.ts';
import {
  listSharingRules,
  proposeSharingRule,
  reviewSharingRule,
  sharingRuleHistory,
} from './sharing-rules-admin.service.ts';
import {
  Id,
  ObjectionSchema,
  RegisterCatalogueSchema,
  RuleProposalBody,
  SharingRuleSchema,
} from '../../../contracts/api/data-access.ts';

const adminOrOfficeAdmin = access.anyOf(access.admin, access.staff('office_admin'));

/** The sharing catalogue with its review trail, the register field catalogue, and objections. */
export const sharingAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/registers',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['data'],
        summary: 'The registers and the fields each can give (the field catalogue sharing rules name)',
        response: { 200: Type.Object({ items: RegisterCatalogueSchema }) },
      },
    },
    async () => ({
      items: deps.registers.list().map(({ code, nameZh, nameEn, departmentCode, subjectKind, fields }) => ({
        code,
        nameZh,
        nameEn,
        departmentCode,
        subjectKind,
        fields: [...fields],
      })),
    }),
  );

  app.get(
    '/api/v1/admin/sharing-rules',
    {
      config: { access: adminOrOfficeAdmin },
      schema: {
        tags: ['admin'],
        summary: 'The sharing catalogue (共享目录): active rules and changes waiting for review',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            register: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            consumerKind: Type.Optional(
              Type.Unsafe<'service_form' | 'staff_role' | 'third_party_app'>({
                type: 'string',
                enum: ['service_form', 'staff_role', 'third_party_app'],
              }),
            ),
            pending: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SharingRuleSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { pending, limit, offset, ...filter } = request.query;
      return listSharingRules(db, requirePrincipal(request), {
        ...filter,
        pendingOnly: pending,
        limit: limit ?? 50,
        offset: offset ?? 0,
      });
    },
  );

  app.get(
    '/api/v1/admin/sharing-rules/:ruleKey/history',
    {
      config: { access: adminOrOfficeAdmin },
      schema: {
        tags: ['admin'],
        summary: 'Every version of one sharing rule, newest first, with who proposed and who reviewed it',
        params: Type.Object({ ruleKey: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Type.Object({ items: Type.Array(SharingRuleSchema) }) },
      },
    },
    async (request) => ({
      items: await sharingRuleHistory(db, requirePrincipal(request), request.params.ruleKey),
    }),
  );

  app.post(
    '/api/v1/admin/sharing-rules',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary:
          'Propose a new sharing rule, a new version of one (ruleKey), or its retirement; it takes effect when another admin or an office admin of the register’s department approves it',
        body: RuleProposalBody,
        response: { 201: SharingRuleSchema },
      },
    },
    async (request, reply) => {
      const locale = pickLocale(request.headers['accept-language']);
      const rule = await proposeSharingRule(
        db,
        deps.registers,
        requirePrincipal(request),
        request.body,
        locale,
        request.id,
      );
      return reply.status(201).send(rule);
    },
  );

  app.post(
    '/api/v1/admin/sharing-rules/proposals/:id/review',
    {
      config: { access: adminOrOfficeAdmin },
      schema: {
        tags: ['admin'],
        summary:
          'Approve or reject a proposed change (not your own; platform admins, or office admins of the department that keeps the register)',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: SharingRuleSchema },
      },
    },
    async (request) =>
      reviewSharingRule(
        db,
        deps.registers,
        requirePrincipal(request),
        request.params.id,
        request.body,
        request.id,
      ),
  );

  app.get(
    '/api/v1/admin/data-access-objections',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Objections to access records (有异议), with the record attached; open ones first',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Unsafe<'open' | 'answered'>({ type: 'string', enum: ['open', 'answered'] }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ObjectionSchema), total: Type.Integer() }) },
      },
    },
    async (request) =>
      listObjections(db, requirePrincipal(request), {
        status: request.query.status,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/api/v1/admin/data-access-objections/:id/answer',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: 'Answer an objection (once); the person sees the answer',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { answer: Type.String({ minLength: 2, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: ObjectionSchema },
      },
    },
    async (request) =>
      answerObjection(db, requirePrincipal(request), request.params.id, request.body.answer, request.id),
  );
};
