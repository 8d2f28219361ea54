import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import {
  ApplicationDetailSchema,
  ApplicationListItemSchema,
  ReceiptSchema,
  SubmitApplicationSchema,
} from '../../../contracts/api/applications.ts';
import { installOpenApiAuth, openCallerOf, openTokenOf } from './open-api-auth.ts';
import {
  getApplicationForApp,
  listApplicationsForApp,
  readRegisterScope,
  submitApplicationForApp,
} from './open-api-data.ts';
import { getPaymentForApp, listBillsForApp, payBillsForApp } from './open-api-bills.ts';
import {
  CreatePaymentResultSchema,
  IdempotencyHeadersSchema,
  PayableListSchema,
  PaymentOrderDetailSchema,
} from '../../../contracts/api/payments.ts';
import type { ProviderHolder } from './provider-holder.ts';
import type { OpenScope } from './scopes.ts';

const OPEN = access.public;
const security = [{ openApiToken: [] }];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

const RegisterAnswer = Type.Object({
  register: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});

const REGISTER_ROUTES = [
  ['profile', 'profile', '基本信息 (name, gender, date of birth) from the population register'],
  ['social-insurance', 'social_insurance', '社保: social insurance record and contributions'],
  ['housing-fund', 'housing_fund', '公积金: housing fund balance and movements'],
  ['medical-insurance', 'medical_insurance', '医保: medical insurance and settlements'],
  ['vehicle-violations', 'vehicle_violations', '机动车与交通违法: vehicles and traffic violations'],
] as const satisfies readonly (readonly [string, OpenScope, string])[];

/**
 * The resource API for access tokens (/api/open/v1): each route names the scope it needs; the
 * token's app must be approved, its resident's consent in force; every read is an access record
 * naming the app. Errors are the platform's `{"error":{code,message}}` in the caller's language.
 */
export function openApiRoutes(holder: ProviderHolder): FastifyPluginAsyncTypebox<AppDeps> {
  return async (app, deps) => {
    installOpenApiAuth(app as never, deps, holder);

    app.get(
      '/api/open/v1/me',
      {
        config: { access: OPEN, openScope: null },
        schema: {
          tags: ['open-api'],
          summary: 'The token itself: which app, which scopes, and whether it acts for a resident (`sub`)',
          security,
          response: {
            200: Type.Object({
              app: Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
              scopes: Type.Array(Type.String()),
              sub: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        const token = openTokenOf(request);
        return { app: token.app, scopes: [...token.scopes].sort(), sub: token.subject };
      },
    );

    for (const [path, scope, summary] of REGISTER_ROUTES) {
      app.get(
        `/api/open/v1/${path}`,
        {
          config: { access: OPEN, openScope: scope },
          schema: {
            tags: ['open-api'],
            summary: `${summary} (scope \`${scope}\`); read through the sharing gateway with the resident's consent`,
            security,
            response: { 200: RegisterAnswer },
          },
        },
        async (request) => readRegisterScope(deps, openCallerOf(request), scope),
      );
    }

    app.get(
      '/api/open/v1/bills',
      {
        config: { access: OPEN, openScope: 'bills_payments' },
        schema: {
          tags: ['open-api'],
          summary:
            'What the resident can pay and has paid: utility bills of their bound accounts, fees of their applications, traffic fines (scope `bills_payments`)',
          security,
          response: { 200: PayableListSchema },
        },
      },
      async (request) => listBillsForApp(deps, openCallerOf(request)),
    );

    app.post(
      '/api/open/v1/payments',
      {
        config: { access: OPEN, openScope: 'bills_payments', csrf: false },
        schema: {
          tags: ['open-api'],
          summary:
            "Pay some of the resident's bills (scope `bills_payments`): an order at the payment provider; send the resident to `payUrl`. The same Idempotency-Key from the same app answers the same order",
          security,
          headers: IdempotencyHeadersSchema,
          body: Type.Object(
            {
              payableIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
                minItems: 1,
                maxItems: 20,
                uniqueItems: true,
              }),
            },
            { additionalProperties: false },
          ),
          response: { 200: CreatePaymentResultSchema, 201: CreatePaymentResultSchema },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
          throw new AppError('PAYMENT_IDEMPOTENCY_KEY_REQUIRED');
        const result = await payBillsForApp(deps, openCallerOf(request), request.body.payableIds, key);
        return reply.code(result.replayed ? 200 : 201).send(result);
      },
    );

    app.get(
      '/api/open/v1/payments/:id',
      {
        config: { access: OPEN, openScope: 'bills_payments' },
        schema: {
          tags: ['open-api'],
          summary: "One of the resident's payment orders and its state (scope `bills_payments`)",
          security,
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: PaymentOrderDetailSchema },
        },
      },
      async (request) => getPaymentForApp(deps, openCallerOf(request), request.params.id),
    );

    app.get(
      '/api/open/v1/applications',
      {
        config: { access: OPEN, openScope: 'applications.read' },
        schema: {
          tags: ['open-api'],
          summary: "The resident's applications (办件), newest first (scope `applications.read`)",
          security,
          querystring: Type.Object(
            {
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ items: Type.Array(ApplicationListItemSchema), total: Type.Integer() }),
          },
        },
      },
      async (request) =>
        listApplicationsForApp(deps, openCallerOf(request), {
          limit: request.query.limit ?? 20,
          offset: request.query.offset ?? 0,
        }),
    );

    app.get(
      '/api/open/v1/applications/:id',
      {
        config: { access: OPEN, openScope: 'applications.read' },
        schema: {
          tags: ['open-api'],
          summary: "One of the resident's applications (scope `applications.read`)",
          security,
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: ApplicationDetailSchema },
        },
      },
      async (request) => getApplicationForApp(deps, openCallerOf(request), request.params.id),
    );

    app.post(
      '/api/open/v1/applications',
      {
        config: { access: OPEN, openScope: 'applications.submit', csrf: false },
        schema: {
          tags: ['open-api'],
          summary:
            'File an application for the resident (scope `applications.submit`); the same Idempotency-Key from the same app returns the same one',
          security,
          headers: Type.Object({
            'idempotency-key': Type.Optional(
              Type.String({ description: '8–128 characters [A-Za-z0-9._:-], unique per submission' }),
            ),
          }),
          body: SubmitApplicationSchema,
          response: { 200: ReceiptSchema, 201: ReceiptSchema },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
          throw new AppError('APPLICATION_IDEMPOTENCY_KEY_REQUIRED');
        const { receipt, replayed } = await submitApplicationForApp(
          deps,
          openCallerOf(request),
          request.body,
          key,
        );
        return reply.code(replayed ? 200 : 201).send(receipt);
      },
    );

    app.get(
      '/api/open/v1/services',
      {
        config: { access: OPEN, openScope: 'services.read' },
        schema: {
          tags: ['open-api'],
          summary:
            'Search the published service catalogue (scope `services.read`; client credentials allowed)',
          security,
          querystring: Type.Object(
            {
              q: Type.Optional(Type.String({ maxLength: 100 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object(
                  { id: Type.String(), code: Type.String(), name: Type.String() },
                  { additionalProperties: true },
                ),
              ),
              total: Type.Integer(),
            }),
          },
        },
      },
      async (request) => {
        const result = await deps.catalogue.search(
          { q: request.query.q, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 },
          pickLocale(request.headers['accept-language']),
        );
        return {
          items: result.items as unknown as { id: string; code: string; name: string }[],
          total: result.total,
        };
      },
    );
  };
}
