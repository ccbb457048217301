import type { Redis } from 'ioredis';
import type { KeySpace } from '../../store/redis';
import type { ForgetWorkspacePayload } from '../registry';

/**
 * The `forget-workspace` job: after `tokens_revoked` or `app_uninstalled`, delete everything kept
 * about that workspace (settings, records, profiles, caches). Runs as a job, not on the receive
 * path, because a large workspace has many keys.
 */
export async function forgetWorkspace(redis: Redis, keys: KeySpace, { teamId }: ForgetWorkspacePayload): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', keys.teamPattern(teamId), 'COUNT', 500);
    cursor = next;
    if (found.length > 0) deleted += await redis.del(...found);
  } while (cursor !== '0');
  await redis.srem(keys.key('teams'), teamId);
  return deleted;
}
