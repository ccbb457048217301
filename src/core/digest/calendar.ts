/**
 * Calendar arithmetic in a person's own timezone, for the weekly digest: ISO weeks, the instant a
 * digest slot happens, and whether a scheduler tick should send it. Only `Intl.DateTimeFormat`
 * (the runtime's IANA database), no date library. Pure: every function takes the instant it works on.
 */
import type { DigestSlot } from '../records';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Longest window `dueDigest` accepts: below a week less any DST shift, so at most one slot can match. */
const MAX_WINDOW_MS = 6 * DAY_MS;

/** A wall-clock reading in one timezone. */
export interface LocalParts {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0..23 */
  hour: number;
  /** 0..59 */
  minute: number;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

// Building a DateTimeFormat costs far more than using one; a scheduler tick asks for the same few
// zones for thousands of people. The cache holds only immutable formatters, keyed by zone name.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone to compute in: `tz` when the runtime knows it (Slack's `users.info` gives IANA names
 * such as `America/New_York`), otherwise `UTC`. Missing or empty input is `UTC`.
 */
export function safeTimeZone(tz?: string): string {
  if (!tz) return 'UTC';
  if (formatters.has(tz)) return tz;
  try {
    formatterFor(tz);
    return tz;
  } catch {
    // RangeError: not an IANA zone this runtime knows. UTC keeps the digest coming, one slot off at worst.
    return 'UTC';
  }
}

interface WallClock extends LocalParts {
  second: number;
}

/** `en-US` numeric output, e.g. `3/8/2026, 03:00:00`. */
const EN_US_NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}),? (\d{1,2}):(\d{2}):(\d{2})$/;

