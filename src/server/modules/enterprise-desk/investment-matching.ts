// How well a parcel fits a prospect's requirements, as a transparent score out of 100 with one
// reason per criterion (met, partly met, not met), so a manager can see why — never a black box.
// Land use 25, floor area 30, power 25, fit-out 10, availability 10. A criterion the prospect
// stated nothing about counts as met. Special needs are free text: listed for a person to check.
import type { DeskParcelTable, DeskProspectTable, FitOut } from './investment.tables.ts';

export type CriterionCode =
  'land_use' | 'floor_area' | 'power' | 'fit_out' | 'availability' | 'special_needs';

export interface MatchReason {
  criterion: CriterionCode;
  outcome: 'met' | 'partial' | 'unmet' | 'check';
  points: number;
  maxPoints: number;
  /** What was compared (m², kVA, codes), for the reason's text. */
  needed: string | number | null;
  offered: string | number | null;
}

export interface ParcelMatch {
  parcelId: string;
  score: number;
  reasons: MatchReason[];
}

const FIT_OUT_LEVEL: Record<FitOut, number> = { bare: 0, basic: 1, full: 2 };

/** 1 亩 = 10000/15 m². */
export function sqmToMu(sqm: number): number {
  return Math.round((sqm * 15) / 1000) / 10;
}

export function muToSqm(mu: number): number {
  return Math.round((mu * 10000) / 15);
}

type Needs = Pick<
  DeskProspectTable,
  'needFloorAreaSqm' | 'needPowerKva' | 'needFitOut' | 'needLandUse' | 'specialNeeds'
>;
type Offer = Pick<
  DeskParcelTable,
  'id' | 'landUse' | 'maxFloorAreaSqm' | 'powerCapacityKva' | 'fitOut' | 'status'
>;

function capacity(
  criterion: CriterionCode,
  maxPoints: number,
  needed: number | null,
  offered: number,
): MatchReason {
  if (needed === null || needed <= 0 || offered >= needed)
    return { criterion, outcome: 'met', points: maxPoints, maxPoints, needed, offered };
  // Proportional credit for a shortfall, rounded down: 80% of the power needed earns 80% of the points.
  const points = Math.floor((maxPoints * offered) / needed);
  return { criterion, outcome: points > 0 ? 'partial' : 'unmet', points, maxPoints, needed, offered };
}

/** The score of one parcel for one prospect; a parcel already signed scores 0 for availability. */
export function scoreParcel(needs: Needs, parcel: Offer): ParcelMatch {
  const landUseMet =
    needs.needLandUse === null || parcel.landUse === needs.needLandUse || parcel.landUse === 'mixed';
  const fitOutMet =
    needs.needFitOut === null || FIT_OUT_LEVEL[parcel.fitOut] >= FIT_OUT_LEVEL[needs.needFitOut];
  const reasons: MatchReason[] = [
    {
      criterion: 'land_use',
      outcome: landUseMet ? 'met' : 'unmet',
      points: landUseMet ? 25 : 0,
      maxPoints: 25,
      needed: needs.needLandUse,
      offered: parcel.landUse,
    },
    capacity('floor_area', 30, needs.needFloorAreaSqm, parcel.maxFloorAreaSqm),
    capacity('power', 25, needs.needPowerKva, parcel.powerCapacityKva),
    {
      criterion: 'fit_out',
      outcome: fitOutMet ? 'met' : 'unmet',
      points: fitOutMet ? 10 : 0,
      maxPoints: 10,
      needed: needs.needFitOut,
      offered: parcel.fitOut,
    },
    {
      criterion: 'availability',
      outcome: parcel.status === 'available' ? 'met' : parcel.status === 'reserved' ? 'partial' : 'unmet',
      points: parcel.status === 'available' ? 10 : parcel.status === 'reserved' ? 5 : 0,
      maxPoints: 10,
      needed: null,
      offered: parcel.status,
    },
  ];
  if (needs.specialNeeds?.trim())
    reasons.push({
      criterion: 'special_needs',
      outcome: 'check',
      points: 0,
      maxPoints: 0,
      needed: needs.specialNeeds.trim(),
      offered: null,
    });
  return { parcelId: parcel.id, score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

/** Parcels not yet signed, best first (ties: by parcel id for a stable order). */
export function rankParcels(needs: Needs, parcels: readonly Offer[]): ParcelMatch[] {
  return parcels
    .filter((parcel) => parcel.status !== 'signed')
    .map((parcel) => scoreParcel(needs, parcel))
    .sort((a, b) => b.score - a.score || a.parcelId.localeCompare(b.parcelId));
}
