import { describe, expect, it } from 'vitest';
import { formatOpeningHours, type HoursWords } from './opening-hours-format.ts';

const zh: HoursWords = {
  day: (code) =>
    ({ Mo: '周一', Tu: '周二', We: '周三', Th: '周四', Fr: '周五', Sa: '周六', Su: '周日' })[code],
  dayRange: (from, to) => `${from}至${to}`,
  listSeparator: '、',
  closed: '休息',
};
const en: HoursWords = {
  day: (code) =>
    ({
      Mo: 'Monday',
      Tu: 'Tuesday',
      We: 'Wednesday',
      Th: 'Thursday',
      Fr: 'Friday',
      Sa: 'Saturday',
      Su: 'Sunday',
    })[code],
  dayRange: (from, to) => `${from} to ${to}`,
  listSeparator: ', ',
  closed: 'closed',
};

describe('opening hours in words', () => {
  it('reads the demo offices’ hours in both languages', () => {
    const hours = 'Mo-Fr 09:00-17:00; Sa 09:00-12:00';
    expect(formatOpeningHours(hours, zh)).toEqual(['周一至周五 09:00–17:00', '周六 09:00–12:00']);
    expect(formatOpeningHours(hours, en)).toEqual(['Monday to Friday 09:00–17:00', 'Saturday 09:00–12:00']);
  });

  it('reads day lists, split days and closed days', () => {
    expect(formatOpeningHours('Mo,We,Fr 09:00-11:30,13:30-17:00; Su off', zh)).toEqual([
      '周一、周三、周五 09:00–11:30、13:30–17:00',
      '周日 休息',
    ]);
  });

  it('gives up on what it cannot read, so the raw text is shown', () => {
    expect(formatOpeningHours('', en)).toBeNull();
    expect(formatOpeningHours('weekdays 9-5', en)).toBeNull();
    expect(formatOpeningHours('Mo-Fr 09:00-17:00 extra', en)).toBeNull();
  });
});
