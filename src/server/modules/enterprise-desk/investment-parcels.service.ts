// Zones and parcels: land on offer, with areas in m² and 亩 and what each parcel can carry.
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { assertDistrict } from './investment-access.ts';
import { sqmToMu } from './investment-matching.ts';
import type { DeskParcelTable, FitOut, ParcelLandUse, ParcelStatus } from './investment.tables.ts';
import { actorOf } from './investment.service.ts';

export interface ParcelView {
  id: string;
  code: string;
  areaSqm: number;
  areaMu: number;
  landUse: ParcelLandUse;
  status: ParcelStatus;
  maxFloorAreaSqm: number;
  powerCapacityKva: number;
  fitOut: FitOut;
  notes: string | null;
}

function presentParcel(row: DeskParcelTable): ParcelView {
  return {
    id: row.id,
    code: row.code,
    areaSqm: row.areaSqm,
    areaMu: sqmToMu(row.areaSqm),
    landUse: row.landUse,
    status: row.status,
    maxFloorAreaSqm: row.maxFloorAreaSqm,
    powerCapacityKva: row.powerCapacityKva,
    fitOut: row.fitOut,
    notes: row.notes,
  };
}

/**
 * Zones and parcels of the whole city: land on offer is matched for any district's prospects
 * (a 虹口 prospect may land in 临港). Parcels are not about any enterprise.
 */
export async function listZones(db: Db) {
  const zones = await db.selectFrom('deskZones').selectAll().orderBy('code').execute();
  const parcels = await db.selectFrom('deskParcels').selectAll().orderBy('code').execute();
  return zones.map((zone) => ({
    id: zone.id,
    code: zone.code,
    nameZh: zone.nameZh,
    nameEn: zone.nameEn,
    districtCode: zone.districtCode,
    parcels: parcels.filter((p) => p.zoneId === zone.id).map(presentParcel),
  }));
}

/** Sets a parcel's status (e.g. reserved for a prospect in talks); callers of the zone's district. */
export async function setParcelStatus(
  db: Db,
  principal: Principal,
  parcelId: string,
  input: { status: ParcelStatus; notes: string | null },
): Promise<ParcelView> {
  const parcel = await db
    .selectFrom('deskParcels as p')
    .innerJoin('deskZones as z', 'z.id', 'p.zoneId')
    .selectAll('p')
    .select('z.districtCode')
    .where('p.id', '=', parcelId)
    .executeTakeFirst();
  if (!parcel) throw new AppError('INVEST_PARCEL_NOT_FOUND');
  assertDistrict(principal, parcel.districtCode);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('deskParcels')
      .set({ status: input.status, notes: input.notes, updatedAt: nowIso() })
      .where('id', '=', parcelId)
      .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.parcel.status',
      objectType: 'desk_parcel',
      objectId: parcelId,
      details: { from: parcel.status, to: input.status },
    });
  });
  const row = await db
    .selectFrom('deskParcels')
    .selectAll()
    .where('id', '=', parcelId)
    .executeTakeFirstOrThrow();
  return presentParcel(row);
}
