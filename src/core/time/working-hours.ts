/**
 * Working hours: when a person may be nudged and when their digest may arrive. A parser for what
 * people type after `/lane hours`, and an evaluator that reads the wall clock in the person's own
 * timezone through `Intl` (the runtime's IANA database), so daylight-saving changes and shifts that
 * run past midnight (`22-06`) need no hand-made offsets. Pure: every function takes its instant.
 */
import { localParts, localTimeToInstant } from '../digest/calendar';

const MINUTES_PER_DAY = 24 * 60;
const DAY_MS = 24 * 3600 * 1000;
export const ALL_DAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * Hours of work, the same every listed day. `start` and `end` are whole local hours (kept so the
 * first form, `{ start: 8, end: 19 }`, still means what it did); `startMinute`/`endMinute` add
 * minutes (`7:30`). An end before the start is a shift past midnight: `22-06` starts at 22:00 on
 * each listed day and ends at 06:00 the next morning.
 */
export interface WorkingHours {
  /** Local hour work starts (inclusive), 0..23. */
  start: number;
  /** Local hour work stops (exclusive), 0..24. */
  end: number;
  /** Minutes past `start`, 0..59. Default 0. */
  startMinute?: number;
  /** Minutes past `end`, 0..59. Default 0. */
  endMinute?: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) a shift starts on. Default every day. */
  days?: readonly number[];
}

/** 08:00–19:00 every day: what lanekeeper has always used when nobody set anything. */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({ start: 8, end: 19 });

const startOf = (hours: WorkingHours) => hours.start * 60 + (hours.startMinute ?? 0);
const endOf = (hours: WorkingHours) => hours.end * 60 + (hours.endMinute ?? 0);
const daysOf = (hours: WorkingHours) => (hours.days && hours.days.length > 0 ? hours.days : ALL_DAYS);

/**
 * The hours that apply to one person: their own, else the workspace's (set by an admin), else the
 * default. A person's `default` choice is stored as no setting, so it falls back the same way.
 */
export function effectiveWorkingHours(own: WorkingHours | undefined, workspace: WorkingHours | undefined): WorkingHours {
  return own ?? workspace ?? DEFAULT_WORKING_HOURS;
}

/** Whether `instantMs` falls inside the working hours, read on the wall clock in `timeZone` (unknown zones read as UTC). */
export function isWithinWorkingHours(hours: WorkingHours, timeZone: string | undefined, instantMs: number): boolean {
  const local = localParts(instantMs, timeZone);
  const minute = local.hour * 60 + local.minute;
  const start = startOf(hours);
  const end = endOf(hours);
  const days = daysOf(hours);
  const startsToday = days.includes(local.isoWeekday);
  if (start === end) return startsToday;
  if (start < end) return startsToday && minute >= start && minute < end;
  // Past midnight: the evening part belongs to today's shift, the early morning to yesterday's.
  const yesterday = local.isoWeekday === 1 ? 7 : local.isoWeekday - 1;
  return (startsToday && minute >= start) || (days.includes(yesterday) && minute < end);
}

/**
 * The first instant at or after `instantMs` inside working hours: `instantMs` itself when work is
 * on, otherwise the next shift's start. The start is found as a local time on a local date and
 * turned into an instant by the zone's own rules, so 08:00 stays 08:00 across a DST change; a start
 * the clock springs over begins at the first instant after the gap.
 */
export function nextStart(hours: WorkingHours, timeZone: string | undefined, instantMs: number): number {
  if (isWithinWorkingHours(hours, timeZone, instantMs)) return instantMs;
  const today = localParts(instantMs, timeZone);
  const start = startOf(hours);
  const days = daysOf(hours);
  // A week and a day ahead always reaches a listed day's start.
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day) + offset * DAY_MS);
    const isoWeekday = ((today.isoWeekday - 1 + offset) % 7) + 1;
    if (!days.includes(isoWeekday)) continue;
    const candidate = localTimeToInstant(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(start / 60), minute: start % 60 },
      timeZone,
    );
    if (candidate >= instantMs) return candidate;
  }
  // Unreachable with at least one listed day; kept so a malformed value never loops or throws.
  return instantMs + DAY_MS;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * `08:00–19:00, every day`, `07:30–16:00, Mon–Thu`, `22:00–06:00 (next day), Mon–Fri`: how hours
 * are shown back to people. The days are always named, since typed hours default to Mon–Fri while
 * the built-in default is every day.
 */
