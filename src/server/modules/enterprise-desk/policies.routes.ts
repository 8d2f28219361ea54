import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { POLICY_FIELDS, RULE_OPS } from './policies-rule.ts';
import { enqueueUnmatchedPolicies, schedulePolicyNightly } from './policies.jobs.ts';
import {
  DryRunBody,
  DryRunSchema,
  EnterprisePoliciesSchema,
  PolicyCreateBody,
  PolicyFieldsSchema,
  PolicyListSchema,
  PolicySchema,
  PolicyUpdateBody,
} from './policies.schemas.ts';
import { dryRunRule } from './policies-dry-run.ts';
import { listOwnEnterprisePolicies } from './policies-enterprise.service.ts';
import {
  createPolicy,
  getPolicy,
  listIssuerOffices,
  listPolicies,
  publishPolicy,
  requestPolicyMatch,
  retirePolicy,
  updatePolicy,
} from './policies.service.ts';

const AUTHORS = access.anyOf(access.staff('office_admin'), access.admin);
const READERS = access.anyOf(access.staff('office_admin', 'service_manager'), access.admin);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const tags = ['enterprise desk: policies'];

/** The policy library (政策找企业, 免申即享) for authors and managers, and the enterprise's view. */
export const policiesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const policyDeps = { db, registers: deps.registers, jobs: deps.jobs };
  // Every process that serves the API makes sure tonight's re-match is queued (once per night).
  app.addHook('onReady', async () => {
    await schedulePolicyNightly(deps.jobs);
    await enqueueUnmatchedPolicies(deps.jobs, db);
  });
  const locale = (request: { headers: Record<string, unknown> }) =>
    pickLocale(request.headers['accept-language'] as string | undefined);

  app.get(
    '/api/v1/desk/policy-library',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'The policy library: published policies, and the drafts of the offices the caller authors for',
        response: { 200: PolicyListSchema },
      },
    },
    async (request) => ({ items: await listPolicies(db, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/desk/policy-library/fields',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'What rules may name (fields, their types and options, operators) and the offices the caller issues for',
        response: { 200: PolicyFieldsSchema },
      },
    },
    async (request) => ({
      fields: POLICY_FIELDS.map(({ name, type, options, nameZh, nameEn }) => ({
        name,
        type,
        ...(options ? { options: [...options] } : {}),
        nameZh,
        nameEn,
      })),
      ops: [...RULE_OPS],
      issuerOffices: await listIssuerOffices(db, requirePrincipal(request)),
    }),
  );

  app.post(
    '/api/v1/desk/policy-library',
    {
      config: { access: AUTHORS },
      schema: {
        tags,
        summary: 'Create a draft policy of an office the caller administers (platform admins: any office)',
        body: PolicyCreateBody,
        response: { 201: PolicySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPolicy(policyDeps, requirePrincipal(request), request.body, locale(request))),
  );

  app.post(
    '/api/v1/desk/policy-library/dry-run',
    {
      config: { access: AUTHORS },
      schema: {
        tags,
        summary:
          'Test a rule before saving it: against one enterprise or the register (of a district); how many it would match, with examples',
        body: DryRunBody,
        response: { 200: DryRunSchema },
      },
    },
    async (request) =>
      dryRunRule(policyDeps, requirePrincipal(request), request.body, {
        locale: locale(request),
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/desk/policy-library/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'One policy with its current rule and its latest matching run',
        params: IdParams,
        response: { 200: PolicySchema },
      },
    },
    async (request) => getPolicy(db, requirePrincipal(request), request.params.id),
  );

  app.put(
    '/api/v1/desk/policy-library/:id',
    {
      config: { access: AUTHORS },
      schema: {
        tags,
        summary: 'Change a policy; a changed rule becomes a new rule version, matched at once when published',
        params: IdParams,
        body: PolicyUpdateBody,
        response: { 200: PolicySchema },
      },
    },
    async (request) =>
      updatePolicy(policyDeps, requirePrincipal(request), request.params.id, request.body, locale(request)),
  );

  app.post(
    '/api/v1/desk/policy-library/:id/publish',
    {
      config: { access: AUTHORS },
      schema: {
        tags,
        summary: 'Publish a draft policy (queues its matching)',
        params: IdParams,
        response: { 200: PolicySchema },
      },
    },
    async (request) => publishPolicy(policyDeps, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/v1/desk/policy-library/:id/retire',
    {
      config: { access: AUTHORS },
      schema: {
        tags,
        summary: 'Retire a policy (no more matching; what was granted stays)',
        params: IdParams,
        response: { 200: PolicySchema },
      },
    },
    async (request) => retirePolicy(policyDeps, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/v1/desk/policy-library/:id/match',
    {
      config: { access: AUTHORS },
      schema: {
        tags,
        summary: 'Match the published policy against the register again now (a durable job)',
        params: IdParams,
        response: { 202: Type.Object({ jobId: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send({ jobId: await requestPolicyMatch(policyDeps, requirePrincipal(request), request.params.id) }),
  );

  app.get(
    '/api/v1/desk/enterprises/:enterpriseId/policies',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary:
          'Policies the enterprise may benefit from and the benefits it was granted without applying (its members)',
        params: Type.Object({ enterpriseId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: EnterprisePoliciesSchema },
      },
    },
    async (request) => listOwnEnterprisePolicies(db, requirePrincipal(request), request.params.enterpriseId),
  );
};
