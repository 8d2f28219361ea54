// Every generated register record is a pure function of the subject's ID number (or USCC): the
// same person gets the same contributions, vehicles and bills on every machine and in every
// process (the stand-alone department server and the platform agree without sharing a database).
import { seededRandom } from '../random.ts';

/** A PRNG seeded from a string (FNV-1a), salted per register so registers do not correlate. */
export function randomFor(key: string, salt: string): () => number {
  let hash = 0x811c9dc5;
  for (const char of `${salt}:${key}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return seededRandom(hash);
}

export function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Birth date (YYYY-MM-DD) and gender read from an 18-character ID number. */
export function personFromIdNumber(idNumber: string): { birthDate: string; gender: 'male' | 'female' } {
  const birth = idNumber.slice(6, 14);
  return {
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Whole years between a YYYY-MM-DD date and `asOf`. */
export function ageOn(birthDate: string, asOf: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = asOf.getUTCFullYear() - y;
  if (asOf.getUTCMonth() + 1 < m || (asOf.getUTCMonth() + 1 === m && asOf.getUTCDate() < d)) age -= 1;
  return age;
}

/** `YYYY-MM` months from `from` up to and including `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The month before `asOf` as `YYYY-MM` (contributions are booked for the month just ended). */
export function lastClosedMonth(asOf: Date): string {
  const y = asOf.getUTCFullYear();
  const m = asOf.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/** Invented employers of the demo city (names end in （演示） like every demo enterprise). */
export const DEMO_EMPLOYERS = [
  '上海虹通示范餐饮管理有限公司（演示）',
  '上海曲阳数智科技有限公司（演示）',
  '上海浦江示范物流有限公司（演示）',
  '上海申城示范医疗器械有限公司（演示）',
  '上海静安示范商贸有限公司（演示）',
  '上海长宁示范信息服务有限公司（演示）',
  '上海徐汇示范教育培训有限公司（演示）',
  '上海普陀示范建筑工程有限公司（演示）',
] as const;

/** Statutory retirement age of the demo (before the 2025 gradual reform, kept simple). */
export function retirementAge(gender: 'male' | 'female'): number {
  return gender === 'male' ? 60 : 55;
}
