import type { Redis } from 'ioredis';
import type { KeySpace } from './redis';

/**
 * Two small Redis records that keep deliveries honest across retries and workers:
 * - sent markers: a job that already reached Slack is never sent again, even if the worker died
 *   between Slack's answer and BullMQ marking the job complete;
 * - rate gates: after a 429, every job for that workspace and method waits out `Retry-After`
 *   without calling Slack, while other workspaces and methods go on.
 */
export interface DeliveryGuards {
  wasSent(jobId: string): Promise<boolean>;
  markSent(jobId: string): Promise<void>;
  /** Epoch milliseconds until which calls are held back, or 0. */
  blockedUntil(teamId: string, method: string): Promise<number>;
  block(teamId: string, method: string, untilMs: number): Promise<void>;
  /**
   * Takes one of this minute's sends for a workspace and method. Returns 0 when there was room,
   * or the epoch ms of the next minute when the budget is spent (the job waits until then).
   */
  takeSendSlot(teamId: string, method: string, perMinute: number, nowMs: number): Promise<number>;
}

const SENT_MARKER_TTL_SECONDS = 14 * 24 * 3600;

export function createDeliveryGuards({ redis, keys }: { redis: Redis; keys: KeySpace }): DeliveryGuards {
  const sentKey = (jobId: string) => keys.key('sent', jobId);
  const gateKey = (teamId: string, method: string) => keys.team(teamId, 'rategate', method);
  return {
    async wasSent(jobId) {
      return (await redis.exists(sentKey(jobId))) === 1;
    },
    async markSent(jobId) {
      await redis.set(sentKey(jobId), '1', 'EX', SENT_MARKER_TTL_SECONDS);
    },
    async blockedUntil(teamId, method) {
      const value = await redis.get(gateKey(teamId, method));
      return value === null ? 0 : Number(value);
    },
    async takeSendSlot(teamId, method, perMinute, nowMs) {
      const minute = Math.floor(nowMs / 60000);
      const key = keys.team(teamId, 'sendrate', method, String(minute));
      const [[, count]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[Error | null, number]];
      if (count <= perMinute) return 0;
      // Spread the overflow over the next minute instead of releasing it all at its first second.
      const spread = Math.floor(((count - perMinute) % perMinute) * (60000 / perMinute));
      return (minute + 1) * 60000 + spread;
    },
    async block(teamId, method, untilMs) {
      const ttlMs = Math.max(1, untilMs - Date.now());
      await redis.set(gateKey(teamId, method), String(untilMs), 'PX', ttlMs);
    },
  };
}
