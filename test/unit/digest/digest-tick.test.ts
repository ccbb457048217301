import { DIGEST_TICK_JOB_OPTIONS } from '../../../src/features/digests/digest-tick';

describe('the digest tick’s retries', () => {
  // BullMQ's exponential backoff waits delay × 2^(n-1) before retry n.
  const waits = Array.from({ length: DIGEST_TICK_JOB_OPTIONS.attempts - 1 }, (_, n) => DIGEST_TICK_JOB_OPTIONS.backoff.delay * 2 ** n);

  it('outlast a users.info rate limit (Retry-After of a minute) before giving up', () => {
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 60_000);
    expect(waits[0]).toBeGreaterThanOrEqual(30_000);
  });

  it('are over before the next hourly tick, which looks back over the failed hour anyway', () => {
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(30 * 60_000);
  });
});
