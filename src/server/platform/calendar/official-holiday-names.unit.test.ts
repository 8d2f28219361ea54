import { describe, expect, it } from 'vitest';
import { officialDayNotes } from './official-holiday-names.ts';
import { OFFICIAL_HOLIDAY_NOTICES } from './official-holidays.ts';

describe('names of the official holidays', () => {
  it.each(OFFICIAL_HOLIDAY_NOTICES.map((notice) => [notice.year, notice] as const))(
    'names exactly the days of the %i notice',
    (year, notice) => {
      const notes = officialDayNotes(year);
      expect([...notes.keys()].sort()).toEqual([...notice.holidays, ...notice.workdays].sort());
      for (const day of notice.workdays) expect(notes.get(day)).toMatch(/调休上班$/);
      for (const day of notice.holidays) expect(notes.get(day)).not.toMatch(/调休/);
    },
  );

  it('says what a day is for', () => {
    expect(officialDayNotes(2026).get('2026-10-10')).toBe('国庆节调休上班');
    expect(officialDayNotes(2026).get('2026-02-17')).toBe('春节');
    expect(officialDayNotes(2027).size).toBe(0);
  });
});
