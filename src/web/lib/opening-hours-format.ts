// Opening hours as people read them. The server keeps them in the facilities' syntax
// (`Mo-Fr 09:00-17:00; Sa 09:00-12:00`, a subset of OpenStreetMap opening_hours); this turns
// each rule into words of the page's language, or gives up (null) so the raw text is shown.

const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type DayCode = (typeof DAY_CODES)[number];

export interface HoursWords {
  /** 周一 / Monday */
  day(code: DayCode): string;
  /** 周一至周五 / Monday to Friday */
  dayRange(from: string, to: string): string;
  /** 、 / , */
  listSeparator: string;
  /** 休息 / closed */
  closed: string;
}

const isDay = (text: string): text is DayCode => (DAY_CODES as readonly string[]).includes(text);
const TIME_RANGE = /^([0-2]\d:[0-5]\d)-([0-2]\d:[0-5]\d)$/;

function days(text: string, words: HoursWords): string | null {
  const parts: string[] = [];
  for (const part of text.split(',')) {
    const [from = '', to, extra] = part.split('-');
    if (extra !== undefined || !isDay(from) || (to !== undefined && !isDay(to))) return null;
    parts.push(to === undefined ? words.day(from) : words.dayRange(words.day(from), words.day(to)));
  }
  return parts.join(words.listSeparator);
}

function times(text: string, words: HoursWords): string | null {
  if (text === 'off' || text === 'closed') return words.closed;
  const parts: string[] = [];
  for (const part of text.split(',')) {
    const match = TIME_RANGE.exec(part);
    if (!match) return null;
    parts.push(`${match[1]}–${match[2]}`);
  }
  return parts.join(words.listSeparator);
}

/** One readable line per rule, e.g. ["周一至周五 09:00–17:00", "周六 09:00–12:00"]; null if unreadable. */
export function formatOpeningHours(text: string, words: HoursWords): string[] | null {
  const rules = text
    .split(';')
    .map((rule) => rule.trim())
    .filter(Boolean);
  if (rules.length === 0) return null;
  const lines: string[] = [];
  for (const rule of rules) {
    const [dayText = '', timeText = '', extra] = rule.split(/\s+/);
    const dayWords = days(dayText, words);
    const timeWords = times(timeText, words);
    if (extra !== undefined || dayWords === null || timeWords === null) return null;
    lines.push(`${dayWords} ${timeWords}`);
  }
  return lines;
}
