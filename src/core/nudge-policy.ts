import type { DeliveryMode, PersonSettings } from './records';

/**
 * Whether, how and when one nudge may reach one person. Pure: the worker passes in the person's
 * settings, the channel's mode and the clock. Applied when the nudge is planned and again just
 * before it is sent (a snooze clicked in between must win).
 */
export interface WorkingHours {
  /** Local hour nudges may start (inclusive). Default 8. */
  start: number;
  /** Local hour nudges stop (exclusive). Default 19. */
  end: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 8, end: 19 };
export const DEFAULT_DAILY_CAP = 3;
/** A nudge that could not be sent within this long after its message is left to the digest. */
export const NUDGE_STALE_AFTER_MS = 18 * 3600 * 1000;

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
  if (now - check.messageAt > NUDGE_STALE_AFTER_MS) return { action: 'skip', reason: 'stale' };
  const hours = check.workingHours ?? DEFAULT_WORKING_HOURS;
  if (!withinWorkingHours(now, check.timeZone, hours)) {
    const untilMs = nextWorkingStart(now, check.timeZone, hours);
    if (untilMs - check.messageAt > NUDGE_STALE_AFTER_MS) return { action: 'skip', reason: 'stale' };
    return { action: 'defer', untilMs, mode: channelMode };
  }
  return { action: 'send', mode: channelMode };
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
  const { hour } = localTime(instantMs, timeZone);
  return hour >= hours.start && hour < hours.end;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * The first quarter-hour at or after `instantMs` that falls inside working hours. Walking the clock
 * forward (instead of computing local midnight) stays right across daylight-saving changes and in
 * zones with half- and quarter-hour offsets.
 */
export function nextWorkingStart(instantMs: number, timeZone: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): number {
  let candidate = Math.ceil(instantMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (let step = 0; step < 4 * 24 * 8; step += 1) {
    if (withinWorkingHours(candidate, timeZone, hours)) return candidate;
    candidate += QUARTER_HOUR_MS;
  }
  return candidate;
}
