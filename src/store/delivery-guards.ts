import type { Redis } from 'ioredis';
import type { KeySpace } from './redis';

/**
 * Two small Redis records that keep deliveries honest across retries and workers:
 * - sent markers: a job that already reached Slack is never sent again, even if the worker died
 *   between Slack's answer and BullMQ marking the job complete;
 * - attempt markers: set before a nudge calls Slack, so a later attempt knows an earlier one may
 *   have reached Slack without anyone hearing the answer;
 * - rate gates: after a 429, every job for that workspace and method waits out `Retry-After`
 *   without calling Slack, while other workspaces and methods go on.
 */
/** How and when an attempt called Slack. */
export interface AttemptMark {
  mode: string;
  /** Epoch ms at which the attempt began. */
  atMs: number;
}

/** An attempt as read back: a mark written before modes and times were recorded has neither. */
export type RecordedAttempt = { mode?: string; atMs: number };

export interface DeliveryGuards {
  wasSent(jobId: string): Promise<boolean>;
  markSent(jobId: string): Promise<void>;
  /**
   * Marks, atomically, that a delivery is about to call Slack, with its mode and time. True for the
   * first attempt; false when an earlier attempt got that far and was never marked sent: that
   * attempt's outcome is unknown (it timed out, or its worker died during the call).
   */
  beginAttempt(jobId: string, attempt: AttemptMark): Promise<boolean>;
  /** The mark of an earlier attempt whose outcome is unknown, or undefined when there is none. */
  attemptOf(jobId: string): Promise<RecordedAttempt | undefined>;
  /** Takes the mark back when Slack answered that it did not deliver, so a retry is a clean first attempt. */
  forgetAttempt(jobId: string): Promise<void>;
  /** Epoch milliseconds until which calls are held back, or 0. */
  blockedUntil(teamId: string, method: string): Promise<number>;
  block(teamId: string, method: string, untilMs: number): Promise<void>;
  /**
   * Reserves this job's turn to send for a workspace and method, at most `perMinute` a minute,
   * first come first served. Returns 0 when the job may send now, or the epoch ms of its reserved
   * turn (the job waits until then, and then sends without queueing again).
   */
  reserveSendSlot(teamId: string, method: string, perMinute: number, nowMs: number, jobId: string): Promise<number>;
}

const SENT_MARKER_TTL_SECONDS = 14 * 24 * 3600;

/**
 * KEYS[1]: the workspace's next free send time; KEYS[2]: this job's reservation. A job holding a
 * reservation that has come due sends (0); one that has not waits for it; a new job takes the next
 * free turn, and sends at once (0) when that turn is now.
 */
const RESERVE_SLOT_SCRIPT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local reserved = redis.call('GET', KEYS[2])
if reserved then
  if tonumber(reserved) <= now then
    redis.call('DEL', KEYS[2])
    return 0
  end
  return tonumber(reserved)
end
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
if slot <= now then return 0 end
redis.call('SET', KEYS[2], slot, 'PX', slot - now + 600000)
return slot`;

export function createDeliveryGuards({ redis, keys }: { redis: Redis; keys: KeySpace }): DeliveryGuards {
  if (!('lanekeeperReserveSlot' in redis)) redis.defineCommand('lanekeeperReserveSlot', { numberOfKeys: 2, lua: RESERVE_SLOT_SCRIPT });
  const reserveSlot = (redis as unknown as { lanekeeperReserveSlot: (a: string, b: string, now: number, interval: number) => Promise<number> }).lanekeeperReserveSlot.bind(redis);
  const sentKey = (jobId: string) => keys.key('sent', jobId);
  const attemptKey = (jobId: string) => keys.key('attempt', jobId);
  const gateKey = (teamId: string, method: string) => keys.team(teamId, 'rategate', method);
  return {
    async wasSent(jobId) {
      return (await redis.exists(sentKey(jobId))) === 1;
    },
    async markSent(jobId) {
      await redis.set(sentKey(jobId), '1', 'EX', SENT_MARKER_TTL_SECONDS);
    },
    async beginAttempt(jobId, { mode, atMs }) {
      return (await redis.set(attemptKey(jobId), `${mode}:${atMs}`, 'EX', SENT_MARKER_TTL_SECONDS, 'NX')) === 'OK';
    },
    async attemptOf(jobId) {
      const mark = await redis.get(attemptKey(jobId));
      if (mark === null) return undefined;
      const [, mode, atMs] = /^([a-z]+):(\d+)$/.exec(mark) ?? [];
      return mode ? { mode, atMs: Number(atMs) } : { atMs: 0 };
    },
    async forgetAttempt(jobId) {
      await redis.del(attemptKey(jobId));
    },
    async blockedUntil(teamId, method) {
      const value = await redis.get(gateKey(teamId, method));
      return value === null ? 0 : Number(value);
    },
    async reserveSendSlot(teamId, method, perMinute, nowMs, jobId) {
      const slot = await reserveSlot(
        keys.team(teamId, 'sendslot', method),
        keys.team(teamId, 'sendslot', method, jobId),
        nowMs,
        Math.ceil(60000 / perMinute),
      );
      return Number(slot);
    },
    async block(teamId, method, untilMs) {
      const ttlMs = Math.max(1, untilMs - Date.now());
      await redis.set(gateKey(teamId, method), String(untilMs), 'PX', ttlMs);
    },
  };
}
