// When the next attempt of a failed delivery runs: exponential backoff with "equal jitter" (half
// the step fixed, half random), so a receiver that was down is not hit by every retry at once.

export interface BackoffPolicy {
  /** Step of the first retry, in ms. */
  baseMs: number;
  /** Largest step, in ms. */
  maxMs: number;
}

/**
 * The wait after attempt number `attempt` (1-based) failed: a step of base·2^(attempt−1), capped
 * at maxMs, of which half is waited for sure and the other half scaled by `random` (0 ≤ r < 1).
 */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, random: number = Math.random()): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1));
}
