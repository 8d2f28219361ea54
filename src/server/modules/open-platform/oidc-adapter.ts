// Storage of the OpenID Connect provider (oidc-provider's Adapter interface) over Kysely: one
// table for every model (codes, tokens, grants, sessions, interactions), keyed by (model, id),
// with the expiry honoured on read, `consumed` kept for one-time codes and refresh-token
// rotation, and revokeByGrantId for revocation of everything a grant issued. Clients are not
// stored here: the `Client` model reads the reviewed apps (open-platform-clients.ts).
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { nowIso, type Db } from '../../platform/db/database.ts';

/** Models whose rows carry a grantId, so revokeByGrantId reaches them. */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'ClientCredentials',
  'BackchannelAuthenticationRequest',
  'Grant',
]);

const expiryOf = (expiresIn: number | undefined): string | null =>
  expiresIn ? new Date(Date.now() + expiresIn * 1000).toISOString() : null;

/** One model's storage. */
export class KyselyOidcAdapter implements Adapter {
  constructor(
    private readonly db: Db,
    private readonly model: string,
    /** Checked on every read: a false answer makes the stored payload count as gone. */
    private readonly isAlive?: (payload: AdapterPayload) => Promise<boolean>,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const row = {
      model: this.model,
      id,
      payload: JSON.stringify(payload),
      grantId: GRANTABLE.has(this.model) ? (payload.grantId ?? null) : null,
      userCode: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expiresAt: expiryOf(expiresIn),
      consumedAt: null,
    };
    await this.db
      .insertInto('oidcPayloads')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['model', 'id']).doUpdateSet({
          payload: row.payload,
          grantId: row.grantId,
          userCode: row.userCode,
          uid: row.uid,
          expiresAt: row.expiresAt,
        }),
      )
      .execute();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('id', id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('uid', uid);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('userCode', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.db
      .updateTable('oidcPayloads')
      .set({ consumedAt: nowIso() })
      .where('model', '=', this.model)
      .where('id', '=', id)
      .execute();
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom('oidcPayloads').where('model', '=', this.model).where('id', '=', id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.deleteFrom('oidcPayloads').where('grantId', '=', grantId).execute();
  }

  private async findWhere(
    column: 'id' | 'uid' | 'userCode',
    value: string,
  ): Promise<AdapterPayload | undefined> {
    const row = await this.db
      .selectFrom('oidcPayloads')
      .select(['payload', 'expiresAt', 'consumedAt'])
      .where('model', '=', this.model)
      .where(column, '=', value)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.expiresAt !== null && row.expiresAt <= nowIso()) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    if (this.isAlive && !(await this.isAlive(payload))) return undefined;
    // oidc-provider reads `consumed` (epoch seconds) to refuse a second use.
    return row.consumedAt ? { ...payload, consumed: Math.floor(Date.parse(row.consumedAt) / 1000) } : payload;
  }
}

/** Removes expired rows (the provider never reads them; this keeps the table small). */
export async function purgeExpiredOidcPayloads(db: Db): Promise<number> {
  const result = await db.deleteFrom('oidcPayloads').where('expiresAt', '<=', nowIso()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
