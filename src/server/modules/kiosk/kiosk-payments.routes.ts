import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import {
  CreatePaymentResultSchema,
  IdParamsSchema,
  PayableListSchema,
  PaymentOrderDetailSchema,
} from '../../../contracts/api/payments.ts';
import { ReceiptViewSchema } from '../../../contracts/api/payment-receipts.ts';
import { createPayment, getOrderForPayer } from '../payments/orders.service.ts';
import { listPayables } from '../payments/payables.service.ts';
import { getReceipt } from '../payments/receipts/receipts.service.ts';
import { resolveKioskSession } from './kiosk-sessions.service.ts';
import { authenticateTerminal, recordTerminalTransaction, type KioskTerminal } from './kiosk-terminal.ts';
import { SessionHeaders } from './kiosk.schemas.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const KIOSK = { access: access.public, csrf: false } as const;

/**
 * 生活缴费 at the self-service terminal (`/api/v1/kiosk/me/payables`, `/api/v1/kiosk/payments/…`):
 * the same payables, orders and receipts as on the web, for the resident signed in at the
 * terminal. The terminal shows the provider's QR code for the resident's phone and the result.
 */
export const kioskPaymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const terminals = new WeakMap<FastifyRequest, KioskTerminal>();
  app.addHook('preValidation', async (request) => {
    if (request.url.startsWith('/api/v1/kiosk/'))
      terminals.set(request, await authenticateTerminal(db, request));
  });
  const resident = async (request: FastifyRequest) => {
    const terminal = terminals.get(request);
    if (!terminal) throw new AppError('KIOSK_TERMINAL_UNKNOWN');
    return { terminal, principal: await resolveKioskSession(db, request, terminal, deps.config) };
  };

  app.get(
    '/api/v1/kiosk/me/payables',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: "The signed-in resident's unpaid bills, fees and fines (as 生活缴费 lists them)",
        headers: SessionHeaders,
        response: { 200: PayableListSchema },
      },
    },
    async (request) => {
      const { terminal, principal } = await resident(request);
      const list = await listPayables(
        deps,
        principal,
        { status: 'unpaid' },
        pickLocale(request.headers['accept-language']),
        request.id,
      );
      await recordTerminalTransaction(db, terminal, 'query');
      return list;
    },
  );

  app.post(
    '/api/v1/kiosk/payments/orders',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          'Pay the chosen payables at the terminal: the order as on the web (channel terminal), with the QR ' +
          'content for the phone; a retry with the same Idempotency-Key answers the same order',
        headers: Type.Object({
          ...SessionHeaders.properties,
          'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })),
        }),
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
      const { principal } = await resident(request);
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
        throw new AppError('PAYMENT_IDEMPOTENCY_KEY_REQUIRED');
      const result = await createPayment(
        deps,
        principal,
        { payableIds: request.body.payableIds, channel: 'terminal' },
        key,
        request.id,
      );
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/v1/kiosk/payments/orders/:id',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: 'One payment of the signed-in resident, checked with the provider while it waits',
        headers: SessionHeaders,
        params: IdParamsSchema,
        response: { 200: PaymentOrderDetailSchema },
      },
    },
    async (request) => {
      const { principal } = await resident(request);
      return getOrderForPayer(deps, principal, request.params.id);
    },
  );

  app.get(
    '/api/v1/kiosk/payments/orders/:id/receipt',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: 'The receipt of a paid order of the signed-in resident, to show on the screen',
        headers: SessionHeaders,
        params: IdParamsSchema,
        response: { 200: ReceiptViewSchema },
      },
    },
    async (request) => {
      const { principal } = await resident(request);
      return getReceipt(deps, principal, request.params.id);
    },
  );
};
