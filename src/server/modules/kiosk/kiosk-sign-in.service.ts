// Signing in at a kiosk (ADR 0009): an ID card read plus a one-time code sent to the phone on the
// person's record, or a one-time QR token made in the web app by the signed-in resident.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { AppConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findResidentAccountByIdNumber } from '../identity/resident-accounts.ts';
import { openKioskSession, sha256, type KioskSignIn } from './kiosk-sessions.service.ts';
import type { KioskTerminal } from './kiosk-terminal.ts';
import { maskPhone, type SmsGateway } from './sms-gateway.ts';

/** Wrong codes a challenge survives; the next read of the card sends a new code. */
export const MAX_CODE_ATTEMPTS = 5;
/** The window the per-person and per-terminal code limits count over. */
const LIMIT_WINDOW_MINUTES = 15;
/** Codes one terminal may send per window, whoever's cards are read. */
const CODES_PER_TERMINAL = 30;
const QR_TOKEN_PREFIX = 'TBK1.';

export type KioskSignInConfig = Pick<
  AppConfig,
  | 'kioskCodeTtlSeconds'
  | 'kioskCodesPerPerson'
  | 'kioskQrTtlSeconds'
  | 'kioskSessionIdleSeconds'
  | 'kioskSessionMaxMinutes'
  | 'kioskDemoSms'
>;

export interface SignInDeps {
  db: Db;
  sms: SmsGateway;
  config: KioskSignInConfig;
}

export interface CardChallenge {
  challengeId: string;
  phoneMasked: string;
  expiresAt: string;
  /** DEMO ONLY (TONGBAN_KIOSK_DEMO_SMS): the text that was "sent", for the kiosk's demo panel. */
  demoSms?: { to: string; text: string };
}

const codeHash = (challengeId: string, code: string) => sha256(`${challengeId}:${code}`);

function smsText(code: string, minutes: number): string {
  return `【通办】您正在自助终端登录，验证码 ${code}，${minutes} 分钟内有效。如非本人操作请忽略。Your Tongban kiosk sign-in code is ${code}.`;
}

async function countSince(db: Db, column: 'userId' | 'terminalId', value: string, since: string) {
  const row = await db
    .selectFrom('kioskChallenges')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(column, '=', value)
    .where('createdAt', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Step one of card sign-in: the card's ID number names a resident account with a phone; a fresh
 * six-digit code goes to that phone. Limited per person and per terminal.
 */
export async function startCardSignIn(
  deps: SignInDeps,
  terminal: KioskTerminal,
  idNumber: string,
  requestId: string,
): Promise<CardChallenge> {
  const account = await findResidentAccountByIdNumber(deps.db, idNumber);
  if (!account || !account.phone) throw new AppError('KIOSK_CARD_NOT_REGISTERED');
  const now = new Date();
  const since = new Date(now.getTime() - LIMIT_WINDOW_MINUTES * 60_000).toISOString();
  if (
    (await countSince(deps.db, 'userId', account.userId, since)) >= deps.config.kioskCodesPerPerson ||
    (await countSince(deps.db, 'terminalId', terminal.terminalId, since)) >= CODES_PER_TERMINAL
  )
    throw new AppError('KIOSK_CODE_LIMIT', { minutes: LIMIT_WINDOW_MINUTES });
  const challengeId = uuidv7();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + deps.config.kioskCodeTtlSeconds * 1000).toISOString();
  const text = smsText(code, Math.max(1, Math.round(deps.config.kioskCodeTtlSeconds / 60)));
  // Stored before sending: a message that left is always counted against the limits.
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kioskChallenges')
      .values({
        id: challengeId,
        userId: account.userId,
        facilityId: terminal.facilityId,
        terminalId: terminal.terminalId,
        codeHash: codeHash(challengeId, code),
        createdAt: now.toISOString(),
        expiresAt,
        failedAttempts: 0,
        usedAt: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: null,
      action: 'kiosk.code.send',
      objectType: 'kiosk_challenge',
      objectId: challengeId,
      subjectPersonId: account.personId,
      requestId,
      details: { terminalId: terminal.terminalId, facilityCode: terminal.facilityCode },
    });
  });
  await deps.sms.send({ to: account.phone, text });
  const phoneMasked = maskPhone(account.phone);
  return {
    challengeId,
    phoneMasked,
    expiresAt,
    ...(deps.config.kioskDemoSms ? { demoSms: { to: phoneMasked, text } } : {}),
  };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Step two: the code from the phone, at the same terminal. A wrong code costs an attempt; the
 * last one kills the challenge. A right code is used once and opens the session.
 */
