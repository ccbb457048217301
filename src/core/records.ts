/**
 * What lanekeeper remembers about a person, per ISO week, and their settings. Pure types plus
 * small pure helpers; the Redis repositories in src/store/ read and write these shapes.
 * No message text: only ids, counts, category ids and the short matched phrase.
 */
import type { Role } from './types';

/** Where a piece of work came from: handed over by someone, reported in a standup, or volunteered. */
export const WORK_SOURCES = ['assignment', 'standup', 'self_assigned'] as const;
export type WorkSource = (typeof WORK_SOURCES)[number];

/** A reference to a flagged message, for the digest's links. */
export interface FlaggedMessageRef {
  channelId: string;
  ts: string;
  /** Thread root (its own ts when top-level). */
  threadTs: string;
  categories: string[];
  /** The short matched phrase (the only message text kept). */
  phrase: string;
  source: WorkSource;
  /** Who handed it over; absent when volunteered or reported in a standup. */
  assignerId?: string;
  /** Epoch milliseconds when it was seen. */
  at: number;
}

/** One person's week. Counters are whole numbers; missing keys mean zero. */
export interface WeeklyRecord {
  /** ISO week id, e.g. `2026-W47`, in the person's own timezone. */
  week: string;
  /** Pieces of project-management work that reached the person, by category id. */
  projectByCategory: Record<string, number>;
  /** The same pieces by source. */
  projectBySource: Partial<Record<WorkSource, number>>;
  /** Pieces of project work in total (each flagged message counts once). */
  projectItems: number;
  /** Pieces of product work seen reaching the person (assignments and standup items). */
  productItems: number;
  /** Standup items the person reported: all of them, and how many were project work. */
  standupItems: number;
  standupProjectItems: number;
  /** Who handed project work over, by Slack user id. */
  assigners: Record<string, number>;
  /** Which channels project work came from, by channel id. */
  channels: Record<string, number>;
  nudges: number;
  handoffs: number;
  notProjectWork: number;
  snoozes: number;
  /** Flagged messages, oldest first, at most 50 per week. */
  flagged: FlaggedMessageRef[];
}

export function emptyWeek(week: string): WeeklyRecord {
  return {
    week,
    projectByCategory: {},
    projectBySource: {},
    projectItems: 0,
    productItems: 0,
    standupItems: 0,
    standupProjectItems: 0,
    assigners: {},
    channels: {},
    nudges: 0,
    handoffs: 0,
    notProjectWork: 0,
    snoozes: 0,
    flagged: [],
  };
}

const WEEKLY_COUNTERS = ['projectItems', 'productItems', 'standupItems', 'standupProjectItems', 'nudges', 'handoffs', 'notProjectWork', 'snoozes'] as const;

/** Adds several weeks into one record (named after the first week): counters, tallies and flagged messages. */
export function sumWeeks(weeks: readonly WeeklyRecord[]): WeeklyRecord {
  const total = emptyWeek(weeks[0]?.week ?? '');
  const addInto = (target: Record<string, number>, source: Record<string, number | undefined>) => {
    for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + (Number(value) || 0);
  };
  for (const week of weeks) {
    addInto(total.projectByCategory, week.projectByCategory);
    addInto(total.projectBySource as Record<string, number>, week.projectBySource);
    addInto(total.assigners, week.assigners);
    addInto(total.channels, week.channels);
    for (const key of WEEKLY_COUNTERS) total[key] += Number(week[key]) || 0;
    total.flagged.push(...week.flagged);
  }
  return total;
}

export const NUDGE_DELIVERY_MODES = ['ephemeral', 'thread', 'dm', 'off'] as const;
export type DeliveryMode = (typeof NUDGE_DELIVERY_MODES)[number];

/** How a person may choose to get their own nudges (`/lane delivery`): never public, that is the channel's call. */
export const PERSONAL_DELIVERY_MODES = ['ephemeral', 'dm'] as const;
export type PersonalDelivery = (typeof PERSONAL_DELIVERY_MODES)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When a person's weekly digest is due, in their own timezone. */
export interface DigestSlot {
  /** 1 = Monday … 7 = Sunday (ISO). */
  isoWeekday: number;
  /** 0..23, local time. */
  hour: number;
}

export const DEFAULT_DIGEST_SLOT: DigestSlot = { isoWeekday: 1, hour: 9 };

/** A person's settings in one workspace. */
export interface PersonSettings {
  /** Role set with `/lane role` by the person or an admin; undefined: read from the profile title. */
  role?: Role;
  roleSetBy?: 'self' | 'admin';
  /** The project manager or coordinator this person hands project work to. */
  delegateId?: string;
  /** All nudges off (`/lane off`). */
  nudgesOff: boolean;
  /** Epoch milliseconds until which nudges are snoozed; 0 when not snoozed. */
  snoozedUntil: number;
  /** Channel ids where this person muted nudges. */
  mutedChannels: string[];
  /** Phrases this person said are not project work (normalised, lower case). */
  dismissedPhrases: string[];
  /** Weekly digest: off, or when it is due. */
  digest: { enabled: boolean; slot: DigestSlot; alwaysSend: boolean };
  /** The person's own choice of delivery (`/lane delivery`); undefined: as each channel is set. */
  delivery?: PersonalDelivery;
}

export function defaultSettings(): PersonSettings {
  return {
    nudgesOff: false,
    snoozedUntil: 0,
    mutedChannels: [],
    dismissedPhrases: [],
    digest: { enabled: true, slot: { ...DEFAULT_DIGEST_SLOT }, alwaysSend: false },
  };
}
