// Reallocation rules: given the utilisation of one street's facilities, propose moving weekly
// capacity (staff hours or service slots) of a service from a facility where it is under-used to
// one where it is over-used. Pure; the recompute job stores what this returns.
import type { CapacityUnit } from './facilities.tables.ts';
import { OVER_USED, UNDER_USED, type ServiceUtilisation } from './utilisation.ts';

/** Utilisation the rule aims for at both ends of a move. */
export const TARGET_UTILISATION = 0.75;

export const REBALANCE_RULE = 'rebalance-same-service';

/** The rule, stated with its numbers, stored with every recommendation it makes. */
export const RULES = {
  [REBALANCE_RULE]: {
    underUsed: UNDER_USED,
    overUsed: OVER_USED,
    target: TARGET_UTILISATION,
  },
} as const;

export interface StreetFacilityUsage {
  facilityId: string;
  facilityCode: string;
  services: ServiceUtilisation[];
}

export interface FacilitySide {
  facilityCode: string;
  weeklyCapacity: number;
  weeklyDemand: number;
  utilisation: number;
  weeklyCapacityAfter: number;
  utilisationAfter: number;
}

export interface ProposedMove {
  serviceKey: string;
  unit: CapacityUnit;
  fromFacilityId: string;
  toFacilityId: string;
  /** Weekly staff hours or slots to move, a whole number ≥ 1. */
  amount: number;
  rule: typeof REBALANCE_RULE;
  figures: {
    weeks: number;
    underUsed: number;
    overUsed: number;
    target: number;
    from: FacilitySide;
    to: FacilitySide;
  };
}

const EPSILON = 1e-9;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

interface Candidate {
  facilityId: string;
  facilityCode: string;
  service: ServiceUtilisation & { unit: CapacityUnit; utilisation: number };
  weeklyDemand: number;
  /** Weekly capacity still to gain (over-used) or still free to give (under-used). */
  room: number;
}

/**
 * Rule `rebalance-same-service`: within one street and one service (same unit), pair each
 * over-used facility (utilisation > 85%), most over-used first, with the under-used ones
 * (< 30%), least used first. Move the whole weekly amount that brings the over-used one down to
 * 75% (rounded up), but no more than leaves the giving one at or below 75% (rounded down).
 * A pair an operator dismissed recently (`skip`) is not proposed again.
 */
export function proposeMoves(
  facilities: readonly StreetFacilityUsage[],
  weeks: number,
  skip: (serviceKey: string, fromFacilityId: string, toFacilityId: string) => boolean = () => false,
): ProposedMove[] {
  const byService = new Map<string, { over: Candidate[]; under: Candidate[] }>();
  for (const facility of facilities) {
    for (const service of facility.services) {
      if (service.unit === null || service.utilisation === null || service.weeklyCapacity <= 0) continue;
      if (service.band !== 'over' && service.band !== 'under') continue;
      const weeklyDemand = service.demand / weeks;
      const key = `${service.serviceKey}/${service.unit}`;
      const group = byService.get(key) ?? { over: [], under: [] };
      const base = {
        facilityId: facility.facilityId,
        facilityCode: facility.facilityCode,
        service: service as Candidate['service'],
        weeklyDemand,
      };
      if (service.band === 'over') {
        const room = Math.ceil(weeklyDemand / TARGET_UTILISATION - service.weeklyCapacity - EPSILON);
        if (room > 0) group.over.push({ ...base, room });
      } else {
        const room = Math.floor(service.weeklyCapacity - weeklyDemand / TARGET_UTILISATION + EPSILON);
        if (room > 0) group.under.push({ ...base, room });
      }
      byService.set(key, group);
    }
  }
  const moves: ProposedMove[] = [];
  for (const key of [...byService.keys()].sort()) {
    const { over, under } = byService.get(key)!;
    over.sort(
      (a, b) => b.service.utilisation - a.service.utilisation || a.facilityCode.localeCompare(b.facilityCode),
    );
    under.sort(
      (a, b) => a.service.utilisation - b.service.utilisation || a.facilityCode.localeCompare(b.facilityCode),
    );
    for (const to of over) {
      for (const from of under) {
        if (to.room <= 0) break;
        if (from.room <= 0) continue;
        if (skip(to.service.serviceKey, from.facilityId, to.facilityId)) continue;
        const amount = Math.min(to.room, from.room);
        const side = (candidate: Candidate, weeklyCapacityAfter: number): FacilitySide => ({
          facilityCode: candidate.facilityCode,
          weeklyCapacity: candidate.service.weeklyCapacity,
          weeklyDemand: round(candidate.weeklyDemand),
          utilisation: candidate.service.utilisation,
          weeklyCapacityAfter,
          utilisationAfter: round(candidate.weeklyDemand / weeklyCapacityAfter),
        });
        moves.push({
          serviceKey: to.service.serviceKey,
          unit: to.service.unit,
          fromFacilityId: from.facilityId,
          toFacilityId: to.facilityId,
          amount,
          rule: REBALANCE_RULE,
          figures: {
            weeks,
            underUsed: UNDER_USED,
            overUsed: OVER_USED,
            target: TARGET_UTILISATION,
            from: side(from, from.service.weeklyCapacity - amount),
            to: side(to, to.service.weeklyCapacity + amount),
          },
        });
        // Later moves in the same run start from the capacities after this one.
        const after = (candidate: Candidate, weeklyCapacity: number) => ({
          ...candidate.service,
          weeklyCapacity,
          utilisation: round(candidate.weeklyDemand / weeklyCapacity),
        });
        from.service = after(from, from.service.weeklyCapacity - amount);
        to.service = after(to, to.service.weeklyCapacity + amount);
        to.room -= amount;
        from.room -= amount;
      }
    }
  }
  return moves;
}
