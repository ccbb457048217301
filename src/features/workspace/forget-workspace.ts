import type { Redis } from 'ioredis';
import { installationKeys } from '../../store/installations';
import type { KeySpace } from '../../store/redis';
import { jobIdFrom, type ForgetWorkspacePayload, type JobQueue } from '../../ports/jobs';

/** What forgetting needs of each queue: its kept jobs, page by page (a BullMQ Queue is one). */
export interface KeptJobs {
  getJobs(states: (typeof JOB_STATES)[number][], start: number, end: number): Promise<({ name: string; data: unknown; remove(): Promise<unknown> } | undefined)[]>;
}

/** Jobs that may already be running when a workspace is forgotten finish within this; a second pass then sweeps up. */
export const SECOND_PASS_DELAY_MS = 10 * 60 * 1000;
const JOB_STATES = ['waiting', 'delayed', 'prioritized', 'failed', 'completed'] as const;
const PAGE = 500;

/**
 * The `forget-workspace` job: after `tokens_revoked` (of the bot token) or `app_uninstalled`,
 * delete everything kept about that workspace: its keys (settings, records, profiles, caches), its
 * queued and kept jobs (which may hold message text), its sent and attempt markers and de-duplication keys. A second pass runs a
 * little later, for jobs that were in flight during the first and wrote again.
 */
export async function forgetWorkspace(
  deps: {
    redis: Redis;
    keys: KeySpace;
    queues: Record<string, KeptJobs>;
    jobs: JobQueue;
    /** Multi-workspace mode: whether the workspace has installed lanekeeper again since. */
    reinstalled?: (teamId: string) => Promise<boolean>;
  },
  payload: ForgetWorkspacePayload,
): Promise<{ keys: number; jobs: number; skipped?: 'reinstalled' }> {
  const { redis, keys, queues, jobs } = deps;
  const { teamId } = payload;
  // Installed again since the first pass: the sweep would delete the new installation's first data.
  if (payload.pass === 2 && (await deps.reinstalled?.(teamId))) return { keys: 0, jobs: 0, skipped: 'reinstalled' };
  // The installation itself is the uninstall's to remove: here it can only be a reinstall's.
  const installation = installationKeys(keys, teamId);
  const keep = new Set([installation.record, installation.refreshLock]);
  let deletedKeys = await deleteMatching(redis, keys.teamPattern(teamId), (key) => !keep.has(key));
  // Job ids carry the workspace (see jobIdFrom): sent and attempt markers, BullMQ's de-duplication keys.
  const inJobId = `*_${jobIdFrom('x', teamId).slice(2)}_*`;
  deletedKeys += await deleteMatching(redis, keys.key('sent', inJobId));
  deletedKeys += await deleteMatching(redis, keys.key('attempt', inJobId));
  for (const queue of Object.keys(queues)) deletedKeys += await deleteMatching(redis, keys.key(queue, 'de', inJobId));
  await redis.srem(keys.key('teams'), teamId);

  let deletedJobs = 0;
  for (const queue of Object.values(queues)) {
    for (let start = 0; ; start += PAGE) {
      const jobs = await queue.getJobs([...JOB_STATES], start, start + PAGE - 1);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        if (job && (job.data as { teamId?: string } | undefined)?.teamId === teamId && job.name !== 'forget-workspace') {
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
    await jobs.add('forget-workspace', { ...payload, pass: 2 }, { jobId: jobIdFrom('forget', teamId, payload.reason, 'pass2'), delayMs: SECOND_PASS_DELAY_MS });
  }
  return { keys: deletedKeys, jobs: deletedJobs };
}

async function deleteMatching(redis: Redis, pattern: string, wanted: (key: string) => boolean = () => true): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    const doomed = found.filter(wanted);
    if (doomed.length > 0) deleted += await redis.del(...doomed);
  } while (cursor !== '0');
  return deleted;
}
