import { normalisePhrase } from '../core/classifier/word-lists';
import type { WorkspaceWords } from '../core/types';
import type { KeySpace, RedisClient } from './redis';

/**
 * A workspace's word lists (`/lane words`): phrases its admins say always count as project work,
 * and phrases that never do. One Redis hash per workspace, phrase → list, so a phrase sits in one
 * list at a time and every change is one atomic command. Kept until the workspace uninstalls.
 */
export type WordList = 'project' | 'never';

export interface ListedPhrase {
  phrase: string;
  list: WordList;
}

export interface WordListsStore {
  /** The lists as the classifier takes them; the same object while they are unchanged (it compiles once per object). */
  wordsOf(teamId: string): Promise<WorkspaceWords | undefined>;
  list(teamId: string): Promise<ListedPhrase[]>;
  /** Adds (or moves) a phrase; false when the workspace already has {@link MAX_LISTED_PHRASES} others. */
  add(teamId: string, phrase: string, list: WordList): Promise<boolean>;
  /** Removes a phrase from whichever list holds it; false when neither did. */
  remove(teamId: string, phrase: string): Promise<boolean>;
}

export const MAX_LISTED_PHRASES = 200;

/** The form a phrase is stored and matched in: the classifier's own (lower case, single spaces, no markup). */
export const listedForm = normalisePhrase;

/**
 * Adds a phrase unless the hash is full (a phrase already in it may always move lists).
 * KEYS: the hash. ARGV: phrase, list, cap.
 */
const ADD_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

export function createWordListsStore({ redis, keys }: { redis: RedisClient; keys: KeySpace }): WordListsStore {
  const keyOf = (teamId: string) => keys.team(teamId, 'words');
  const held = new Map<string, { json: string; words: WorkspaceWords }>();
  if (!('lanekeeperAddWord' in redis)) redis.defineCommand('lanekeeperAddWord', { numberOfKeys: 1, lua: ADD_SCRIPT });
  const addWord = (redis as unknown as { lanekeeperAddWord: (key: string, phrase: string, list: string, cap: number) => Promise<number> }).lanekeeperAddWord.bind(redis);

  const list = async (teamId: string): Promise<ListedPhrase[]> => {
    const fields = await redis.hgetall(keyOf(teamId));
    return Object.entries(fields)
      .filter((entry): entry is [string, WordList] => entry[1] === 'project' || entry[1] === 'never')
      .map(([phrase, listName]) => ({ phrase, list: listName }))
      .sort((a, b) => a.list.localeCompare(b.list) || a.phrase.localeCompare(b.phrase));
  };

  return {
    list,
    async wordsOf(teamId) {
      const listed = await list(teamId);
      if (listed.length === 0) return undefined;
      const json = JSON.stringify(listed);
      const kept = held.get(teamId);
      if (kept && kept.json === json) return kept.words;
      const words: WorkspaceWords = {
        project: listed.filter((p) => p.list === 'project').map((p) => p.phrase),
        notProject: listed.filter((p) => p.list === 'never').map((p) => p.phrase),
      };
      held.set(teamId, { json, words });
      return words;
    },
    async add(teamId, phrase, listName) {
      return (await addWord(keyOf(teamId), listedForm(phrase), listName, MAX_LISTED_PHRASES)) === 1;
    },
    async remove(teamId, phrase) {
      return (await redis.hdel(keyOf(teamId), listedForm(phrase))) === 1;
    },
  };
}
