import type { DeliveryMode, PersonSettings } from './records';
import type { Absence } from './time/absence';
import { decideNudgeTiming } from './time/delivery';
import { DEFAULT_WORKING_HOURS, isWithinWorkingHours, nextStart, type WorkingHours } from './time/working-hours';

// Working hours live with the rest of the time rules; re-exported so existing callers keep compiling.
export { DEFAULT_WORKING_HOURS, type WorkingHours };

export const DEFAULT_DAILY_CAP = 3;
/** A nudge that could not be sent within this long after its message is left to the digest. */
export const NUDGE_STALE_AFTER_MS = 18 * 3600 * 1000;

/**
 * Whether, how and when one nudge may reach one person. Pure: the worker passes in the person's
 * settings, the channel's mode and the clock. Applied when the nudge is planned and again just
 * before it is sent (a snooze clicked in between must win).
 */
export interface NudgeCheck {
  settings: PersonSettings;
  channelId: string;
  channelMode: DeliveryMode;
  phrase: string;
  /** When the message was posted (epoch ms). */
  messageAt: number;
  now: number;
  timeZone: string;
  workingHours?: WorkingHours;
  /** An absence in force (`currentAbsence`): nudges wait until the person is back, or go to the digest. */
  absence?: Absence;
  /** Whether the person's local date at an instant is a public holiday (`holidayCheck`). Default: never. */
  isDayOff?: (instantMs: number) => boolean;
}

export type SkipReason = 'channel_off' | 'nudges_off' | 'snoozed' | 'channel_muted' | 'dismissed_phrase' | 'stale';

export type NudgeDecision =
  | { action: 'send'; mode: Exclude<DeliveryMode, 'off'> }
  | { action: 'defer'; untilMs: number; mode: Exclude<DeliveryMode, 'off'> }
  | { action: 'skip'; reason: SkipReason };

export function decideNudge(check: NudgeCheck): NudgeDecision {
  const { settings, channelMode, now } = check;
  if (channelMode === 'off') return { action: 'skip', reason: 'channel_off' };
  if (settings.nudgesOff) return { action: 'skip', reason: 'nudges_off' };
  if (settings.snoozedUntil > now) return { action: 'skip', reason: 'snoozed' };
  if (settings.mutedChannels.includes(check.channelId)) return { action: 'skip', reason: 'channel_muted' };
  const phrase = check.phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (settings.dismissedPhrases.includes(phrase)) return { action: 'skip', reason: 'dismissed_phrase' };
  const timing = decideNudgeTiming({
    hours: check.workingHours ?? DEFAULT_WORKING_HOURS,
    timeZone: check.timeZone,
    absence: check.absence,
    isDayOff: check.isDayOff ?? (() => false),
    nowMs: now,
    messageAt: check.messageAt,
    staleAfterMs: NUDGE_STALE_AFTER_MS,
  });
  // Too late to help, or not before the person's next working time: the digest reports it instead.
  if (timing.action === 'digest_only') return { action: 'skip', reason: 'stale' };
  const mode = deliveryModeFor(settings, channelMode);
  if (timing.action === 'hold') return { action: 'defer', untilMs: timing.untilMs, mode };
  return { action: 'send', mode };
}

/**
 * The person's own choice (`/lane delivery`, private either way) comes before the channel's mode
 * an admin set: nobody's nudges are made public against their wish. A channel turned off stays off.
 */
export function deliveryModeFor(settings: Pick<PersonSettings, 'delivery'>, channelMode: Exclude<DeliveryMode, 'off'>): Exclude<DeliveryMode, 'off'> {
  return settings.delivery ?? channelMode;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local hour (0..23) and minute at an instant in a time zone; unknown zones read as UTC. */
export function localTime(instantMs: number, timeZone: string): { hour: number; minute: number; date: string } {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch {
      return localTime(instantMs, 'UTC');
    }
    hourFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instantMs).map((p) => [p.type, p.value]));
  return { hour: Number(parts.hour), minute: Number(parts.minute), date: `${parts.year}-${parts.month}-${parts.day}` };
}

export function withinWorkingHours(instantMs: number, timeZone: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  return isWithinWorkingHours(hours, timeZone, instantMs);
}

/** The first instant at or after `instantMs` inside working hours (see `nextStart`). */
export function nextWorkingStart(instantMs: number, timeZone: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): number {
  return nextStart(hours, timeZone, instantMs);
}
