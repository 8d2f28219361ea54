// The provider's keys, kept in the database so every process signs and verifies with the same
// ones: RS256 signing keys for ID tokens (published at the JWKS endpoint; after a rotation the
// old key stops signing but stays published until every token it signed has expired) and the
// keys its cookies are signed with (unless TONGBAN_OIDC_COOKIE_KEYS names them).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import { uuidv7 } from 'uuidv7';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';

/**
 * How long a retired signing key stays published: longer than anything it signed lives
 * (ID tokens: 1 hour; the margin covers clients that cache the JWKS for a day).
 */
export const RETIRED_KEY_PUBLISHED_MS = 2 * 86_400_000;

function newSigningKey(): { id: string; jwk: JWK } {
  const id = uuidv7();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: id, alg: 'RS256', use: 'sig' };
  return { id, jwk };
}

export interface ProviderKeys {
  /** Private JWKs, newest (the one that signs) first. */
  signing: JWK[];
  /** Cookie keys, newest first. */
  cookie: string[];
  /** Changes whenever the set of keys changes (processes rebuild their provider on it). */
  stamp: string;
}

/** The keys in force, making the first signing key and cookie key when there are none. */
export async function loadProviderKeys(db: Db, configuredCookieKeys?: string[]): Promise<ProviderKeys> {
  const at = nowIso();
  const read = () =>
    db
      .selectFrom('openPlatformKeys')
      .selectAll()
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', at)]))
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
  let rows = await read();
  const needsSigning = !rows.some((r) => r.kind === 'signing' && r.retiredAt === null);
  const needsCookie = !configuredCookieKeys && !rows.some((r) => r.kind === 'cookie');
  if (needsSigning || needsCookie) {
    await db.transaction().execute(async (trx) => {
      // Another process may have made them meanwhile: check again inside the transaction.
      const again = await trx.selectFrom('openPlatformKeys').select(['kind', 'retiredAt']).execute();
      if (needsSigning && !again.some((r) => r.kind === 'signing' && r.retiredAt === null)) {
        const key = newSigningKey();
        await trx
          .insertInto('openPlatformKeys')
          .values({
            id: key.id,
            kind: 'signing',
            alg: 'RS256',
            secret: JSON.stringify(key.jwk),
            createdAt: at,
            retiredAt: null,
            expiresAt: null,
          })
          .execute();
      }
      if (needsCookie && !again.some((r) => r.kind === 'cookie')) {
        await trx
          .insertInto('openPlatformKeys')
          .values({
            id: uuidv7(),
            kind: 'cookie',
            alg: 'HS256',
            secret: randomBytes(32).toString('base64url'),
            createdAt: at,
            retiredAt: null,
            expiresAt: null,
          })
          .execute();
      }
    });
    rows = await read();
  }
  const signing = rows
    .filter((r) => r.kind === 'signing')
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null));
  return {
    signing: signing.map((r) => JSON.parse(r.secret) as JWK),
    cookie: configuredCookieKeys ?? rows.filter((r) => r.kind === 'cookie').map((r) => r.secret),
    stamp: rows.map((r) => `${r.id}:${r.retiredAt ?? ''}`).join(','),
  };
}

/** The stamp of the keys in force, cheap enough to check before requests. */
export async function providerKeysStamp(db: Db): Promise<string> {
  const at = nowIso();
  const rows = await db
    .selectFrom('openPlatformKeys')
    .select(['id', 'retiredAt'])
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', at)]))
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => `${r.id}:${r.retiredAt ?? ''}`).join(',');
}

/**
 * Rotates the ID-token signing key: a new key signs from now on; the previous ones stop signing
 * and stay published for RETIRED_KEY_PUBLISHED_MS so tokens they signed still verify. Audited.
 */
export async function rotateSigningKey(
  db: Db,
  actor: AuditActor | null,
  requestId?: string,
): Promise<{ keyId: string; retiredKeyIds: string[] }> {
  const at = nowIso();
  const key = newSigningKey();
  const expiresAt = new Date(Date.now() + RETIRED_KEY_PUBLISHED_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const retired = await trx
      .selectFrom('openPlatformKeys')
      .select('id')
      .where('kind', '=', 'signing')
      .where('retiredAt', 'is', null)
      .execute();
    if (retired.length) {
      await trx
        .updateTable('openPlatformKeys')
        .set({ retiredAt: at, expiresAt })
        .where(
          'id',
          'in',
          retired.map((r) => r.id),
        )
        .execute();
    }
    await trx
      .insertInto('openPlatformKeys')
      .values({
        id: key.id,
        kind: 'signing',
        alg: 'RS256',
        secret: JSON.stringify(key.jwk),
        createdAt: at,
        retiredAt: null,
        expiresAt: null,
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'open_platform.signing_key.rotate',
      objectType: 'open_platform_key',
      objectId: key.id,
      requestId,
      details: { retiredKeyIds: retired.map((r) => r.id), retiredKeysPublishedUntil: expiresAt },
    });
    return { keyId: key.id, retiredKeyIds: retired.map((r) => r.id) };
  });
}
