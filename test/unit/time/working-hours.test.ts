import { withinWorkingHours } from '../../../src/core/nudge-policy';
import {
  DEFAULT_WORKING_HOURS,
  effectiveWorkingHours,
  formatWorkingHours,
  isWithinWorkingHours,
  nextStart,
  parseHoursCommand,
} from '../../../src/core/time/working-hours';
import { hoursFrom, utc } from '../../support/time';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';


describe('/lane hours parsing', () => {
  it('reads a plain range, minutes with days, a night shift and the default', () => {
    expect(parseHoursCommand('9-17')).toEqual({ ok: true, value: { kind: 'set', hours: { start: 9, end: 17, days: [1, 2, 3, 4, 5] } } });
    expect(parseHoursCommand('7:30-16 mon-thu')).toEqual({
      ok: true,
      value: { kind: 'set', hours: { start: 7, startMinute: 30, end: 16, days: [1, 2, 3, 4] } },
    });
    expect(parseHoursCommand('22-06')).toEqual({ ok: true, value: { kind: 'set', hours: { start: 22, end: 6, days: [1, 2, 3, 4, 5] } } });
    expect(parseHoursCommand(' Default ')).toEqual({ ok: true, value: { kind: 'default' } });
  });

  it('reads other common ways of writing hours and days', () => {
    expect(hoursFrom('09:00–17:30 mon,wed,fri')).toEqual({ start: 9, end: 17, endMinute: 30, days: [1, 3, 5] });
    expect(hoursFrom('9am-5pm weekdays')).toEqual({ start: 9, end: 17, days: [1, 2, 3, 4, 5] });
    expect(hoursFrom('8 to 12 sat sun')).toEqual({ start: 8, end: 12, days: [6, 7] });
    expect(hoursFrom('22-6 fri-mon')).toEqual({ start: 22, end: 6, days: [1, 5, 6, 7] });
    // Every day listed is stored as no list, the form the built-in default has always had.
    expect(hoursFrom('8-19 mon-sun')).toEqual({ start: 8, end: 19 });
  });

  it('takes typed hours without days as Monday to Friday, and `daily` or `every day` as all seven', () => {
    expect(hoursFrom('9-17')).toEqual({ start: 9, end: 17, days: [1, 2, 3, 4, 5] });
    expect(isWithinWorkingHours(hoursFrom('9-17'), 'UTC', utc('2026-11-28T10:00'))).toBe(false); // a Saturday
    expect(hoursFrom('9-17 daily')).toEqual({ start: 9, end: 17 });
    expect(hoursFrom('9-17 every day')).toEqual({ start: 9, end: 17 });
    expect(hoursFrom('9-17 Every Day')).toEqual({ start: 9, end: 17 });
    expect(isWithinWorkingHours(hoursFrom('9-17 every day'), 'UTC', utc('2026-11-28T10:00'))).toBe(true);
  });

  it('refuses `9-5` (a 20-hour night shift by the 24-hour clock) and says how to write 9 to 5 or a night shift', () => {
    for (const typed of ['9-5', '9-5 mon-fri', '8:30-5:30', '10 to 6']) {
      const parsed = parseHoursCommand(typed);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.error).toContain('for 9 to 5 write `9-17` or `9am-5pm`; for a night shift write e.g. `21-05`');
    }
    expect(parseHoursCommand('9-5')).toMatchObject({ ok: false, error: expect.stringContaining('`9-5` would be a 20-hour night shift') });
    // With am/pm, or a span a night shift really has, it is what it says.
    expect(hoursFrom('9am-5pm')).toEqual({ start: 9, end: 17, days: [1, 2, 3, 4, 5] });
    expect(hoursFrom('9pm-5am')).toEqual({ start: 21, end: 5, days: [1, 2, 3, 4, 5] });
    expect(hoursFrom('21-05')).toEqual({ start: 21, end: 5, days: [1, 2, 3, 4, 5] });
    expect(hoursFrom('18-09')).toEqual({ start: 18, end: 9, days: [1, 2, 3, 4, 5] });
  });

  it.each([
    ['', 'Say which hours you work.'],
    ['9', '`9` is not a range of hours'],
    ['25-17', '`25` is not a time of day'],
    ['9:75-17', '`9:75` is not a time of day'],
    ['nine-five', '`nine` is not a time'],
    ['9-9', 'The start and the end are the same time.'],
    ['9-17 funday', '`funday` is not a day'],
    ['13pm-5pm', 'with am/pm, hours go from 1 to 12'],
  ])('explains what is wrong with %j and shows the right form', (input, what) => {
    const parsed = parseHoursCommand(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(what);
    expect(parsed.error).toContain('`/lane hours 9-17`');
    expect(parsed.error).toContain('`/lane hours 7:30-16 mon-thu`');
  });

  it('shows hours back the way people read them', () => {
    expect(formatWorkingHours(DEFAULT_WORKING_HOURS)).toBe('08:00–19:00, every day');
    expect(formatWorkingHours(hoursFrom('9-17'))).toBe('09:00–17:00, Mon–Fri');
    expect(formatWorkingHours(hoursFrom('9-17 daily'))).toBe('09:00–17:00, every day');
    expect(formatWorkingHours(hoursFrom('7:30-16 mon-thu'))).toBe('07:30–16:00, Mon–Thu');
    expect(formatWorkingHours(hoursFrom('22-06 mon,tue,fri'))).toBe('22:00–06:00 (next day), Mon, Tue, Fri');
  });
});

