import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { nowIso, type Db } from '../db/database.ts';
import { AppError, type FieldError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { interpolate, validationMessages } from '../i18n/messages.ts';
import { replaceCalendarYear, type CalendarDay } from './calendar.repository.ts';

export interface CalendarYearInput {
  source: string;
  days: CalendarDay[];
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** Field errors of a year's days (empty when fine): real dates, in the year, once each, workdays on weekends. */
export function calendarYearErrors(year: number, input: CalendarYearInput, locale: Locale): FieldError[] {
  const message = (key: string, params: Record<string, unknown> = {}) =>
    interpolate(validationMessages[key]![locale], params);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.days.forEach((day, index) => {
    const path = `/days/${index}/date`;
    if (!isRealDate(day.date)) {
      errors.push({ path, message: message('calendar.invalidDate', { date: day.date }) });
    } else if (!day.date.startsWith(`${year}-`)) {
      errors.push({ path, message: message('calendar.outsideYear', { year }) });
    } else if (seen.has(day.date)) {
      errors.push({ path, message: message('calendar.duplicateDate', { date: day.date }) });
    } else if (day.kind === 'workday' && ![0, 6].includes(new Date(`${day.date}T00:00:00Z`).getUTCDay())) {
      errors.push({ path: `/days/${index}/kind`, message: message('calendar.workdayNotWeekend') });
    }
    seen.add(day.date);
  });
  return errors;
}

/**
 * Makes a year's calendar official with exactly the given holidays and make-up workdays, in one
 * transaction with its audit record. The caller is a platform admin (checked by the route rule).
 * Throws VALIDATION_FAILED with field errors in the caller's language; nothing changes then.
 */
export async function setCalendarYear(
  db: Db,
  year: number,
  input: CalendarYearInput,
  context: { actor: AuditActor; requestId: string; locale: Locale },
): Promise<void> {
  const errors = calendarYearErrors(year, input, context.locale);
  if (errors.length) throw new AppError('VALIDATION_FAILED', {}, errors);
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  await db.transaction().execute(async (trx) => {
    await replaceCalendarYear(trx, {
      year,
      source: input.source,
      days,
      at: nowIso(),
      userId: context.actor.userId,
    });
    await appendAudit(trx, {
      actor: context.actor,
      action: 'calendar.year.set',
      objectType: 'calendar_year',
      objectId: String(year),
      requestId: context.requestId,
      details: {
        source: input.source,
        holidays: days.filter((day) => day.kind === 'holiday').map((day) => day.date),
        workdays: days.filter((day) => day.kind === 'workday').map((day) => day.date),
      },
    });
  });
}
