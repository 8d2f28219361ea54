import { describe, expect, it } from 'vitest';
import { shanghaiDateOf, shanghaiDay } from './compare.ts';
import { mismatchKey, previousShanghaiDate } from './reconcile.ts';
import { nextReconciliationAt } from './reconciliation.jobs.ts';

describe('reconciliation days and keys', () => {
  it('takes business days in Asia/Shanghai', () => {
    expect(shanghaiDay('2026-11-25')).toEqual({
      from: '2026-11-24T16:00:00.000Z',
      to: '2026-11-25T16:00:00.000Z',
    });
    expect(shanghaiDateOf('2026-11-24T16:00:00.000Z')).toBe('2026-11-25');
    expect(shanghaiDateOf('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
    expect(previousShanghaiDate(new Date('2026-11-24T22:00:00Z'))).toBe('2026-11-24');
  });

  it('runs daily at the configured hour, Beijing time', () => {
    expect(nextReconciliationAt(new Date('2026-11-25T01:00:00Z'), 6).toISOString()).toBe(
      '2026-11-25T22:00:00.000Z',
    );
    expect(nextReconciliationAt(new Date('2026-11-24T21:59:00Z'), 6).toISOString()).toBe(
      '2026-11-24T22:00:00.000Z',
    );
    expect(nextReconciliationAt(new Date('2026-11-24T22:00:00Z'), 6).toISOString()).toBe(
      '2026-11-25T22:00:00.000Z',
    );
  });

  it('keys one difference the same on every run of its day', () => {
    const finding = {
      kind: 'missing_at_provider' as const,
      subject: 'payment' as const,
      merchantOrderNo: 'TB1',
    };
    expect(mismatchKey('2026-11-25', finding)).toBe('2026-11-25:missing_at_provider:payment:TB1');
    expect(
      mismatchKey('2026-11-25', {
        kind: 'biller_not_confirmed',
        subject: 'biller_payment',
        utilityKind: 'water',
        paymentRef: 'TB1-W1',
        merchantOrderNo: 'TB1',
      }),
    ).toBe('2026-11-25:biller_not_confirmed:biller_payment:water:TB1-W1');
  });
});
