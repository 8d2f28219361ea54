// The investment pipeline's use cases: zones and parcels, prospects with their requirements and
// stage history, parcel matching, the funnel, and the district's figures. The first line of each
// is the district check (investment-access.ts); every write is audited in its transaction.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { listDistricts } from '../reference/reference.service.ts';
import { assertDistrict, investmentDistricts } from './investment-access.ts';
import { STAGES } from './investment-figures.ts';
import { rankParcels, sqmToMu, type ParcelMatch } from './investment-matching.ts';
import type { DeskProspectTable, FitOut, ParcelLandUse, ProspectStage } from './investment.tables.ts';

export const actorOf = (principal: Principal): AuditActor => ({
  userId: principal.userId,
  name: principal.displayName,
});

export async function assertDistrictExists(db: Db, districtCode: string): Promise<void> {
  const found = await db
    .selectFrom('districts')
    .select('code')
    .where('code', '=', districtCode)
    .executeTakeFirst();
  if (!found) throw new AppError('INVEST_DISTRICT_NOT_FOUND');
}

/** The districts the caller may open, in the city's order. */
export async function listInvestmentDistricts(db: Db, principal: Principal) {
  const districts = investmentDistricts(principal);
  return (await listDistricts(db))
    .filter((district) => districts === 'all' || districts.has(district.code))
    .map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}

export interface Requirements {
  needFloorAreaSqm: number | null;
  needPowerKva: number | null;
  needFitOut: FitOut | null;
  needLandUse: ParcelLandUse | null;
  specialNeeds: string | null;
}

export interface ProspectInput extends Requirements {
  name: string;
  industry: string;
  originCountry: string;
  plannedInvestmentFen: number | null;
}

export interface ProspectView extends Requirements {
  id: string;
  districtCode: string;
  name: string;
  industry: string;
  originCountry: string;
  isForeign: boolean;
  stage: ProspectStage;
  plannedInvestmentFen: number | null;
  contractAmountFen: number | null;
  signedOn: string | null;
  parcelId: string | null;
  createdAt: string;
  updatedAt: string;
}

