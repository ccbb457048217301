import type { JobsOptions } from 'bullmq';
import type { DigestService } from './digest-service';
import { TICK_WINDOW_MS } from './digest-service';
import type { KeySpace, RedisClient } from '../../store/redis';
import type { DigestTickPayload } from '../../ports/jobs';

const HOUR_MS = 3600 * 1000;
/** The longest stretch a late tick looks back over (Redis or every worker down for days). */
const MAX_CATCH_UP_MS = 6 * 24 * HOUR_MS;

/**
 * Retries for the scheduler's tick (its template's `opts`, where the scheduler is upserted). A tick
 * fails when someone could not be looked up in Slack, most often a `users.info` 429 on a cold
 * profile cache, whose Retry-After is tens of seconds: the analyze queue's default (5 attempts from
 * 1 s, about 15 s in all) would give up before the limit lifts. These wait 30 s, 1, 2, 4 and 8 min
 * (about 15 min in all), so the retries are over well before the next hourly tick, which looks
 * back over the failed one's hour anyway.
 */
export const DIGEST_TICK_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 30_000 },
} as const satisfies JobsOptions;

/**
 * When a scheduler job was due. BullMQ names each iteration `repeat:<scheduler id>:<due millis>`;
 * its `timestamp` is when the previous iteration created it and its `delay` is reset to 0 when it
 * is promoted, so neither tells the due time. Anything else (a job added by hand) is due now.
 */
export function scheduledTimeOf(job: { id?: string }, now: number): number {
  const match = /^repeat:.+:(\d+)$/.exec(job.id ?? '');
  return match ? Number(match[1]) : now;
}

/**
 * The `digest-tick` job. A scheduler tick looks back to the previous tick it saw, so a tick missed
 * while every worker was down is made up by the next one; job ids (team, person, ISO week) make a
 * repeated or overlapping tick harmless. An operator's tick (`digest send --at`) looks back one hour.
 * A tick that could not look someone up (`DigestTickIncomplete`) fails after queueing everyone
 * else and leaves the last-tick mark where it was: its retries, or else the next hourly tick, look
 * back over the same slots, and the job ids keep those already queued from going out twice.
 */
export async function digestTick(
  deps: { digests: DigestService; redis: RedisClient; keys: KeySpace },
  payload: DigestTickPayload,
  scheduledAt: number,
): Promise<{ people: number; queued: number }> {
  if (payload.tickMs !== undefined) return deps.digests.enqueueDue(payload.tickMs, payload.windowMs ?? TICK_WINDOW_MS);

  const tickMs = Math.floor(scheduledAt / HOUR_MS) * HOUR_MS;
  const lastKey = deps.keys.key('digest', 'last-tick');
  const last = Number(await deps.redis.get(lastKey)) || tickMs - TICK_WINDOW_MS;
  const windowMs = Math.min(MAX_CATCH_UP_MS, Math.max(TICK_WINDOW_MS, tickMs - last));
  const result = await deps.digests.enqueueDue(tickMs, windowMs);
  if (tickMs > last) await deps.redis.set(lastKey, String(tickMs));
  return result;
}