describe('which hours apply', () => {
  it('uses the person’s own, else the workspace’s, else 08:00–19:00', () => {
    const own = hoursFrom('9-17');
    const workspace = hoursFrom('10-18');
    expect(effectiveWorkingHours(own, workspace)).toBe(own);
    expect(effectiveWorkingHours(undefined, workspace)).toBe(workspace);
    expect(effectiveWorkingHours(undefined, undefined)).toEqual({ start: 8, end: 19 });
  });

  it('keeps the first form of hours ({ start, end }) meaning what it did', () => {
    expect(withinWorkingHours(utc('2026-11-30T07:59'), LONDON)).toBe(false);
    expect(withinWorkingHours(utc('2026-11-30T08:00'), LONDON)).toBe(true);
    expect(withinWorkingHours(utc('2026-11-30T18:59'), LONDON)).toBe(true);
    expect(withinWorkingHours(utc('2026-11-30T19:00'), LONDON)).toBe(false);
  });
});

describe('working hours across a daylight-saving change', () => {
  const nineToFive = () => hoursFrom('9-17 mon-fri');

  it('London: 09:00 is 09:00 UTC before the clocks go forward and 08:00 UTC after', () => {
    // The clocks went forward on Sunday 29 March 2026.
    expect(isWithinWorkingHours(nineToFive(), LONDON, utc('2026-03-27T08:30'))).toBe(false);
    expect(isWithinWorkingHours(nineToFive(), LONDON, utc('2026-03-27T09:00'))).toBe(true);
    expect(isWithinWorkingHours(nineToFive(), LONDON, utc('2026-03-30T08:30'))).toBe(true);
    expect(isWithinWorkingHours(nineToFive(), LONDON, utc('2026-03-30T16:30'))).toBe(false);
    expect(nextStart(nineToFive(), LONDON, utc('2026-03-28T20:00'))).toBe(utc('2026-03-30T08:00'));
  });

  it('New York: the start after the clocks go back is 08:00 EST, not EDT', () => {
    // Sunday 1 November 2026, 02:00 EDT became 01:00 EST; at 05:00 UTC it is 01:00 EDT.
    expect(nextStart(DEFAULT_WORKING_HOURS, NEW_YORK, utc('2026-11-01T05:00'))).toBe(utc('2026-11-01T13:00'));
    // In March the clocks go forward: Monday's 09:00 is 13:00 UTC, the Friday before it was 14:00 UTC.
    expect(nextStart(nineToFive(), NEW_YORK, utc('2026-03-06T22:00'))).toBe(utc('2026-03-09T13:00'));
  });

  it('a night shift keeps its length of local time through the night the clocks go back', () => {
    const nights = hoursFrom('22-06 daily');
    // Saturday 24 → Sunday 25 October 2026 in London: 02:00 BST became 01:00 GMT.
    expect(isWithinWorkingHours(nights, LONDON, utc('2026-10-24T20:59'))).toBe(false); // 21:59 BST
    expect(isWithinWorkingHours(nights, LONDON, utc('2026-10-24T21:00'))).toBe(true); // 22:00 BST
    expect(isWithinWorkingHours(nights, LONDON, utc('2026-10-25T05:59'))).toBe(true); // 05:59 GMT
    expect(isWithinWorkingHours(nights, LONDON, utc('2026-10-25T06:00'))).toBe(false); // 06:00 GMT
  });
});

describe('working hours across midnight (22-06)', () => {
  const weekNights = () => hoursFrom('22-06 mon-fri');

  it('counts the small hours as part of the shift that started the evening before', () => {
    expect(isWithinWorkingHours(weekNights(), 'UTC', utc('2026-11-27T23:00'))).toBe(true); // Friday night
    expect(isWithinWorkingHours(weekNights(), 'UTC', utc('2026-11-28T03:00'))).toBe(true); // Saturday, Friday's shift
    expect(isWithinWorkingHours(weekNights(), 'UTC', utc('2026-11-28T06:00'))).toBe(false);
    expect(isWithinWorkingHours(weekNights(), 'UTC', utc('2026-11-28T23:00'))).toBe(false); // no Saturday shift
    expect(isWithinWorkingHours(weekNights(), 'UTC', utc('2026-11-30T03:00'))).toBe(false); // no Sunday shift
    expect(isWithinWorkingHours(weekNights(), 'UTC', utc('2026-11-30T12:00'))).toBe(false);
  });

  it('the next start after a weekend is Monday 22:00, and now when the shift is on', () => {
    expect(nextStart(weekNights(), 'UTC', utc('2026-11-28T10:00'))).toBe(utc('2026-11-30T22:00'));
    expect(nextStart(weekNights(), 'UTC', utc('2026-12-01T02:00'))).toBe(utc('2026-12-01T02:00'));
    expect(nextStart(weekNights(), 'Asia/Kolkata', utc('2026-11-30T12:00'))).toBe(utc('2026-11-30T16:30')); // 22:00 IST
  });
});