export async function confirmCardSignIn(
  deps: SignInDeps,
  terminal: KioskTerminal,
  input: { challengeId: string; code: string },
  requestId: string,
): Promise<KioskSignIn> {
  const challenge = await deps.db
    .selectFrom('kioskChallenges')
    .select(['id', 'userId', 'terminalId', 'codeHash', 'expiresAt', 'failedAttempts', 'usedAt'])
    .where('id', '=', input.challengeId)
    .executeTakeFirst();
  // Another terminal's challenge is as good as none: a code is only worth something where the card was read.
  if (!challenge || challenge.terminalId !== terminal.terminalId) throw new AppError('KIOSK_CODE_EXPIRED');
  const now = new Date();
  if (
    challenge.usedAt !== null ||
    challenge.failedAttempts >= MAX_CODE_ATTEMPTS ||
    now.toISOString() >= challenge.expiresAt
  )
    throw new AppError('KIOSK_CODE_EXPIRED');
  if (!sameHash(codeHash(challenge.id, input.code), challenge.codeHash)) {
    await deps.db
      .updateTable('kioskChallenges')
      .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) }))
      .where('id', '=', challenge.id)
      .execute();
    const remaining = MAX_CODE_ATTEMPTS - challenge.failedAttempts - 1;
    if (remaining <= 0) throw new AppError('KIOSK_CODE_EXPIRED');
    throw new AppError('KIOSK_CODE_INVALID', { remaining }, { remaining });
  }
  // Used once: only the request that flips usedAt goes on.
  const used = await deps.db
    .updateTable('kioskChallenges')
    .set({ usedAt: now.toISOString() })
    .where('id', '=', challenge.id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('KIOSK_CODE_EXPIRED');
  return openKioskSession(deps.db, {
    userId: challenge.userId,
    terminal,
    method: 'card_code',
    timings: deps.config,
    requestId,
  });
}

/**
 * A one-time QR sign-in token for the signed-in resident's web session (我的 → 在自助终端登录).
 * Only its hash is kept; it lasts `kioskQrTtlSeconds` and signs in once, at any authenticated terminal.
 */
export async function createQrToken(
  db: Db,
  config: Pick<AppConfig, 'kioskQrTtlSeconds'>,
  principal: Principal,
  requestId: string,
): Promise<{ token: string; expiresAt: string }> {
  if (principal.kind !== 'resident' || !principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const token = `${QR_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.kioskQrTtlSeconds * 1000).toISOString();
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kioskQrTokens')
      .values({
        id,
        tokenHash: sha256(token),
        userId: principal.userId,
        createdAt: now.toISOString(),
        expiresAt,
        usedAt: null,
        usedTerminalId: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'kiosk.qr_token.create',
      objectType: 'kiosk_qr_token',
      objectId: id,
      requestId,
    });
  });
  return { token, expiresAt };
}

/** Signs in with a QR token scanned at the terminal: unknown, used or expired tokens are refused alike. */
export async function signInWithQr(
  deps: SignInDeps,
  terminal: KioskTerminal,
  token: string,
  requestId: string,
): Promise<KioskSignIn> {
  if (!token.startsWith(QR_TOKEN_PREFIX)) throw new AppError('KIOSK_QR_INVALID');
  const now = new Date().toISOString();
  const row = await deps.db
    .selectFrom('kioskQrTokens')
    .select(['id', 'userId', 'expiresAt', 'usedAt'])
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.usedAt !== null || now >= row.expiresAt) throw new AppError('KIOSK_QR_INVALID');
  const used = await deps.db
    .updateTable('kioskQrTokens')
    .set({ usedAt: now, usedTerminalId: terminal.terminalId })
    .where('id', '=', row.id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('KIOSK_QR_INVALID');
  return openKioskSession(deps.db, {
    userId: row.userId,
    terminal,
    method: 'qr',
    timings: deps.config,
    requestId,
  });
}
