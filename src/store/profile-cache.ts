import type { SlackProfile, SlackWorkspaces } from '../ports/slack';
import type { KeySpace, RedisClient } from './redis';

/**
 * Slack profiles (title, timezone, bot/deleted flags, status) cached in Redis, so the analyze worker asks
 * `users.info` about each person at most once per TTL across every worker. Read by workers only:
 * never on the receive path.
 */
export interface ProfileCache {
  get(teamId: string, userId: string): Promise<SlackProfile | undefined>;
  /** The cached profile only: never calls Slack (for the receive path). */
  peek(teamId: string, userId: string): Promise<SlackProfile | undefined>;
  forget(teamId: string, userId: string): Promise<void>;
}

export interface ProfileCacheOptions {
  redis: RedisClient;
  keys: KeySpace;
  workspaces: SlackWorkspaces;
  ttlSeconds: number;
  /** Never ask Slack: for the receive path, where a lookup could outlast Slack's 3 seconds. */
  cacheOnly?: boolean;
}

/** A user Slack does not know is remembered briefly, so a typo'd mention does not cost a call each time. */
const UNKNOWN_USER_TTL_SECONDS = 600;

export function createProfileCache({ redis, keys, workspaces, ttlSeconds, cacheOnly = false }: ProfileCacheOptions): ProfileCache {
  const keyOf = (teamId: string, userId: string) => keys.team(teamId, 'profile', userId);
  const cache: ProfileCache = {
    async get(teamId, userId) {
      if (cacheOnly) return cache.peek(teamId, userId);
      const cached = await redis.get(keyOf(teamId, userId));
      if (cached !== null) {
        const parsed = JSON.parse(cached) as SlackProfile | { unknown: true };
        return 'unknown' in parsed ? undefined : parsed;
      }
      try {
        const profile = await (await workspaces.forTeam(teamId)).profile(userId);
        await redis.set(keyOf(teamId, userId), JSON.stringify(profile), 'EX', ttlSeconds);
        return profile;
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') {
          await redis.set(keyOf(teamId, userId), JSON.stringify({ unknown: true }), 'EX', UNKNOWN_USER_TTL_SECONDS);
          return undefined;
        }
        throw error;
      }
    },
    async peek(teamId, userId) {
      const cached = await redis.get(keyOf(teamId, userId));
      if (cached === null) return undefined;
      const parsed = JSON.parse(cached) as SlackProfile | { unknown: true };
      return 'unknown' in parsed ? undefined : parsed;
    },
    async forget(teamId, userId) {
      await redis.del(keyOf(teamId, userId));
    },
  };
  return cache;
}