function wallClock(instantMs: number, timeZone: string | undefined): WallClock {
  if (!Number.isFinite(instantMs)) throw new RangeError(`not a valid instant: ${instantMs}`);
  const formatter = formatterFor(safeTimeZone(timeZone));
  // format() is several times faster than formatToParts(), and the scheduler reads a clock for
  // every person every hour; the parts are the fallback should an ICU version print it differently.
  const match = EN_US_NUMERIC.exec(formatter.format(instantMs));
  let year: number, month: number, day: number, hour: number, minute: number, second: number;
  if (match) {
    [month, day, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  } else {
    const parts = formatter.formatToParts(instantMs);
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
    [year, month, day, hour, minute, second] = [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
  }
  // Some ICU versions print midnight as 24 even with h23.
  hour %= 24;
  return { year, month, day, hour, minute, second, isoWeekday: isoWeekdayOfDate(year, month, day) };
}

/** The wall clock in `timeZone` at `instantMs`. Unknown zones read as UTC. */
export function localParts(instantMs: number, timeZone: string | undefined): LocalParts {
  const { year, month, day, hour, minute, isoWeekday } = wallClock(instantMs, timeZone);
  return { year, month, day, hour, minute, isoWeekday };
}

/** Milliseconds the zone's clock is ahead of UTC at that instant (negative west of Greenwich). */
function offsetAt(instantMs: number, timeZone: string): number {
  return offsetOf(wallClock(instantMs, timeZone), instantMs);
}

function offsetOf(wall: WallClock, instantMs: number): number {
  const wallAsUtc = utcMs(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second);
  // The formatter drops milliseconds; compare whole seconds.
  return wallAsUtc - (instantMs - mod(instantMs, 1000));
}

/** A civil date/time read as if it were UTC: the "wall" timeline the offsets are measured against. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function isoWeekdayOfDate(year: number, month: number, day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return mod(Math.floor(utcMs(year, month, day) / DAY_MS) + 3, 7) + 1;
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time.
 * A time that occurs twice (the clock falls back) gives the first occurrence; a time that does not
 * occur (the clock springs forward over it) gives the first instant after the gap.
 */
export function localTimeToInstant(
  local: { year: number; month: number; day: number; hour: number; minute?: number },
  timeZone: string | undefined,
): number {
  const zone = safeTimeZone(timeZone);
  const wall = utcMs(local.year, local.month, local.day, local.hour, local.minute ?? 0);
  // The instant lies within ±14 hours of the wall reading; a day either side sees the offsets in
  // force before and after any transition near it (zones change offset at most once in two days).
  const earlier = offsetAt(wall - DAY_MS, zone);
  const later = offsetAt(wall + DAY_MS, zone);
  if (earlier === later) return wall - earlier;
  const candidates = [...new Set([earlier, offsetAt(wall, zone), later])]
    .map((offset) => ({ offset, instant: wall - offset }))
    .sort((a, b) => a.instant - b.instant);
  const valid = candidates.filter(({ offset, instant }) => offsetAt(instant, zone) === offset);
  if (valid.length > 0) return valid[0]!.instant;
  // In a gap: every candidate reads a different offset than it assumed. The transition lies between
  // the earliest and the latest candidate; the first instant on the far side of it is the answer.
  let low = candidates[0]!.instant;
  let high = candidates.at(-1)!.instant;
  const before = offsetAt(low, zone);
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (offsetAt(middle, zone) === before) low = middle;
    else high = middle;
  }
  return high;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

interface IsoWeek {
  year: number;
  week: number;
}

function parseIsoWeek(week: string): IsoWeek {
  if (isIsoWeek(week)) return { year: Number(week.slice(0, 4)), week: Number(week.slice(6)) };
  throw new RangeError(`not an ISO week id (like 2026-W47): ${JSON.stringify(week)}`);
}

/** True for a well-formed ISO week id that exists (`2026-W53` does, `2025-W53` does not). */
export function isIsoWeek(week: string): boolean {
  const match = WEEK_PATTERN.exec(week);
  if (!match) return false;
  const number = Number(match[2]);
  return number >= 1 && number <= weeksInIsoYear(Number(match[1]));
}

function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

function weeksInIsoYear(year: number): number {
  // 28 December is always in the last ISO week of its year.
  return isoWeekOfDate(year, 12, 28).week;
}

function isoWeekOfDate(year: number, month: number, day: number): IsoWeek {
  const date = utcMs(year, month, day);
  // The ISO week belongs to the year that holds its Thursday.
  const thursday = new Date(date + (4 - isoWeekdayOfDate(year, month, day)) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcMs(isoYear, 1, 1)) / (7 * DAY_MS)) + 1;
  return { year: isoYear, week };
}

/** Monday of an ISO week, as a civil date. */
export function isoWeekMonday(week: string): { year: number; month: number; day: number } {
  const { year, week: number } = parseIsoWeek(week);
  // 4 January is always in week 1.
  const january4 = utcMs(year, 1, 4);
  const monday = new Date(january4 - (isoWeekdayOfDate(year, 1, 4) - 1) * DAY_MS + (number - 1) * 7 * DAY_MS);
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

/** The ISO week id (`2026-W47`) of the local date at `instantMs` in `timeZone`. */
export function isoWeekOf(instantMs: number, timeZone: string | undefined): string {
  const { year, month, day } = localParts(instantMs, timeZone);
  return formatIsoWeek(isoWeekOfDate(year, month, day));
}

function shiftIsoWeek(week: string, weeks: number): string {
  const monday = isoWeekMonday(week);
  const shifted = new Date(utcMs(monday.year, monday.month, monday.day) + weeks * 7 * DAY_MS);
  return formatIsoWeek(isoWeekOfDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()));
}

/** The ISO week before `week` (`2027-W01` → `2026-W53`). Throws RangeError on a malformed id. */
export function previousIsoWeek(week: string): string {
  return shiftIsoWeek(week, -1);
}

/** The ISO week after `week`. Throws RangeError on a malformed id. */
export function nextIsoWeek(week: string): string {
  return shiftIsoWeek(week, 1);
}

function assertSlot(slot: DigestSlot): void {
  const valid =
    Number.isInteger(slot.isoWeekday) && slot.isoWeekday >= 1 && slot.isoWeekday <= 7 && Number.isInteger(slot.hour) && slot.hour >= 0 && slot.hour <= 23;
  if (!valid) throw new RangeError(`not a digest slot (isoWeekday 1..7, hour 0..23): ${JSON.stringify(slot)}`);
}

/**
 * The instant (epoch ms) of a digest slot in an ISO week: that week's `slot.isoWeekday` at
 * `slot.hour`:00 local time in `timeZone` (UTC when the zone is unknown). When the clock springs
 * forward over that hour, the first instant after the gap; when the hour happens twice, the first.
 * Throws RangeError on a malformed week id or slot.
 */
export function slotInstant(week: string, slot: DigestSlot, timeZone: string | undefined): number {
  assertSlot(slot);
  const monday = isoWeekMonday(week);
  const date = new Date(utcMs(monday.year, monday.month, monday.day) + (slot.isoWeekday - 1) * DAY_MS);
  return localTimeToInstant(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: slot.hour },
    timeZone,
  );
}

