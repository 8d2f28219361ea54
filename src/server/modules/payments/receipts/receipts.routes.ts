import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../../platform/auth/access.ts';
import { requirePrincipal } from '../../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  ApplicationFeeStatusSchema,
  ReceiptCheckQuerySchema,
  ReceiptCheckSchema,
  ReceiptViewSchema,
} from '../../../../contracts/api/payment-receipts.ts';
import { ReceiptFontMissingError, renderReceiptPdf } from './receipt-pdf.ts';
import { applicationFeeForStaff } from './application-fee-status.ts';
import { checkReceipt, getReceipt } from './receipts.service.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Receipts (电子缴费凭证) of paid orders: the payer's page and PDF, and the public check; and the fee
 * of an application as the staff working it see it.
 */
export const paymentReceiptRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  // The check is public: limit guessing per address as the certificate check does.
  const publicRateLimit = { max: deps.config.verifyRateLimitPerMinute, timeWindow: 60_000 };

  app.get(
    '/api/v1/payments/orders/:id/receipt',
    {
      config: { access: access.resident },
      schema: {
        tags: ['payments'],
        summary:
          'The receipt (电子缴费凭证) of a paid order of mine or my enterprise: what the page and the PDF print',
        params: IdParams,
        response: { 200: ReceiptViewSchema },
      },
    },
    async (request) => getReceipt(deps, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/v1/payments/orders/:id/receipt.pdf',
    {
      config: { access: access.resident },
      schema: {
        tags: ['payments'],
        summary: 'The receipt of a paid order of mine or my enterprise as a PDF (A5, Chinese font embedded)',
        params: IdParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const receipt = await getReceipt(deps, requirePrincipal(request), request.params.id);
      let pdf: Buffer;
      try {
        pdf = await renderReceiptPdf(receipt);
      } catch (error) {
        if (!(error instanceof ReceiptFontMissingError)) throw error;
        request.log.error({ fontPath: error.fontPath }, error.message);
        throw new AppError('PAYMENT_RECEIPT_PDF_UNAVAILABLE');
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${receipt.orderNo}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/workbench/applications/:id/fee',
    {
      config: { access: access.staff('window_clerk', 'reviewer', 'approver', 'office_admin') },
      schema: {
        tags: ['workbench'],
        summary:
          'The fee (办事费用) of an application of my offices: amount, paid or not, when and by which order',
        params: IdParams,
        response: { 200: ApplicationFeeStatusSchema },
      },
    },
    async (request) => applicationFeeForStaff(db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/v1/payments/receipts/check',
    {
      config: { access: access.public, rateLimit: publicRateLimit },
      schema: {
        tags: ['payments'],
        summary:
          'Check a payment receipt by its order number and check code (the payer masked, items, amounts, time)',
        querystring: ReceiptCheckQuerySchema,
        response: { 200: ReceiptCheckSchema },
      },
    },
    async (request) => checkReceipt(db, request.query.orderNo, request.query.code),
  );
};
