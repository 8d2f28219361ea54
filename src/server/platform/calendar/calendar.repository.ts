import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { CalendarDayKind } from './calendar.tables.ts';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  note: string;
}

const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The official year's row, or undefined when that year's calendar is not published. */
export function findCalendarYear(db: Db, year: number) {
  return db
    .selectFrom('calendarYears')
    .select(['year', 'source', 'publishedAt', 'updatedAt'])
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function listCalendarYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('calendarYears').select('year').orderBy('year').execute();
  return rows.map((row) => Number(row.year));
}

/** The holidays and make-up workdays of a year, by date. */
export function listCalendarDays(db: Db, year: number): Promise<CalendarDay[]> {
  const [first, last] = yearBounds(year);
  return db
    .selectFrom('calendarDays')
    .select(['date', 'kind', 'note'])
    .where('date', '>=', first)
    .where('date', '<=', last)
    .orderBy('date')
    .execute();
}

/** Every day of every official year, for building the in-memory calendar. */
export async function listOfficialDays(db: Db) {
  const [years, days] = await Promise.all([
    db.selectFrom('calendarYears').select(['year', 'source']).orderBy('year').execute(),
    db.selectFrom('calendarDays').select(['date', 'kind']).orderBy('date').execute(),
  ]);
  return { years: years.map((row) => ({ year: Number(row.year), source: row.source })), days };
}

/**
 * Makes `year` official with exactly `days` (the year's earlier days are removed). Runs inside
 * the caller's transaction, so the audit record can go with it.
 */
export async function replaceCalendarYear(
  trx: Transaction<Database>,
  input: {
    year: number;
    source: string;
    days: CalendarDay[];
    at: string;
    userId: string | null;
    publishedAt?: string;
  },
): Promise<void> {
  const [first, last] = yearBounds(input.year);
  await trx
    .insertInto('calendarYears')
    .values({
      year: input.year,
      source: input.source,
      publishedAt: input.publishedAt ?? input.at,
      updatedAt: input.at,
      updatedByUserId: input.userId,
    })
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet({ source: input.source, updatedAt: input.at, updatedByUserId: input.userId }),
    )
    .execute();
  await trx.deleteFrom('calendarDays').where('date', '>=', first).where('date', '<=', last).execute();
  if (input.days.length === 0) return;
  await trx
    .insertInto('calendarDays')
    .values(
      input.days.map((day) => ({
        ...day,
        source: input.source,
        updatedAt: input.at,
        updatedByUserId: input.userId,
      })),
    )
    .execute();
}

/** Changes whenever any year or day is written, here or by another process. */
export async function calendarChangeStamp(db: Db): Promise<string> {
  const [years, days] = await Promise.all([
    db
      .selectFrom('calendarYears')
      .select((eb) => [eb.fn.max('updatedAt').as('at'), eb.fn.countAll<number>().as('n')])
      .executeTakeFirst(),
    db
      .selectFrom('calendarDays')
      .select((eb) => [eb.fn.max('updatedAt').as('at'), eb.fn.countAll<number>().as('n')])
      .executeTakeFirst(),
  ]);
  return `${String(years?.at)}|${String(years?.n)}|${String(days?.at)}|${String(days?.n)}`;
}
