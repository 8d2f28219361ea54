// One facility as the CSV of CONTRACT.md carries it, checked and turned into table values.
import type { DistrictWithStreets } from '../reference/reference.service.ts';
import type { FacilityTable, FacilityTier, OperatorModel } from './facilities.tables.ts';
import {
  FACILITY_TIERS,
  isFacilityNameType,
  isFacilityServiceKey,
  OPERATOR_MODELS,
} from './facility-vocabulary.ts';
import { parseOpeningHours } from './opening-hours.ts';
import { rowProblemText, type RowProblem, type RowProblemCode } from './facility-row-problems.ts';

export const FACILITY_CSV_COLUMNS = [
  'code',
  'name',
  'name_type',
  'tier',
  'district',
  'street',
  'address',
  'lat',
  'lng',
  'built_year',
  'renovated_year',
  'operator_model',
  'operator_name',
  'services',
  'opening_hours',
] as const;

export type FacilityCsvRow = Record<(typeof FACILITY_CSV_COLUMNS)[number], string>;

/** What the registry fields of a facility are, without id, timestamps and staff count. */
export type FacilityRecord = Omit<FacilityTable, 'id' | 'createdAt' | 'updatedAt' | 'staffCount'>;

export const FACILITY_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

/**
 * Districts and streets by code and by Chinese name. The CSV may name either; the export writes
 * codes (a street name is unique only within its district).
 */
export class ReferenceLookup {
  private readonly districts = new Map<string, string>();
  private readonly streets = new Map<string, { code: string; districtCode: string }>();

  constructor(districts: DistrictWithStreets[]) {
    for (const district of districts) {
      this.districts.set(district.code, district.code);
      this.districts.set(district.nameZh, district.code);
      for (const street of district.streets) {
        this.streets.set(street.code, { code: street.code, districtCode: district.code });
        this.streets.set(`${district.code}/${street.nameZh}`, {
          code: street.code,
          districtCode: district.code,
        });
      }
    }
  }

  district(value: string): string | undefined {
    return this.districts.get(value);
  }

  street(value: string, districtCode: string): { code: string; districtCode: string } | undefined {
    return this.streets.get(value) ?? this.streets.get(`${districtCode}/${value}`);
  }
}

function year(text: string, field: string, thisYear: number): number | RowProblem {
  if (!/^\d{4}$/.test(text)) return { code: 'YEAR_INVALID', params: { field } };
  const value = Number(text);
  return value < 1949 || value > thisYear
    ? { code: 'YEAR_OUT_OF_RANGE', params: { field, value: text, max: thisYear } }
    : value;
}

function coordinate(text: string, field: string, min: number, max: number): number | RowProblem {
  const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(value) && value >= min && value <= max
    ? value
    : { code: 'COORDINATE_INVALID', params: { field, min, max } };
}

/** Checks one CSV row; the reason (English, for the import report) names the first problem. */
export function parseFacilityRow(
  row: FacilityCsvRow,
  refs: ReferenceLookup,
  thisYear = new Date().getUTCFullYear(),
): { ok: true; record: FacilityRecord } | { ok: false; reason: string; problem: RowProblem } {
  const fail = (code: RowProblemCode | RowProblem, params?: RowProblem['params']) => {
    const problem: RowProblem = typeof code === 'string' ? { code, params } : code;
    return { ok: false as const, reason: rowProblemText(problem, 'en'), problem };
  };
  const text = (column: keyof FacilityCsvRow) => (row[column] ?? '').trim();
  const code = text('code');
  if (!FACILITY_CODE.test(code)) return fail('CODE_INVALID');
  const name = text('name');
  if (!name || name.length > 100) return fail('NAME_INVALID');
  const nameType = text('name_type');
  if (!isFacilityNameType(nameType)) return fail('NAME_TYPE_UNKNOWN', { value: nameType });
  const tier = text('tier');
  if (!(FACILITY_TIERS as readonly string[]).includes(tier)) return fail('TIER_INVALID');
  const districtCode = refs.district(text('district'));
  if (!districtCode) return fail('DISTRICT_UNKNOWN', { value: text('district') });
  const street = refs.street(text('street'), districtCode);
  if (!street) return fail('STREET_UNKNOWN', { value: text('street') });
  if (street.districtCode !== districtCode) return fail('STREET_NOT_IN_DISTRICT', { value: text('street') });
  const address = text('address');
  if (!address || address.length > 200) return fail('ADDRESS_INVALID');
  const lat = coordinate(text('lat'), 'lat', -90, 90);
  if (typeof lat !== 'number') return fail(lat);
  const lng = coordinate(text('lng'), 'lng', -180, 180);
  if (typeof lng !== 'number') return fail(lng);
  const builtYear = year(text('built_year'), 'built_year', thisYear);
  if (typeof builtYear !== 'number') return fail(builtYear);
  let renovatedYear: number | null = null;
  if (text('renovated_year')) {
    const parsed = year(text('renovated_year'), 'renovated_year', thisYear);
    if (typeof parsed !== 'number') return fail(parsed);
    if (parsed < builtYear) return fail('RENOVATED_BEFORE_BUILT');
    renovatedYear = parsed;
  }
  const operatorModel = text('operator_model');
  if (!(OPERATOR_MODELS as readonly string[]).includes(operatorModel)) return fail('OPERATOR_MODEL_INVALID');
  const operatorName = text('operator_name');
  if (operatorModel === 'purchased' && !operatorName) return fail('OPERATOR_NAME_MISSING');
  const services = text('services');
  const keys = services ? services.split(';').map((key) => key.trim()) : [];
  const unknown = keys.find((key) => !isFacilityServiceKey(key));
  if (unknown !== undefined) return fail('SERVICE_UNKNOWN', { value: unknown });
  if (new Set(keys).size !== keys.length) return fail('SERVICE_REPEATED');
  const hours = parseOpeningHours(text('opening_hours'));
  if (!hours.ok) return fail('OPENING_HOURS_INVALID', { detail: hours.reason });
  return {
    ok: true,
    record: {
      code,
      name,
      nameType,
      tier: tier as FacilityTier,
      districtCode,
      streetCode: street.code,
      address,
      lat,
      lng,
      builtYear,
      renovatedYear,
      operatorModel: operatorModel as OperatorModel,
      operatorName: operatorName || null,
      services: keys.join(';'),
      openingHours: text('opening_hours'),
    },
  };
}

/** The CSV row of a stored facility (codes for district and street). */
export function facilityToCsvRow(facility: FacilityRecord): FacilityCsvRow {
  return {
    code: facility.code,
    name: facility.name,
    name_type: facility.nameType,
    tier: facility.tier,
    district: facility.districtCode,
    street: facility.streetCode,
    address: facility.address,
    lat: String(facility.lat),
    lng: String(facility.lng),
    built_year: String(facility.builtYear),
    renovated_year: facility.renovatedYear === null ? '' : String(facility.renovatedYear),
    operator_model: facility.operatorModel,
    operator_name: facility.operatorName ?? '',
    services: facility.services,
    opening_hours: facility.openingHours,
  };
}
