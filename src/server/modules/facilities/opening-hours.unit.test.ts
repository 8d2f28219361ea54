import { describe, expect, it } from 'vitest';
import { isOpenAt, nextOpeningAfter, parseOpeningHours, type WeekSchedule } from './opening-hours.ts';

function schedule(text: string): WeekSchedule {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.schedule;
}

// 2026-11-23 is a Monday; Shanghai is UTC+8.
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('opening hours', () => {
  it('parses day ranges, lists and several time ranges', () => {
    const week = schedule('Mo-Fr 09:00-17:00; Sa 09:00-12:00');
    expect(week[0]).toEqual([{ start: 540, end: 1020 }]);
    expect(week[5]).toEqual([{ start: 540, end: 720 }]);
    expect(week[6]).toEqual([]);
    const split = schedule('Mo,We,Fr 08:30-11:30,13:00-17:00');
    expect(split[2]).toEqual([
      { start: 510, end: 690 },
      { start: 780, end: 1020 },
    ]);
    expect(split[1]).toEqual([]);
    expect(schedule('Sa-Mo 10:00-24:00')[6]).toEqual([{ start: 600, end: 1440 }]);
    expect(schedule('24/7')[3]).toEqual([{ start: 0, end: 1440 }]);
  });

  it('lets a later rule replace an earlier one for the same day', () => {
    const week = schedule('Mo-Su 09:00-17:00; Su off');
    expect(week[5]).toHaveLength(1);
    expect(week[6]).toEqual([]);
  });

  it('refuses what it cannot read, saying why', () => {
    for (const bad of [
      '',
      'Mo-Fr',
      'Xx 09:00-17:00',
      'Mo 9-17',
      'Mo 17:00-09:00',
      'Mo 09:00-12:00,11:00-13:00',
      'Mo 25:00-26:00',
    ]) {
      const parsed = parseOpeningHours(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(5);
    }
  });

  it('is open or closed in Shanghai time, whatever the server zone', () => {
    const week = schedule('Mo-Fr 09:00-17:00; Sa 09:00-12:00');
    expect(isOpenAt(week, shanghai('2026-11-23T09:00'))).toBe(true);
    expect(isOpenAt(week, shanghai('2026-11-23T08:59'))).toBe(false);
    expect(isOpenAt(week, shanghai('2026-11-23T17:00'))).toBe(false);
    expect(isOpenAt(week, shanghai('2026-11-28T11:59'))).toBe(true);
    expect(isOpenAt(week, shanghai('2026-11-29T10:00'))).toBe(false);
    // 01:30 UTC on Monday is 09:30 Monday in Shanghai.
    expect(isOpenAt(week, new Date('2026-11-23T01:30:00Z'))).toBe(true);
  });

  it('finds the next opening', () => {
    const week = schedule('Mo-Fr 09:00-17:00; Sa 09:00-12:00');
    expect(nextOpeningAfter(week, shanghai('2026-11-23T07:00'))).toBe('2026-11-23T09:00:00+08:00');
    expect(nextOpeningAfter(week, shanghai('2026-11-23T10:00'))).toBe('2026-11-24T09:00:00+08:00');
    expect(nextOpeningAfter(week, shanghai('2026-11-28T13:00'))).toBe('2026-11-30T09:00:00+08:00');
    expect(nextOpeningAfter(schedule('Mo off'), shanghai('2026-11-28T13:00'))).toBeUndefined();
  });
});
