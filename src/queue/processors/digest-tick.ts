import type { Redis } from 'ioredis';
import type { DigestService } from '../../digest/digest-service';
import { TICK_WINDOW_MS } from '../../digest/digest-service';
import type { KeySpace } from '../../store/redis';
import type { DigestTickPayload } from '../registry';

const HOUR_MS = 3600 * 1000;
/** The longest stretch a late tick looks back over (Redis or every worker down for days). */
const MAX_CATCH_UP_MS = 6 * 24 * HOUR_MS;

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
 */
export async function digestTick(
  deps: { digests: DigestService; redis: Redis; keys: KeySpace },
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
