// The network's published figures: how many facilities, of which tier and name, how new, and
// how many streets run theirs through purchased services.
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { listDistricts } from '../reference/reference.service.ts';
import { AppError } from '../../platform/errors.ts';
import { countFacilitiesBy, countStreetsOf } from './facilities.repository.ts';

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Shares are fractions 0..1. A street or town counts as running its facilities through purchased
 * services when at least one of them is run by an operator it buys the service from; the share
 * is over the streets and towns that have facilities at all.
 */
export async function facilityStats(db: Db, locale: Locale, districtCode?: string) {
  const [counts, districts] = await Promise.all([countFacilitiesBy(db, districtCode), listDistricts(db)]);
  const district = districtCode ? districts.find((d) => d.code === districtCode) : undefined;
  if (districtCode && !district) throw new AppError('FACILITY_DISTRICT_NOT_FOUND');
  const byStreet = district
    ? (await countStreetsOf(db, district.code)).map((row) => {
        const street = district.streets.find((s) => s.code === row.streetCode);
        const total = Number(row.total);
        return {
          code: row.streetCode,
          name: street ? (locale === 'en' ? street.nameEn : street.nameZh) : row.streetCode,
          total,
          byTier: { street: Number(row.street), area: Number(row.area), village: Number(row.village) },
          builtOrRenovatedSince2014Share: share(Number(row.recent), total),
          purchasedFacilityShare: share(Number(row.purchased), total),
        };
      })
    : undefined;
  const tierCount = (tier: string) => counts.byTier.find((row) => row.tier === tier)?.count ?? 0;
  return {
    total: counts.total,
    byTier: { street: tierCount('street'), area: tierCount('area'), village: tierCount('village') },
    byNameType: Object.fromEntries(counts.byNameType.map((row) => [row.nameType, row.count])),
    builtOrRenovatedSince2014Share: share(counts.builtOrRenovatedSince2014, counts.total),
    purchasedServiceShare: share(counts.streetsWithPurchased, counts.streetsWithFacilities),
    byDistrict: districts.flatMap((district) => {
      const row = counts.byDistrict.find((entry) => entry.districtCode === district.code);
      if (!row) return [];
      const streets = counts.districtStreets.find((entry) => entry.districtCode === district.code);
      return [
        {
          code: district.code,
          name: locale === 'en' ? district.nameEn : district.nameZh,
          total: row.count,
          streetsWithFacilities: streets?.streets ?? 0,
          builtOrRenovatedSince2014Share: share(row.builtOrRenovatedSince2014, row.count),
          purchasedServiceShare: share(streets?.purchased ?? 0, streets?.streets ?? 0),
        },
      ];
    }),
    ...(byStreet ? { byStreet } : {}),
  };
}
