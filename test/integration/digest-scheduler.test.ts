import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { scheduledTimeOf } from '../../src/features/digests/digest-tick';
import { REDIS_URL, deleteKeys } from '../support/harness';

/**
 * The digest tick must know when the scheduler meant it to run (its slot), not when the job was
 * created (the previous tick) nor when it happened to start. Checked against BullMQ's real job
 * scheduler, with a two-second period so the test need not wait for the top of an hour.
 */
describe('the job scheduler’s due time', () => {
  const prefix = `lktest-${randomUUID().slice(0, 8)}`;
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  afterAll(async () => {
    await deleteKeys(connection, prefix);
    await connection.quit();
  });

  it('is read from each iteration: one period apart, and just before the job runs', async () => {
    const PERIOD_MS = 2000;
    const queue = new Queue('ticks', { connection, prefix });
    const seen: { due: number; ranAt: number }[] = [];
    const worker = new Worker(
      'ticks',
      async (job) => {
        seen.push({ due: scheduledTimeOf(job, -1), ranAt: Date.now() });
      },
      { connection, prefix },
    );
    // The worker is listening before the first iteration is due: otherwise its own start (slow on a
    // loaded machine) would count as that iteration's delay.
    await worker.waitUntilReady();
    await queue.upsertJobScheduler('every-period', { every: PERIOD_MS }, { name: 'digest-tick', data: {} });
    while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.close();
    await queue.removeJobScheduler('every-period');
    await queue.close();
    for (const [index, { due, ranAt }] of seen.entries()) {
      expect(ranAt - due).toBeGreaterThanOrEqual(0);
      // The job's creation time (the previous iteration) would be a whole period earlier.
      expect(ranAt - due).toBeLessThan(PERIOD_MS / 2);
      if (index > 0) expect(due - seen[index - 1].due).toBe(PERIOD_MS);
    }
  });

  it('falls back to now for a tick added by hand', () => {
    expect(scheduledTimeOf({ id: 'manual-tick' }, 1234)).toBe(1234);
  });
});
