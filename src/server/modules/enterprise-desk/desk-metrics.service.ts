// The enterprise desk's figures per manager, street and district over a period: requests filed,
// first-response and resolution times (hours, median and mean), on-time rates against the
// requests' own targets, satisfaction (the filers' ratings, 1–5), visits made, and enterprises
// retained (desk-metrics-retention.ts). Computed from the desk's tables on request.
//
// Definitions (a request counts in the period it was filed in):
// - first response: filed → the manager's acceptance; resolution: filed → the answer (the desk's
//   work done; the filer's confirmation may come later);
// - first response on time: responded by its due time; a request still unanswered after its due
//   time counts as late, one still within it is not counted yet. Likewise for resolution;
// - visits: visits logged as done (not planned or cancelled) with their date in the period.
import type { DeskFigures, DistrictMetrics, Period } from '../../../contracts/api/desk-metrics.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { listEnterpriseDirectory } from '../identity/enterprise-directory.ts';
import { userDisplayNames } from '../identity/applicants.service.ts';
import { listDistricts } from '../reference/reference.service.ts';
import { assertDistrict, investmentDistricts } from './investment-access.ts';
import {
  expandedFrom,
  readHistories,
  retentionByPlace,
  type RetentionCount,
} from './desk-metrics-retention.ts';

export type { DeskFigures, DistrictMetrics, Period };

export interface RequestFacts {
  filedAt: string;
  firstRespondedAt: string | null;
  firstResponseDueAt: string;
  answeredAt: string | null;
  resolutionDueAt: string;
  rating: number | null;
}

const HOUR = 3_600_000;
const round1 = (value: number) => Math.round(value * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round1(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}
function mean(values: number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);
}
const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

function onTimeRate(
  rows: readonly RequestFacts[],
  done: (r: RequestFacts) => string | null,
  due: (r: RequestFacts) => string,
  now: string,
): number | null {
  let onTime = 0;
  let counted = 0;
  for (const row of rows) {
    const at = done(row);
    if (at !== null) {
      counted += 1;
      if (at <= due(row)) onTime += 1;
    } else if (due(row) < now) counted += 1;
  }
  return counted === 0 ? null : onTime / counted;
}

/** The request and visit figures of one group (pure; retention is added by the caller). */
export function requestFigures(rows: readonly RequestFacts[], visits: number, now: string) {
  const firstResponse = rows.flatMap((r) =>
    r.firstRespondedAt ? [hours(r.filedAt, r.firstRespondedAt)] : [],
  );
  const resolution = rows.flatMap((r) => (r.answeredAt ? [hours(r.filedAt, r.answeredAt)] : []));
  const ratings = rows.flatMap((r) => (r.rating !== null ? [r.rating] : []));
  return {
    requests: rows.length,
    firstResponseHoursMedian: median(firstResponse),
    firstResponseHoursMean: mean(firstResponse),
    resolutionHoursMedian: median(resolution),
    resolutionHoursMean: mean(resolution),
    firstResponseOnTimeRate: onTimeRate(
      rows,
      (r) => r.firstRespondedAt,
      (r) => r.firstResponseDueAt,
      now,
    ),
    resolutionOnTimeRate: onTimeRate(
      rows,
      (r) => r.answeredAt,
      (r) => r.resolutionDueAt,
      now,
    ),
    satisfactionMean: ratings.length
      ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
      : null,
    rated: ratings.length,
    visits,
  };
}

export interface MetricsDeps {
  db: Db;
  registers: RegisterDirectory;
}

const noRetention = (enterprises: number, count: RetentionCount | undefined) => ({
  enterprises,
  retained: count?.retained ?? 0,
  lost: count?.lost ?? 0,
  retentionRate: count?.rate ?? null,
});

/**
 * A district's figures, its streets' and its managers' (managers with an enterprise of the district
 * now, or a request or visit in the period). Days are Shanghai days: [from, to] inclusive.
 */
