import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { listMyApplications } from '../applications/application-queries.ts';
import { ApplicationListItemSchema, ReceiptSchema } from '../../../contracts/api/applications.ts';
import { FacilityPageSchema } from '../facilities/facilities.schemas.ts';
import { readOwnRecord } from '../sharing/self-service.service.ts';
import {
  confirmCardSignIn,
  signInWithQr,
  startCardSignIn,
  type SignInDeps,
} from './kiosk-sign-in.service.ts';
import { endKioskSession, resolveKioskSession } from './kiosk-sessions.service.ts';
import { fileKioskApplication, kioskApplyForm, listTerminalServices } from './kiosk-services.service.ts';
import {
  authenticateTerminal,
  KIOSK_TERMINAL_HEADER,
  type KioskTerminal,
  recordTerminalTransaction,
  terminalFacility,
} from './kiosk-terminal.ts';
import {
  CardChallengeSchema,
  KioskRegisterSchema,
  KioskSignInSchema,
  SessionHeaders,
  TerminalHeaders,
  TerminalServiceSchema,
} from './kiosk.schemas.ts';
import { HttpSmsGateway, LogSmsGateway } from './sms-gateway.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
// Kiosk calls are authenticated by headers, not by the ambient cookie: CSRF does not apply, and
// the cookie gate lets them through so that the terminal's own credentials decide.
const KIOSK = { access: access.public, csrf: false } as const;

/**
 * The self-service terminal's API (`/api/v1/kiosk/...`): the terminal proves itself on every call
 * (facility device key + terminal id); a resident's calls also carry the kiosk session token.
 */
