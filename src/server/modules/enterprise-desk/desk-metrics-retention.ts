// "Enterprises retained" (留得住): an enterprise that expanded elsewhere but kept its registered
// address (住所) in the place. From the enterprise register (法人库) through the sharing gateway:
// its branches (分支机构: where, registered when) and its former registered addresses (where, moved
// out when), plus its current street and district from the enterprise record.
//
// For a place P (a street, or a district): an enterprise *expanded from P* when it registered a
// branch outside P while its registered address was in P. It is *retained* by P when its registered
// address is in P today, and *lost* by P when it has moved its registration out of P since. The
// retention rate of P is retained ÷ (retained + lost), null when nothing expanded from P.
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { sharingGateway } from '../sharing/gateway.ts';
import type { EnterpriseDirectoryEntry } from '../identity/enterprise-directory.ts';

export const DESK_METRICS_CONSUMER = 'desk-service-metrics';
export const DESK_METRICS_REGISTER_FIELDS = ['branches', 'formerAddresses'] as const;
const PURPOSE = '店小二工作指标：统计企业扩张后住所仍留在本街镇的情况';
const ACTOR = { userId: 'platform:desk-service-metrics', name: '店小二工作指标（系统）' };

export interface Place {
  districtCode: string;
  streetCode: string;
}

export interface EnterpriseHistory {
  enterpriseId: string;
  current: Place | null;
  branches: (Place & { registeredOn: string })[];
  formerAddresses: (Place & { movedOutOn: string })[];
}

/** Where the registered address was on a day: the first former address moved out of later, else today's. */
export function registeredPlaceOn(history: EnterpriseHistory, day: string): Place | null {
  const former = [...history.formerAddresses]
    .sort((a, b) => a.movedOutOn.localeCompare(b.movedOutOn))
    .find((address) => address.movedOutOn > day);
  return former ?? history.current;
}

export type Level = 'street' | 'district';
const codeOf = (place: Place | null, level: Level) =>
  place ? (level === 'street' ? place.streetCode : place.districtCode) : null;

/** The places an enterprise expanded from (at one level). */
export function expandedFrom(history: EnterpriseHistory, level: Level): Set<string> {
  const places = new Set<string>();
  for (const branch of history.branches) {
    const home = codeOf(registeredPlaceOn(history, branch.registeredOn), level);
    if (home && home !== codeOf(branch, level)) places.add(home);
  }
  return places;
}

export interface RetentionCount {
  expanded: number;
  retained: number;
  lost: number;
  rate: number | null;
}

/** Retained and lost enterprises of every place (at one level) that anything expanded from. */
export function retentionByPlace(
  histories: readonly EnterpriseHistory[],
  level: Level,
): Map<string, RetentionCount> {
  const counts = new Map<string, RetentionCount>();
  for (const history of histories) {
    const now = codeOf(history.current, level);
    for (const place of expandedFrom(history, level)) {
      const count = counts.get(place) ?? { expanded: 0, retained: 0, lost: 0, rate: null };
      count.expanded += 1;
      if (place === now) count.retained += 1;
      else count.lost += 1;
      count.rate = count.retained / (count.retained + count.lost);
      counts.set(place, count);
    }
  }
  return counts;
}

interface CacheEntry {
  at: number;
  history: EnterpriseHistory | null;
}
// Registers change slowly; one read per enterprise per five minutes per process is plenty and
// keeps the 用数记录 free of a read per page view.
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, CacheEntry>();

/**
 * The histories of the given enterprises, read through the gateway as the desk's metrics service.
 * An enterprise whose record cannot be read (no sharing rule, register down) is left out and counted.
 */
export async function readHistories(
  deps: { db: Db; registers: RegisterDirectory },
  enterprises: readonly EnterpriseDirectoryEntry[],
): Promise<{ histories: EnterpriseHistory[]; unreadable: number }> {
  const histories: EnterpriseHistory[] = [];
  let unreadable = 0;
  for (const enterprise of enterprises) {
    const cached = cache.get(enterprise.id);
    if (cached && Date.now() - cached.at < CACHE_MS) {
      if (cached.history) histories.push(cached.history);
      else unreadable += 1;
      continue;
    }
    let history: EnterpriseHistory | null = null;
    try {
      const values = await sharingGateway(deps).read({
        consumer: { kind: 'service_form', serviceCode: DESK_METRICS_CONSUMER },
        subject: { enterpriseId: enterprise.id },
        register: 'enterprise',
        fields: [...DESK_METRICS_REGISTER_FIELDS],
        purpose: PURPOSE,
        actor: ACTOR,
      });
      history = {
        enterpriseId: enterprise.id,
        current:
          enterprise.districtCode && enterprise.streetCode
            ? { districtCode: enterprise.districtCode, streetCode: enterprise.streetCode }
            : null,
        branches: Array.isArray(values.branches) ? (values.branches as EnterpriseHistory['branches']) : [],
        formerAddresses: Array.isArray(values.formerAddresses)
          ? (values.formerAddresses as EnterpriseHistory['formerAddresses'])
          : [],
      };
    } catch (error) {
      if (!(
        error instanceof AppError &&
        (error.code === 'SHARING_NOT_ALLOWED' || error.code === 'REGISTER_UNAVAILABLE')
      ))
        throw error;
    }
    cache.set(enterprise.id, { at: Date.now(), history });
    if (history) histories.push(history);
    else unreadable += 1;
  }
  return { histories, unreadable };
}

/** Forgets cached histories (tests; after a register correction). */
export function clearRetentionCache(): void {
  cache.clear();
}
