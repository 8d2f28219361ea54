// Finding facilities: nearest first, by filters, one facility's page, and the network's figures.
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { listDistricts } from '../reference/reference.service.ts';
import type { FacilityTable, FacilityTier } from './facilities.tables.ts';
import {
  countFacilities,
  countServices,
  findFacilityByCode,
  selectFacilities,
  selectFacilityPage,
  selectTerminals,
  type FacilityFilter,
} from './facilities.repository.ts';
import { placeNames, presentFacility, scheduleOf, type FacilitySummary } from './facilities.presenter.ts';
import { FACILITY_SERVICE_KEYS, FACILITY_SERVICES } from './facility-vocabulary.ts';
import { boundingBox, haversineMeters } from './geo.ts';
import { isOpenAt, nextOpeningAfter, WEEKDAYS } from './opening-hours.ts';

export interface FacilityQuery {
  near?: { lat: number; lng: number };
  service?: string;
  tier?: FacilityTier;
  district?: string;
  street?: string;
  openNow?: boolean;
  limit: number;
  offset: number;
}

export interface ServiceFacet {
  key: string;
  name: string;
  count: number;
}

export interface FacilityListItem extends FacilitySummary {
  distanceMeters?: number;
}

// The search box starts at 2 km and doubles; beyond ~20,000 km it covers the whole sphere.
const FIRST_RADIUS_METERS = 2_000;
const WHOLE_EARTH_METERS = 20_100_000;

/**
 * Nearest facilities first by great-circle distance. Searches a growing box around the point:
 * every facility within r of it lies inside the box of half-width r, so once `limit` matches lie
 * within r, they are the nearest ones.
 */
async function nearest(db: Db, query: FacilityQuery, filter: FacilityFilter, now: Date) {
  const { lat, lng } = query.near!;
  for (let radius = FIRST_RADIUS_METERS; ; radius *= 2) {
    const isWhole = radius >= WHOLE_EARTH_METERS;
    const rows = await selectFacilities(
      db,
      isWhole ? filter : { ...filter, box: boundingBox(lat, lng, radius) },
    );
    const matches = rows
      .filter((row) => !query.openNow || isOpenAt(scheduleOf(row), now))
      .map((row) => ({ row, distanceMeters: haversineMeters(lat, lng, row.lat, row.lng) }))
      .filter((match) => isWhole || match.distanceMeters <= radius)
      .sort((a, b) => a.distanceMeters - b.distanceMeters || a.row.code.localeCompare(b.row.code));
    if (isWhole || matches.length >= query.offset + query.limit) return matches;
  }
}

/**
 * Public finder: with `near`, nearest first with `distanceMeters`; otherwise by code, paged.
 * `openNow` is judged at `now` in Asia/Shanghai (the route passes the real time, tests fix it).
 */
export async function listFacilities(
  db: Db,
  query: FacilityQuery,
  locale: Locale,
  now: Date,
): Promise<{ items: FacilityListItem[]; total: number; facets: { services: ServiceFacet[] } }> {
  const filter: FacilityFilter = {
    service: query.service,
    tier: query.tier,
    district: query.district,
    street: query.street,
  };
  const names = placeNames(await listDistricts(db), locale);
  const present = (row: FacilityTable) => presentFacility(row, names, locale, now);
  const facets = serviceFacets(db, filter, locale);
  if (query.near) {
    const matches = await nearest(db, query, filter, now);
    const total = query.openNow ? undefined : await countFacilities(db, filter);
    return {
      items: matches
        .slice(query.offset, query.offset + query.limit)
        .map((match) => ({ ...present(match.row), distanceMeters: Math.round(match.distanceMeters) })),
      total: total ?? (await openCount(db, filter, now)),
      facets: await facets,
    };
  }
  if (query.openNow) {
    // Opening hours are judged in code, so this pages over the filtered facilities in memory.
    const open = (await selectFacilities(db, filter)).filter((row) => isOpenAt(scheduleOf(row), now));
    return {
      items: open.slice(query.offset, query.offset + query.limit).map(present),
      total: open.length,
      facets: await facets,
    };
  }
  const [rows, total] = await Promise.all([
    selectFacilityPage(db, filter, query),
    countFacilities(db, filter),
  ]);
  return { items: rows.map(present), total, facets: await facets };
}

/**
 * Counts by service over the other filters (the service filter itself left out, so every
 * choice shows what picking it would give); services no facility offers are left out.
 */
async function serviceFacets(
  db: Db,
  filter: FacilityFilter,
  locale: Locale,
): Promise<{ services: ServiceFacet[] }> {
  const counts = await countServices(db, { ...filter, service: undefined }, FACILITY_SERVICE_KEYS);
  return {
    services: FACILITY_SERVICE_KEYS.filter((key) => counts[key]! > 0).map((key) => ({
      key,
      name: locale === 'en' ? FACILITY_SERVICES[key].en : FACILITY_SERVICES[key].zh,
      count: counts[key]!,
    })),
  };
}

async function openCount(db: Db, filter: FacilityFilter, now: Date): Promise<number> {
  return (await selectFacilities(db, filter)).filter((row) => isOpenAt(scheduleOf(row), now)).length;
}

/** One facility's public page: services, hours by day, whether open now and the next opening. */
export async function getFacilityPage(db: Db, code: string, locale: Locale, now: Date) {
  const facility = await findFacilityByCode(db, code);
  if (!facility) throw new AppError('FACILITY_NOT_FOUND');
  const names = placeNames(await listDistricts(db), locale);
  const schedule = scheduleOf(facility);
  const terminals = await selectTerminals(db, facility.id);
  return {
    ...presentFacility(facility, names, locale, now),
    builtYear: facility.builtYear,
    renovatedYear: facility.renovatedYear,
    operatorModel: facility.operatorModel,
    operatorName: facility.operatorName,
    staffCount: facility.staffCount,
    weeklyHours: WEEKDAYS.map((day, index) => ({
      day,
      ranges: schedule[index]!.map((range) => ({ from: clock(range.start), to: clock(range.end) })),
    })),
    nextOpening: nextOpeningAfter(schedule, now) ?? null,
    terminals,
  };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
