// Resident identity card numbers (GB 11643-1999) and unified social credit codes (GB 32100-2015).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/**
 * True for an 18-character resident ID number with a real birth date (not in the future,
 * not before 1900) and a correct check character. A lowercase x is accepted.
 */
export function isValidIdNumber(value: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return false;
  }
  if (year < 1900 || birth.getTime() > today.getTime()) return false;
  return idNumberCheckChar(value.slice(0, 17)) === value[17]!.toUpperCase();
}

/** Normalises an ID number for storage: trimmed, check character upper-cased. */
export function normaliseIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** Builds a valid ID number from region, birth date (YYYYMMDD) and a 3-digit sequence. */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** "310109********1234": region kept for context, birth date and sequence hidden. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}

export function maskPhone(value: string): string {
  return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** True for an 18-character unified social credit code with a correct check character. */
export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  return usccCheckChar(value.slice(0, 17)) === value[17];
}

/** Builds a valid code: registration authority + type, region, then a 9-character body. */
export function makeUscc(prefix: string, regionCode: string, body9: string): string {
  const first17 = `${prefix}${regionCode}${body9}`;
  return first17 + usccCheckChar(first17);
}