export async function districtMetrics(
  deps: MetricsDeps,
  principal: Principal,
  districtCode: string,
  period: Period,
  now: string,
): Promise<DistrictMetrics> {
  assertDistrict(principal, districtCode);
  const { db } = deps;
  const district = (await listDistricts(db)).find((d) => d.code === districtCode);
  if (!district) throw new AppError('INVEST_DISTRICT_NOT_FOUND');
  // Shanghai day boundaries in UTC: [from 00:00+08, to+1 00:00+08).
  const fromUtc = new Date(Date.parse(`${period.from}T00:00:00+08:00`)).toISOString();
  const toUtc = new Date(Date.parse(`${period.to}T00:00:00+08:00`) + 24 * HOUR).toISOString();
  const requests = await db
    .selectFrom('deskRequests')
    .select([
      'filedAt',
      'firstRespondedAt',
      'firstResponseDueAt',
      'answeredAt',
      'resolutionDueAt',
      'rating',
      'managerUserId',
      'streetCode',
    ])
    .where('districtCode', '=', districtCode)
    .where('filedAt', '>=', fromUtc)
    .where('filedAt', '<', toUtc)
    .execute();
  const directory = await listEnterpriseDirectory(db);
  const inDistrict = directory.filter((e) => e.districtCode === districtCode);
  const enterpriseById = new Map(directory.map((e) => [e.id, e]));
  const visits = await db
    .selectFrom('deskVisits')
    .select(['enterpriseId', 'managerUserId'])
    .where('status', '=', 'done')
    .where('visitDate', '>=', period.from)
    .where('visitDate', '<=', period.to)
    .execute();
  const districtVisits = visits.filter(
    (v) => enterpriseById.get(v.enterpriseId)?.districtCode === districtCode,
  );
  const assignments = await db
    .selectFrom('deskAssignments')
    .select(['enterpriseId', 'managerUserId'])
    .where('districtCode', '=', districtCode)
    .where('endedAt', 'is', null)
    .execute();

  // Retention needs every enterprise's history: one that moved away is no longer in the district.
  const { histories, unreadable } = await readHistories(deps, directory);
  const byStreet = retentionByPlace(histories, 'street');
  const byDistrict = retentionByPlace(histories, 'district');
  const historyOf = new Map(histories.map((h) => [h.enterpriseId, h]));

  const figures = (
    rows: typeof requests,
    visitCount: number,
    retention: ReturnType<typeof noRetention>,
  ): DeskFigures => ({
    ...requestFigures(rows, visitCount, now),
    ...retention,
  });

  const streets = district.streets.map((street) => ({
    code: street.code,
    nameZh: street.nameZh,
    nameEn: street.nameEn,
    figures: figures(
      requests.filter((r) => r.streetCode === street.code),
      districtVisits.filter((v) => enterpriseById.get(v.enterpriseId)?.streetCode === street.code).length,
      noRetention(inDistrict.filter((e) => e.streetCode === street.code).length, byStreet.get(street.code)),
    ),
  }));

  const managerIds = [
    ...new Set([
      ...assignments.map((a) => a.managerUserId),
      ...requests.flatMap((r) => (r.managerUserId ? [r.managerUserId] : [])),
      ...districtVisits.map((v) => v.managerUserId),
    ]),
  ];
  const names = await userDisplayNames(db, managerIds);
  const managers = managerIds
    .map((userId) => {
      const theirs = assignments.filter((a) => a.managerUserId === userId).map((a) => a.enterpriseId);
      // A manager's retained enterprises: those they look after that expanded from the street
      // they are still registered in. (Lost ones are no longer theirs: no loss or rate per manager.)
      const retained = theirs.filter((enterpriseId) => {
        const history = historyOf.get(enterpriseId);
        const street = enterpriseById.get(enterpriseId)?.streetCode;
        return history !== undefined && street != null && expandedFrom(history, 'street').has(street);
      }).length;
      return {
        userId,
        name: names.get(userId) ?? userId,
        figures: figures(
          requests.filter((r) => r.managerUserId === userId),
          districtVisits.filter((v) => v.managerUserId === userId).length,
          { enterprises: theirs.length, retained, lost: 0, retentionRate: null },
        ),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  return {
    period,
    district: {
      code: district.code,
      nameZh: district.nameZh,
      nameEn: district.nameEn,
      figures: figures(
        requests,
        districtVisits.length,
        noRetention(inDistrict.length, byDistrict.get(districtCode)),
      ),
    },
    streets,
    managers,
    unreadableEnterprises: unreadable,
  };
}

/** The districts the caller may open (for the page's choice). */
export async function metricsDistricts(db: Db, principal: Principal) {
  const districts = investmentDistricts(principal);
  return (await listDistricts(db))
    .filter((d) => districts === 'all' || districts.has(d.code))
    .map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}