export const kioskRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const { config } = deps;
  const signInDeps: SignInDeps = {
    db,
    config,
    sms: config.smsUrl ? new HttpSmsGateway(config.smsUrl) : new LogSmsGateway(app.log),
  };
  // The terminal proves itself before the body is even looked at (as the session gate does for
  // other routes): a device without the key learns nothing about the kiosk API's schemas.
  const terminals = new WeakMap<FastifyRequest, KioskTerminal>();
  app.addHook('preValidation', async (request) => {
    terminals.set(request, await authenticateTerminal(db, request));
  });
  const terminalOf = (request: FastifyRequest): KioskTerminal => {
    const terminal = terminals.get(request);
    if (!terminal) throw new AppError('KIOSK_TERMINAL_UNKNOWN');
    return terminal;
  };
  const resident = async (request: FastifyRequest) => {
    const terminal = terminalOf(request);
    return { terminal, principal: await resolveKioskSession(db, request, terminal, config) };
  };

  app.get(
    '/api/v1/kiosk/terminal',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          'The terminal checks its set-up: its facility (hours, services) and the kiosk timings; no sign-in needed',
        headers: TerminalHeaders,
        response: {
          200: Type.Object({
            terminalId: Type.String(),
            facility: FacilityPageSchema,
            settings: Type.Object({
              idleSeconds: Type.Integer(),
              countdownSeconds: Type.Integer(),
              sessionIdleSeconds: Type.Integer(),
              demoSms: Type.Boolean(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const terminal = terminalOf(request);
      return {
        terminalId: terminal.terminalId,
        facility: await terminalFacility(db, terminal, pickLocale(request.headers['accept-language'])),
        settings: {
          idleSeconds: config.kioskIdleSeconds,
          countdownSeconds: config.kioskCountdownSeconds,
          sessionIdleSeconds: config.kioskSessionIdleSeconds,
          demoSms: config.kioskDemoSms,
        },
      };
    },
  );

  app.get(
    '/api/v1/kiosk/services',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: 'Services offered at terminals, each with what can be done at this kiosk; no sign-in needed',
        headers: TerminalHeaders,
        response: { 200: Type.Object({ items: Type.Array(TerminalServiceSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      return listTerminalServices(deps, pickLocale(request.headers['accept-language']));
    },
  );

  app.post(
    '/api/v1/kiosk/sign-in/card',
    {
      config: {
        ...KIOSK,
        rateLimit: {
          max: 20,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) =>
            `kiosk-card:${String(request.headers[KIOSK_TERMINAL_HEADER] ?? request.ip)}`,
        },
      },
      schema: {
        tags: ['kiosk'],
        summary:
          "Sign-in step 1: the ID card read at the terminal; a one-time code goes to the phone on the person's record",
        headers: TerminalHeaders,
        body: Type.Object(
          { idNumber: Type.String({ format: 'cn-id-number' }) },
          { additionalProperties: false },
        ),
        response: { 201: CardChallengeSchema },
      },
    },
    async (request, reply) => {
      const terminal = terminalOf(request);
      const challenge = await startCardSignIn(signInDeps, terminal, request.body.idNumber, request.id);
      return reply.status(201).send(challenge);
    },
  );

  app.post(
    '/api/v1/kiosk/sign-in/code',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: 'Sign-in step 2: the code from the phone, at the terminal where the card was read',
        headers: TerminalHeaders,
        body: Type.Object(
          {
            challengeId: Type.String({ minLength: 1, maxLength: 64 }),
            code: Type.String({ pattern: '^\\d{6}$' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: KioskSignInSchema },
      },
    },
    async (request, reply) => {
      const terminal = terminalOf(request);
      const session = await confirmCardSignIn(signInDeps, terminal, request.body, request.id);
      await recordTerminalTransaction(db, terminal, 'sign_in');
      return reply.status(201).send(session);
    },
  );

  app.post(
    '/api/v1/kiosk/sign-in/qr',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          "Sign in with the one-time QR token shown by the resident's web app (scanned at the terminal)",
        headers: TerminalHeaders,
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 201: KioskSignInSchema },
      },
    },
    async (request, reply) => {
      const terminal = terminalOf(request);
      const session = await signInWithQr(signInDeps, terminal, request.body.token, request.id);
      await recordTerminalTransaction(db, terminal, 'sign_in');
      return reply.status(201).send(session);
    },
  );

  app.get(
    '/api/v1/kiosk/session',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: 'Who is signed in at this terminal (the session token’s owner); counts as activity',
        headers: SessionHeaders,
        response: { 200: Type.Object({ displayName: Type.String() }) },
      },
    },
    async (request) => ({ displayName: (await resident(request)).principal.displayName }),
  );

  app.post(
    '/api/v1/kiosk/sign-out',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          'End the kiosk session: the resident signed out, or the idle countdown ran out; an ended session is not an error',
        headers: SessionHeaders,
        body: Type.Object(
          {
            reason: Type.Unsafe<'sign_out' | 'idle'>({ type: 'string', enum: ['sign_out', 'idle'] }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ended: Type.Boolean() }) },
      },
    },
    async (request) => {
      const terminal = terminalOf(request);
      return endKioskSession(db, request, terminal, request.body.reason);
    },
  );

  app.get(
    '/api/v1/kiosk/me/registers/:register',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          "The signed-in resident's own 医保 / 社保 / 公积金 record, through the sharing gateway (recorded in 用数记录)",
        headers: SessionHeaders,
        params: Type.Object({ register: KioskRegisterSchema }),
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
    async (request) => {
      const { terminal, principal } = await resident(request);
      const record = await readOwnRecord(
        { db, registers: deps.registers },
        principal,
        request.params.register,
        request.id,
      );
      await recordTerminalTransaction(db, terminal, 'query');
      return record;
    },
  );

  app.get(
    '/api/v1/kiosk/me/applications',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary: "The signed-in resident's applications and their status, newest first",
        headers: SessionHeaders,
        response: {
          200: Type.Object({ items: Type.Array(ApplicationListItemSchema), total: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const { terminal, principal } = await resident(request);
      const list = await listMyApplications(db, principal, { limit: 20, offset: 0 });
      await recordTerminalTransaction(db, terminal, 'query');
      return list;
    },
  );

  app.get(
    '/api/v1/kiosk/services/:id/form',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          "A service's application form for the signed-in resident, with what the registers already hold (only services that can be done at a terminal)",
        headers: SessionHeaders,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            code: Type.String(),
            nameZh: Type.String(),
            nameEn: Type.String(),
            form: Type.Object({ schema: Type.Unknown(), ui: Type.Unknown() }),
            prefill: Type.Record(
              Type.String(),
              Type.Object({
                value: Type.Unknown(),
                source: Type.Object({
                  register: Type.String(),
                  nameZh: Type.String(),
                  nameEn: Type.String(),
                }),
                locked: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { principal } = await resident(request);
      return kioskApplyForm(deps, principal, request.params.id, request.id);
    },
  );

  app.post(
    '/api/v1/kiosk/applications',
    {
      config: KIOSK,
      schema: {
        tags: ['kiosk'],
        summary:
          'File an application at the terminal (channel `terminal`); a retried request with the same Idempotency-Key returns the same one',
        headers: Type.Object({
          ...SessionHeaders.properties,
          'idempotency-key': Type.Optional(Type.String()),
        }),
        body: Type.Object(
          {
            serviceId: Type.String({ minLength: 1, maxLength: 64 }),
            data: Type.Record(Type.String(), Type.Unknown()),
            prefilledFields: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReceiptSchema, 201: ReceiptSchema },
      },
    },
    async (request, reply) => {
      const { terminal, principal } = await resident(request);
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
        throw new AppError('APPLICATION_IDEMPOTENCY_KEY_REQUIRED');
      const { receipt, replayed } = await fileKioskApplication(deps, principal, request.body, {
        idempotencyKey: key,
        locale: pickLocale(request.headers['accept-language']),
        requestId: request.id,
      });
      if (!replayed) await recordTerminalTransaction(db, terminal, 'application');
      return reply.code(replayed ? 200 : 201).send(receipt);
    },
  );
};
