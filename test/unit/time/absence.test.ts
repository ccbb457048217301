import { absenceFromStatus, currentAbsence, parseAwayCommand, statusSaysAway } from '../../../src/core/time/absence';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const NOW = utc('2026-11-30T10:00');

describe('out of office from the Slack status', () => {
  it.each([':palm_tree:', ':face_with_thermometer:', ':airplane:', 'palm_tree', ':desert_island:'])('the emoji %s says away', (emoji) => {
    expect(statusSaysAway({ statusEmoji: emoji })).toBe(true);
  });

  it.each([
    'OOO',
    'ooo until Monday',
    'Out of office',
    'out of the office till 4 Dec',
    'On leave',
    'On vacation 🌴',
    'sick',
    'Sick.',
    'Off sick today',
    'out sick',
    'Sick day',
    'sick leave',
    'PTO',
    'parental leave',
    'Holiday',
    'Holidays!',
    'on holiday',
    'Vacation mode',
  ])(
    'the text %j says away',
    (text) => {
      expect(statusSaysAway({ statusEmoji: ':speech_balloon:', statusText: text })).toBe(true);
    },
  );

  it.each([
    'Sharpening my sickle',
    'cooool',
    'In a meeting',
    'Back from vacation',
    'returned from leave',
    'leave a comment in the doc',
    'Commuting',
    '',
    'Sick of meetings',
    'sick beats on repeat',
    'vacation mode off',
    'Holiday planning workshop',
  ])(
    'the text %j does not',
    (text) => {
      expect(statusSaysAway({ statusEmoji: ':train:', statusText: text })).toBe(false);
    },
  );

  it('is away until the status expires, and not after', () => {
    const status = { statusEmoji: ':palm_tree:', statusText: 'Vacation', statusExpiration: utc('2026-12-07T00:00') / 1000 };
    expect(absenceFromStatus(status, NOW)).toEqual({ source: 'status', untilMs: utc('2026-12-07T00:00') });
    expect(absenceFromStatus(status, utc('2026-12-07T00:00'))).toBeUndefined();
  });

  it('is away with no known return when the status never expires', () => {
    expect(absenceFromStatus({ statusEmoji: ':face_with_thermometer:', statusExpiration: 0 }, NOW)).toEqual({ source: 'status' });
    expect(absenceFromStatus({ statusEmoji: '', statusText: '' }, NOW)).toBeUndefined();
    expect(absenceFromStatus(undefined, NOW)).toBeUndefined();
  });
});

describe('the absence in force', () => {
  const manual = { untilMs: utc('2026-12-05T00:00'), lastDay: '2026-12-04' };

  it('takes a manual absence until it ends', () => {
    expect(currentAbsence({ manual, nowMs: NOW })).toEqual({ source: 'manual', untilMs: manual.untilMs });
    expect(currentAbsence({ manual, nowMs: manual.untilMs })).toBeUndefined();
  });

  it('takes the later return when the status and a manual absence both say away', () => {
    const laterStatus = { statusEmoji: ':palm_tree:', statusExpiration: utc('2026-12-09T00:00') / 1000 };
    expect(currentAbsence({ manual, status: laterStatus, nowMs: NOW })).toEqual({ source: 'status', untilMs: utc('2026-12-09T00:00') });
    const earlierStatus = { statusEmoji: ':palm_tree:', statusExpiration: utc('2026-12-01T00:00') / 1000 };
    expect(currentAbsence({ manual, status: earlierStatus, nowMs: NOW })).toEqual({ source: 'manual', untilMs: manual.untilMs });
    expect(currentAbsence({ manual, status: { statusText: 'OOO' }, nowMs: NOW })).toEqual({ source: 'status' });
  });
});

describe('/lane away', () => {
  it('is away through the given day, back at local midnight after it', () => {
    expect(parseAwayCommand('until 2026-12-24', { nowMs: NOW, timeZone: 'Europe/London' })).toEqual({
      ok: true,
      value: { kind: 'until', absence: { untilMs: utc('2026-12-25T00:00'), lastDay: '2026-12-24' } },
    });
    const newYork = parseAwayCommand('Until 2026-12-24', { nowMs: NOW, timeZone: 'America/New_York' });
    expect(newYork.ok && newYork.value.kind === 'until' && newYork.value.absence.untilMs).toBe(utc('2026-12-25T05:00'));
  });

  it('can be ended by hand', () => {
    expect(parseAwayCommand('off', { nowMs: NOW, timeZone: 'UTC' })).toEqual({ ok: true, value: { kind: 'off' } });
    expect(parseAwayCommand('back', { nowMs: NOW, timeZone: 'UTC' })).toEqual({ ok: true, value: { kind: 'off' } });
  });

  it('accepts today in the person’s own timezone', () => {
    // 01:00 UTC on 1 December is still 30 November in New York.
    expect(parseAwayCommand('until 2026-11-30', { nowMs: utc('2026-12-01T01:00'), timeZone: 'America/New_York' }).ok).toBe(true);
    expect(parseAwayCommand('until 2026-11-30', { nowMs: utc('2026-12-01T01:00'), timeZone: 'Europe/London' }).ok).toBe(false);
  });

  it.each([
    ['', 'Say until when you are away.'],
    ['tomorrow', '`tomorrow` is not an absence.'],
    ['until 24/12/2026', '`24/12/2026` is not a date: write it as year-month-day, like `2026-12-24`.'],
    ['until 2026-02-30', '2026-02-30 is not a day of the calendar.'],
    ['until 2026-11-01', '2026-11-01 has already passed.'],
    ['until 2028-01-01', 'An absence can be set up to a year ahead.'],
  ])('explains what is wrong with %j and shows the right form', (input, what) => {
    const parsed = parseAwayCommand(input, { nowMs: NOW, timeZone: 'Europe/London' });
    expect(parsed).toEqual({ ok: false, error: `${what} Use \`/lane away until 2026-12-24\` (back the day after) or \`/lane away off\`.` });
  });
});
