// Opening hours in the `Mo-Fr 09:00-17:00; Sa 09:00-12:00` style (a small subset of the
// OpenStreetMap opening_hours syntax): rules separated by `;`, each a day list (`Mo`, `Mo-Fr`,
// `Mo,We,Fr`, `Mo-We,Sa`) and either time ranges (`09:00-12:00,13:30-17:00`) or `off`.
// A later rule replaces what an earlier one said about the same day, as in OSM.

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

/** Minutes since local midnight, [start, end); end may be 24:00 (1440). */
export interface TimeRange {
  start: number;
  end: number;
}

/** Index 0 = Monday … 6 = Sunday; an empty list is a closed day. */
export type WeekSchedule = TimeRange[][];

export type ParseResult = { ok: true; schedule: WeekSchedule } | { ok: false; reason: string };

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parseTime(text: string): number | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 1440 ? undefined : minutes;
}

function parseDays(text: string): number[] | string {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    const start = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
    if (extra !== undefined || start < 0 || end < 0)
      return `unknown day "${part}" (use Mo Tu We Th Fr Sa Su)`;
    // Sa-Mo wraps over the week end.
    for (let day = start; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === end) break;
    }
  }
  return days;
}

function parseRanges(text: string): TimeRange[] | string {
  if (text === 'off' || text === 'closed') return [];
  const ranges: TimeRange[] = [];
  for (const part of text.split(',')) {
    const [from = '', to = '', extra] = part.split('-');
    const start = parseTime(from);
    const end = parseTime(to);
    if (extra !== undefined || start === undefined || end === undefined)
      return `bad time range "${part}" (use HH:MM-HH:MM)`;
    if (end <= start) return `time range "${part}" ends before it starts`;
    ranges.push({ start, end });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i += 1) {
    if (ranges[i]!.start < ranges[i - 1]!.end) return `time ranges overlap in "${text}"`;
  }
  return ranges;
}

/** Parses opening hours; an empty text or one that does not parse gives a reason in English. */
export function parseOpeningHours(text: string): ParseResult {
  const schedule: WeekSchedule = WEEKDAYS.map(() => []);
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'opening hours are empty' };
  if (trimmed === '24/7') return { ok: true, schedule: schedule.map(() => [{ start: 0, end: 1440 }]) };
  for (const rule of trimmed.split(';')) {
    const words = rule.trim().split(/\s+/);
    if (words.length !== 2) return { ok: false, reason: `rule "${rule.trim()}" is not "DAYS HH:MM-HH:MM"` };
    const days = parseDays(words[0]!);
    if (typeof days === 'string') return { ok: false, reason: days };
    const ranges = parseRanges(words[1]!);
    if (typeof ranges === 'string') return { ok: false, reason: ranges };
    for (const day of days) schedule[day] = ranges;
  }
  return { ok: true, schedule };
}

// Shanghai has kept UTC+8 without daylight saving since 1991, so local time is a fixed shift.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Day of week (0 = Monday) and minute of day in Asia/Shanghai. */
export function shanghaiClock(now: Date): { day: number; minute: number } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return { day: (local.getUTCDay() + 6) % 7, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** True when the schedule is open at `now` (Asia/Shanghai). */
export function isOpenAt(schedule: WeekSchedule, now: Date): boolean {
  const { day, minute } = shanghaiClock(now);
  return schedule[day]!.some((range) => range.start <= minute && minute < range.end);
}

/**
 * The next moment the facility opens after `now` (or undefined when it never opens), as an
 * ISO-8601 time with the +08:00 offset. When open now, that is the next opening after closing.
 */
export function nextOpeningAfter(schedule: WeekSchedule, now: Date): string | undefined {
  const { day, minute } = shanghaiClock(now);
  const localMidnight = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000;
  for (let offset = 0; offset <= 7; offset += 1) {
    const ranges = schedule[(day + offset) % 7]!;
    for (const range of ranges) {
      // Today, only a range that starts later is a coming opening.
      if (offset === 0 && range.start <= minute) continue;
      const at = new Date(localMidnight + offset * 86_400_000 + range.start * 60_000);
      return `${at.toISOString().slice(0, 16)}:00+08:00`;
    }
  }
  return undefined;
}
