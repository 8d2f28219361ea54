import { Type } from 'typebox';
import { FACILITY_KEY_HEADER } from '../facilities/facility-keys.service.ts';
import { KIOSK_SESSION_HEADER } from './kiosk-sessions.service.ts';
import { KIOSK_TERMINAL_HEADER } from './kiosk-terminal.ts';

/** Every kiosk call carries the terminal's credentials; calls after sign-in also the session token. */
export const TerminalHeaders = Type.Object({
  [FACILITY_KEY_HEADER]: Type.Optional(
    Type.String({ maxLength: 200, description: "the facility's device key" }),
  ),
  [KIOSK_TERMINAL_HEADER]: Type.Optional(
    Type.String({ maxLength: 64, description: 'one of the facility’s terminal ids' }),
  ),
});

export const SessionHeaders = Type.Object({
  ...TerminalHeaders.properties,
  [KIOSK_SESSION_HEADER]: Type.Optional(
    Type.String({ maxLength: 100, description: 'the kiosk session token from sign-in (never a cookie)' }),
  ),
});

export const KIOSK_REGISTERS = ['medical-insurance', 'social-insurance', 'housing-fund'] as const;
export type KioskRegister = (typeof KIOSK_REGISTERS)[number];

export const KioskRegisterSchema = Type.Unsafe<KioskRegister>({ type: 'string', enum: [...KIOSK_REGISTERS] });

export const KioskSignInSchema = Type.Object({
  token: Type.String({ description: 'send as `x-kiosk-session`; keep in memory only' }),
  expiresAt: Type.String({ description: 'the latest the session can last, however active' }),
  idleTimeoutSeconds: Type.Integer({
    description: 'the server ends the session after this long without a call',
  }),
  displayName: Type.String(),
});

export const CardChallengeSchema = Type.Object({
  challengeId: Type.String(),
  phoneMasked: Type.String(),
  expiresAt: Type.String(),
  demoSms: Type.Optional(
    Type.Object(
      { to: Type.String(), text: Type.String() },
      { description: 'DEMO ONLY (TONGBAN_KIOSK_DEMO_SMS): the message that would have been sent' },
    ),
  ),
});

export const TerminalServiceSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  promisedTimeLimitDays: Type.Union([Type.Integer(), Type.Null()]),
  availability: Type.Unsafe<'apply' | 'query' | 'payment' | 'materials' | 'enterprise'>({
    type: 'string',
    enum: ['apply', 'query', 'payment', 'materials', 'enterprise'],
    description:
      'apply: can be applied for here; query: a query (see the kiosk’s queries); payment: not yet at terminals; materials: needs documents to upload; enterprise: for enterprises',
  }),
});
