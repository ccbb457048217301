import { emptyWeek, type FlaggedMessageRef, type WeeklyRecord, type WorkSource } from '../core/records';
import type { KeySpace, RedisClient } from './redis';

/**
 * Weekly records per person: counters in a Redis hash (HINCRBY, so concurrent workers never lose
 * an update) and the flagged-message references in a capped list. Every key expires 12 weeks after
 * its week was last written. No message text: ids, counts, category ids and the matched phrase.
 */
export const RECORD_RETENTION_SECONDS = 12 * 7 * 24 * 3600;
const MAX_FLAGGED_PER_WEEK = 50;

export type WeeklyCounter = 'nudges' | 'handoffs' | 'notProjectWork' | 'snoozes';

export interface ProjectWorkSeen {
  categories: string[];
  source: WorkSource;
  ref: FlaggedMessageRef;
}

export interface RecordsStore {
  /**
   * Records one piece of project work for a person, once per message: a retried job or an edit of
   * the same message does not count it again. Returns false when it was already recorded.
   */
  recordProjectWork(teamId: string, userId: string, week: string, seen: ProjectWorkSeen): Promise<boolean>;
  /** Records product work seen reaching a person (for the balance), once per message. */
  recordProductWork(teamId: string, userId: string, week: string, messageKey: string, items: number): Promise<boolean>;
  /** Records a standup's items (all, and the project ones), once per message. */
  recordStandup(teamId: string, userId: string, week: string, messageKey: string, items: number, projectItems: number): Promise<boolean>;
  /** Adds one to a counter, once per `onceKey` (a job id, or a thread for a button click). */
  increment(teamId: string, userId: string, week: string, counter: WeeklyCounter, onceKey: string): Promise<boolean>;
  /**
   * Takes back the project work recorded for a nudge its person answered "not project work": the
   * flagged message in that thread with that phrase stops counting (once). False when none was found.
   */
  retractProjectWork(teamId: string, userId: string, week: string, flagged: { channelId: string; threadTs: string; phrase: string }): Promise<boolean>;
  week(teamId: string, userId: string, week: string): Promise<WeeklyRecord>;
  /** Counts a "not project work" answer against the categories involved, workspace-wide (for tuning). */
  recordFalsePositive(teamId: string, categories: string[]): Promise<void>;
  falsePositives(teamId: string): Promise<Record<string, number>>;
  /** Makes a person a digest candidate before they have any record (`/lane digest always`). */
  enrol(teamId: string, userId: string): Promise<void>;
  /** People with any record in this workspace, or enrolled (candidates for digests). */
  people(teamId: string): Promise<string[]>;
  /** Workspaces with any records (for the digest scheduler). */
  teams(): Promise<string[]>;
}

/**
 * One atomic write: claim the right to count (SET NX on KEYS[1]), then every increment, the flagged
 * reference and the person index, or nothing at all. Doing the claim and the counting in two round
 * trips would lose the count for good if the second failed (the retry would find the claim taken).
 * Every key is the workspace's (one Cluster slot); the index of workspaces is written beside it.
 * KEYS: once, week hash, flagged list, people set.
 * ARGV: ttl, user, flagged JSON or '', max flagged, then field/increment pairs.
 */
const RECORD_ONCE_SCRIPT = `
if not redis.call('SET', KEYS[1], '1', 'EX', ARGV[1], 'NX') then return 0 end
for i = 5, #ARGV, 2 do redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[2], ARGV[1])
if ARGV[3] ~= '' then
  redis.call('RPUSH', KEYS[3], ARGV[3])
  redis.call('LTRIM', KEYS[3], -tonumber(ARGV[4]), -1)
  redis.call('EXPIRE', KEYS[3], ARGV[1])
end
redis.call('SADD', KEYS[4], ARGV[2])
return 1`;

/**
 * Finds the flagged reference for (channel, thread, phrase) and undoes everything recording it
 * added, in one atomic step. KEYS: week hash, flagged list. ARGV: channel, thread ts, phrase.
 */
const RETRACT_SCRIPT = `
for _, line in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  local ref = cjson.decode(line)
  if ref.channelId == ARGV[1] and (ref.threadTs or ref.ts) == ARGV[2] and ref.phrase == ARGV[3] then
    redis.call('LREM', KEYS[2], 1, line)
    local fields = { 'projectItems', 'source:' .. ref.source, 'channel:' .. ref.channelId }
    for _, category in ipairs(ref.categories) do table.insert(fields, 'category:' .. category) end
    if type(ref.assignerId) == 'string' then table.insert(fields, 'assigner:' .. ref.assignerId) end
    for _, field in ipairs(fields) do
      if redis.call('HINCRBY', KEYS[1], field, -1) <= 0 then redis.call('HDEL', KEYS[1], field) end
    end
    return 1
  end
end
return 0`;

type RecordOnce = (
  once: string,
  weekKey: string,
  flaggedKey: string,
  peopleKey: string,
  ttl: number,
  userId: string,
  flagged: string,
  maxFlagged: number,
  ...increments: (string | number)[]
) => Promise<number>;

