// Money as both sides show it: integer fen (分) in, text out, with integer arithmetic only — a
// total of several bills is a sum of integers, never of floating-point yuan.

/** The sum of several amounts in fen; throws on anything that is not a safe non-negative integer. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount);
    total += amount;
  }
  assertFen(total);
  return total;
}

function assertFen(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not an amount in fen: ${amount}`);
}

/** "1,234.50" from 123450 fen: digits grouped by thousands, always two decimals. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${String(cents).padStart(2, '0')}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** One group of four digits (0..9999) in capital numerals, without its big unit. */
function groupInWords(group: number): string {
  let text = '';
  let pendingZero = false;
  for (let position = 3; position >= 0; position--) {
    const digit = Math.floor(group / 10 ** position) % 10;
    if (digit === 0) {
      if (text) pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += DIGITS[digit]! + SMALL_UNITS[position]!;
  }
  return text;
}

/**
 * The amount in capital Chinese numerals as receipts print it (大写金额), e.g. 10050 fen →
 * "壹佰元伍角整", 123405 → "壹仟贰佰叁拾肆元零伍分", 0 → "零元整".
 */
export function yuanInWords(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let integer = '';
  if (yuan === 0) integer = '';
  else {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
    let needZero = false;
    for (let index = groups.length - 1; index >= 0; index--) {
      const group = groups[index]!;
      if (group === 0) {
        needZero = integer !== '';
        continue;
      }
      if (integer && (needZero || group < 1000)) integer += '零';
      needZero = false;
      integer += groupInWords(group) + BIG_UNITS[index]!;
    }
    integer += '元';
  }
  if (jiao === 0 && fenDigit === 0) return `${integer || '零元'}整`;
  let decimals = '';
  if (jiao > 0) decimals += `${DIGITS[jiao]!}角`;
  else if (integer) decimals += '零';
  if (fenDigit > 0) decimals += `${DIGITS[fenDigit]!}分`;
  else decimals += '整';
  return integer + decimals;
}
