// Stored facility → API shape; names in the caller's language.
import type { Locale } from '../../platform/i18n/locale.ts';
import type { DistrictWithStreets } from '../reference/reference.service.ts';
import type { FacilityTable } from './facilities.tables.ts';
import { FACILITY_SERVICES, isFacilityServiceKey } from './facility-vocabulary.ts';
import { isOpenAt, parseOpeningHours, type WeekSchedule } from './opening-hours.ts';

export interface PlaceNames {
  district(code: string): string;
  street(code: string): string;
}

export function placeNames(districts: DistrictWithStreets[], locale: Locale): PlaceNames {
  const names = new Map<string, string>();
  for (const district of districts) {
    names.set(district.code, locale === 'en' ? district.nameEn : district.nameZh);
    for (const street of district.streets)
      names.set(street.code, locale === 'en' ? street.nameEn : street.nameZh);
  }
  return { district: (code) => names.get(code) ?? code, street: (code) => names.get(code) ?? code };
}

export function scheduleOf(facility: Pick<FacilityTable, 'openingHours'>): WeekSchedule {
  const parsed = parseOpeningHours(facility.openingHours);
  // Stored hours were checked on the way in; an unparsable legacy value reads as always closed.
  return parsed.ok ? parsed.schedule : [[], [], [], [], [], [], []];
}

export function serviceList(services: string, locale: Locale) {
  return services
    .split(';')
    .filter(isFacilityServiceKey)
    .map((key) => ({ key, name: locale === 'en' ? FACILITY_SERVICES[key].en : FACILITY_SERVICES[key].zh }));
}

export function presentFacility(facility: FacilityTable, names: PlaceNames, locale: Locale, now: Date) {
  return {
    code: facility.code,
    name: facility.name,
    nameType: facility.nameType,
    tier: facility.tier,
    districtCode: facility.districtCode,
    districtName: names.district(facility.districtCode),
    streetCode: facility.streetCode,
    streetName: names.street(facility.streetCode),
    address: facility.address,
    lat: facility.lat,
    lng: facility.lng,
    services: serviceList(facility.services, locale),
    openingHours: facility.openingHours,
    isOpenNow: isOpenAt(scheduleOf(facility), now),
  };
}

export type FacilitySummary = ReturnType<typeof presentFacility>;
