import { uuidv7 } from 'uuidv7';
import type { AppConfig } from '../../platform/config.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { normaliseIdNumber } from '../../../contracts/id-number.ts';
import type { RealNameVerifier } from './real-name-verifier.ts';
import { createSession, revokeOwnSession } from './sessions.service.ts';

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
  requestId: string;
}

export interface LoginResult {
  token: string;
  userId: string;
  expiresAt: string;
}

// Verifying against a real hash when the user does not exist keeps the response time the
// same, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/**
 * Password sign-in. Counts failures per account and locks it for `lockoutMinutes` after
 * `loginMaxFailures` in a row; every attempt is audited.
 */
export async function login(
  db: Db,
  config: AppConfig,
  input: { username: string; password: string },
  client: ClientInfo,
): Promise<LoginResult> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    await appendAudit(db, {
      actor: null,
      action: 'auth.login.failed',
      requestId: client.requestId,
      details: { username: input.username.slice(0, 64), reason: 'unknown-user', ip: client.ip },
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const now = new Date();
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    throw new AppError(
      'AUTH_ACCOUNT_LOCKED',
      { until: formatShanghaiTime(user.lockedUntil) },
      {
        lockedUntil: user.lockedUntil,
      },
    );
  }
  if (user.disabledAt) throw new AppError('AUTH_ACCOUNT_DISABLED');
  const actor = { userId: user.id, name: user.displayName };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLoginCount + 1;
    const locks = failures >= config.loginMaxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failedLoginCount: locks ? 0 : failures, lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, {
        actor,
        action: locks ? 'auth.account.locked' : 'auth.login.failed',
        objectType: 'user',
        objectId: user.id,
        subjectPersonId: user.personId,
        requestId: client.requestId,
        details: { failures, ip: client.ip, ...(lockedUntil ? { lockedUntil } : {}) },
      });
    });
    if (lockedUntil) {
      throw new AppError('AUTH_ACCOUNT_LOCKED', { until: formatShanghaiTime(lockedUntil) }, { lockedUntil });
    }
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(trx, {
      userId: user.id,
      ttlHours: config.sessionTtlHours,
      userAgent: client.userAgent,
      ip: client.ip,
    });
    await appendAudit(trx, {
      actor,
      action: 'auth.login',
      objectType: 'session',
      objectId: session.sessionId,
      subjectPersonId: user.personId,
      requestId: client.requestId,
      details: { ip: client.ip },
    });
    return { token: session.token, userId: user.id, expiresAt: session.expiresAt };
  });
}

/** Ends the caller's current session. */
export async function logout(db: Db, principal: Principal, client: ClientInfo): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await revokeOwnSession(trx, principal, principal.sessionId);
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'auth.logout',
      objectType: 'session',
      objectId: principal.sessionId,
      subjectPersonId: principal.personId,
      requestId: client.requestId,
    });
  });
}

export interface RegistrationInput {
  username: string;
  password: string;
  name: string;
  idNumber: string;
  phone: string;
}

/**
 * Resident self-registration with real-name verification: the person record is created from
 * the verified identity (address from the population register), then an account and a session.
 */
export async function registerResident(
  db: Db,
  config: AppConfig,
  verifier: RealNameVerifier,
  input: RegistrationInput,
  client: ClientInfo,
): Promise<LoginResult> {
  const idNumber = normaliseIdNumber(input.idNumber);
  const verification = await verifier.verify({ name: input.name.trim(), idNumber });
  if (!verification.ok) {
    await appendAudit(db, {
      actor: null,
      action: 'identity.verification.failed',
      requestId: client.requestId,
      details: { reason: verification.reason, ip: client.ip },
    });
    throw new AppError('IDENTITY_VERIFICATION_FAILED');
  }
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new AppError('USERNAME_TAKEN');
  const existingPerson = await db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.personId', 'p.id')
    .select('p.id')
    .where('p.idNumber', '=', idNumber)
    .executeTakeFirst();
  if (existingPerson) throw new AppError('PERSON_ALREADY_REGISTERED');
  const passwordHash = await hashPassword(input.password);
  const identity = verification.identity;
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    let person = await trx
      .selectFrom('people')
      .select('id')
      .where('idNumber', '=', idNumber)
      .executeTakeFirst();
    if (!person) {
      person = { id: uuidv7() };
      await trx
        .insertInto('people')
        .values({
          id: person.id,
          name: identity.name,
          idNumber,
          phone: input.phone,
          districtCode: identity.districtCode,
          streetCode: identity.streetCode,
          address: identity.address,
          verifiedAt: now,
          createdAt: now,
        })
        .execute();
    } else {
      await trx
        .updateTable('people')
        .set({ phone: input.phone, verifiedAt: now })
        .where('id', '=', person.id)
        .execute();
    }
    const userId = uuidv7();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        username: input.username,
        passwordHash,
        kind: 'resident',
        personId: person.id,
        displayName: identity.name,
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: now,
        disabledAt: null,
        createdAt: now,
      })
      .execute();
    const session = await createSession(trx, {
      userId,
      ttlHours: config.sessionTtlHours,
      userAgent: client.userAgent,
      ip: client.ip,
    });
    await appendAudit(trx, {
      actor: { userId, name: identity.name },
      action: 'identity.register',
      objectType: 'user',
      objectId: userId,
      subjectPersonId: person.id,
      fields: ['name', 'idNumber', 'phone'],
      purpose: 'real-name registration',
      requestId: client.requestId,
    });
    return { token: session.token, userId, expiresAt: session.expiresAt };
  });
}

/** "2026-11-24 21:15" in Asia/Shanghai, for messages people read. */
export function formatShanghaiTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