export interface DigestDueOptions {
  slot: DigestSlot;
  /** The person's IANA timezone (Slack's `tz`); unknown or missing zones count as UTC. */
  timeZone: string | undefined;
  /** The tick's instant (epoch ms): the scheduled time of the tick, or an operator's `--at`. */
  tickMs: number;
  /** How far back the tick looks: the time since the previous tick (1 hour for an hourly scheduler). At most 6 days. */
  windowMs: number;
}

export interface DueDigest {
  /** The ISO week whose slot fell in the window (in the person's zone). */
  slotWeek: string;
  /** The ISO week the digest reports on: the one before `slotWeek`. Use it for the job id and the records. */
  week: string;
  /** The slot's instant (epoch ms). */
  slotMs: number;
}

/**
 * The digest a tick must send for one person, if any: the slot that lies in
 * `(tickMs - windowMs, tickMs]`. Ticks whose windows tile time (each window starts where the last
 * ended) find every slot exactly once, across DST changes and ISO-year boundaries.
 */
export function dueDigest({ slot, timeZone, tickMs, windowMs }: DigestDueOptions): DueDigest | undefined {
  if (!(windowMs > 0 && windowMs <= MAX_WINDOW_MS)) throw new RangeError(`windowMs must be in (0, ${MAX_WINDOW_MS}]: ${windowMs}`);
  assertSlot(slot);
  const zone = safeTimeZone(timeZone);
  const local = wallClock(tickMs, zone);
  const tickOffset = offsetOf(local, tickMs);
  const tickWeek = formatIsoWeek(isoWeekOfDate(local.year, local.month, local.day));
  // The slot of the tick's own week, or (when the window reaches back over the week's start, e.g.
  // a Sunday 23:00 slot seen by a tick after midnight) the slot of the week before.
  for (const slotWeek of [tickWeek, previousIsoWeek(tickWeek)]) {
    // A scheduler asks this for every person every hour and nearly always hears "no": read the
    // slot with the tick's offset first, and only compute it exactly when it lands near the window.
    // The zone's offset at the slot differs from the tick's by at most a day (Samoa, 2011).
    const monday = isoWeekMonday(slotWeek);
    const slotWall = utcMs(monday.year, monday.month, monday.day + slot.isoWeekday - 1, slot.hour);
    const estimate = slotWall - tickOffset;
    if (estimate <= tickMs - windowMs - DAY_MS - HOUR_MS || estimate > tickMs + DAY_MS + HOUR_MS) continue;
    const slotMs = slotInstant(slotWeek, slot, zone);
    if (slotMs > tickMs - windowMs && slotMs <= tickMs) return { slotWeek, week: previousIsoWeek(slotWeek), slotMs };
  }
  return undefined;
}

/** True when the person's digest slot lies in `(tickMs - windowMs, tickMs]`; see `dueDigest`. */
export function isDigestDue(options: DigestDueOptions): boolean {
  return dueDigest(options) !== undefined;
}

/**
 * The ISO week a digest sent at `tickMs` reports on: the week before the tick's local week (a
 * Monday 09:00 digest reports the week that just ended). For a due slot, `dueDigest(...).week`
 * gives the same week whenever the tick falls in the slot's own local week, which an hourly tick
 * always does; prefer it for job ids, as it cannot differ between two ticks that see the same slot.
 */
export function digestWeekFor(tickMs: number, timeZone: string | undefined): string {
  return previousIsoWeek(isoWeekOf(tickMs, safeTimeZone(timeZone)));
}

/** BullMQ job id of one person's digest for one reported week. BullMQ ids may not contain ':'. */
export function digestJobId(teamId: string, userId: string, week: string): string {
  for (const [name, value] of [
    ['teamId', teamId],
    ['userId', userId],
    ['week', week],
  ] as const) {
    if (!value || /[:_\s]/.test(value)) throw new RangeError(`${name} must be non-empty, without ':', '_' or spaces: ${JSON.stringify(value)}`);
  }
  return `digest_${teamId}_${userId}_${week}`;
}
