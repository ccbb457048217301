import type { Redis } from 'ioredis';
import { emptyWeek, type FlaggedMessageRef, type WeeklyRecord, type WorkSource } from '../core/records';
import type { KeySpace } from './redis';

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
  increment(teamId: string, userId: string, week: string, counter: WeeklyCounter, by?: number): Promise<void>;
  week(teamId: string, userId: string, week: string): Promise<WeeklyRecord>;
  /** Counts a "not project work" answer against the categories involved, workspace-wide (for tuning). */
  recordFalsePositive(teamId: string, categories: string[]): Promise<void>;
  falsePositives(teamId: string): Promise<Record<string, number>>;
  /** People with any record or setting in this workspace (candidates for digests). */
  people(teamId: string): Promise<string[]>;
  /** Workspaces with any records (for the digest scheduler). */
  teams(): Promise<string[]>;
}

export function createRecordsStore({ redis, keys }: { redis: Redis; keys: KeySpace }): RecordsStore {
  const weekKey = (teamId: string, userId: string, week: string) => keys.team(teamId, 'week', userId, week);
  const flaggedKey = (teamId: string, userId: string, week: string) => keys.team(teamId, 'week', userId, week, 'flagged');
  const onceKey = (teamId: string, userId: string, kind: string, messageKey: string) => keys.team(teamId, 'seen', kind, userId, messageKey);
  const peopleKey = (teamId: string) => keys.team(teamId, 'people');
  const teamsKey = keys.key('teams');

  /** Claims the right to count one message for one person; false when it was counted already. */
  const claimOnce = async (teamId: string, userId: string, kind: string, messageKey: string) =>
    (await redis.set(onceKey(teamId, userId, kind, messageKey), '1', 'EX', RECORD_RETENTION_SECONDS, 'NX')) === 'OK';

  const touch = (pipeline: ReturnType<Redis['multi']>, teamId: string, userId: string, week: string) =>
    pipeline
      .expire(weekKey(teamId, userId, week), RECORD_RETENTION_SECONDS)
      .sadd(peopleKey(teamId), userId)
      .sadd(teamsKey, teamId);

  return {
    async recordProjectWork(teamId, userId, week, { categories, source, ref }) {
      if (!(await claimOnce(teamId, userId, 'project', `${ref.channelId}-${ref.ts}`))) return false;
      const key = weekKey(teamId, userId, week);
      const pipeline = redis.multi().hincrby(key, 'projectItems', 1).hincrby(key, `source:${source}`, 1).hincrby(key, `channel:${ref.channelId}`, 1);
      for (const category of categories) pipeline.hincrby(key, `category:${category}`, 1);
      if (ref.assignerId) pipeline.hincrby(key, `assigner:${ref.assignerId}`, 1);
      pipeline
        .rpush(flaggedKey(teamId, userId, week), JSON.stringify(ref))
        .ltrim(flaggedKey(teamId, userId, week), -MAX_FLAGGED_PER_WEEK, -1)
        .expire(flaggedKey(teamId, userId, week), RECORD_RETENTION_SECONDS);
      await touch(pipeline, teamId, userId, week).exec();
      return true;
    },
    async recordProductWork(teamId, userId, week, messageKey, items) {
      if (!(await claimOnce(teamId, userId, 'product', messageKey))) return false;
      await touch(redis.multi().hincrby(weekKey(teamId, userId, week), 'productItems', items), teamId, userId, week).exec();
      return true;
    },
    async recordStandup(teamId, userId, week, messageKey, items, projectItems) {
      if (!(await claimOnce(teamId, userId, 'standup', messageKey))) return false;
      const key = weekKey(teamId, userId, week);
      await touch(redis.multi().hincrby(key, 'standupItems', items).hincrby(key, 'standupProjectItems', projectItems), teamId, userId, week).exec();
      return true;
    },
    async increment(teamId, userId, week, counter, by = 1) {
      await touch(redis.multi().hincrby(weekKey(teamId, userId, week), counter, by), teamId, userId, week).exec();
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
