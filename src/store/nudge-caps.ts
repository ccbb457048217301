import type { KeySpace, RedisClient } from './redis';

/** Counts nudges per person per local day, so a busy day does not become a lecture. */
export interface NudgeCaps {
  /** Takes one of the day's nudges; false (and nothing taken) when the cap is reached. */
  claim(teamId: string, userId: string, localDate: string, cap: number): Promise<boolean>;
  /** Gives a claimed nudge back (the send failed). */
  release(teamId: string, userId: string, localDate: string): Promise<void>;
  sentOn(teamId: string, userId: string, localDate: string): Promise<number>;
}

const CAP_KEY_TTL_SECONDS = 3 * 24 * 3600;

export function createNudgeCaps({ redis, keys }: { redis: RedisClient; keys: KeySpace }): NudgeCaps {
  const keyOf = (teamId: string, userId: string, localDate: string) => keys.team(teamId, 'nudges-on', userId, localDate);
  return {
    async claim(teamId, userId, localDate, cap) {
      const key = keyOf(teamId, userId, localDate);
      const [[, count]] = (await redis.multi().incr(key).expire(key, CAP_KEY_TTL_SECONDS).exec()) as [[Error | null, number]];
      if (count <= cap) return true;
      await redis.decr(key);
      return false;
    },
    async release(teamId, userId, localDate) {
      await redis.decr(keyOf(teamId, userId, localDate));
    },
    async sentOn(teamId, userId, localDate) {
      return Number(await redis.get(keyOf(teamId, userId, localDate))) || 0;
    },
  };
}
