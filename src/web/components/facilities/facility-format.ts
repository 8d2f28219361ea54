// Facilities as people read them: distances, the kind of name, today's hours, shares, and the
// finder's state in the address (so a search can be shared and the back button works).
import type { FacilityTier } from '../../api/facilities-endpoints.ts';
import type { DayCode } from '../../lib/opening-hours-format.ts';

export const TIERS: readonly FacilityTier[] = ['street', 'area', 'village'];

/** The service keys a facility may offer (the server's vocabulary), in the order the filter lists them. */
export const SERVICE_KEYS = [
  'government_affairs',
  'elderly_care',
  'day_care',
  'meals',
  'health',
  'childcare',
  'employment',
  'legal_aid',
  'counselling',
  'culture',
  'education',
  'library',
  'sports',
  'repairs',
  'housekeeping',
  'volunteer',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];
export const isServiceKey = (value: string): value is ServiceKey =>
  (SERVICE_KEYS as readonly string[]).includes(value);

/** The 13 kinds of names (as stored, in Chinese) → their catalogue key. */
const NAME_TYPE_KEYS = {
  '社区(生活)服务中心': 'communityLifeCentre',
  市民驿站: 'citizenStation',
  生活驿站: 'lifeStation',
  邻里汇: 'neighbourhoodHub',
  邻里中心: 'neighbourhoodCentre',
  睦邻中心: 'goodNeighbourCentre',
  社区综合服务中心: 'communityServiceCentre',
  党群服务中心: 'partyMassCentre',
  家门口服务站: 'doorstepStation',
  邻里之家: 'neighbourhoodHome',
  睦邻点: 'goodNeighbourPoint',
  综合为老服务中心: 'elderlyCentre',
  社区服务站: 'communityStation',
} as const;
export type NameTypeKey = (typeof NAME_TYPE_KEYS)[keyof typeof NAME_TYPE_KEYS];

export function nameTypeKey(nameType: string): NameTypeKey | null {
  return Object.hasOwn(NAME_TYPE_KEYS, nameType)
    ? NAME_TYPE_KEYS[nameType as keyof typeof NAME_TYPE_KEYS]
    : null;
}

/** "350 m" below a kilometre, "1.4 km" (one decimal) up to 10 km, then whole kilometres. */
export function formatDistance(meters: number, language: string): string {
  if (meters < 1000) return `${new Intl.NumberFormat(language).format(Math.round(meters))} m`;
  const km = meters / 1000;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km)} km`;
}

/** 0.9502 → "95%". */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

const DAY_CODES: readonly DayCode[] = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const WEEKDAY_OF: Record<string, DayCode> = {
  Mon: 'Mo',
  Tue: 'Tu',
  Wed: 'We',
  Thu: 'Th',
  Fri: 'Fr',
  Sat: 'Sa',
  Sun: 'Su',
};

/** Today's day in Shanghai, whatever the browser's clock zone is. */
export function todayInShanghai(now = new Date()): DayCode {
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'Asia/Shanghai' }).format(
    now,
  );
  return WEEKDAY_OF[weekday] ?? 'Mo';
}

function dayIndexes(text: string): number[] | null {
  const indexes: number[] = [];
  for (const part of text.split(',')) {
    const [from = '', to, extra] = part.split('-');
    const start = DAY_CODES.indexOf(from as DayCode);
    const end = to === undefined ? start : DAY_CODES.indexOf(to as DayCode);
    if (extra !== undefined || start < 0 || end < 0) return null;
    for (let index = start; ; index = (index + 1) % 7) {
      indexes.push(index);
      if (index === end) break;
    }
  }
  return indexes;
}

/**
 * The time ranges of one day in an opening-hours text (`Mo-Fr 09:00-17:00; Sa 09:00-12:00`):
 * [] when closed that day, null when the text cannot be read. A later rule for a day replaces
 * an earlier one, as in OpenStreetMap's syntax.
 */
export function hoursOn(text: string, day: DayCode): string[] | null {
  let ranges: string[] = [];
  const target = DAY_CODES.indexOf(day);
  for (const rule of text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [dayText = '', timeText = '', extra] = rule.split(/\s+/);
    const days = dayIndexes(dayText);
    if (extra !== undefined || days === null) return null;
    if (!days.includes(target)) continue;
    if (timeText === 'off' || timeText === 'closed') {
      ranges = [];
      continue;
    }
    const parts = timeText.split(',');
    if (!parts.every((part) => /^[0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d$/.test(part))) return null;
    ranges = parts.map((part) => part.replace('-', '–'));
  }
  return ranges;
}

// The finder's state in the address.
export interface FinderState {
  /** The search point, `LAT,LNG`. */
  near: string | null;
  /** Where the point came from: the browser ('me'), typed coordinates ('coords') or a street's code. */
  place: string | null;
  /** A district to list when there is no point. */
  district: string | null;
  service: ServiceKey | null;
  tier: FacilityTier | null;
  openNow: boolean;
}

const NEAR = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

/** "31.2731, 121.479" → "31.2731,121.479"; null when it is not a latitude and longitude. */
export function parseCoordinates(text: string): string | null {
  const compact = text.replace(/，/g, ',').replace(/\s+/g, '');
  if (!NEAR.test(compact)) return null;
  const [lat = NaN, lng = NaN] = compact.split(',').map(Number);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return compact;
}

export function readFinderState(params: URLSearchParams): FinderState {
  const near = parseCoordinates(params.get('near') ?? '');
  const district = params.get('district') ?? '';
  const service = params.get('service') ?? '';
  const tier = params.get('tier') ?? '';
  return {
    near,
    place: near ? (params.get('place') ?? 'coords') : null,
    district: /^\d{6}$/.test(district) ? district : null,
    service: isServiceKey(service) ? service : null,
    tier: (TIERS as readonly string[]).includes(tier) ? (tier as FacilityTier) : null,
    openNow: params.get('open') === '1',
  };
}

export function finderHref(state: FinderState): string {
  const params = new URLSearchParams();
  if (state.near) {
    params.set('near', state.near);
    if (state.place) params.set('place', state.place);
  }
  if (state.district) params.set('district', state.district);
  if (state.service) params.set('service', state.service);
  if (state.tier) params.set('tier', state.tier);
  if (state.openNow) params.set('open', '1');
  const text = params.toString();
  return `/facilities${text ? `?${text}` : ''}`;
}

export const hasPlace = (state: FinderState) => state.near !== null || state.district !== null;
