import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, sumFen, yuanInWords } from './money.ts';

describe('money in fen', () => {
  it('adds amounts exactly where floating-point yuan would not', () => {
    // 0.1 + 0.2 yuan is 0.30000000000000004 in floating point; in fen it is 30.
    expect(sumFen([10, 20])).toBe(30);
    expect(formatYuan(sumFen([10, 20]))).toBe('0.30');
    expect(formatYuan(sumFen([4_567, 12_389, 1]))).toBe('169.57');
  });

  it('refuses what is not a non-negative safe integer', () => {
    expect(() => sumFen([1.5])).toThrow(RangeError);
    expect(() => sumFen([-1])).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
  });

  it('formats yuan with thousands and two decimals', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123_450)).toBe('1,234.50');
    expect(formatYuan(100_000_000)).toBe('1,000,000.00');
  });

  it('formats any amount back to the same number of fen', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 20 }), (amounts) => {
        const text = formatYuan(sumFen(amounts)).replace(/,/g, '');
        const [yuan, cents] = text.split('.') as [string, string];
        expect(Number(yuan) * 100 + Number(cents)).toBe(amounts.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('writes the amount in capital numerals as receipts do', () => {
    expect(yuanInWords(0)).toBe('零元整');
    expect(yuanInWords(5)).toBe('伍分');
    expect(yuanInWords(50)).toBe('伍角整');
    expect(yuanInWords(100)).toBe('壹元整');
    expect(yuanInWords(10_050)).toBe('壹佰元伍角整');
    expect(yuanInWords(123_405)).toBe('壹仟贰佰叁拾肆元零伍分');
    expect(yuanInWords(100_000)).toBe('壹仟元整');
    expect(yuanInWords(1_000_100)).toBe('壹万零壹元整');
    expect(yuanInWords(10_010_000_00)).toBe('壹仟零壹万元整');
    expect(yuanInWords(2_000_000_000)).toBe('贰仟万元整');
    expect(yuanInWords(10_000_000_000)).toBe('壹亿元整');
    expect(yuanInWords(10_000_100_000)).toBe('壹亿零壹仟元整');
    expect(yuanInWords(25_607)).toBe('贰佰伍拾陆元零柒分');
  });
});
