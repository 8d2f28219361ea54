// A facility's self-service terminals: listed, added and retired by its street's operators (and
// platform admins), each change audited. A retired terminal's transactions are refused at ingest.
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { FacilityTable } from './facilities.tables.ts';
import { findFacilityByCode } from './facilities.repository.ts';
import { forgetFacilityDevices } from './facility-device-cache.ts';
import { canManageFacility, facilityActor } from './facility-keys.service.ts';

async function managedFacility(db: Db, principal: Principal, code: string): Promise<FacilityTable> {
  const facility = await findFacilityByCode(db, code);
  if (!facility) throw new AppError('FACILITY_NOT_FOUND');
  if (!canManageFacility(principal, facility)) throw new AppError('AUTH_FORBIDDEN');
  return facility;
}

/** The facility's terminals, active first, with whether a device key is in use. */
export async function listTerminals(db: Db, principal: Principal, code: string) {
  const facility = await managedFacility(db, principal, code);
  const [terminals, key] = await Promise.all([
    db
      .selectFrom('facilityTerminals')
      .select(['id', 'model', 'installedOn', 'status', 'retiredOn'])
      .where('facilityId', '=', facility.id)
      .orderBy('status')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('facilityKeys')
      .select(['id', 'createdAt'])
      .where('facilityId', '=', facility.id)
      .where('revokedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    facilityCode: facility.code,
    facilityName: facility.name,
    deviceKey: key ? { keyId: key.id, createdAt: key.createdAt } : null,
    terminals,
  };
}

/** Adds a terminal; its id is `T-<facility code>-<n>`, the next free number. */
export async function addTerminal(
  db: Db,
  principal: Principal,
  code: string,
  input: { model: string; installedOn: string },
  context: { requestId?: string } = {},
) {
  const facility = await managedFacility(db, principal, code);
  const terminal = await db.transaction().execute(async (trx) => {
    const prefix = `T-${facility.code}-`;
    const ids = await trx
      .selectFrom('facilityTerminals')
      .select('id')
      .where('facilityId', '=', facility.id)
      .where('id', 'like', `${prefix}%`)
      .execute();
    const next = ids.reduce((max, row) => Math.max(max, Number(row.id.slice(prefix.length)) || 0), 0) + 1;
    const row = {
      id: `${prefix}${next}`,
      facilityId: facility.id,
      ...input,
      status: 'active' as const,
      retiredOn: null,
    };
    await trx.insertInto('facilityTerminals').values(row).execute();
    await appendAudit(trx, {
      actor: facilityActor(principal, facility.streetCode),
      action: 'facility.terminal.add',
      objectType: 'facility',
      objectId: facility.code,
      requestId: context.requestId,
      details: { terminalId: row.id, model: input.model, installedOn: input.installedOn },
    });
    return row;
  });
  forgetFacilityDevices(db, facility.id);
  const { facilityId: _, ...view } = terminal;
  return view;
}

/** Retires a terminal (kept for the record); its transactions are no longer accepted. */
export async function retireTerminal(
  db: Db,
  principal: Principal,
  code: string,
  terminalId: string,
  input: { retiredOn: string },
  context: { requestId?: string } = {},
) {
  const facility = await managedFacility(db, principal, code);
  const terminal = await db
    .selectFrom('facilityTerminals')
    .select(['id', 'model', 'installedOn', 'status'])
    .where('facilityId', '=', facility.id)
    .where('id', '=', terminalId)
    .executeTakeFirst();
  if (!terminal) throw new AppError('FACILITY_TERMINAL_NOT_FOUND');
  if (terminal.status === 'retired') throw new AppError('FACILITY_TERMINAL_RETIRED');
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('facilityTerminals')
      .set({ status: 'retired', retiredOn: input.retiredOn })
      .where('id', '=', terminalId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('FACILITY_TERMINAL_RETIRED');
    await appendAudit(trx, {
      actor: facilityActor(principal, facility.streetCode),
      action: 'facility.terminal.retire',
      objectType: 'facility',
      objectId: facility.code,
      requestId: context.requestId,
      details: { terminalId, retiredOn: input.retiredOn },
    });
  });
  forgetFacilityDevices(db, facility.id);
  return { ...terminal, status: 'retired' as const, retiredOn: input.retiredOn };
}
