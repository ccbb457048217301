import { deleteMatching, type KeySpace, type RedisClient } from '../../store/redis';
import type { Queues } from '../queues';
import { jobIdFrom, type ForgetWorkspacePayload } from '../registry';

/** Jobs that may already be running when a workspace is forgotten finish within this; a second pass then sweeps up. */
export const SECOND_PASS_DELAY_MS = 10 * 60 * 1000;
const JOB_STATES = ['waiting', 'delayed', 'prioritized', 'failed', 'completed'] as const;
const PAGE = 500;

/**
 * The `forget-workspace` job: after `tokens_revoked` (of the bot token) or `app_uninstalled`,
 * delete everything kept about that workspace: its keys (settings, records, profiles, caches), its
 * queued and kept jobs (which may hold message text), its sent markers and de-duplication keys. A second pass runs a
 * little later, for jobs that were in flight during the first and wrote again.
 */
export async function forgetWorkspace(
  deps: { redis: RedisClient; keys: KeySpace; queues: Queues },
  payload: ForgetWorkspacePayload,
): Promise<{ keys: number; jobs: number }> {
  const { redis, keys, queues } = deps;
  const { teamId } = payload;
  let deletedKeys = await deleteMatching(redis, keys.teamPattern(teamId));
  // Job ids carry the workspace (see jobIdFrom): sent markers and BullMQ's de-duplication keys.
  const inJobId = `*_${jobIdFrom('x', teamId).slice(2)}_*`;
  deletedKeys += await deleteMatching(redis, keys.key('sent', inJobId));
  for (const queue of Object.values(queues)) deletedKeys += await deleteMatching(redis, `${queue.toKey('de')}:${inJobId}`);
  await redis.srem(keys.key('teams'), teamId);

  let deletedJobs = 0;
  for (const queue of Object.values(queues)) {
    for (let start = 0; ; start += PAGE) {
      const jobs = await queue.getJobs([...JOB_STATES], start, start + PAGE - 1);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        if ((job?.data as { teamId?: string } | undefined)?.teamId === teamId && job.name !== 'forget-workspace') {
          // An active job cannot be removed; it finishes and the second pass deletes what it wrote.
          deletedJobs += await job.remove().then(
            () => 1,
            () => 0,
          );
        }
      }
      if (jobs.length < PAGE) break;
    }
  }
  if (payload.pass === 1) {
    await queues.analyze.add('forget-workspace', { ...payload, pass: 2 }, { jobId: jobIdFrom('forget', teamId, payload.reason, 'pass2'), delay: SECOND_PASS_DELAY_MS });
  }
  return { keys: deletedKeys, jobs: deletedJobs };
}
