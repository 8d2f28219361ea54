import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import type { SessionResolver } from '../../platform/auth/auth-plugin.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

const LAST_SEEN_RESOLUTION_MS = 60_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns the raw token (only its hash is stored). */
export async function createSession(
  db: Db | Transaction<Database>,
  input: { userId: string; ttlHours: number; userAgent: string | null; ip: string | null },
): Promise<{ token: string; sessionId: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000).toISOString();
  const sessionId = uuidv7();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      tokenHash: hashToken(token),
      userId: input.userId,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip,
    })
    .execute();
  return { token, sessionId, expiresAt };
}

/** Resolves session cookies into principals, with staff assignments and admin flag. */
export class DbSessionResolver implements SessionResolver {
  constructor(private readonly db: Db) {}

  async resolve(token: string): Promise<Principal | null> {
    const now = nowIso();
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.userId')
      .select([
        's.id as sessionId',
        's.csrfToken',
        's.lastSeenAt',
        'u.id as userId',
        'u.username',
        'u.kind',
        'u.displayName',
        'u.personId',
      ])
      .where('s.tokenHash', '=', hashToken(token))
      .where('s.revokedAt', 'is', null)
      .where('s.expiresAt', '>', now)
      .where('u.disabledAt', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    if (Date.now() - Date.parse(row.lastSeenAt) > LAST_SEEN_RESOLUTION_MS) {
      await this.db
        .updateTable('sessions')
        .set({ lastSeenAt: now })
        .where('id', '=', row.sessionId)
        .execute();
    }
    const staff = await this.db
      .selectFrom('staffRoles as r')
      .innerJoin('offices as o', 'o.id', 'r.officeId')
      .select(['r.officeId', 'r.role', 'o.departmentCode', 'o.districtCode', 'o.streetCode'])
      .where('r.userId', '=', row.userId)
      .orderBy('r.officeId')
      .orderBy('r.role')
      .execute();
    return {
      userId: row.userId,
      username: row.username,
      kind: row.kind,
      displayName: row.displayName,
      personId: row.personId,
      isAdmin: row.kind === 'admin',
      staff,
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
    };
  }
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  isCurrent: boolean;
}

/** The caller's own live sessions, newest first. */
export async function listOwnSessions(db: Db, principal: Principal): Promise<SessionView[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'userAgent', 'ip'])
    .where('userId', '=', principal.userId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', nowIso())
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, isCurrent: row.id === principal.sessionId }));
}

/** Revokes one of the caller's own sessions; someone else's session is "not found". */
export async function revokeOwnSession(
  db: Db | Transaction<Database>,
  principal: Principal,
  sessionId: string,
): Promise<void> {
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: nowIso() })
    .where('id', '=', sessionId)
    .where('userId', '=', principal.userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('SESSION_NOT_FOUND');
}
