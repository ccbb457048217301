import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ManualAbsence } from '../core/time/absence';
import { formatRegion, NO_HOLIDAYS, parseRegion, type HolidayRegion } from '../core/time/holidays';
import type { WorkingHours } from '../core/time/working-hours';
import type { KeySpace } from './redis';

/**
 * When people may be reached: their own working hours, a manual absence (`/lane away`) and the
 * country whose public holidays they keep, and the workspace's defaults for hours and holidays set
 * by an admin. Also the digest weeks carried past an absence into a later digest.
 * Each value is its own hash field or set member, so every change is one atomic command. A value
 * that no longer reads as valid (written by an older version, or by hand) counts as not set.
 */
export interface PersonTimePreferences {
  hours?: WorkingHours;
  away?: ManualAbsence;
  /** `none`: no public holidays for this person, whatever the workspace keeps. */
  holidays?: HolidayRegion | typeof NO_HOLIDAYS;
}

export interface WorkspaceTimeDefaults {
  hours?: WorkingHours;
  holidays?: HolidayRegion;
}

export interface TimePreferencesStore {
  person(teamId: string, userId: string): Promise<PersonTimePreferences>;
  /** `undefined`: back to the workspace's hours (`/lane hours default`). */
  setHours(teamId: string, userId: string, hours: WorkingHours | undefined): Promise<void>;
  /** `undefined`: not away (`/lane away off`). */
  setAway(teamId: string, userId: string, away: ManualAbsence | undefined): Promise<void>;
  /** `undefined`: the workspace's holidays (`/lane holidays default`); `none`: none at all (`/lane holidays off`). */
  setHolidays(teamId: string, userId: string, region: HolidayRegion | typeof NO_HOLIDAYS | undefined): Promise<void>;

  workspace(teamId: string): Promise<WorkspaceTimeDefaults>;
  setWorkspaceHours(teamId: string, hours: WorkingHours | undefined): Promise<void>;
  setWorkspaceHolidays(teamId: string, region: HolidayRegion | undefined): Promise<void>;

  /** ISO weeks whose digest was carried past an absence and not sent yet, oldest first. */
  carriedDigestWeeks(teamId: string, userId: string): Promise<string[]>;
  carryDigestWeeks(teamId: string, userId: string, weeks: readonly string[]): Promise<void>;
  /** After a digest reporting `weeks` went out: they are no longer carried. */
  clearCarriedDigestWeeks(teamId: string, userId: string, weeks: readonly string[]): Promise<void>;
}

const minuteOfHour = z.number().int().min(0).max(59);
const storedHours = z
  .object({
    start: z.number().int().min(0).max(23),
    end: z.number().int().min(0).max(24),
    startMinute: minuteOfHour.optional(),
    endMinute: minuteOfHour.optional(),
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  })
  .strict();

function readHours(value: string | undefined): WorkingHours | undefined {
  if (!value) return undefined;
  try {
    const parsed = storedHours.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function writeHours(hours: WorkingHours): string {
  return JSON.stringify(storedHours.parse(hours));
}

const LAST_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function createTimePreferencesStore({ redis, keys }: { redis: Redis; keys: KeySpace }): TimePreferencesStore {
  const personKey = (teamId: string, userId: string) => keys.team(teamId, 'person', userId, 'time');
  const carriedKey = (teamId: string, userId: string) => keys.team(teamId, 'person', userId, 'digest-carried');
  const workspaceKey = (teamId: string) => keys.team(teamId, 'workspace', 'time');
  const setOrDelete = async (key: string, field: string, value: string | undefined) => {
    if (value === undefined) await redis.hdel(key, field);
    else await redis.hset(key, field, value);
  };

  return {
    async person(teamId, userId) {
      const fields = await redis.hgetall(personKey(teamId, userId));
      const preferences: PersonTimePreferences = {};
      const hours = readHours(fields.hours);
      if (hours) preferences.hours = hours;
      const untilMs = Number(fields.awayUntil);
      if (Number.isSafeInteger(untilMs) && untilMs > 0 && LAST_DAY.test(fields.awayLastDay ?? '')) {
        preferences.away = { untilMs, lastDay: fields.awayLastDay! };
      }
      const holidays = fields.holidays === NO_HOLIDAYS ? NO_HOLIDAYS : parseRegion(fields.holidays);
      if (holidays) preferences.holidays = holidays;
      return preferences;
    },
    async setHours(teamId, userId, hours) {
      await setOrDelete(personKey(teamId, userId), 'hours', hours && writeHours(hours));
    },
    async setAway(teamId, userId, away) {
      const key = personKey(teamId, userId);
      if (away) await redis.hset(key, 'awayUntil', String(Math.floor(away.untilMs)), 'awayLastDay', away.lastDay);
      else await redis.hdel(key, 'awayUntil', 'awayLastDay');
    },
    async setHolidays(teamId, userId, region) {
      await setOrDelete(personKey(teamId, userId), 'holidays', region && (region === NO_HOLIDAYS ? NO_HOLIDAYS : formatRegion(region)));
    },

    async workspace(teamId) {
      const fields = await redis.hgetall(workspaceKey(teamId));
      const defaults: WorkspaceTimeDefaults = {};
      const hours = readHours(fields.hours);
      if (hours) defaults.hours = hours;
      const holidays = parseRegion(fields.holidays);
      if (holidays) defaults.holidays = holidays;
      return defaults;
    },
    async setWorkspaceHours(teamId, hours) {
      await setOrDelete(workspaceKey(teamId), 'hours', hours && writeHours(hours));
    },
    async setWorkspaceHolidays(teamId, region) {
      await setOrDelete(workspaceKey(teamId), 'holidays', region && formatRegion(region));
    },

    async carriedDigestWeeks(teamId, userId) {
      return (await redis.smembers(carriedKey(teamId, userId))).sort();
    },
    async carryDigestWeeks(teamId, userId, weeks) {
      if (weeks.length > 0) await redis.sadd(carriedKey(teamId, userId), ...weeks);
    },
    async clearCarriedDigestWeeks(teamId, userId, weeks) {
      if (weeks.length > 0) await redis.srem(carriedKey(teamId, userId), ...weeks);
    },
  };
}
