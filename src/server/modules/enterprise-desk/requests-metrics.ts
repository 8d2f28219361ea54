// The desk's request figures per manager, street or district over a period, for the desk
// metrics and dashboards (desk-metrics reads them through this function, never the tables).
import type { Db } from '../../platform/db/database.ts';
import { userDisplayNames } from '../identity/applicants.service.ts';

export type RequestMetricsGrouping = 'manager' | 'street' | 'district';

export interface RequestMetricsRow {
  /** The manager's user id, the street code or the district code ('' when not known yet). */
  key: string;
  /** The manager's display name; the code itself for streets and districts. */
  label: string;
  /** Requests filed in the period. */
  filed: number;
  /** Mean hours from filing to the manager's first response, over those responded to. */
  firstResponseHoursAvg: number | null;
  /** Share of requests whose first response came by its target (open ones past it count as late). */
  firstResponseOnTimeRate: number | null;
  /** Mean hours from filing to the (latest) answer, over answered requests. */
  resolutionHoursAvg: number | null;
  /** Share answered by the resolution target, over requests answered or already past it. */
  onTimeRate: number | null;
  /** Mean rating (1–5) and how many were rated. */
  satisfactionAvg: number | null;
  rated: number;
  resolved: number;
  reopened: number;
}

const HOUR_MS = 3_600_000;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Request figures over requests filed in [from, to), grouped by the handling manager, the street
 * or the district, optionally only in one district. Times are elapsed clock hours; "on time" is
 * against the working-hour / working-day targets stored with each request.
 */
export async function requestMetrics(
  db: Db,
  options: { from: string; to: string; groupBy: RequestMetricsGrouping; districtCode?: string; now?: Date },
): Promise<RequestMetricsRow[]> {
  let query = db
    .selectFrom('deskRequests')
    .select([
      'managerUserId',
      'streetCode',
      'districtCode',
      'status',
      'filedAt',
      'firstResponseDueAt',
      'firstRespondedAt',
      'resolutionDueAt',
      'answeredAt',
      'rating',
      'reopenCount',
    ])
    .where('filedAt', '>=', options.from)
    .where('filedAt', '<', options.to);
  if (options.districtCode) query = query.where('districtCode', '=', options.districtCode);
  const rows = await query.execute();
  const now = (options.now ?? new Date()).toISOString();
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key =
      (options.groupBy === 'manager'
        ? row.managerUserId
        : options.groupBy === 'street'
          ? row.streetCode
          : row.districtCode) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const names =
    options.groupBy === 'manager'
      ? await userDisplayNames(db, [...groups.keys()].filter(Boolean))
      : new Map();
  return [...groups.entries()]
    .map(([key, list]) => {
      const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR_MS;
      const responded = list.filter((r) => r.firstRespondedAt !== null);
      const firstDecided = list.filter((r) => r.firstRespondedAt !== null || now > r.firstResponseDueAt);
      const answered = list.filter((r) => r.answeredAt !== null);
      const decided = list.filter((r) => r.answeredAt !== null || now > r.resolutionDueAt);
      const rated = list.flatMap((r) => (r.rating === null ? [] : [r.rating]));
      return {
        key,
        label: names.get(key) ?? key,
        filed: list.length,
        firstResponseHoursAvg: round(mean(responded.map((r) => hours(r.filedAt, r.firstRespondedAt!)))),
        firstResponseOnTimeRate: firstDecided.length
          ? round(
              firstDecided.filter(
                (r) => r.firstRespondedAt !== null && r.firstRespondedAt <= r.firstResponseDueAt,
              ).length / firstDecided.length,
              4,
            )
          : null,
        resolutionHoursAvg: round(mean(answered.map((r) => hours(r.filedAt, r.answeredAt!)))),
        onTimeRate: decided.length
          ? round(
              decided.filter((r) => r.answeredAt !== null && r.answeredAt <= r.resolutionDueAt).length /
                decided.length,
              4,
            )
          : null,
        satisfactionAvg: round(mean(rated)),
        rated: rated.length,
        resolved: list.filter((r) => r.status === 'resolved').length,
        reopened: list.filter((r) => r.reopenCount > 0).length,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
