// Per-facility device keys: a device proves which facility it belongs to with `x-facility-key`.
// Only the SHA-256 of a key is stored; rotating issues a new key (shown once) and revokes the old.
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { FacilityTable } from './facilities.tables.ts';
import { findFacilityByCode } from './facilities.repository.ts';
import {
  cachedDevice,
  forgetFacilityDevices,
  rememberDevice,
  type CachedDevice,
} from './facility-device-cache.ts';

export const FACILITY_KEY_HEADER = 'x-facility-key';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The streets or towns whose street office the principal is an operator of. */
export function operatedStreets(principal: Principal): string[] {
  return principal.staff.flatMap((post) =>
    post.role === 'operator' && post.departmentCode === 'street-office' && post.streetCode
      ? [post.streetCode]
      : [],
  );
}

/** Platform admins, and operators of the street office of that street or town. */
export function canManageStreet(principal: Principal, streetCode: string): boolean {
  return principal.isAdmin || operatedStreets(principal).includes(streetCode);
}

/** Platform admins, and operators of the street office of the facility's street or town. */
export function canManageFacility(
  principal: Principal,
  facility: Pick<FacilityTable, 'streetCode'>,
): boolean {
  return canManageStreet(principal, facility.streetCode);
}

/** The audit actor of a facility write: the user, acting for their office in that street. */
export function facilityActor(principal: Principal, streetCode: string) {
  return {
    userId: principal.userId,
    name: principal.displayName,
    officeId: principal.staff.find((post) => post.streetCode === streetCode)?.officeId ?? null,
  };
}

/**
 * Issues a new device key for the facility and revokes every earlier one, in one transaction
 * with its audit record. The key is returned here and never again.
 */
export async function rotateFacilityKey(
  db: Db,
  principal: Principal,
  code: string,
  context: { requestId?: string; now?: Date } = {},
): Promise<{ facilityCode: string; keyId: string; key: string; createdAt: string; revoked: number }> {
  const facility = await findFacilityByCode(db, code);
  if (!facility) throw new AppError('FACILITY_NOT_FOUND');
  if (!canManageFacility(principal, facility)) throw new AppError('AUTH_FORBIDDEN');
  const key = `fk_${randomBytes(32).toString('base64url')}`;
  const keyId = uuidv7();
  const createdAt = (context.now ?? new Date()).toISOString();
  const revoked = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('facilityKeys')
      .set({ revokedAt: createdAt })
      .where('facilityId', '=', facility.id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    await trx
      .insertInto('facilityKeys')
      .values({
        id: keyId,
        facilityId: facility.id,
        keyHash: hashKey(key),
        createdAt,
        createdByUserId: principal.userId,
        revokedAt: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: facilityActor(principal, facility.streetCode),
      action: 'facility.key.rotate',
      objectType: 'facility',
      objectId: facility.code,
      requestId: context.requestId,
      details: { keyId, revoked: Number(result.numUpdatedRows) },
    });
    return Number(result.numUpdatedRows);
  });
  forgetFacilityDevices(db, facility.id);
  return { facilityCode: facility.code, keyId, key, createdAt, revoked };
}

export type FacilityDevice = CachedDevice;

/**
 * The facility a device key belongs to, with its active terminals; FACILITY_KEY_INVALID when
 * missing, unknown or revoked. Answers from a short-lived cache (facility-device-cache.ts).
 */
export async function authenticateFacilityKey(db: Db, key: string | undefined): Promise<FacilityDevice> {
  if (!key || key.length > 200) throw new AppError('FACILITY_KEY_INVALID');
  const keyHash = hashKey(key);
  const cached = cachedDevice(db, keyHash);
  if (cached) return cached;
  const row = await db
    .selectFrom('facilityKeys as k')
    .innerJoin('facilities as f', 'f.id', 'k.facilityId')
    .select(['f.id as facilityId', 'f.code as facilityCode'])
    .where('k.keyHash', '=', keyHash)
    .where('k.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('FACILITY_KEY_INVALID');
  const terminals = await db
    .selectFrom('facilityTerminals')
    .select('id')
    .where('facilityId', '=', row.facilityId)
    .where('status', '=', 'active')
    .execute();
  const device = { ...row, terminalIds: new Set(terminals.map((terminal) => terminal.id)) };
  rememberDevice(db, keyHash, device);
  return device;
}
