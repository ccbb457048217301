import type { SlackWorkspaces } from '../ports/slack';
import type { KeySpace, RedisClient } from './redis';

/**
 * The bot's DM channel with each person. `conversations.open` is a Tier 3 method (about 50 calls
 * a minute), so opening a DM for each of thousands of weekly digests would be the bottleneck;
 * the channel id never changes, so it is asked for once and remembered.
 */
export interface DmChannels {
  channelFor(teamId: string, userId: string): Promise<string>;
}

const DM_CHANNEL_TTL_SECONDS = 90 * 24 * 3600;

export function createDmChannels({ redis, keys, workspaces }: { redis: RedisClient; keys: KeySpace; workspaces: SlackWorkspaces }): DmChannels {
  return {
    async channelFor(teamId, userId) {
      const key = keys.team(teamId, 'dm', userId);
      const cached = await redis.get(key);
      if (cached) return cached;
      const channel = await (await workspaces.forTeam(teamId)).openDm(userId);
      await redis.set(key, channel, 'EX', DM_CHANNEL_TTL_SECONDS);
      return channel;
    },
  };
}
