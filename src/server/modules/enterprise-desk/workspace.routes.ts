import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { EnterpriseSchema, MembersSchema } from '../identity/identity.schemas.ts';
import { EnterpriseIdParams, ManagerContactSchema } from './assignments.schemas.ts';
import { RequestSummarySchema } from './requests.schemas.ts';
import { getEnterpriseWorkspace, getManagerWorkspace, listMyEnterprises } from './workspace.service.ts';

const TAGS = ['enterprise desk'];
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);
const EnterpriseRole = Type.Unsafe<'legal_rep' | 'agent'>({ type: 'string', enum: ['legal_rep', 'agent'] });

const MyEnterprisesSchema = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), uscc: Type.String(), role: EnterpriseRole }),
  ),
});

const WorkspaceSchema = Type.Object({
  enterprise: EnterpriseSchema,
  profile: Type.Union([
    Type.Object({
      companyType: NullableString,
      registeredCapitalWan: NullableInteger,
      industry: NullableString,
      sizeClass: NullableString,
      employees: NullableInteger,
      establishedOn: NullableString,
      businessScope: NullableString,
      registrationStatus: NullableString,
      legalRepresentative: NullableString,
    }),
    Type.Null(),
  ]),
  members: MembersSchema.properties.items,
  manager: Type.Union([ManagerContactSchema, Type.Null()]),
  applications: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        receiptNo: Type.String(),
        status: Type.String(),
        nameZh: Type.String(),
        nameEn: Type.String(),
        submittedAt: Type.String(),
        promisedDate: NullableString,
        finishedAt: NullableString,
      }),
    ),
  }),
  requests: Type.Array(RequestSummarySchema),
  unreadMessages: Type.Integer(),
});

const ManagerWorkspaceSchema = Type.Object({
  enterprises: Type.Array(
    Type.Object({
      enterpriseId: Type.String(),
      enterpriseName: Type.String(),
      relation: Type.Unsafe<'manager' | 'head'>({ type: 'string', enum: ['manager', 'head'] }),
      openRequests: Type.Integer(),
      overdueRequests: Type.Integer(),
      nextDueAt: NullableString,
      unreadMessages: Type.Integer(),
    }),
  ),
  requests: Type.Array(RequestSummarySchema),
  residentRequestsAwaiting: Type.Integer(),
  now: Type.String(),
});

/** The enterprise workspace and the manager's desk. */
export const workspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/api/v1/desk/workspace',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary: 'The enterprises I act for (legal representative or agent)',
        response: { 200: MyEnterprisesSchema },
      },
    },
    async (request) => ({ items: await listMyEnterprises(deps, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/desk/enterprises/:enterpriseId/workspace',
    {
      config: { access: access.resident },
      schema: {
        tags: TAGS,
        summary:
          "An enterprise's workspace: register profile, members, service manager, applications, requests, unread messages",
        params: EnterpriseIdParams,
        response: { 200: WorkspaceSchema },
      },
    },
    async (request) =>
      getEnterpriseWorkspace(deps, requirePrincipal(request), request.params.enterpriseId, request.id),
  );

  app.get(
    '/api/v1/desk/manager/workspace',
    {
      config: { access: access.staff('service_manager', 'office_admin') },
      schema: {
        tags: TAGS,
        summary: 'My enterprises with open requests, next targets and unread messages (manager or head)',
        response: { 200: ManagerWorkspaceSchema },
      },
    },
    async (request) => getManagerWorkspace(deps, requirePrincipal(request)),
  );
};
