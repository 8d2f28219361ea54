export type CalendarDayKind = 'holiday' | 'workday';

/** A day that is not what its weekday says: a public holiday (放假) or a make-up workday (调休上班). */
export interface CalendarDayTable {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  kind: CalendarDayKind;
  /** What it is for, e.g. 春节 or 国庆节调休上班. */
  note: string;
  /** The notice it comes from. */
  source: string;
  updatedAt: string;
  updatedByUserId: string | null;
}

/** A year whose calendar is official (published by the State Council and entered here). */
export interface CalendarYearTable {
  year: number;
  source: string;
  /** When the year became official here (for the shipped years: the notice's date). */
  publishedAt: string;
  updatedAt: string;
  updatedByUserId: string | null;
}
