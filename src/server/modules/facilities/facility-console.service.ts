// The operator console's read side: which streets a caller manages, a street's facilities with
// their utilisation, capacities, terminals and recommendations, and a district's streets side by
// side (platform admins). Figures come from the last recompute (facility_utilisation).
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { listDistricts, type DistrictWithStreets } from '../reference/reference.service.ts';
import { serviceList } from './facilities.presenter.ts';
import type { FacilityRecommendationTable } from './facilities.tables.ts';
import { canManageStreet, operatedStreets } from './facility-keys.service.ts';
import { presentRecommendation } from './facility-recommendations.service.ts';
import { HOURS_PER_WEEK, type FacilityUtilisation } from './utilisation.ts';

function streetOf(districts: DistrictWithStreets[], code: string) {
  for (const district of districts) {
    const street = district.streets.find((s) => s.code === code);
    if (street) return { district, street };
  }
  return undefined;
}

const nameIn = (locale: Locale, place: { nameZh: string; nameEn: string }) =>
  locale === 'en' ? place.nameEn : place.nameZh;

/** The streets the caller may manage: an operator's own; every street with facilities for admins. */
export async function listConsoleStreets(db: Db, principal: Principal, locale: Locale) {
  const districts = await listDistricts(db);
  const codes = principal.isAdmin
    ? (await db.selectFrom('facilities').select('streetCode').distinct().execute()).map((r) => r.streetCode)
    : operatedStreets(principal);
  const wanted = new Set(codes);
  return {
    isAdmin: principal.isAdmin,
    districts: districts.flatMap((district) => {
      const streets = district.streets.filter((street) => wanted.has(street.code));
      return streets.length
        ? [
            {
              code: district.code,
              name: nameIn(locale, district),
              streets: streets.map((street) => ({ code: street.code, name: nameIn(locale, street) })),
            },
          ]
        : [];
    }),
  };
}

/** One street's console: facilities, their utilisation and capacities, terminals, recommendations. */
export async function getStreetConsole(db: Db, principal: Principal, streetCode: string, locale: Locale) {
  const place = streetOf(await listDistricts(db), streetCode);
  if (!place) throw new AppError('FACILITY_STREET_NOT_FOUND');
  if (!canManageStreet(principal, streetCode)) throw new AppError('AUTH_FORBIDDEN');
  const facilities = await db
    .selectFrom('facilities')
    .select(['id', 'code', 'name', 'tier', 'services', 'openingHours', 'staffCount'])
    .where('streetCode', '=', streetCode)
    .orderBy('code')
    .execute();
  const ids = facilities.map((f) => f.id);
  const [figures, capacities, terminals, recommendations] = ids.length
    ? await Promise.all([
        db.selectFrom('facilityUtilisation').selectAll().where('facilityId', 'in', ids).execute(),
        db.selectFrom('facilityCapacities').selectAll().where('facilityId', 'in', ids).execute(),
        db
          .selectFrom('facilityTerminals')
          .select(['facilityId', 'status'])
          .where('facilityId', 'in', ids)
          .execute(),
        db
          .selectFrom('facilityRecommendations')
          .selectAll()
          .where('streetCode', '=', streetCode)
          .where('status', '=', 'open')
          .orderBy('computedAt')
          .orderBy('id')
          .execute(),
      ])
    : [[], [], [], [] as FacilityRecommendationTable[]];
  const codeOf = new Map(facilities.map((f) => [f.id, f.code]));
  const nameOf = new Map(facilities.map((f) => [f.id, f.name]));
  const streetHours = Array.from({ length: HOURS_PER_WEEK }, () => ({
    visits: 0,
    demandHours: 0,
    capacityHours: 0,
  }));
  let window: { from: string; to: string; computedAt: string } | null = null;
  const items = facilities.map((facility) => {
    const stored = figures.find((row) => row.facilityId === facility.id);
    const usage = stored ? (JSON.parse(stored.figures) as FacilityUtilisation) : null;
    if (stored && usage) {
      window ??= { from: stored.windowFrom, to: stored.windowTo, computedAt: stored.computedAt };
      usage.hours.forEach((hour, index) => {
        streetHours[index]!.visits += hour.visits;
        streetHours[index]!.demandHours += hour.demandHours;
        streetHours[index]!.capacityHours += hour.capacityHours;
      });
    }
    const names = new Map(serviceList(facility.services, locale).map((s) => [s.key, s.name]));
    return {
      code: facility.code,
      name: facility.name,
      tier: facility.tier,
      openingHours: facility.openingHours,
      staffCount: facility.staffCount,
      services: [...names].map(([key, name]) => ({ key, name })),
      capacities: capacities
        .filter((c) => c.facilityId === facility.id)
        .map((c) => ({
          serviceKey: c.serviceKey,
          unit: c.unit,
          weeklyAmount: c.weeklyAmount,
          updatedAt: c.updatedAt,
        })),
      terminals: {
        active: terminals.filter((t) => t.facilityId === facility.id && t.status === 'active').length,
        retired: terminals.filter((t) => t.facilityId === facility.id && t.status === 'retired').length,
      },
      utilisation: usage
        ? {
            ...usage,
            services: usage.services.map((s) => ({
              ...s,
              serviceName: names.get(s.serviceKey as never) ?? s.serviceKey,
            })),
          }
        : null,
    };
  });
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    street: { code: streetCode, name: nameIn(locale, place.street) },
    district: { code: place.district.code, name: nameIn(locale, place.district) },
    window: window as { from: string; to: string; computedAt: string } | null,
    facilities: items,
    hours: streetHours.map((hour) => ({
      visits: hour.visits,
      demandHours: round(hour.demandHours),
      capacityHours: round(hour.capacityHours),
      utilisation: hour.capacityHours > 0 ? round(hour.demandHours / hour.capacityHours) : null,
    })),
    recommendations: recommendations.map((row) =>
      presentRecommendation(row, { code: codeOf, name: nameOf }, locale),
    ),
  };
}

