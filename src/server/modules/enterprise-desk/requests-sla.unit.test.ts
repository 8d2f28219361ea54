import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../platform/calendar/working-days.ts';
import { addWorkingHours, reminderTimes, requestDueTimes } from './requests-sla.ts';

const calendar = new WorkingDayCalendar();
const at = (iso: string) => new Date(iso);

describe('working hours of requests (09:00–17:00 Asia/Shanghai, working days)', () => {
  it('counts within the day', () => {
    // Wed 2026-11-25 10:00 Shanghai = 02:00Z; +4h → 14:00 Shanghai.
    expect(addWorkingHours(calendar, at('2026-11-25T02:00:00Z'), 4).toISOString()).toBe(
      '2026-11-25T06:00:00.000Z',
    );
  });

  it('carries over the evening to the next working day', () => {
    // Wed 15:00 Shanghai + 4h: 2h today, 2h Thursday from 09:00 → Thu 11:00.
    expect(addWorkingHours(calendar, at('2026-11-25T07:00:00Z'), 4).toISOString()).toBe(
      '2026-11-26T03:00:00.000Z',
    );
  });

  it('starts at 09:00 when filed before office hours, or in the evening', () => {
    expect(addWorkingHours(calendar, at('2026-11-24T23:00:00Z'), 1).toISOString()).toBe(
      '2026-11-25T02:00:00.000Z',
    );
    expect(addWorkingHours(calendar, at('2026-11-25T12:00:00Z'), 1).toISOString()).toBe(
      '2026-11-26T02:00:00.000Z',
    );
  });

  it('skips weekends and the National Day holiday, and counts the 调休 Saturday', () => {
    // Fri 2026-11-27 16:00 Shanghai + 4h → Mon 2026-11-30 12:00.
    expect(addWorkingHours(calendar, at('2026-11-27T08:00:00Z'), 4).toISOString()).toBe(
      '2026-11-30T04:00:00.000Z',
    );
    // 2026-09-30 (Wed) 16:00 + 2h: the holiday runs 10-01..10-07; Sat 10-10 is a make-up workday.
    const after = addWorkingHours(calendar, at('2026-09-30T08:00:00Z'), 2);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(after.toISOString()).toBe('2026-10-08T02:00:00.000Z');
  });

  it('resolution in working days, reminders before each target', () => {
    const from = at('2026-11-25T02:00:00Z');
    const due = requestDueTimes(calendar, 'policy_question', from);
    expect(due.firstResponseDueAt.toISOString()).toBe('2026-11-25T06:00:00.000Z');
    // Three working days counted from the next day: Thu, Fri, Mon → end of Mon 2026-11-30.
    expect(due.resolutionDueAt.toISOString()).toBe('2026-11-30T15:59:59.999Z');
    const reminders = reminderTimes(calendar, 'policy_question', from, due);
    expect(reminders.firstResponse.toISOString()).toBe('2026-11-25T05:00:00.000Z');
    expect(reminders.resolution.toISOString()).toBe('2026-11-27T15:59:59.999Z');
  });
});

describe('working hours: properties', () => {
  const instants = fc
    .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-12-20T00:00:00Z') })
    .map((ms) => new Date(ms));
  const shanghaiHourOf = (instant: Date) => (instant.getUTCHours() + 8) % 24;

  it('lands inside 09:00–17:00 of a working day, later than it started', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 40 }), (from, hours) => {
        const due = addWorkingHours(calendar, from, hours);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
        const date = new Date(due.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(calendar.isWorkingDay(date)).toBe(true);
        const hour = shanghaiHourOf(due) + due.getUTCMinutes() / 60;
        expect(hour).toBeGreaterThan(9);
        expect(hour).toBeLessThanOrEqual(17);
      }),
    );
  });

  it('adds up: a then b working hours is a + b working hours', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (from, a, b) => {
          const stepped = addWorkingHours(calendar, addWorkingHours(calendar, from, a), b);
          expect(stepped.toISOString()).toBe(addWorkingHours(calendar, from, a + b).toISOString());
        },
      ),
    );
  });

  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(instants, instants, fc.integer({ min: 1, max: 16 }), (x, y, hours) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        expect(addWorkingHours(calendar, early, hours).getTime()).toBeLessThanOrEqual(
          addWorkingHours(calendar, late, hours).getTime(),
        );
      }),
    );
  });
});
