// Loads zones, parcels, prospects (with their stage history) and fixed-asset figures given as
// data (the demo city's: demo/desk-invest.ts). Idempotent: nothing is loaded when zones exist.
import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type {
  DeskParcelTable,
  DeskProspectTable,
  FitOut,
  ParcelLandUse,
  ProspectStage,
} from './investment.tables.ts';

export interface DemoZone {
  code: string;
  nameZh: string;
  nameEn: string;
  districtCode: string;
  parcels: Omit<DeskParcelTable, 'id' | 'zoneId' | 'notes' | 'updatedAt'>[];
}

export interface DemoProspect {
  districtCode: string;
  name: string;
  industry: string;
  originCountry: string;
  /** Each stage reached, with its date, in order. */
  stages: [ProspectStage, string][];
  needFloorAreaSqm: number | null;
  needPowerKva: number | null;
  needFitOut: FitOut | null;
  needLandUse: ParcelLandUse | null;
  specialNeeds: string | null;
  plannedInvestmentFen: number | null;
  contractAmountFen: number | null;
  parcelCode: string | null;
}

export async function seedInvestment(
  db: Db,
  data: {
    zones: DemoZone[];
    prospects: DemoProspect[];
    fixedAsset: { districtCode: string; month: string; amountFen: number }[];
  },
): Promise<boolean> {
  const existing = await db.selectFrom('deskZones').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const parcelIds = new Map<string, string>();
    for (const zone of data.zones) {
      const zoneId = uuidv7();
      await trx
        .insertInto('deskZones')
        .values({
          id: zoneId,
          code: zone.code,
          nameZh: zone.nameZh,
          nameEn: zone.nameEn,
          districtCode: zone.districtCode,
          createdAt: at,
        })
        .execute();
      for (const parcel of zone.parcels) {
        const id = uuidv7();
        parcelIds.set(parcel.code, id);
        await trx
          .insertInto('deskParcels')
          .values({ id, zoneId, ...parcel, notes: null, updatedAt: at })
          .execute();
      }
    }
    for (const prospect of data.prospects) {
      const id = uuidv7();
      const last = prospect.stages[prospect.stages.length - 1]!;
      const signed = prospect.stages.find(([stage]) => stage === 'signed');
      const row: DeskProspectTable = {
        id,
        districtCode: prospect.districtCode,
        name: prospect.name,
        industry: prospect.industry,
        originCountry: prospect.originCountry,
        isForeign: prospect.originCountry === 'CN' ? 0 : 1,
        stage: last[0],
        needFloorAreaSqm: prospect.needFloorAreaSqm,
        needPowerKva: prospect.needPowerKva,
        needFitOut: prospect.needFitOut,
        needLandUse: prospect.needLandUse,
        specialNeeds: prospect.specialNeeds,
        plannedInvestmentFen: prospect.plannedInvestmentFen,
        contractAmountFen: signed ? prospect.contractAmountFen : null,
        signedOn: signed ? signed[1] : null,
        parcelId: prospect.parcelCode ? (parcelIds.get(prospect.parcelCode) ?? null) : null,
        createdAt: `${prospect.stages[0]![1]}T02:00:00.000Z`,
        createdByUserId: null,
        updatedAt: `${last[1]}T02:00:00.000Z`,
      };
      await trx.insertInto('deskProspects').values(row).execute();
      let from: ProspectStage | null = null;
      for (const [stage, on] of prospect.stages) {
        await trx
          .insertInto('deskProspectStages')
          .values({
            id: uuidv7(),
            prospectId: id,
            fromStage: from,
            toStage: stage,
            changedOn: on,
            changedAt: `${on}T02:00:00.000Z`,
            changedByUserId: null,
            note: null,
          })
          .execute();
        from = stage;
      }
    }
    for (const row of data.fixedAsset)
      await trx
        .insertInto('deskFixedAssetInvestment')
        .values({ id: uuidv7(), ...row, updatedAt: at, updatedByUserId: null })
        .execute();
  });
  return true;
}
