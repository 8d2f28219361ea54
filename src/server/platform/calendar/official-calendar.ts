import type { Db } from '../db/database.ts';
import { nowIso } from '../db/database.ts';
import { calendarChangeStamp, listOfficialDays, replaceCalendarYear } from './calendar.repository.ts';
import { officialDayNotes } from './official-holiday-names.ts';
import { OFFICIAL_HOLIDAY_NOTICES, type HolidayNotice } from './official-holidays.ts';
import { WorkingDayCalendar } from './working-days.ts';

/** The date each shipped notice was issued (the year becomes official from then). */
const NOTICE_DATES: Record<number, string> = {
  2025: '2024-11-12T00:00:00.000Z',
  2026: '2025-11-04T00:00:00.000Z',
};

/**
 * Writes the State Council notices that ship with Tongban (2025, 2026) into the calendar
 * tables, once per year: a year already there (perhaps corrected by an admin) is left alone.
 * Every city needs them, demo or not. Returns the years it wrote.
 */
export async function ensureOfficialCalendar(db: Db): Promise<number[]> {
  const written: number[] = [];
  for (const notice of OFFICIAL_HOLIDAY_NOTICES) {
    const wrote = await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('calendarYears')
        .select('year')
        .where('year', '=', notice.year)
        .executeTakeFirst();
      if (existing) return false;
      const notes = officialDayNotes(notice.year);
      await replaceCalendarYear(trx, {
        year: notice.year,
        source: notice.source,
        days: [
          ...notice.holidays.map((date) => ({ date, kind: 'holiday' as const, note: notes.get(date) ?? '' })),
          ...notice.workdays.map((date) => ({ date, kind: 'workday' as const, note: notes.get(date) ?? '' })),
        ],
        at: nowIso(),
        userId: null,
        ...(NOTICE_DATES[notice.year] ? { publishedAt: NOTICE_DATES[notice.year] } : {}),
      });
      return true;
    });
    if (wrote) written.push(notice.year);
  }
  return written;
}

/** Builds the working-day calendar from the tables: the official years and their days. */
export async function loadWorkingDayCalendar(db: Db): Promise<WorkingDayCalendar> {
  const { years, days } = await listOfficialDays(db);
  const notices = new Map<number, HolidayNotice>(
    years.map(({ year, source }) => [year, { year, source, holidays: [], workdays: [] }]),
  );
  for (const day of days) {
    const notice = notices.get(Number(day.date.slice(0, 4)));
    if (!notice) continue; // a day of a year that is not official counts for nothing
    (day.kind === 'holiday' ? notice.holidays : notice.workdays).push(day.date);
  }
  return new WorkingDayCalendar([...notices.values()]);
}

/**
 * The calendar the modules use: built from the database, rebuilt at once after an admin edit
 * in this process (`reload`), and at most every few seconds checked for edits made by another
 * process (`fresh`, through a cheap change stamp).
 */
export class CalendarHolder {
  private calendar = new WorkingDayCalendar([]);
  private stamp = '';
  private checkedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly options: { recheckMs?: number } = {},
  ) {}

  /** The calendar as last loaded. */
  current(): WorkingDayCalendar {
    return this.calendar;
  }

  /** Rebuilds the calendar from the database. */
  async reload(): Promise<WorkingDayCalendar> {
    // Stamp first: an edit landing in between makes the next check reload again, never miss it.
    const stamp = await calendarChangeStamp(this.db);
    const calendar = await loadWorkingDayCalendar(this.db);
    this.calendar = calendar;
    this.stamp = stamp;
    this.checkedAt = Date.now();
    return calendar;
  }

  /** The current calendar, reloaded first when another process changed the tables. */
  async fresh(): Promise<WorkingDayCalendar> {
    if (Date.now() - this.checkedAt >= (this.options.recheckMs ?? 5000)) {
      this.checkedAt = Date.now();
      if ((await calendarChangeStamp(this.db)) !== this.stamp) return this.reload();
    }
    return this.calendar;
  }
}
