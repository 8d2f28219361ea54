import { describe, expect, it } from 'vitest';
import { dayRange } from './official-holidays.ts';
import { WorkingDayCalendar, endOfShanghaiDay, shanghaiDate } from './working-days.ts';

const calendar = new WorkingDayCalendar();
/** An instant at a Shanghai wall-clock time. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('Asia/Shanghai dates', () => {
  it('takes the Shanghai day of an instant, not the UTC one', () => {
    expect(shanghaiDate(new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-25');
    expect(shanghaiDate(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(endOfShanghaiDay('2026-11-24').toISOString()).toBe('2026-11-24T15:59:59.999Z');
  });
});

describe('working days (2025 and 2026 as published by the State Council)', () => {
  it('knows weekdays, weekends, holidays and make-up workdays', () => {
    expect(calendar.isWorkingDay('2026-11-24')).toBe(true); // a Tuesday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // a Saturday
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday make-up workday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday before the Spring Festival
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // a Monday inside the Spring Festival
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday make-up workday
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // a Wednesday of the merged 8-day holiday
  });

  it('counts a plain week from the next day', () => {
    // Filed on Tuesday 24 Nov 2026: 5 working days end on Tuesday 1 Dec.
    expect(calendar.addWorkingDays(at('2026-11-24T10:00:00'), 5)).toMatchObject({
      date: '2026-12-01',
      isOfficial: true,
    });
    expect(calendar.addWorkingDays(at('2026-11-24T10:00:00'), 0).date).toBe('2026-11-24');
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    // Filed Wednesday 30 Sep 2026. 1–7 Oct off, Sat 10 Oct is a workday.
    // Working days: Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    expect(calendar.addWorkingDays(at('2026-09-30T16:00:00'), 5).date).toBe('2026-10-13');
  });

  it('spans the Spring Festival with its make-up Saturdays', () => {
    // Filed Friday 13 Feb 2026: Sat 14 (workday), 15–23 off, Tue 24 … Fri 27, Sat 28 (workday).
    const deadline = calendar.addWorkingDays(at('2026-02-13T09:00:00'), 6);
    expect(deadline.date).toBe('2026-02-28');
    expect(deadline.endsAt.toISOString()).toBe('2026-02-28T15:59:59.999Z');
  });

  it('uses the Shanghai day of a late-evening filing', () => {
    // 23:30 in Shanghai on Friday 27 Nov is still Friday there (15:30 UTC).
    expect(calendar.addWorkingDays(new Date('2026-11-27T15:30:00Z'), 1).date).toBe('2026-11-30');
    // 00:30 on Saturday in Shanghai is Friday 16:30 UTC: the Shanghai day decides.
    expect(calendar.addWorkingDays(new Date('2026-11-27T16:30:00Z'), 1).date).toBe('2026-11-30');
  });

  it('says when a deadline runs into a year without a published calendar', () => {
    const deadline = calendar.addWorkingDays(at('2026-12-28T10:00:00'), 10);
    expect(deadline.isOfficial).toBe(false);
    expect(calendar.covers(2027)).toBe(false);
  });

  it('counts elapsed working days', () => {
    expect(calendar.workingDaysBetween(at('2026-09-30T10:00:00'), at('2026-10-13T10:00:00'))).toBe(5);
    expect(calendar.workingDaysBetween(at('2026-11-24T09:00:00'), at('2026-11-24T18:00:00'))).toBe(0);
  });

  it('has every day of the notices: 248 working days in 2025 and in 2026', () => {
    // Counted by hand from the notices. 2025: 261 weekdays, 18 of them off, 5 weekend make-up
    // days. 2026: 261 weekdays, 19 of them off, 6 weekend make-up days.
    const workingDaysIn = (year: number) =>
      dayRange(`${year}-01-01`, `${year}-12-31`).filter((day) => calendar.isWorkingDay(day)).length;
    expect(workingDaysIn(2025)).toBe(248);
    expect(workingDaysIn(2026)).toBe(248);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays(new Date(), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});
