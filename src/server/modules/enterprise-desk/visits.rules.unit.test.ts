import { describe, expect, it } from 'vitest';
import { isInQuietPeriod, periodOf, visitWarnings, type QuietPeriodRule } from './visits.rules.ts';

const monthEnd: QuietPeriodRule = {
  id: 'q1',
  kind: 'monthly',
  dayFrom: 1,
  dayTo: 5,
  startDate: null,
  endDate: null,
  label: '季末结账',
};
const audit: QuietPeriodRule = {
  id: 'q2',
  kind: 'range',
  dayFrom: null,
  dayTo: null,
  startDate: '2026-12-20',
  endDate: '2027-01-03',
  label: '年度审计',
};

describe('visit periods', () => {
  it('finds the month, quarter and year a date falls in', () => {
    expect(periodOf('2026-02-14', 'month')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf('2028-02-14', 'month')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2026-05-31', 'quarter')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('2026-12-01', 'quarter')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('2026-07-07', 'year')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });
});

describe('quiet periods', () => {
  it('covers days of every month, bounds included', () => {
    expect(isInQuietPeriod('2026-03-01', monthEnd)).toBe(true);
    expect(isInQuietPeriod('2026-03-05', monthEnd)).toBe(true);
    expect(isInQuietPeriod('2026-03-06', monthEnd)).toBe(false);
  });
  it('covers a date range across a year end', () => {
    expect(isInQuietPeriod('2026-12-31', audit)).toBe(true);
    expect(isInQuietPeriod('2027-01-03', audit)).toBe(true);
    expect(isInQuietPeriod('2027-01-04', audit)).toBe(false);
  });
});

describe('visit warnings', () => {
  const cap = { maxVisits: 2, period: 'month' as const };
  it('warns when the period already holds the cap', () => {
    expect(visitWarnings({ date: '2026-03-10', cap, visitsInPeriod: 1, quietPeriods: [] })).toEqual([]);
    expect(visitWarnings({ date: '2026-03-10', cap, visitsInPeriod: 2, quietPeriods: [] })).toEqual([
      {
        code: 'visit_cap',
        maxVisits: 2,
        period: 'month',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        visitsInPeriod: 2,
      },
    ]);
  });
  it('has no cap warning without a cap, and names each quiet period broken', () => {
    const warnings = visitWarnings({
      date: '2027-01-02',
      cap: undefined,
      visitsInPeriod: 9,
      quietPeriods: [monthEnd, audit],
    });
    expect(warnings.map((w) => w.code === 'quiet_period' && w.quietPeriodId)).toEqual(['q1', 'q2']);
  });
});
