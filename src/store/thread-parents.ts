import type { ThreadRootMessage } from '../ports/slack';
import { gatedRead, type GatedReadStoreOptions } from './gated-read';

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
 * {@link THREAD_NOTE_TTL_SECONDS}; later replies use the note (a reply that comes while the read is
 * under way is judged on its own). A failed or rate-limited read gives
 * no note (the reply is judged on its own) and frees the claim for a later reply.
 */
export interface ThreadParents {
  noteFor(teamId: string, channelId: string, threadTs: string, reduce: (root: ThreadRootMessage) => ThreadParentNote): Promise<ThreadParentNote | undefined>;
}

/** Replies in a thread come within days; a note older than this is read again if ever needed. */
export const THREAD_NOTE_TTL_SECONDS = 14 * 24 * 3600;
/** Long enough for one read; a worker that died holding a claim does not keep the thread from its parent. */
const CLAIM_SECONDS = 300;
const METHOD = 'conversations.replies';

export type ThreadParentsOptions = GatedReadStoreOptions;

export function createThreadParents({ redis, keys, workspaces, guards, now = Date.now, onFailure }: ThreadParentsOptions): ThreadParents {
  const noteKey = (teamId: string, channelId: string, threadTs: string) => keys.team(teamId, 'thread', channelId, threadTs);
  const claimKey = (teamId: string, channelId: string, threadTs: string) => keys.team(teamId, 'thread', channelId, threadTs, 'asked');

  return {
    async noteFor(teamId, channelId, threadTs, reduce) {
      const cached = await redis.get(noteKey(teamId, channelId, threadTs));
      if (cached !== null) return JSON.parse(cached) as ThreadParentNote;
      // Another reply of this thread already asked (or is asking) Slack: no second call.
      if ((await redis.set(claimKey(teamId, channelId, threadTs), '1', 'EX', CLAIM_SECONDS, 'NX')) !== 'OK') return undefined;
      let read: Awaited<ReturnType<typeof gatedRead<ThreadRootMessage | undefined>>> | undefined;
      try {
        read = await gatedRead({ guards, teamId, method: METHOD, now, onFailure }, async () => (await workspaces.forTeam(teamId)).threadRoot(channelId, threadTs));
      } finally {
        // A read that did not happen (rate-limited, failed) leaves the thread to a later reply.
        if (read?.ok !== true) await redis.del(claimKey(teamId, channelId, threadTs));
      }
      if (!read.ok) return undefined;
      // A parent Slack no longer has (deleted, or the bot cannot see it) is remembered as naming no work.
      const note: ThreadParentNote = read.value === undefined ? { fromBot: false, work: '' } : reduce(read.value);
      await redis.set(noteKey(teamId, channelId, threadTs), JSON.stringify(note), 'EX', THREAD_NOTE_TTL_SECONDS);
      return note;
    },
  };
}
