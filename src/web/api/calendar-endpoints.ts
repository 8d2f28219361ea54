// Typed calls for the working-day calendar (Asia/Shanghai holidays and make-up workdays).
import { api } from './client.ts';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  note: string;
}

export interface CalendarYear {
  year: number;
  isOfficial: boolean;
  source: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  officialYears: number[];
  days: CalendarDay[];
}

export const getCalendarYear = (year: number) => api.get<CalendarYear>(`/api/v1/calendar?year=${year}`);
export const setCalendarYear = (year: number, body: { source: string; days: CalendarDay[] }) =>
  api.put<void>(`/api/v1/admin/calendar/years/${year}`, body);
