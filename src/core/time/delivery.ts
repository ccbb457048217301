/**
 * When something may reach a person, given their working hours, an absence and public holidays:
 * a nudge is sent now, held until a time, or left to the digest; a weekly digest is sent, waits
 * until the person is back, or is carried into next week's. Pure: the caller passes the clock and a
 * day-off check (see `holidayCheck`).
 */
import { localParts, localTimeToInstant } from '../digest/calendar';
import type { Absence } from './absence';
import { nextStart, type WorkingHours } from './working-hours';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** A status with no expiry says nothing of when the person is back: look at it again after this long. */
export const ABSENCE_RECHECK_MS = 3600 * 1000;
/** A held digest that could go out only this close to next week's slot is folded into next week's. */
const CARRY_WITHIN_MS = DAY_MS;
/** A run of holidays longer than this is taken as a bad rule rather than waited out. */
const MAX_HOLIDAYS_IN_A_ROW = 31;

export interface PersonTime {
  hours: WorkingHours;
  timeZone: string | undefined;
  absence?: Absence;
  /** Whether the person's local date at an instant is a day off (a public holiday). */
  isDayOff: (instantMs: number) => boolean;
}

/** The local midnight that starts the day after the one at `instantMs`. */
function startOfNextDay(instantMs: number, timeZone: string | undefined): number {
  const today = localParts(instantMs, timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day) + DAY_MS);
  return localTimeToInstant({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), hour: 0 }, timeZone);
}

/**
 * The first instant at or after `fromMs` inside working hours that is not on a day off. Undefined
 * when the person is away with no known return (the caller looks again later).
 */
export function releaseTime(person: PersonTime, fromMs: number): number | undefined {
  const { absence, hours, timeZone } = person;
  if (absence && absence.untilMs === undefined) return undefined;
  let candidate = nextStart(hours, timeZone, Math.max(fromMs, absence?.untilMs ?? fromMs));
  for (let skipped = 0; skipped < MAX_HOLIDAYS_IN_A_ROW && person.isDayOff(candidate); skipped += 1) {
    candidate = nextStart(hours, timeZone, startOfNextDay(candidate, timeZone));
  }
  return candidate;
}

export type HoldReason = 'outside_hours' | 'away' | 'holiday';

export type NudgeTiming =
  | { action: 'send' }
  | { action: 'hold'; untilMs: number; reason: HoldReason }
  | { action: 'digest_only'; reason: HoldReason | 'stale' };

export interface NudgeTimingInput extends PersonTime {
  nowMs: number;
  /** When the message that raised the nudge was posted. */
  messageAt: number;
  /** A nudge that cannot go out within this long after its message is left to the digest. */
  staleAfterMs: number;
}

/**
 * Send now, hold until a time, or leave to the digest. A held nudge is released at the start of
 * the person's next working time that is not a holiday and not inside an absence; if that is more
 * than `staleAfterMs` after the message, the nudge would come too late to help and goes to the
 * digest only. While an open-ended absence lasts, the nudge is held for a re-check.
 */
export function decideNudgeTiming(input: NudgeTimingInput): NudgeTiming {
  const { nowMs, messageAt, staleAfterMs } = input;
  const lastUseful = messageAt + staleAfterMs;
  if (nowMs > lastUseful) return { action: 'digest_only', reason: 'stale' };
  const reason: HoldReason = input.absence ? 'away' : input.isDayOff(nowMs) ? 'holiday' : 'outside_hours';
  const release = releaseTime(input, nowMs);
  if (release === undefined) {
    const recheck = nowMs + ABSENCE_RECHECK_MS;
    return recheck > lastUseful ? { action: 'digest_only', reason } : { action: 'hold', untilMs: recheck, reason };
  }
  if (release <= nowMs) return { action: 'send' };
  return release > lastUseful ? { action: 'digest_only', reason } : { action: 'hold', untilMs: release, reason };
}

export type DigestTiming =
  /** Send now, reporting these weeks (oldest first; more than one when earlier ones were carried). */
  | { action: 'send'; weeks: string[] }
  /** Not now; decide again at `untilMs` (still more than a day before next week's slot). */
  | { action: 'wait'; untilMs: number; reason: HoldReason; weeks: string[] }
  /** This slot's digest is given up; next week's reports these weeks with its own. */
  | { action: 'carry'; weeks: string[] };

export interface DigestTimingInput extends PersonTime {
  nowMs: number;
  /** The week the slot reports on (`2026-W47`). */
  week: string;
  /** When this week's digest was due (its slot instant). */
  slotMs: number;
  /** Earlier weeks whose digests were carried and not sent yet, oldest first. */
  carriedWeeks?: readonly string[];
  /** Most weeks one digest reports, oldest dropped first. Default 2 (this week and the one carried). */
  maxWeeks?: number;
}

/**
 * When a weekly digest goes out. It is not sent into an absence, on a holiday, or outside working
 * hours: it waits for the person's next working time. A digest that could go out only within a day
 * of next week's slot (or later) is carried: next week's digest reports both weeks, so each week
 * is reported once, no digest is sent twice, and two digests never arrive hours apart.
 */
export function decideDigestTiming(input: DigestTimingInput): DigestTiming {
  const maxWeeks = Math.max(1, input.maxWeeks ?? 2);
  const weeks = [...new Set([...(input.carriedWeeks ?? []), input.week])].sort().slice(-maxWeeks);
  const deadline = input.slotMs + WEEK_MS - CARRY_WITHIN_MS;
  if (input.nowMs >= deadline) return { action: 'carry', weeks };
  const reason: HoldReason = input.absence ? 'away' : input.isDayOff(input.nowMs) ? 'holiday' : 'outside_hours';
  const release = releaseTime(input, Math.max(input.nowMs, input.slotMs));
  if (release === undefined) {
    const recheck = input.nowMs + ABSENCE_RECHECK_MS;
    return recheck >= deadline ? { action: 'carry', weeks } : { action: 'wait', untilMs: recheck, reason, weeks };
  }
  if (release >= deadline) return { action: 'carry', weeks };
  if (release <= input.nowMs) return { action: 'send', weeks };
  return { action: 'wait', untilMs: release, reason, weeks };
}