/** A district's streets side by side (platform admins: the district view). */
export async function getDistrictConsole(db: Db, principal: Principal, districtCode: string, locale: Locale) {
  const district = (await listDistricts(db)).find((d) => d.code === districtCode);
  if (!district) throw new AppError('FACILITY_DISTRICT_NOT_FOUND');
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  const [facilities, figures, open] = await Promise.all([
    db
      .selectFrom('facilities')
      .select(['id', 'streetCode'])
      .where('districtCode', '=', districtCode)
      .execute(),
    db
      .selectFrom('facilityUtilisation as u')
      .innerJoin('facilities as f', 'f.id', 'u.facilityId')
      .select(['u.streetCode', 'u.figures'])
      .where('f.districtCode', '=', districtCode)
      .execute(),
    db
      .selectFrom('facilityRecommendations as r')
      .innerJoin('facilities as f', 'f.id', 'r.toFacilityId')
      .select('r.streetCode')
      .where('f.districtCode', '=', districtCode)
      .where('r.status', '=', 'open')
      .execute(),
  ]);
  const streets = district.streets.flatMap((street) => {
    const count = facilities.filter((f) => f.streetCode === street.code).length;
    if (count === 0) return [];
    const usages = figures
      .filter((row) => row.streetCode === street.code)
      .map((row) => JSON.parse(row.figures) as FacilityUtilisation);
    const measured = usages.filter((u) => u.utilisation !== null);
    const services = usages.flatMap((u) => u.services);
    return [
      {
        code: street.code,
        name: nameIn(locale, street),
        facilities: count,
        measuredFacilities: measured.length,
        visits: usages.reduce((sum, u) => sum + u.checkIns + u.sessions + u.terminalTransactions, 0),
        utilisation: measured.length
          ? Math.round((measured.reduce((sum, u) => sum + u.utilisation!, 0) / measured.length) * 10_000) /
            10_000
          : null,
        overUsedServices: services.filter((s) => s.band === 'over').length,
        underUsedServices: services.filter((s) => s.band === 'under').length,
        openRecommendations: open.filter((r) => r.streetCode === street.code).length,
      },
    ];
  });
  return { district: { code: district.code, name: nameIn(locale, district) }, streets };
}
