import type { KeySpace, RedisClient } from './redis';

/** Remembers the last tip each person got, so the same person never gets the same tip twice in a row. */
export interface TipHistory {
  lastTipId(teamId: string, userId: string): Promise<string | undefined>;
  remember(teamId: string, userId: string, tipId: string): Promise<void>;
  /**
   * Records `tipId` as the person's last tip and returns the one it replaced, in one atomic step, so
   * two nudges sent at once (held nudges released together in the morning) can tell they raced.
   */
  swap(teamId: string, userId: string, tipId: string): Promise<string | undefined>;
}

const TIP_HISTORY_TTL_SECONDS = 90 * 24 * 3600;

export function createTipHistory({ redis, keys }: { redis: RedisClient; keys: KeySpace }): TipHistory {
  const keyOf = (teamId: string, userId: string) => keys.team(teamId, 'lasttip', userId);
  return {
    async lastTipId(teamId, userId) {
      return (await redis.get(keyOf(teamId, userId))) ?? undefined;
    },
    async remember(teamId, userId, tipId) {
      await redis.set(keyOf(teamId, userId), tipId, 'EX', TIP_HISTORY_TTL_SECONDS);
    },
    async swap(teamId, userId, tipId) {
      return (await redis.set(keyOf(teamId, userId), tipId, 'EX', TIP_HISTORY_TTL_SECONDS, 'GET')) ?? undefined;
    },
  };
}
