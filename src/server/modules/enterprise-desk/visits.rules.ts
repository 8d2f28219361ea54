// The rules of 无事不扰 as pure functions: which period a visit counts in, and what a planned
// visit would break (the district's cap, the enterprise's quiet periods). The server computes
// the warnings; the manager may go ahead only with a reason.
import type { QuietPeriodKind, VisitCapPeriod } from './visits.tables.ts';

export interface VisitCap {
  maxVisits: number;
  period: VisitCapPeriod;
}

export interface QuietPeriodRule {
  id: string;
  kind: QuietPeriodKind;
  dayFrom: number | null;
  dayTo: number | null;
  startDate: string | null;
  endDate: string | null;
  label: string;
}

export type VisitWarning =
  | {
      code: 'visit_cap';
      maxVisits: number;
      period: VisitCapPeriod;
      periodStart: string;
      periodEnd: string;
      /** Visits already planned or done in that period (cancelled ones do not count). */
      visitsInPeriod: number;
    }
  | {
      code: 'quiet_period';
      quietPeriodId: string;
      label: string;
      kind: QuietPeriodKind;
      dayFrom: number | null;
      dayTo: number | null;
      startDate: string | null;
      endDate: string | null;
    };

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last date (YYYY-MM-DD, inclusive) of the period a date falls in. */
export function periodOf(date: string, period: VisitCapPeriod): { start: string; end: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const [first, last] =
    period === 'month'
      ? [month, month]
      : period === 'quarter'
        ? [Math.floor((month - 1) / 3) * 3 + 1, Math.floor((month - 1) / 3) * 3 + 3]
        : [1, 12];
  return {
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

/** True when the date lies in the quiet period (days of every month, or a date range). */
export function isInQuietPeriod(date: string, quiet: QuietPeriodRule): boolean {
  if (quiet.kind === 'range') {
    return (
      quiet.startDate !== null && quiet.endDate !== null && date >= quiet.startDate && date <= quiet.endDate
    );
  }
  const day = Number(date.slice(8, 10));
  return quiet.dayFrom !== null && quiet.dayTo !== null && day >= quiet.dayFrom && day <= quiet.dayTo;
}

/**
 * What a visit on `date` would break: the cap when the period already holds `visitsInPeriod`
 * visits (the new one would be one too many), and every quiet period the date falls in.
 */
export function visitWarnings(input: {
  date: string;
  cap: VisitCap | undefined;
  visitsInPeriod: number;
  quietPeriods: readonly QuietPeriodRule[];
}): VisitWarning[] {
  const warnings: VisitWarning[] = [];
  if (input.cap && input.visitsInPeriod >= input.cap.maxVisits) {
    const { start, end } = periodOf(input.date, input.cap.period);
    warnings.push({
      code: 'visit_cap',
      maxVisits: input.cap.maxVisits,
      period: input.cap.period,
      periodStart: start,
      periodEnd: end,
      visitsInPeriod: input.visitsInPeriod,
    });
  }
  for (const quiet of input.quietPeriods) {
    if (!isInQuietPeriod(input.date, quiet)) continue;
    warnings.push({
      code: 'quiet_period',
      quietPeriodId: quiet.id,
      label: quiet.label,
      kind: quiet.kind,
      dayFrom: quiet.dayFrom,
      dayTo: quiet.dayTo,
      startDate: quiet.startDate,
      endDate: quiet.endDate,
    });
  }
  return warnings;
}