export function createRecordsStore({ redis, keys }: { redis: RedisClient; keys: KeySpace }): RecordsStore {
  const weekKey = (teamId: string, userId: string, week: string) => keys.team(teamId, 'week', userId, week);
  const flaggedKey = (teamId: string, userId: string, week: string) => keys.team(teamId, 'week', userId, week, 'flagged');
  const onceKey = (teamId: string, userId: string, kind: string, messageKey: string) => keys.team(teamId, 'seen', kind, userId, messageKey);
  const peopleKey = (teamId: string) => keys.team(teamId, 'people');
  const teamsKey = keys.key('teams');
  if (!('lanekeeperRecordOnce' in redis)) redis.defineCommand('lanekeeperRecordOnce', { numberOfKeys: 4, lua: RECORD_ONCE_SCRIPT });
  const recordOnce = (redis as unknown as { lanekeeperRecordOnce: RecordOnce }).lanekeeperRecordOnce.bind(redis);
  if (!('lanekeeperRetract' in redis)) redis.defineCommand('lanekeeperRetract', { numberOfKeys: 2, lua: RETRACT_SCRIPT });
  const retract = (redis as unknown as { lanekeeperRetract: (...args: string[]) => Promise<number> }).lanekeeperRetract.bind(redis);

  /** Counts once per (kind, person, message key); false when it was counted already. */
  const countOnce = async (
    teamId: string,
    userId: string,
    week: string,
    kind: string,
    messageKey: string,
    increments: Record<string, number>,
    flagged?: FlaggedMessageRef,
  ): Promise<boolean> => {
    const pairs = Object.entries(increments).flatMap(([field, by]) => [field, by]);
    // The workspace index is another slot's key, so it is written beside the script, not in it. Both
    // go out together; should either fail, the job fails and its retry writes the (idempotent) index
    // again while the script finds the count already claimed.
    const [written] = await Promise.all([
      recordOnce(
        onceKey(teamId, userId, kind, messageKey),
        weekKey(teamId, userId, week),
        flaggedKey(teamId, userId, week),
        peopleKey(teamId),
        RECORD_RETENTION_SECONDS,
        userId,
        flagged ? JSON.stringify(flagged) : '',
        MAX_FLAGGED_PER_WEEK,
        ...pairs,
      ),
      redis.sadd(teamsKey, teamId),
    ]);
    return written === 1;
  };

  return {
    async recordProjectWork(teamId, userId, week, { categories, source, ref }) {
      const increments: Record<string, number> = { projectItems: 1, [`source:${source}`]: 1, [`channel:${ref.channelId}`]: 1 };
      for (const category of categories) increments[`category:${category}`] = 1;
      if (ref.assignerId) increments[`assigner:${ref.assignerId}`] = 1;
      return countOnce(teamId, userId, week, 'project', `${ref.channelId}-${ref.ts}`, increments, ref);
    },
    async recordProductWork(teamId, userId, week, messageKey, items) {
      return countOnce(teamId, userId, week, 'product', messageKey, { productItems: items });
    },
    async recordStandup(teamId, userId, week, messageKey, items, projectItems) {
      return countOnce(teamId, userId, week, 'standup', messageKey, { standupItems: items, standupProjectItems: projectItems });
    },
    async increment(teamId, userId, week, counter, onceKeyPart) {
      return countOnce(teamId, userId, week, counter, onceKeyPart, { [counter]: 1 });
    },
    async retractProjectWork(teamId, userId, week, { channelId, threadTs, phrase }) {
      return (await retract(weekKey(teamId, userId, week), flaggedKey(teamId, userId, week), channelId, threadTs, phrase)) === 1;
    },
    async week(teamId, userId, week) {
      const [fields, flagged] = await Promise.all([
        redis.hgetall(weekKey(teamId, userId, week)),
        redis.lrange(flaggedKey(teamId, userId, week), 0, -1),
      ]);
      const record = emptyWeek(week);
      for (const [field, raw] of Object.entries(fields)) {
        const value = Number(raw) || 0;
        const [kind, id] = splitOnce(field);
        if (kind === 'category') record.projectByCategory[id] = value;
        else if (kind === 'source') record.projectBySource[id as WorkSource] = value;
        else if (kind === 'assigner') record.assigners[id] = value;
        else if (kind === 'channel') record.channels[id] = value;
        else if (field in record && typeof record[field as keyof WeeklyRecord] === 'number') {
          (record as unknown as Record<string, number>)[field] = value;
        }
      }
      record.flagged = flagged.map((line) => JSON.parse(line) as FlaggedMessageRef);
      return record;
    },
    async recordFalsePositive(teamId, categories) {
      const pipeline = redis.multi();
      for (const category of categories) pipeline.hincrby(keys.team(teamId, 'false-positives'), category, 1);
      await pipeline.exec();
    },
    async falsePositives(teamId) {
      const fields = await redis.hgetall(keys.team(teamId, 'false-positives'));
      return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Number(v)]));
    },
    async enrol(teamId, userId) {
      // Two slots (the workspace's, the index's): two commands; each is idempotent, so a retry repairs a half-done enrol.
      await Promise.all([redis.sadd(peopleKey(teamId), userId), redis.sadd(teamsKey, teamId)]);
    },
    async people(teamId) {
      return (await redis.smembers(peopleKey(teamId))).sort();
    },
    async teams() {
      return (await redis.smembers(teamsKey)).sort();
    },
  };
}

function splitOnce(field: string): [string, string] {
  const at = field.indexOf(':');
  return at < 0 ? [field, ''] : [field.slice(0, at), field.slice(at + 1)];
}
