// Public holidays and make-up workdays (调休) as the State Council published them. Later years
// are added by admins as the notices appear; a year missing here is never guessed.

export interface HolidayNotice {
  year: number;
  /** The notice it comes from. */
  source: string;
  /** Days off (放假), YYYY-MM-DD in Asia/Shanghai. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day <= new Date(`${to}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

export const OFFICIAL_HOLIDAY_NOTICES: HolidayNotice[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    holidays: [
      '2025-01-01',
      ...dayRange('2025-01-28', '2025-02-04'),
      ...dayRange('2025-04-04', '2025-04-06'),
      ...dayRange('2025-05-01', '2025-05-05'),
      ...dayRange('2025-05-31', '2025-06-02'),
      ...dayRange('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ...dayRange('2026-01-01', '2026-01-03'),
      ...dayRange('2026-02-15', '2026-02-23'),
      ...dayRange('2026-04-04', '2026-04-06'),
      ...dayRange('2026-05-01', '2026-05-05'),
      ...dayRange('2026-06-19', '2026-06-21'),
      ...dayRange('2026-09-25', '2026-09-27'),
      ...dayRange('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
