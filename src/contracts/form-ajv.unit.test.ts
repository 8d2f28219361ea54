import { describe, expect, it } from 'vitest';
import { createFormAjv } from './form-ajv.ts';
import { makeIdNumber } from './id-number.ts';

describe('the shared form validator', () => {
  const validate = createFormAjv().compile({
    type: 'object',
    properties: {
      amount: { type: 'number', multipleOf: 0.01, minimum: 0 },
      idNumber: { type: 'string', format: 'cn-id-number' },
      startDate: { type: 'string', format: 'date' },
    },
  });

  it('accepts money amounts with two decimals (floating point safe)', () => {
    for (const amount of [0.07, 19.99, 1234.56, 0.1 + 0.2]) {
      expect(validate({ amount: Math.round(amount * 100) / 100 }), String(amount)).toBe(true);
    }
    expect(validate({ amount: 19.999 })).toBe(false);
  });

  it('knows our formats and the standard ones', () => {
    expect(validate({ idNumber: makeIdNumber('310109', '19850312', 101), startDate: '2026-11-24' })).toBe(
      true,
    );
    expect(validate({ idNumber: '310109198503121010' })).toBe(false);
    expect(validate({ startDate: '2026-02-30' })).toBe(false);
  });
});
