import type { Redis } from 'ioredis';
import type { SlackWorkspaces, ThreadRootMessage } from '../ports/slack';
import type { DeliveryGuards } from './delivery-guards';
import { gatedRead, type GatedRead } from './gated-read';
import type { KeySpace } from './redis';

/**
 * What lanekeeper remembers of a thread's parent, to judge replies such as "can you own this?".
 * Never the parent's text: only its author and the work phrases the classifier matched in it (the
 * same kind of phrase a nudge keeps), made by the caller's `reduce`.
 */
export interface ThreadParentNote {
  author?: string;
  fromBot: boolean;
  /** The parent's matched work phrases, one per line; empty when it names no work (or is gone). */
  work: string;
}

/**
 * Thread parents read from Slack (`conversations.replies`) at most once per thread: the first reply
 * that needs its parent claims the thread, reads the parent and keeps its note for
 * {@link THREAD_NOTE_TTL_SECONDS}; later replies use the note. A failed or rate-limited read gives
 * no note (the reply is judged on its own) and frees the claim for a later reply.
 */
export interface ThreadParents {
  noteFor(teamId: string, channelId: string, threadTs: string, reduce: (root: ThreadRootMessage) => ThreadParentNote): Promise<ThreadParentNote | undefined>;
}

/** Replies in a thread come within days; a note older than this is read again if ever needed. */
export const THREAD_NOTE_TTL_SECONDS = 14 * 24 * 3600;
const CLAIM_SECONDS = THREAD_NOTE_TTL_SECONDS;
const METHOD = 'conversations.replies';

export interface ThreadParentsOptions {
  redis: Redis;
  keys: KeySpace;
  workspaces: SlackWorkspaces;
  guards: DeliveryGuards;
  now?: () => number;
  onFailure?: GatedRead['onFailure'];
}

export function createThreadParents({ redis, keys, workspaces, guards, now = Date.now, onFailure }: ThreadParentsOptions): ThreadParents {
  const noteKey = (teamId: string, channelId: string, threadTs: string) => keys.team(teamId, 'thread', channelId, threadTs);
  const claimKey = (teamId: string, channelId: string, threadTs: string) => keys.team(teamId, 'thread', channelId, threadTs, 'asked');

  return {
    async noteFor(teamId, channelId, threadTs, reduce) {
      const cached = await redis.get(noteKey(teamId, channelId, threadTs));
      if (cached !== null) return JSON.parse(cached) as ThreadParentNote;
      // Another reply of this thread already asked (or is asking) Slack: no second call.
      if ((await redis.set(claimKey(teamId, channelId, threadTs), '1', 'EX', CLAIM_SECONDS, 'NX')) !== 'OK') return undefined;
      const read = await gatedRead({ guards, teamId, method: METHOD, now, onFailure }, async () =>
        (await workspaces.forTeam(teamId)).threadRoot(channelId, threadTs),
      ).catch(async (error: unknown) => {
        await redis.del(claimKey(teamId, channelId, threadTs));
        throw error;
      });
      if (!read.ok) {
        await redis.del(claimKey(teamId, channelId, threadTs));
        return undefined;
      }
      // A parent Slack no longer has (deleted, or the bot cannot see it) is remembered as naming no work.
      const note: ThreadParentNote = read.value === undefined ? { fromBot: false, work: '' } : reduce(read.value);
      await redis.set(noteKey(teamId, channelId, threadTs), JSON.stringify(note), 'EX', THREAD_NOTE_TTL_SECONDS);
      return note;
    },
  };
}
