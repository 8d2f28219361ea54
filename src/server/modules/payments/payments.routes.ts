import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import {
  BindUtilityAccountBodySchema,
  CreatePaymentBodySchema,
  CreatePaymentResultSchema,
  EnterpriseQuerySchema,
  IDEMPOTENCY_KEY_PATTERN,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  PayableListQuerySchema,
  PayableListSchema,
  PayableSchema,
  PaymentOrderDetailSchema,
  PaymentOrderListQuerySchema,
  PaymentOrderListSchema,
  RefundSchema,
  RequestRefundBodySchema,
  UtilityAccountBindingSchema,
  UtilityAccountListSchema,
  UtilityBillListSchema,
} from '../../../contracts/api/payments.ts';
import { createPayment, getOrderForPayer, listOrdersForPayer } from './orders.service.ts';
import { getPayable, listPayables, listUtilityBills } from './payables.service.ts';
import { getRefund, requestRefund } from './refunds.service.ts';
import { bindUtilityAccount, listUtilityAccounts, unbindUtilityAccount } from './utility-accounts.service.ts';

const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);
const tags = ['payments'];

/** The payer's side of payments: utility accounts, bills, payables, orders, refund requests. */
export const paymentsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/api/v1/payments/utility-accounts',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'My bound utility accounts (户号), or an enterprise’s I represent; unbound ones as history',
        querystring: EnterpriseQuerySchema,
        response: { 200: UtilityAccountListSchema },
      },
    },
    async (request) => listUtilityAccounts(deps, requirePrincipal(request), request.query.enterpriseId),
  );

  app.post(
    '/api/v1/payments/utility-accounts',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'Bind a water, electricity or gas account: the biller checks the account number and address',
        body: BindUtilityAccountBodySchema,
        response: { 201: UtilityAccountBindingSchema },
      },
    },
    async (request, reply) => {
      const binding = await bindUtilityAccount(deps, requirePrincipal(request), request.body, request.id);
      return reply.status(201).send(binding);
    },
  );

  app.delete(
    '/api/v1/payments/utility-accounts/:id',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'Unbind a utility account (its bills and payments stay)',
        params: IdParamsSchema,
        response: { 200: UtilityAccountBindingSchema },
      },
    },
    async (request) => unbindUtilityAccount(deps, requirePrincipal(request), request.params.id, request.id),
  );

  app.get(
    '/api/v1/payments/utility-bills',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'Current and past bills of my bound accounts, asked of the billers now (newest month first)',
        querystring: EnterpriseQuerySchema,
        response: { 200: UtilityBillListSchema },
      },
    },
    async (request) =>
      listUtilityBills(
        deps,
        requirePrincipal(request),
        request.query.enterpriseId,
        pickLocale(request.headers['accept-language']),
      ),
  );

  app.get(
    '/api/v1/payments/payables',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary:
          'What I can pay and have paid: utility bills, fees of my applications, traffic fines (unpaid first)',
        querystring: PayableListQuerySchema,
        response: { 200: PayableListSchema },
      },
    },
    async (request) =>
      listPayables(
        deps,
        requirePrincipal(request),
        request.query,
        pickLocale(request.headers['accept-language']),
        request.id,
      ),
  );

  app.get(
    '/api/v1/payments/payables/:id',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'One bill, fee or fine of mine',
        params: IdParamsSchema,
        response: { 200: PayableSchema },
      },
    },
    async (request) => getPayable(deps, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/v1/payments/orders',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary:
          'Pay one or several bills, fees or fines of one payer: opens an order at the payment provider ' +
          '(payUrl / qrContent); a retry with the same Idempotency-Key answers the same order',
        headers: IdempotencyHeadersSchema,
        body: CreatePaymentBodySchema,
        response: { 200: CreatePaymentResultSchema, 201: CreatePaymentResultSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
        throw new AppError('PAYMENT_IDEMPOTENCY_KEY_REQUIRED');
      const result = await createPayment(deps, requirePrincipal(request), request.body, key, request.id);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/v1/payments/orders',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'My payments (or an enterprise’s I represent), newest first',
        querystring: PaymentOrderListQuerySchema,
        response: { 200: PaymentOrderListSchema },
      },
    },
    async (request) =>
      listOrdersForPayer(deps, requirePrincipal(request), {
        enterpriseId: request.query.enterpriseId,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/v1/payments/orders/:id',
    {
      config: { access: access.resident },
      schema: {
        tags,
        summary: 'One of my payments; while it waits, the provider is asked after a few seconds',
        params: IdParamsSchema,
        response: { 200: PaymentOrderDetailSchema },
      },
    },
    async (request) => getOrderForPayer(deps, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/v1/payments/orders/:id/refunds',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          'Ask for a refund of one paid item (the payer, or finance staff of the office that received it); ' +
          'a different finance officer approves it',
        params: IdParamsSchema,
        body: RequestRefundBodySchema,
        response: { 201: RefundSchema },
      },
    },
    async (request, reply) => {
      const refund = await requestRefund(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.body,
        request.id,
      );
      return reply.status(201).send(refund);
    },
  );

  app.get(
    '/api/v1/payments/refunds/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One refund (the payer, or finance staff who decide it)',
        params: IdParamsSchema,
        response: { 200: RefundSchema },
      },
    },
    async (request) => getRefund(deps, requirePrincipal(request), request.params.id),
  );
};
