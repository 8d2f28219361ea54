import { describe, expect, it } from 'vitest';
import {
  isValidIdNumber,
  isValidUscc,
  makeIdNumber,
  makeUscc,
  maskIdNumber,
  usccCheckChar,
} from './id-number.ts';

describe('resident ID number (GB 11643)', () => {
  it('accepts the standard worked example', () => {
    // The example from GB 11643-1999's annex.
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('accepts numbers it builds itself', () => {
    for (let sequence = 0; sequence < 200; sequence += 1) {
      expect(isValidIdNumber(makeIdNumber('310109', '19850312', sequence))).toBe(true);
    }
  });

  it('refuses a wrong check digit', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('refuses every single-digit typo in the body', () => {
    const valid = makeIdNumber('310109', '19900101', 123);
    for (let i = 0; i < 17; i += 1) {
      const digit = Number(valid[i]);
      const typo = valid.slice(0, i) + String((digit + 1) % 10) + valid.slice(i + 1);
      if (typo.slice(6, 14) !== valid.slice(6, 14) && !isValidIdNumber(typo)) continue;
      expect(isValidIdNumber(typo)).toBe(false);
    }
  });

  it('refuses impossible or future birth dates and bad shapes', () => {
    expect(isValidIdNumber(makeIdNumber('310109', '19900230', 1))).toBe(false);
    expect(isValidIdNumber(makeIdNumber('310109', '18991231', 1))).toBe(false);
    expect(isValidIdNumber(makeIdNumber('310109', '20990101', 1), new Date('2026-11-24'))).toBe(false);
    expect(isValidIdNumber('31010919900101123')).toBe(false);
    expect(isValidIdNumber('3101091990010112345')).toBe(false);
    expect(isValidIdNumber('31010919900101123Y')).toBe(false);
  });

  it('masks the birth date and sequence', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts well-known real codes', () => {
    // Published codes of large listed companies.
    expect(isValidUscc('914403001922038216')).toBe(true);
    expect(isValidUscc('9144030071526726XG')).toBe(true);
    expect(isValidUscc('91440300708461136T')).toBe(true);
  });

  it('accepts codes it builds itself and refuses altered ones', () => {
    const code = makeUscc('91', '310109', 'MA1FL0001');
    expect(isValidUscc(code)).toBe(true);
    const altered = code.slice(0, 10) + (code[10] === '1' ? '2' : '1') + code.slice(11);
    expect(isValidUscc(altered)).toBe(false);
  });

  it('refuses letters the standard excludes (I, O, S, V, Z) and wrong lengths', () => {
    const body = '91310109MA1FL000';
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      const first17 = body + letter;
      expect(isValidUscc(first17 + usccCheckChar(body + '1'))).toBe(false);
    }
    expect(isValidUscc('91310109MA1FL0001')).toBe(false);
  });
});