function presentProspect(row: DeskProspectTable): ProspectView {
  return {
    id: row.id,
    districtCode: row.districtCode,
    name: row.name,
    industry: row.industry,
    originCountry: row.originCountry,
    isForeign: row.isForeign === 1,
    stage: row.stage,
    needFloorAreaSqm: row.needFloorAreaSqm,
    needPowerKva: row.needPowerKva,
    needFitOut: row.needFitOut,
    needLandUse: row.needLandUse,
    specialNeeds: row.specialNeeds,
    plannedInvestmentFen: row.plannedInvestmentFen,
    contractAmountFen: row.contractAmountFen,
    signedOn: row.signedOn,
    parcelId: row.parcelId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listProspects(
  db: Db,
  principal: Principal,
  districtCode: string,
): Promise<ProspectView[]> {
  assertDistrict(principal, districtCode);
  await assertDistrictExists(db, districtCode);
  const rows = await db
    .selectFrom('deskProspects')
    .selectAll()
    .where('districtCode', '=', districtCode)
    .orderBy('updatedAt', 'desc')
    .execute();
  return rows.map(presentProspect);
}

/** A new prospect starts as a lead, with its requirements as far as known. */
export async function createProspect(
  db: Db,
  principal: Principal,
  districtCode: string,
  input: ProspectInput,
): Promise<ProspectView> {
  assertDistrict(principal, districtCode);
  await assertDistrictExists(db, districtCode);
  const id = uuidv7();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deskProspects')
      .values({
        id,
        districtCode,
        ...input,
        isForeign: input.originCountry === 'CN' ? 0 : 1,
        stage: 'lead',
        contractAmountFen: null,
        signedOn: null,
        parcelId: null,
        createdAt: at,
        createdByUserId: principal.userId,
        updatedAt: at,
      })
      .execute();
    await trx
      .insertInto('deskProspectStages')
      .values({
        id: uuidv7(),
        prospectId: id,
        fromStage: null,
        toStage: 'lead',
        changedOn: at.slice(0, 10),
        changedAt: at,
        changedByUserId: principal.userId,
        note: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.prospect.create',
      objectType: 'desk_prospect',
      objectId: id,
      details: { districtCode, name: input.name },
    });
  });
  return presentProspect(
    await db.selectFrom('deskProspects').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

async function findProspect(db: Db, principal: Principal, id: string): Promise<DeskProspectTable> {
  const row = await db.selectFrom('deskProspects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('INVEST_PROSPECT_NOT_FOUND');
  assertDistrict(principal, row.districtCode);
  return row;
}

export interface ProspectDetail {
  prospect: ProspectView;
  history: {
    fromStage: ProspectStage | null;
    toStage: ProspectStage;
    changedOn: string;
    changedAt: string;
    note: string | null;
  }[];
  matches: (ParcelMatch & {
    parcelCode: string;
    zoneCode: string;
    zoneNameZh: string;
    zoneNameEn: string;
    areaMu: number;
  })[];
}

/** One prospect with its stage history and the parcels ranked against its requirements. */
export async function getProspect(db: Db, principal: Principal, id: string): Promise<ProspectDetail> {
  const row = await findProspect(db, principal, id);
  const history = await db
    .selectFrom('deskProspectStages')
    .select(['fromStage', 'toStage', 'changedOn', 'changedAt', 'note'])
    .where('prospectId', '=', id)
    .orderBy('changedAt')
    .orderBy('id')
    .execute();
  const parcels = await db
    .selectFrom('deskParcels as p')
    .innerJoin('deskZones as z', 'z.id', 'p.zoneId')
    .selectAll('p')
    .select(['z.code as zoneCode', 'z.nameZh as zoneNameZh', 'z.nameEn as zoneNameEn'])
    .execute();
  const byId = new Map(parcels.map((p) => [p.id, p]));
  const matches = rankParcels(row, parcels).map((match) => {
    const parcel = byId.get(match.parcelId)!;
    return {
      ...match,
      parcelCode: parcel.code,
      zoneCode: parcel.zoneCode,
      zoneNameZh: parcel.zoneNameZh,
      zoneNameEn: parcel.zoneNameEn,
      areaMu: sqmToMu(parcel.areaSqm),
    };
  });
  return { prospect: presentProspect(row), history, matches };
}

/** Changes what the prospect needs (captured before signing, refined in talks). */
export async function updateRequirements(
  db: Db,
  principal: Principal,
  id: string,
  input: Requirements,
): Promise<ProspectDetail> {
  await findProspect(db, principal, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('deskProspects')
      .set({ ...input, updatedAt: nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.prospect.requirements',
      objectType: 'desk_prospect',
      objectId: id,
      details: { ...input },
    });
  });
  return getProspect(db, principal, id);
}

export interface StageInput {
  to: ProspectStage;
  /** The day it happened (YYYY-MM-DD); the signing date for `signed`. */
  on: string;
  note: string | null;
  contractAmountFen: number | null;
  parcelId: string | null;
}

/**
 * Moves a prospect forward (stages may be skipped, never gone back). Signing needs the contract
 * amount; a parcel named at signing becomes `signed` and may not be another prospect's already.
 */
export async function moveProspect(
  db: Db,
  principal: Principal,
  id: string,
  input: StageInput,
): Promise<ProspectDetail> {
  const row = await findProspect(db, principal, id);
  if (STAGES.indexOf(input.to) <= STAGES.indexOf(row.stage))
    throw new AppError('INVEST_STAGE_NOT_ALLOWED', { from: row.stage }, { from: row.stage, to: input.to });
  const signing =
    input.to === 'signed' || (row.signedOn === null && STAGES.indexOf(input.to) > STAGES.indexOf('signed'));
  if (signing && (input.contractAmountFen === null || input.contractAmountFen <= 0))
    throw new AppError('INVEST_SIGNING_INCOMPLETE');
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    if (signing && input.parcelId) {
      const parcel = await trx
        .selectFrom('deskParcels')
        .select(['id', 'status'])
        .where('id', '=', input.parcelId)
        .executeTakeFirst();
      if (!parcel) throw new AppError('INVEST_PARCEL_NOT_FOUND');
      const holder = await trx
        .selectFrom('deskProspects')
        .select('id')
        .where('parcelId', '=', input.parcelId)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (holder || parcel.status === 'signed') throw new AppError('INVEST_PARCEL_TAKEN');
      await trx
        .updateTable('deskParcels')
        .set({ status: 'signed', updatedAt: at })
        .where('id', '=', input.parcelId)
        .execute();
    }
    await trx
      .updateTable('deskProspects')
      .set({
        stage: input.to,
        updatedAt: at,
        ...(signing
          ? { contractAmountFen: input.contractAmountFen, signedOn: input.on, parcelId: input.parcelId }
          : {}),
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('deskProspectStages')
      .values({
        id: uuidv7(),
        prospectId: id,
        fromStage: row.stage,
        toStage: input.to,
        changedOn: input.on,
        changedAt: at,
        changedByUserId: principal.userId,
        note: input.note,
      })
      .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.prospect.stage',
      objectType: 'desk_prospect',
      objectId: id,
      details: {
        from: row.stage,
        to: input.to,
        on: input.on,
        ...(signing ? { contractAmountFen: input.contractAmountFen, parcelId: input.parcelId } : {}),
      },
    });
  });
  return getProspect(db, principal, id);
}
