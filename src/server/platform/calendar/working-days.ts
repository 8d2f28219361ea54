import { OFFICIAL_HOLIDAY_NOTICES, type HolidayNotice } from './official-holidays.ts';

// China keeps UTC+8 all year (no daylight saving), so Asia/Shanghai dates are a fixed offset.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Shanghai calendar day, as an instant. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - SHANGHAI_OFFSET_MS);
}

function nextDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export interface Deadline {
  /** The Shanghai date of the last working day. */
  date: string;
  /** The end of that day, as an instant (stored in UTC). */
  endsAt: Date;
  /** False when some day counted lies in a year without a published calendar (weekends only). */
  isOfficial: boolean;
}

/**
 * Working days (工作日) of Asia/Shanghai: Monday to Friday, minus public holidays, plus the
 * make-up workdays (调休) that the State Council moves onto weekends.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Set<number>();

  constructor(notices: readonly HolidayNotice[] = OFFICIAL_HOLIDAY_NOTICES) {
    for (const notice of notices) {
      this.years.add(notice.year);
      for (const day of notice.holidays) this.holidays.add(day);
      for (const day of notice.workdays) this.workdays.add(day);
    }
  }

  /** Whether the calendar of that year has been published (and loaded). */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The deadline N working days after an instant. Counting starts the day after (受理次日起算),
   * so 0 days means the end of the same day.
   */
  addWorkingDays(from: Date, days: number): Deadline {
    if (!Number.isInteger(days) || days < 0)
      throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
    let date = shanghaiDate(from);
    let isOfficial = this.covers(Number(date.slice(0, 4)));
    let counted = 0;
    while (counted < days) {
      date = nextDate(date);
      if (!this.covers(Number(date.slice(0, 4)))) isOfficial = false;
      if (this.isWorkingDay(date)) counted += 1;
    }
    return { date, endsAt: endOfShanghaiDay(date), isOfficial };
  }

  /** Working days after `from`'s day up to and including `to`'s day (0 when on the same day). */
  workingDaysBetween(from: Date, to: Date): number {
    let date = shanghaiDate(from);
    const last = shanghaiDate(to);
    let count = 0;
    while (date < last) {
      date = nextDate(date);
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }
}
