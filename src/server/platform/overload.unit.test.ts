import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConcurrencyLimiter } from './overload.ts';

const never = () => () => undefined;

describe('ConcurrencyLimiter', () => {
  afterEach(() => vi.useRealTimers());

  it('grants places up to the limit, queues up to the queue limit, refuses the rest at once', async () => {
    const limiter = new ConcurrencyLimiter(2, 1, 1000);
    expect(limiter.enter(never)).toBe(true);
    expect(limiter.enter(never)).toBe(true);
    const queued = limiter.enter(never);
    expect(queued).toBeInstanceOf(Promise);
    expect(limiter.enter(never)).toBe(false);
    limiter.release();
    await expect(queued).resolves.toBe(true);
    expect(limiter.active).toBe(2);
    limiter.release();
    limiter.release();
    expect(limiter.active).toBe(0);
  });

  it('refuses a queued request that waited too long, and one whose client went away', async () => {
    vi.useFakeTimers();
    const limiter = new ConcurrencyLimiter(1, 5, 500);
    expect(limiter.enter(never)).toBe(true);
    const waited = limiter.enter(never);
    let cancel: () => void = () => undefined;
    const gone = limiter.enter((fn) => {
      cancel = fn;
      return () => undefined;
    });
    cancel();
    await expect(gone).resolves.toBe(false);
    vi.advanceTimersByTime(500);
    await expect(waited).resolves.toBe(false);
    expect(limiter.queued).toBe(0);
    limiter.release();
    expect(limiter.active).toBe(0);
  });
});
