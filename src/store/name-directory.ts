import type { DirectoryPage } from '../ports/slack';
import { gatedRead, type GatedReadStoreOptions } from './gated-read';

/**
 * The workspace's directory of names (`{"U_ANA": "Ana Souza"}`), which lets the classifier resolve
 * people that trackers and typed text name by plain name ("Assignee: Ana Souza", "@Ana Souza").
 *
 * Read from Slack's `users.list` one page per need, and cached in Redis per workspace for
 * {@link DIRECTORY_TTL_SECONDS}, so a workspace's directory costs a handful of calls a few times a
 * day whatever the number of workers. Names are all it keeps: no titles, no emails, no message text.
 *
 * `users.list` is Tier 2 (about 20 calls a minute) and a large workspace has many pages, so a
 * message that needs the directory reads at most one page, and pages are at least
 * {@link PAGE_INTERVAL_SECONDS} apart across all workers. The cursor and the names read so far are
 * kept in Redis: the next need reads the next page, and a failure (a 429 midway) loses nothing. While
 * the directory is being read, the names read so far are used (or, when it is being read again
 * because it is old, the whole previous one).
 *
 * The directory is a help, never a condition: when Slack rate-limits or fails, or another worker is
 * reading a page, the message is judged with what has been read (mentions still work) rather than held.
 */
export interface NameDirectory {
  /** The workspace's names by user id (possibly only part of them), or undefined when none can be had just now. */
  namesOf(teamId: string): Promise<Readonly<Record<string, string>> | undefined>;
}

/** How long a workspace's directory is used before it is read again. */
export const DIRECTORY_TTL_SECONDS = 6 * 3600;
/** The previous directory is kept this long, to be used while the next one is read. */
const PREVIOUS_KEPT_SECONDS = 2 * DIRECTORY_TTL_SECONDS;
/** At most this many pages of 200 are read (10,000 people); a larger directory is cut there. */
const MAX_PAGES = 50;
/** At least this long between two pages, across workers: users.list is Tier 2 (about 20 a minute). */
export const PAGE_INTERVAL_SECONDS = 3;
/** While one worker reads a page, the others wait at most this long (a call times out before). */
const PAGE_CALL_SECONDS = 30;
/** After a failed read, the next page is tried this long later at the earliest, not with the next message. */
const AFTER_FAILURE_SECONDS = 120;
/** A reading left unfinished this long starts again from the first page. */
const PROGRESS_KEPT_SECONDS = 3600;
/**
 * A worker keeps a whole directory it read from Redis this long, so the classifier's index of it is
 * reused. A part of one is asked for again at every need (the next page may be this worker's to
 * read), and reused while no page was added.
 */
const IN_PROCESS_MS = 60_000;
const METHOD = 'users.list';

export type NameDirectoryOptions = GatedReadStoreOptions;

type Names = Record<string, string>;

export function createNameDirectory({ redis, keys, workspaces, guards, now = Date.now, onFailure }: NameDirectoryOptions): NameDirectory {
  /** The whole directory (JSON), kept {@link PREVIOUS_KEPT_SECONDS}. */
  const keyOf = (teamId: string) => keys.team(teamId, 'directory');
  /** Present while the whole directory is fresh enough to use without reading it again. */
  const freshOf = (teamId: string) => keys.team(teamId, 'directory', 'fresh');
  /** A reading under way: `cursor`, `pages` read and the `names` read so far (JSON). */
  const progressOf = (teamId: string) => keys.team(teamId, 'directory', 'progress');
  /** Whose turn it is to read a page; its expiry paces the pages. */
  const lockOf = (teamId: string) => keys.team(teamId, 'directory', 'loading');
  // The same object for the same names: the classifier indexes a directory once per object.
  const held = new Map<string, { version: string; names: Readonly<Names>; until: number }>();

  const remember = (teamId: string, version: string, json: () => Promise<string | null> | string, keepMs: number) => {
    const kept = held.get(teamId);
    if (kept && kept.version === version) {
      kept.until = now() + keepMs;
      return kept.names;
    }
    return Promise.resolve(json()).then((text) => {
      if (text === null) return undefined;
      const names = JSON.parse(text) as Names;
      held.set(teamId, { version, names, until: now() + keepMs });
      return names;
    });
  };

  const readPage = async (teamId: string, cursor: string | undefined): Promise<DirectoryPage> => {
    const workspace = await workspaces.forTeam(teamId);
    try {
      return await workspace.directoryPage(teamId, cursor);
    } catch (error) {
      // A cursor Slack no longer knows: the next try starts from the first page.
      if ((error as { data?: { error?: string } }).data?.error === 'invalid_cursor') await redis.del(progressOf(teamId));
      throw error;
    }
  };

  /** Reads the next page when it is this worker's turn; true when the directory is now whole. */
  const readNextPage = async (teamId: string): Promise<boolean> => {
    if ((await redis.set(lockOf(teamId), '1', 'EX', PAGE_CALL_SECONDS, 'NX')) !== 'OK') return false;
    const [cursor, pages, soFar] = await redis.hmget(progressOf(teamId), 'cursor', 'pages', 'names');
    const read = await gatedRead({ guards, teamId, method: METHOD, now, onFailure }, () => readPage(teamId, cursor ?? undefined));
    if (!read.ok) {
      await redis.set(lockOf(teamId), '1', 'EX', AFTER_FAILURE_SECONDS);
      return false;
    }
    const names = soFar ? (JSON.parse(soFar) as Names) : {};
    for (const person of read.value.people) {
      const name = person.realName.trim();
      if (!person.isBot && !person.deleted && name !== '') names[person.id] = name;
    }
    const pagesRead = Number(pages ?? 0) + 1;
    const transaction = redis.multi().set(lockOf(teamId), '1', 'EX', PAGE_INTERVAL_SECONDS);
    if (read.value.nextCursor && pagesRead < MAX_PAGES) {
      const progress = { cursor: read.value.nextCursor, pages: String(pagesRead), names: JSON.stringify(names) };
      await transaction.hset(progressOf(teamId), progress).expire(progressOf(teamId), PROGRESS_KEPT_SECONDS).exec();
      return false;
    }
    await transaction
      .set(keyOf(teamId), JSON.stringify(names), 'EX', PREVIOUS_KEPT_SECONDS)
      .set(freshOf(teamId), '1', 'EX', DIRECTORY_TTL_SECONDS)
      .del(progressOf(teamId))
      .exec();
    return true;
  };

  return {
    async namesOf(teamId) {
      const kept = held.get(teamId);
      if (kept && kept.until > now()) return kept.names;
      const [whole, fresh] = await Promise.all([redis.get(keyOf(teamId)), redis.exists(freshOf(teamId))]);
      if (whole !== null && fresh === 1) return remember(teamId, whole, () => whole, IN_PROCESS_MS);

      // Old or missing: one more page, when it is this worker's turn.
      if (await readNextPage(teamId)) {
        const json = await redis.get(keyOf(teamId));
        return json === null ? undefined : remember(teamId, json, () => json, IN_PROCESS_MS);
      }
      // Meanwhile: the previous directory, else the names read so far.
      if (whole !== null) return remember(teamId, whole, () => whole, 0);
      const pages = await redis.hget(progressOf(teamId), 'pages');
      if (pages === null) return undefined;
      return remember(teamId, `pages:${pages}`, () => redis.hget(progressOf(teamId), 'names'), 0);
    },
  };
}
