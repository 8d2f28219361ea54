import { dayRange } from './official-holidays.ts';

// What each day of the State Council's notices is for, so the calendar can say 春节 or
// 国庆节调休上班 beside a date. Kept apart from the notices themselves, which stay as published;
// a unit test checks that both name exactly the same days.

interface NamedHoliday {
  name: string;
  from: string;
  to: string;
  /** The make-up workdays (调休上班) that belong to this holiday. */
  workdays: string[];
}

const NAMED_HOLIDAYS: Record<number, NamedHoliday[]> = {
  2025: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
  ],
};

/** The note of every day the notice of `year` names: 春节 for a holiday, 春节调休上班 for a workday. */
export function officialDayNotes(year: number): Map<string, string> {
  const notes = new Map<string, string>();
  for (const holiday of NAMED_HOLIDAYS[year] ?? []) {
    for (const day of dayRange(holiday.from, holiday.to)) notes.set(day, holiday.name);
    for (const day of holiday.workdays) notes.set(day, `${holiday.name}调休上班`);
  }
  return notes;
}
