import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { heldMaterials, prefillForm } from './prefill.ts';
import { staffReadRegister } from './staff-read.service.ts';
import { REGISTER_CODES, type RegisterCode } from '../registers/register-adapter.ts';
import { readOwnRecord, SELF_SERVICE_REGISTERS, type SelfServiceSlug } from './self-service.service.ts';

const SlugSchema = Type.Unsafe<SelfServiceSlug>({
  type: 'string',
  enum: Object.keys(SELF_SERVICE_REGISTERS),
});
const Id = Type.String({ minLength: 1, maxLength: 64 });
const SourceSchema = Type.Object({ register: Type.String(), nameZh: Type.String(), nameEn: Type.String() });

/** Self-service register queries and form prefill for the signed-in applicant. */
export const dataRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const gatewayDeps = { db: deps.database.db, registers: deps.registers };

  app.get(
    '/api/v1/me/registers/:register',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary:
          'My own record in a register (社保缴费记录, 公积金, 医保, 机动车违法, 水电燃气户号); read through the sharing gateway and recorded in 用数记录',
        params: Type.Object({ register: SlugSchema }),
        response: {
          200: Type.Object({
            register: Type.String(),
            nameZh: Type.String(),
            nameEn: Type.String(),
            data: Type.Record(Type.String(), Type.Unknown()),
          }),
        },
      },
    },
    async (request) =>
      readOwnRecord(gatewayDeps, requirePrincipal(request), request.params.register, request.id),
  );

  app.get(
    '/api/v1/services/:id/prefill',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary:
          "Prefill of a service's form for me (or, with enterpriseId, for an enterprise I act for): values with their source and lock, fields whose register is unavailable, and the materials the government holds",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ enterpriseId: Type.Optional(Id) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            serviceCode: Type.String(),
            fields: Type.Record(
              Type.String(),
              Type.Object({ value: Type.Unknown(), source: SourceSchema, locked: Type.Boolean() }),
            ),
            unavailable: Type.Array(Type.String()),
            filledCount: Type.Integer(),
            fieldCount: Type.Integer(),
            materials: Type.Array(
              Type.Object({
                index: Type.Integer(),
                nameZh: Type.String(),
                nameEn: Type.String(),
                status: Type.Unsafe<'held' | 'not_held' | 'unavailable'>({
                  type: 'string',
                  enum: ['held', 'not_held', 'unavailable'],
                }),
                sourceNameZh: Type.String(),
                sourceNameEn: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { enterpriseId } = request.query;
      if (enterpriseId) await assertEnterpriseMember(deps.database.db, principal, enterpriseId);
      const entry = await deps.catalogue.publishedEntry(request.params.id);
      if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
      const subject = enterpriseId ? { enterpriseId } : { personId: principal.personId! };
      const actor = { userId: principal.userId, name: principal.displayName };
      const materials =
        entry.entryType === 'service'
          ? (entry.definition as ServiceDefinition).materials
          : entry.members.flatMap((member) => member.definition.materials);
      const prefillDeps = { database: deps.database, registers: deps.registers };
      const [prefill, held] = await Promise.all([
        prefillForm(prefillDeps, {
          serviceCode: entry.code,
          form: entry.definition.form,
          subject,
          actor,
          requestId: request.id,
        }),
        heldMaterials(prefillDeps, {
          serviceCode: entry.code,
          materials,
          subject,
          actor,
          requestId: request.id,
        }),
      ]);
      return {
        serviceCode: entry.code,
        ...prefill,
        filledCount: Object.keys(prefill.fields).length,
        fieldCount: entry.definition.form.ui.order.length,
        materials: held,
      };
    },
  );

  app.post(
    '/api/v1/staff/register-reads',
    {
      config: { access: access.staff('window_clerk', 'reviewer', 'approver') },
      schema: {
        tags: ['data'],
        summary:
          "A caseworker reads a person's or enterprise's register fields for an application; allowed by the sharing rules of the staff post (within the office's district), purpose required, recorded in 用数记录",
        body: Type.Object(
          {
            subject: Type.Union([
              Type.Object({ personId: Id }, { additionalProperties: false }),
              Type.Object({ enterpriseId: Id }, { additionalProperties: false }),
            ]),
            register: Type.Unsafe<RegisterCode>({ type: 'string', enum: [...REGISTER_CODES] }),
            fields: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 40 }),
            purpose: Type.String({ minLength: 2, maxLength: 200 }),
            applicationId: Type.Optional(Id),
            officeId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ register: Type.String(), data: Type.Record(Type.String(), Type.Unknown()) }),
        },
      },
    },
    async (request) => ({
      register: request.body.register,
      data: await staffReadRegister(gatewayDeps, requirePrincipal(request), request.body, request.id),
    }),
  );
};
