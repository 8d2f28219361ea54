// Kiosk sessions: a random token that lives only in the kiosk page's memory and is sent as
// `x-kiosk-session` together with the terminal's own credentials. It is never a cookie, so it is
// worth nothing outside the kiosk API, and it is bound to the terminal it was made at.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { AppConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { residentPrincipal } from '../identity/resident-accounts.ts';
import type { KioskSessionEndReason, KioskSignInMethod } from './kiosk.tables.ts';
import type { KioskTerminal } from './kiosk-terminal.ts';

export const KIOSK_SESSION_HEADER = 'x-kiosk-session';

export type KioskTimings = Pick<AppConfig, 'kioskSessionIdleSeconds' | 'kioskSessionMaxMinutes'>;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface KioskSignIn {
  token: string;
  sessionId: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
  displayName: string;
}

/**
 * Opens a resident's session at a terminal, in the caller's transaction. Any session still open at
 * that terminal ends first ("replaced"): one resident at a time stands at a kiosk.
 */
export async function openKioskSession(
  db: Db,
  input: {
    userId: string;
    terminal: KioskTerminal;
    method: KioskSignInMethod;
    timings: KioskTimings;
    requestId: string;
  },
): Promise<KioskSignIn> {
  const sessionId = uuidv7();
  // The account may have been disabled since the code was sent or the QR token made.
  const principal = await residentPrincipal(db, input.userId, sessionId);
  if (!principal) throw new AppError('KIOSK_SESSION_INVALID');
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.timings.kioskSessionMaxMinutes * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kioskSessions')
      .set({ endedAt: now.toISOString(), endReason: 'replaced' })
      .where('terminalId', '=', input.terminal.terminalId)
      .where('endedAt', 'is', null)
      .execute();
    await trx
      .insertInto('kioskSessions')
      .values({
        id: sessionId,
        tokenHash: sha256(token),
        userId: input.userId,
        facilityId: input.terminal.facilityId,
        terminalId: input.terminal.terminalId,
        method: input.method,
        createdAt: now.toISOString(),
        lastActivityAt: now.toISOString(),
        expiresAt,
        endedAt: null,
        endReason: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: input.userId, name: principal.displayName },
      action: 'kiosk.sign_in',
      objectType: 'kiosk_session',
      objectId: sessionId,
      requestId: input.requestId,
      details: {
        method: input.method,
        facilityCode: input.terminal.facilityCode,
        terminalId: input.terminal.terminalId,
      },
    });
  });
  return {
    token,
    sessionId,
    expiresAt,
    idleTimeoutSeconds: input.timings.kioskSessionIdleSeconds,
    displayName: principal.displayName,
  };
}

/**
 * The resident signed in at this terminal with the request's `x-kiosk-session` token. Refuses a
 * missing, unknown, ended or expired token and a token made at another terminal (all
 * KIOSK_SESSION_INVALID); a session idle too long is ended ("idle") here. Each use counts as activity.
 */
export async function resolveKioskSession(
  db: Db,
  request: FastifyRequest,
  terminal: KioskTerminal,
  timings: KioskTimings,
): Promise<Principal> {
  const token = request.headers[KIOSK_SESSION_HEADER];
  if (typeof token !== 'string' || token.length === 0 || token.length > 100)
    throw new AppError('KIOSK_SESSION_INVALID');
  const session = await db
    .selectFrom('kioskSessions')
    .selectAll()
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirst();
  if (!session || session.endedAt !== null || session.terminalId !== terminal.terminalId)
    throw new AppError('KIOSK_SESSION_INVALID');
  const now = new Date();
  const idleUntil = Date.parse(session.lastActivityAt) + timings.kioskSessionIdleSeconds * 1000;
  if (now.getTime() >= idleUntil || now.toISOString() >= session.expiresAt) {
    await endSession(db, session.id, 'idle', now);
    throw new AppError('KIOSK_SESSION_INVALID');
  }
  const principal = await residentPrincipal(db, session.userId, session.id);
  if (!principal) {
    await endSession(db, session.id, 'sign_out', now);
    throw new AppError('KIOSK_SESSION_INVALID');
  }
  await db
    .updateTable('kioskSessions')
    .set({ lastActivityAt: now.toISOString() })
    .where('id', '=', session.id)
    .where('endedAt', 'is', null)
    .execute();
  return principal;
}

async function endSession(db: Db, sessionId: string, reason: KioskSessionEndReason, now: Date) {
  await db
    .updateTable('kioskSessions')
    .set({ endedAt: now.toISOString(), endReason: reason })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .execute();
}

/**
 * Ends the request's kiosk session at this terminal (the resident signed out, or the kiosk's idle
 * countdown ran out). Ending a session that is already over is not an error: the page clears itself
 * either way.
 */
export async function endKioskSession(
  db: Db,
  request: FastifyRequest,
  terminal: KioskTerminal,
  reason: 'sign_out' | 'idle',
): Promise<{ ended: boolean }> {
  const token = request.headers[KIOSK_SESSION_HEADER];
  if (typeof token !== 'string' || token.length === 0 || token.length > 100) return { ended: false };
  const session = await db
    .selectFrom('kioskSessions')
    .select(['id', 'userId', 'endedAt', 'terminalId'])
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirst();
  if (!session || session.terminalId !== terminal.terminalId || session.endedAt !== null)
    return { ended: false };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kioskSessions')
      .set({ endedAt: new Date().toISOString(), endReason: reason })
      .where('id', '=', session.id)
      .where('endedAt', 'is', null)
      .execute();
    await appendAudit(trx, {
      actor: null,
      action: 'kiosk.sign_out',
      objectType: 'kiosk_session',
      objectId: session.id,
      requestId: request.id,
      details: { reason, terminalId: terminal.terminalId },
    });
  });
  return { ended: true };
}
