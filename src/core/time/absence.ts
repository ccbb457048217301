/**
 * Out of office: whether a person is away, read from their Slack status (emoji, text, expiry) or
 * set by hand with `/lane away until <date>`. Pure: the caller passes the profile's status, the
 * stored manual absence and the clock.
 */
import { localParts, localTimeToInstant } from '../digest/calendar';
import type { ParseOutcome } from './working-hours';

/** The parts of a Slack profile that say someone is away (`users.info` → `user.profile`). */
export interface SlackStatus {
  /** e.g. `:palm_tree:`; empty when no status is set. */
  statusEmoji?: string;
  statusText?: string;
  /** When Slack clears the status, epoch seconds; 0 or missing: never. */
  statusExpiration?: number;
}

/** An absence in force. No `untilMs`: open-ended (a status with no expiry), so look again later. */
export interface Absence {
  source: 'status' | 'manual';
  untilMs?: number;
}

/** A `/lane away until …` the person set: away until `untilMs` (local midnight after `lastDay`). */
export interface ManualAbsence {
  untilMs: number;
  /** The last day away as typed, `YYYY-MM-DD`, to show back. */
  lastDay: string;
}

const AWAY_EMOJI = new Set([
  'palm_tree',
  'desert_island',
  'beach_with_umbrella',
  'face_with_thermometer',
  'thermometer',
  'airplane',
  'airplane_departure',
]);

// Whole words only: "OOO" but not "cooool", "leave" only as "on leave" and the named kinds of leave
// (not "leave a comment"), "sick" only in the phrases that mean off work ("off sick", "sick day"),
// not "sick of meetings".
const AWAY_TEXT =
  /\b(?:ooo|ooto|pto|out\s+of\s+(?:the\s+)?office|on\s+leave|(?:annual|sick|parental|maternity|paternity|medical|study)\s+leave|vacation|vacationing|on\s+holidays?|(?:off|out)\s+sick|sick\s+day|off\s+work|away\s+until)\b/i;
// A status that is just one of these words ("Sick", "Holiday!") says away; within a sentence they may not.
const AWAY_WORD_ALONE = /^(?:sick|holidays?)$/i;
// "Back from vacation", "returned from leave", "vacation mode off": the word is there, the person is not away.
const BACK_TEXT = /\b(?:back|returned)\s+(?:from|after)\b|\bmode\s+off\b/i;

function emojiName(emoji: string | undefined): string {
  return (emoji ?? '').trim().replace(/^:|:$/g, '').split('::')[0]!.toLowerCase();
}

/** Whether a status's text or emoji says the person is away, regardless of when it expires. */
export function statusSaysAway(status: SlackStatus): boolean {
  if (AWAY_EMOJI.has(emojiName(status.statusEmoji))) return true;
  const text = status.statusText ?? '';
  if (BACK_TEXT.test(text)) return false;
  // The status alone, without the emoji or punctuation around it.
  const alone = text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return AWAY_TEXT.test(text) || AWAY_WORD_ALONE.test(alone);
}

/**
 * The absence a Slack status announces at `nowMs`, if any. An expiry in the past means the status
 * is already gone (a cached profile can outlive it); a future expiry is when the person is back.
 */
export function absenceFromStatus(status: SlackStatus | undefined, nowMs: number): Absence | undefined {
  if (!status || !statusSaysAway(status)) return undefined;
  const expiresMs = (status.statusExpiration ?? 0) * 1000;
  if (expiresMs > 0 && expiresMs <= nowMs) return undefined;
  return expiresMs > 0 ? { source: 'status', untilMs: expiresMs } : { source: 'status' };
}

/**
 * The absence in force at `nowMs`, from a manual setting and the Slack status together. When both
 * say away, the later return wins (an open-ended status outlasts any date).
 */
export function currentAbsence(input: { manual?: ManualAbsence; status?: SlackStatus; nowMs: number }): Absence | undefined {
  const manual: Absence | undefined = input.manual && input.manual.untilMs > input.nowMs ? { source: 'manual', untilMs: input.manual.untilMs } : undefined;
  const fromStatus = absenceFromStatus(input.status, input.nowMs);
  if (!manual || !fromStatus) return manual ?? fromStatus;
  if (fromStatus.untilMs === undefined) return fromStatus;
  return fromStatus.untilMs > manual.untilMs! ? fromStatus : manual;
}

export type AwayCommand = { kind: 'until'; absence: ManualAbsence } | { kind: 'off' };

export const AWAY_USAGE = '`/lane away until 2026-12-24` (back the day after) or `/lane away off`';

/** The longest absence one command may set, so a typo'd year does not silence someone for good. */
const MAX_AWAY_DAYS = 366;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses what follows `/lane away`. The date is the last day away, in the person's own timezone:
 * nudges and the digest resume at the start of their working hours after it.
 */
export function parseAwayCommand(raw: string, context: { nowMs: number; timeZone: string | undefined }): ParseOutcome<AwayCommand> {
  const words = raw.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const fail = (what: string): ParseOutcome<AwayCommand> => ({ ok: false, error: `${what} Use ${AWAY_USAGE}.` });
  if (words.length === 1 && (words[0] === 'off' || words[0] === 'back')) return { ok: true, value: { kind: 'off' } };
  if (words.length === 0) return fail('Say until when you are away.');
  if (words[0] !== 'until' || words.length !== 2) return fail(`\`${clip(raw.trim())}\` is not an absence.`);
  const match = DATE.exec(words[1]!);
  if (!match) return fail(`\`${clip(words[1]!)}\` is not a date: write it as year-month-day, like \`2026-12-24\`.`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const asUtc = new Date(Date.UTC(year, month - 1, day));
  if (asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return fail(`${words[1]} is not a day of the calendar.`);

  const today = localParts(context.nowMs, context.timeZone);
  const daysAhead = Math.round((asUtc.getTime() - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000);
  if (daysAhead < 0) return fail(`${words[1]} has already passed.`);
  if (daysAhead > MAX_AWAY_DAYS) return fail('An absence can be set up to a year ahead.');
  const dayAfter = new Date(asUtc.getTime() + 86_400_000);
  const untilMs = localTimeToInstant(
    { year: dayAfter.getUTCFullYear(), month: dayAfter.getUTCMonth() + 1, day: dayAfter.getUTCDate(), hour: 0 },
    context.timeZone,
  );
  return { ok: true, value: { kind: 'until', absence: { untilMs, lastDay: words[1]! } } };
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
