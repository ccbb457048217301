import { gatedRead, type GatedReadStoreOptions } from './gated-read';

/**
 * The workspace's directory of names (`{"U_ANA": "Ana Souza"}`), which lets the classifier resolve
 * people that trackers and typed text name by plain name ("Assignee: Ana Souza", "@Ana Souza").
 *
 * Read from Slack's `users.list`, a page at a time, and cached in Redis per workspace for
 * {@link DIRECTORY_TTL_SECONDS}, so a workspace's directory costs a handful of calls a few times a
 * day whatever the number of workers. Names are all it keeps: no titles, no emails, no message text.
 *
 * The directory is a help, never a condition: when Slack rate-limits or fails, or another worker is
 * already reading it, the message is judged without names (mentions still work) rather than held.
 */
export interface NameDirectory {
  /** The workspace's names by user id, or undefined when they cannot be had just now. */
  namesOf(teamId: string): Promise<Readonly<Record<string, string>> | undefined>;
}

/** How long a workspace's directory is kept before it is read again. */
export const DIRECTORY_TTL_SECONDS = 6 * 3600;
/** At most this many pages of 200 are read (10,000 people); a larger directory is cut there. */
const MAX_PAGES = 50;
/** While one worker reads the directory (or after a failed read), the others judge without it for at most this long. */
const LOADING_LOCK_SECONDS = 120;
/** A worker keeps a directory it read from Redis this long, so the classifier's compiled form is reused. */
const IN_PROCESS_MS = 60_000;
const METHOD = 'users.list';

export type NameDirectoryOptions = GatedReadStoreOptions;

export function createNameDirectory({ redis, keys, workspaces, guards, now = Date.now, onFailure }: NameDirectoryOptions): NameDirectory {
  const keyOf = (teamId: string) => keys.team(teamId, 'directory');
  const lockOf = (teamId: string) => keys.team(teamId, 'directory', 'loading');
  // The same object for the same names: the classifier compiles a directory once per object.
  const held = new Map<string, { json: string; names: Readonly<Record<string, string>>; until: number }>();

  const remember = (teamId: string, json: string): Readonly<Record<string, string>> => {
    const kept = held.get(teamId);
    const names = kept && kept.json === json ? kept.names : (JSON.parse(json) as Record<string, string>);
    held.set(teamId, { json, names, until: now() + IN_PROCESS_MS });
    return names;
  };

  const readFromSlack = async (teamId: string): Promise<string> => {
    const workspace = await workspaces.forTeam(teamId);
    const names: Record<string, string> = {};
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { people, nextCursor } = await workspace.directoryPage(teamId, cursor);
      for (const person of people) {
        const name = person.realName.trim();
        if (!person.isBot && !person.deleted && name !== '') names[person.id] = name;
      }
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    return JSON.stringify(names);
  };

  return {
    async namesOf(teamId) {
      const kept = held.get(teamId);
      if (kept && kept.until > now()) return kept.names;
      const cached = await redis.get(keyOf(teamId));
      if (cached !== null) return remember(teamId, cached);

      // One worker reads the directory; the others go on without it meanwhile. After a failed read
      // the lock stays until it expires: the next try comes then, not with the next message.
      if ((await redis.set(lockOf(teamId), '1', 'EX', LOADING_LOCK_SECONDS, 'NX')) !== 'OK') return undefined;
      const read = await gatedRead({ guards, teamId, method: METHOD, now, onFailure }, () => readFromSlack(teamId));
      if (!read.ok) return undefined;
      await redis.set(keyOf(teamId), read.value, 'EX', DIRECTORY_TTL_SECONDS);
      await redis.del(lockOf(teamId));
      return remember(teamId, read.value);
    },
  };
}
