import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import {
  ApproveRefundBodySchema,
  BillerPushListQuerySchema,
  BillerPushListSchema,
  BillerPushSchema,
  IdParamsSchema,
  LedgerAccountListSchema,
  LedgerTransactionListQuerySchema,
  LedgerTransactionListSchema,
  NotifyAnswerSchema,
  RefundListQuerySchema,
  RefundListSchema,
  RefundSchema,
  RejectRefundBodySchema,
} from '../../../contracts/api/payments.ts';
import {
  listBillerPushes,
  listLedgerAccounts,
  listLedgerTransactions,
  retryBillerPush,
} from './payments-admin.service.ts';
import { scheduleSweep } from './payments.jobs.ts';
import { handleProviderNotification } from './provider-notify.service.ts';
import { approveRefund, listRefundsForFinance, rejectRefund } from './refunds.service.ts';
import { logNotification } from './settlement.ts';

const tags = ['payments'];
const finance = access.anyOf(access.staff('office_admin'), access.admin);

/**
 * Finance and platform views (refund decisions, the ledger, biller pushes) and the payment
 * provider's notification endpoint.
 */
export const paymentsFinanceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  // The sweep of pending orders, refunds and biller pushes runs every few minutes in every city.
  await scheduleSweep(deps.jobs);

  app.get(
    '/api/v1/payments/refunds',
    {
      config: { access: finance },
      schema: {
        tags,
        summary:
          'Refunds to decide: office admins see those of their office’s fees and fines, platform admins all (newest first)',
        querystring: RefundListQuerySchema,
        response: { 200: RefundListSchema },
      },
    },
    async (request) =>
      listRefundsForFinance(deps, requirePrincipal(request), {
        state: request.query.state,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/api/v1/payments/refunds/:id/approve',
    {
      config: { access: finance },
      schema: {
        tags,
        summary:
          'Approve a refund (not the person who asked for it); the provider is then asked to pay it back',
        params: IdParamsSchema,
        body: ApproveRefundBodySchema,
        response: { 200: RefundSchema },
      },
    },
    async (request) =>
      approveRefund(deps, requirePrincipal(request), request.params.id, request.body.note, request.id),
  );

  app.post(
    '/api/v1/payments/refunds/:id/reject',
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Reject a refund (not the person who asked for it), with a note for them',
        params: IdParamsSchema,
        body: RejectRefundBodySchema,
        response: { 200: RefundSchema },
      },
    },
    async (request) =>
      rejectRefund(deps, requirePrincipal(request), request.params.id, request.body.note, request.id),
  );

  app.get(
    '/api/v1/payments/ledger/accounts',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Every ledger account with its balance (debits − credits), and whether the ledger balances',
        response: { 200: LedgerAccountListSchema },
      },
    },
    async (request) => listLedgerAccounts(deps, requirePrincipal(request)),
  );

  app.get(
    '/api/v1/payments/ledger/transactions',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Ledger transactions with their entries, newest first (optionally of one account)',
        querystring: LedgerTransactionListQuerySchema,
        response: { 200: LedgerTransactionListSchema },
      },
    },
    async (request) =>
      listLedgerTransactions(deps, requirePrincipal(request), {
        account: request.query.account,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/v1/payments/biller-pushes',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary:
          'Paid utility bills told to their billers: pending, confirmed, or rejected (with what to do)',
        querystring: BillerPushListQuerySchema,
        response: { 200: BillerPushListSchema },
      },
    },
    async (request) =>
      listBillerPushes(deps, requirePrincipal(request), {
        status: request.query.status,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/api/v1/payments/biller-pushes/:id/retry',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Send a push the biller rejected again (after sorting it out with the biller)',
        params: IdParamsSchema,
        response: { 200: BillerPushSchema },
      },
    },
    async (request) => retryBillerPush(deps, requirePrincipal(request), request.params.id, request.id),
  );

  // The provider's signed notification: verified on the exact bytes it sent, so this route reads
  // its body as text (in a scope of its own; the rest of the API parses JSON as usual).
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    raw.post(
      '/api/v1/payments/notify/:providerId',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary:
            'The payment provider’s signed asynchronous notification (order paid / closed, refund done); ' +
            'refused and logged when the signature, order or amount is wrong',
          params: Type.Object({ providerId: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: NotifyAnswerSchema },
        },
      },
      async (request) => {
        const rawBody = typeof request.body === 'string' ? request.body : '';
        const provider = deps.paymentProvider;
        const { providerId } = request.params as { providerId: string };
        if (providerId !== provider.id) {
          await logNotification(deps.database.db, {
            providerId: providerId.slice(0, 64),
            source: 'notify',
            outcome: 'refused',
            reason: 'unknown_provider',
            rawBody,
          });
          throw new AppError(
            'PAYMENT_NOTIFICATION_REFUSED',
            { reason: 'unknown_provider' },
            { reason: 'unknown_provider' },
          );
        }
        return handleProviderNotification(deps, provider, request.headers, rawBody);
      },
    );
  });
};