export function formatWorkingHours(hours: WorkingHours): string {
  const start = startOf(hours);
  const end = endOf(hours);
  const overnight = end < start ? ' (next day)' : '';
  const days = [...new Set(daysOf(hours))].sort((a, b) => a - b);
  return `${clock(start)}–${clock(end)}${overnight}, ${days.length === 7 ? 'every day' : formatDays(days)}`;
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function formatDays(days: number[]): string {
  const name = (day: number) => DAY_NAMES[day - 1]!.replace(/^./, (c) => c.toUpperCase());
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j += 1;
    runs.push(j - i >= 2 ? `${name(days[i]!)}–${name(days[j]!)}` : days.slice(i, j + 1).map(name).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

export type HoursCommand = { kind: 'set'; hours: WorkingHours } | { kind: 'default' };
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export const HOURS_USAGE =
  '`/lane hours 9-17` (Mon–Fri), `/lane hours 7:30-16 mon-thu`, `/lane hours 9-17 daily`, `/lane hours 22-06` (a night shift) or `/lane hours default`';

const TIME = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/;
const WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** A shift past midnight this long or longer, typed without am/pm, is taken for a 12-hour-clock slip. */
const LONGEST_NIGHT_SHIFT_MINUTES = 16 * 60;
const MAX_SHOWN = 40;

/**
 * Parses what follows `/lane hours`. Hours are 24-hour local times (`9`, `09:00`, `7:30`), days an
 * optional list or range (`mon-fri`, `mon,wed,fri`, `sat sun`, `daily`); without days, Monday to
 * Friday, as most people who type their hours mean. (The built-in 08:00–19:00 stays every day, as it
 * always was.) An end before the start is a night shift, unless it reads like a 12-hour clock typed
 * without am/pm (`9-5`). Errors say what was wrong and show the right form.
 */
export function parseHoursCommand(raw: string): ParseOutcome<HoursCommand> {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/\bevery\s+day\b/g, 'daily');
  const shown = raw.trim().length > MAX_SHOWN ? `${raw.trim().slice(0, MAX_SHOWN)}…` : raw.trim();
  const fail = (what: string): ParseOutcome<HoursCommand> => ({ ok: false, error: `${what} Use ${HOURS_USAGE}.` });
  if (text === '') return fail('Say which hours you work.');
  if (text === 'default') return { ok: true, value: { kind: 'default' } };

  const match = /^(\S+?)\s*(?:-|to)\s*(\S+)(?:\s+(.+))?$/.exec(text);
  if (!match) return fail(`\`${shown}\` is not a range of hours: give a start and an end, like \`9-17\`.`);
  const start = parseTime(match[1]!);
  const end = parseTime(match[2]!);
  if (typeof start === 'string') return fail(start);
  if (typeof end === 'string') return fail(end);
  if (start === end) return fail('The start and the end are the same time.');
  if (start === MINUTES_PER_DAY) return fail('Work cannot start at 24:00; use `0`.');
  // `9-5` is nine to five on a 12-hour clock far more often than a 20-hour night shift.
  const withMeridiem = /(?:am|pm)$/.test(match[1]!) || /(?:am|pm)$/.test(match[2]!);
  const nightShift = end < start ? end + MINUTES_PER_DAY - start : 0;
  if (!withMeridiem && nightShift >= LONGEST_NIGHT_SHIFT_MINUTES) {
    const range = `${match[1]}-${match[2]}`;
    const hoursLong = Math.round(nightShift / 60);
    return { ok: false, error: `\`${range}\` would be a ${hoursLong}-hour night shift: for 9 to 5 write \`9-17\` or \`9am-5pm\`; for a night shift write e.g. \`21-05\`.` };
  }

  let days: number[] | undefined = [...WEEKDAYS];
  if (match[3]) {
    const parsed = parseDays(match[3]);
    if (typeof parsed === 'string') return fail(parsed);
    days = parsed;
  }
  // Every day is stored as no list: the form the built-in default has always had.
  if (days.length === 7) days = undefined;
  const hours: WorkingHours = { start: Math.floor(start / 60), end: Math.floor(end / 60) };
  if (start % 60) hours.startMinute = start % 60;
  if (end % 60) hours.endMinute = end % 60;
  if (days) hours.days = days;
  return { ok: true, value: { kind: 'set', hours } };
}

/** Minutes after midnight, or what was wrong. `24` is allowed as an end (midnight). */
function parseTime(value: string): number | string {
  const match = TIME.exec(value.replace(/h$/, ''));
  if (!match) return `\`${value}\` is not a time: write hours from 0 to 24, like \`9\` or \`7:30\`.`;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (match[3]) {
    if (hour < 1 || hour > 12) return `\`${value}\` is not a time: with am/pm, hours go from 1 to 12.`;
    hour = (hour % 12) + (match[3] === 'pm' ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return `\`${value}\` is not a time of day: hours go from 0 to 24, minutes from 0 to 59.`;
  return hour * 60 + minute;
}

function dayNumber(value: string): number | undefined {
  if (value.length < 2) return undefined;
  const index = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].findIndex(
    (day) => day.startsWith(value) && value.length >= 3,
  );
  return index >= 0 ? index + 1 : undefined;
}

/** ISO weekdays from `mon-fri`, `mon,wed`, `sat sun` or `weekdays`, or what was wrong. */
function parseDays(value: string): number[] | string {
  const days = new Set<number>();
  for (const part of value.split(/[\s,]+/).filter(Boolean)) {
    if (part === 'weekdays') [1, 2, 3, 4, 5].forEach((day) => days.add(day));
    else if (part === 'weekends' || part === 'weekend') [6, 7].forEach((day) => days.add(day));
    else if (part === 'daily' || part === 'everyday') ALL_DAYS.forEach((day) => days.add(day));
    else {
      const [from, to, extra] = part.split('-');
      const first = dayNumber(from ?? '');
      const last = to === undefined ? first : dayNumber(to);
      if (first === undefined || last === undefined || extra !== undefined) {
        return `\`${part}\` is not a day: write days like \`mon-fri\` or \`mon,wed,fri\`.`;
      }
      // A range may wrap the week end: `fri-mon` is Friday to Monday.
      for (let day = first; ; day = (day % 7) + 1) {
        days.add(day);
        if (day === last) break;
      }
    }
  }
  if (days.size === 0) return 'Name at least one day.';
  return [...days].sort((a, b) => a - b);
}
