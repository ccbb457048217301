import { Redis } from 'ioredis';

/**
 * Opens an ioredis connection. BullMQ needs `maxRetriesPerRequest: null` on the connections its
 * workers block on; for the receive path we want the opposite (fail fast, so Slack can be told to
 * retry instead of the request hanging past Slack's 3-second limit).
 */
export type RedisPurpose = 'queue-blocking' | 'fail-fast' | 'store';

const RETRIES_PER_REQUEST: Record<RedisPurpose, number | null> = {
  // BullMQ workers block on this connection and must wait out outages.
  'queue-blocking': null,
  // The receive path: an answer within Slack's 3 seconds matters more than this one write.
  'fail-fast': 0,
  // Workers' own reads and writes: a short outage is ridden out, a long one fails the job (retried).
  store: 3,
};

/**
 * The longest the receive path waits for one Redis command. Slack gives 3 seconds for the whole
 * answer; past this the event counts as not stored and Slack is asked to retry (the job id makes a
 * late success harmless).
 */
export const RECEIVE_COMMAND_TIMEOUT_MS = 1500;

/** The longest pause between two reconnect attempts. */
export const MAX_RECONNECT_DELAY_MS = 2000;

export function createRedis(url: string, purpose: RedisPurpose): Redis {
  return new Redis(url, {
    commandTimeout: purpose === 'fail-fast' ? RECEIVE_COMMAND_TIMEOUT_MS : undefined,
    maxRetriesPerRequest: RETRIES_PER_REQUEST[purpose],
    enableOfflineQueue: purpose !== 'fail-fast',
    connectTimeout: 2000,
    // Reconnect forever with a capped delay: Redis coming back must heal the process by itself.
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    lazyConnect: false,
    // Commands issued in the same tick go out in one write: under load the receive path otherwise
    // spends much of its time in socket writes, one per queued event.
    enableAutoPipelining: purpose !== 'queue-blocking',
  });
}

/**
 * Remembers every copy BullMQ makes of `redis` (`duplicate()`): its workers block on such copies,
 * and the drain needs to see them (see `settleReconnects`).
 */
export function trackDuplicates(redis: Redis, copies: Redis[]): Redis {
  const duplicate = redis.duplicate.bind(redis);
  redis.duplicate = (...args: Parameters<Redis['duplicate']>) => {
    const copy = duplicate(...args);
    copies.push(copy);
    return copy;
  };
  return redis;
}

/**
 * Waits, at most `timeoutMs`, until each of `clients` is connected and ready (or closed).
 * ioredis's `disconnect()` on a client waiting to reconnect never emits `end` (its socket is already
 * gone), and BullMQ's `Worker.close()` waits for that `end`; one caught half-way through
 * reconnecting takes seconds more. So a drain begun during or just after a Redis outage would hang:
 * once Redis answers again, a retry delay later the clients are ready and close at once.
 */
export async function settleReconnects(clients: readonly Redis[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const settled = (client: Redis) => client.status === 'ready' || client.status === 'end';
  while (!clients.every(settled) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Builds keys under the configured prefix, so several bots can share one Redis. */
export class KeySpace {
  constructor(readonly prefix: string) {}

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /**
   * A key holding one workspace's data. Every such key starts with `<prefix>:t:<team>:`, so a
   * workspace that uninstalls the app can be forgotten with one pattern.
   */
  team(teamId: string, ...parts: string[]): string {
    return this.key('t', teamId, ...parts);
  }

  teamPattern(teamId: string): string {
    return `${this.key('t', teamId)}:*`;
  }
}

/**
 * Resolves once the connection is ready. The receive path's connection has no offline queue, so
 * the app waits for it before listening; an unreachable Redis fails the start after `timeoutMs`.
 */
export function redisReady(redis: Redis, timeoutMs = 10000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis was not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
