// Service targets of requests (诉求): a first response within working hours and a resolution
// within working days, per category, on the working-day calendar of Asia/Shanghai.
import {
  endOfShanghaiDay,
  shanghaiDate,
  type WorkingDayCalendar,
} from '../../platform/calendar/working-days.ts';
import { REQUEST_TARGETS, type RequestCategory } from '../../../contracts/desk-requests.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_START_HOUR = 9;
const DAY_END_HOUR = 17;
const HOUR_MS = 3_600_000;

/** The instant of a Shanghai date at a whole hour. */
function shanghaiHour(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS - SHANGHAI_OFFSET_MS);
}

function nextDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The instant `hours` working hours after `from`: time counts only 09:00–17:00 (Asia/Shanghai)
 * of working days (holidays skipped, 调休 workdays counted). Filed in the evening, on a weekend
 * or a holiday, the clock starts at 09:00 of the next working day.
 */
export function addWorkingHours(calendar: WorkingDayCalendar, from: Date, hours: number): Date {
  if (!(hours > 0)) throw new RangeError(`working hours must be positive, got ${hours}`);
  let remainingMs = hours * HOUR_MS;
  let date = shanghaiDate(from);
  let cursor = from;
  for (let guard = 0; guard < 3660; guard += 1) {
    if (calendar.isWorkingDay(date)) {
      const start = shanghaiHour(date, DAY_START_HOUR);
      const end = shanghaiHour(date, DAY_END_HOUR);
      const begin = cursor > start ? cursor : start;
      if (begin < end) {
        const available = end.getTime() - begin.getTime();
        if (remainingMs <= available) return new Date(begin.getTime() + remainingMs);
        remainingMs -= available;
      }
    }
    date = nextDate(date);
    cursor = shanghaiHour(date, 0);
  }
  throw new RangeError('no working hours found within ten years');
}

/** Both targets of a request filed (or reopened) at `from`. */
export function requestDueTimes(
  calendar: WorkingDayCalendar,
  category: RequestCategory,
  from: Date,
): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const targets = REQUEST_TARGETS[category];
  return {
    firstResponseDueAt: addWorkingHours(calendar, from, targets.firstResponseHours),
    resolutionDueAt: calendar.addWorkingDays(from, targets.resolutionDays).endsAt,
  };
}

/**
 * When to remind before a target: one working hour before a first-response target (or half
 * the time when that is sooner), the end of the working day before a resolution target.
 */
export function reminderTimes(
  calendar: WorkingDayCalendar,
  category: RequestCategory,
  from: Date,
  due: { firstResponseDueAt: Date; resolutionDueAt: Date },
): { firstResponse: Date; resolution: Date } {
  const targets = REQUEST_TARGETS[category];
  const firstSpan = due.firstResponseDueAt.getTime() - from.getTime();
  const firstResponse = new Date(due.firstResponseDueAt.getTime() - Math.min(HOUR_MS, firstSpan / 2));
  const resolution =
    targets.resolutionDays >= 1
      ? endOfShanghaiDay(calendar.addWorkingDays(from, targets.resolutionDays - 1).date)
      : new Date(due.resolutionDueAt.getTime() - 2 * HOUR_MS);
  return { firstResponse, resolution };
}
