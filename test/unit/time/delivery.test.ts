import { decideNudge, NUDGE_STALE_AFTER_MS } from '../../../src/core/nudge-policy';
import { defaultSettings } from '../../../src/core/records';
import { absenceFromStatus, currentAbsence, type SlackStatus } from '../../../src/core/time/absence';
import { decideDigestTiming, decideNudgeTiming, releaseTime } from '../../../src/core/time/delivery';
import { holidayCheck } from '../../../src/core/time/holidays';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/time/working-hours';
import { hoursFrom, utc } from '../../support/time';

const HOUR = 3600 * 1000;
const LONDON = 'Europe/London';
const noHolidays = () => false;


/** A nudge decision for someone in London whose Slack status is `status`, at `now`. */
function nudgeFor(status: SlackStatus | undefined, messageAt: number, nowMs: number) {
  return decideNudgeTiming({
    hours: DEFAULT_WORKING_HOURS,
    timeZone: LONDON,
    absence: absenceFromStatus(status, nowMs),
    isDayOff: noHolidays,
    nowMs,
    messageAt,
    staleAfterMs: NUDGE_STALE_AFTER_MS,
  });
}

describe('a nudge for someone who is out of office', () => {
  const monday10 = utc('2026-11-30T10:00');

  it('is held while their status says :palm_tree: and sent once it expires', () => {
    const palmTree = { statusEmoji: ':palm_tree:', statusText: 'Dentist, then lunch', statusExpiration: utc('2026-11-30T15:00') / 1000 };
    expect(nudgeFor(palmTree, monday10, monday10)).toEqual({ action: 'hold', untilMs: utc('2026-11-30T15:00'), reason: 'away' });
    expect(nudgeFor(palmTree, monday10, utc('2026-11-30T15:00'))).toEqual({ action: 'send' });
  });

  it('is left to the digest when they are back only after the 18-hour limit', () => {
    const holiday = { statusEmoji: ':palm_tree:', statusExpiration: utc('2026-12-07T00:00') / 1000 };
    expect(nudgeFor(holiday, monday10, monday10)).toEqual({ action: 'digest_only', reason: 'away' });
  });

  it('with no known return, is looked at again each hour until the limit, then left to the digest', () => {
    const sick = { statusEmoji: ':face_with_thermometer:', statusText: 'Off sick' };
    expect(nudgeFor(sick, monday10, monday10)).toEqual({ action: 'hold', untilMs: monday10 + HOUR, reason: 'away' });
    expect(nudgeFor(sick, monday10, monday10 + 17.5 * HOUR)).toEqual({ action: 'digest_only', reason: 'away' });
    // Back before the limit, in working hours: sent.
    expect(nudgeFor({ statusEmoji: '', statusText: '' }, monday10, monday10 + 5 * HOUR)).toEqual({ action: 'send' });
  });

  it('reaches the nudge decision: deferred while away, stale (digest only) when too late', () => {
    const base = { settings: defaultSettings(), channelId: 'C1', channelMode: 'ephemeral' as const, phrase: 'book the room', messageAt: monday10, now: monday10, timeZone: LONDON };
    const away = currentAbsence({ status: { statusEmoji: ':airplane:', statusExpiration: utc('2026-11-30T18:00') / 1000 }, nowMs: monday10 });
    expect(decideNudge({ ...base, absence: away })).toEqual({ action: 'defer', untilMs: utc('2026-11-30T18:00'), mode: 'ephemeral' });
    const longAway = currentAbsence({ manual: { untilMs: utc('2026-12-24T00:00'), lastDay: '2026-12-23' }, nowMs: monday10 });
    expect(decideNudge({ ...base, absence: longAway })).toEqual({ action: 'skip', reason: 'stale' });
    expect(decideNudge(base)).toEqual({ action: 'send', mode: 'ephemeral' });
  });
});

describe('holidays', () => {
  const gb = holidayCheck({ country: 'GB' }, LONDON);

  it('are skipped: after Christmas and the Boxing Day substitute, the next weekday start is Tuesday', () => {
    const person = { hours: hoursFrom('9-17 mon-fri'), timeZone: LONDON, isDayOff: gb };
    // Thursday 24 December 2026, evening: Friday is Christmas, Monday 28th the Boxing Day substitute.
    expect(releaseTime(person, utc('2026-12-24T20:00'))).toBe(utc('2026-12-29T09:00'));
    expect(releaseTime({ ...person, isDayOff: noHolidays }, utc('2026-12-24T20:00'))).toBe(utc('2026-12-25T09:00'));
  });

  it('hold a nudge raised on the day, or leave it to the digest', () => {
    const christmas10 = utc('2026-12-25T10:00');
    const nudge = (isDayOff: (ms: number) => boolean) =>
      decideNudgeTiming({ hours: DEFAULT_WORKING_HOURS, timeZone: LONDON, isDayOff, nowMs: christmas10, messageAt: christmas10, staleAfterMs: NUDGE_STALE_AFTER_MS });
    expect(nudge(gb)).toEqual({ action: 'digest_only', reason: 'holiday' });
    expect(nudge(noHolidays)).toEqual({ action: 'send' });
  });
});

describe('when a weekly digest goes out', () => {
  // Monday 30 November 2026, 09:00 in London: the slot of the digest about week 48.
  const slotMs = utc('2026-11-30T09:00');
  const londoner = { hours: DEFAULT_WORKING_HOURS, timeZone: LONDON, isDayOff: noHolidays };

  it('goes at its slot when nothing is in the way', () => {
    expect(decideDigestTiming({ ...londoner, week: '2026-W48', slotMs, nowMs: slotMs + 5 * 60_000 })).toEqual({ action: 'send', weeks: ['2026-W48'] });
  });

  it('is postponed by an absence and sent once the person is back', () => {
    const away = { source: 'manual' as const, untilMs: utc('2026-12-03T00:00') };
    expect(decideDigestTiming({ ...londoner, absence: away, week: '2026-W48', slotMs, nowMs: slotMs })).toEqual({
      action: 'wait',
      untilMs: utc('2026-12-03T08:00'),
      reason: 'away',
      weeks: ['2026-W48'],
    });
    expect(decideDigestTiming({ ...londoner, week: '2026-W48', slotMs, nowMs: utc('2026-12-03T08:00') })).toEqual({ action: 'send', weeks: ['2026-W48'] });
  });

  it('is carried into next week’s when the absence outlasts the week, and never sent after that', () => {
    const away = { source: 'manual' as const, untilMs: utc('2026-12-12T00:00') };
    expect(decideDigestTiming({ ...londoner, absence: away, week: '2026-W48', slotMs, nowMs: slotMs })).toEqual({ action: 'carry', weeks: ['2026-W48'] });
    // A tick after the week is over never sends the old digest on its own, away or not.
    expect(decideDigestTiming({ ...londoner, week: '2026-W48', slotMs, nowMs: slotMs + 7 * 24 * HOUR })).toEqual({ action: 'carry', weeks: ['2026-W48'] });

    // Next week's digest waits for the return and then reports both weeks.
    const nextSlot = utc('2026-12-07T09:00');
    const next = { ...londoner, week: '2026-W49', slotMs: nextSlot, carriedWeeks: ['2026-W48'] };
    expect(decideDigestTiming({ ...next, absence: away, nowMs: nextSlot })).toEqual({
      action: 'wait',
      untilMs: utc('2026-12-12T08:00'),
      reason: 'away',
      weeks: ['2026-W48', '2026-W49'],
    });
    expect(decideDigestTiming({ ...next, nowMs: utc('2026-12-12T08:00') })).toEqual({ action: 'send', weeks: ['2026-W48', '2026-W49'] });
  });

  it('is carried, not sent, when the person is back only within a day of next week’s slot', () => {
    // Back on Sunday 6 December at 10:00: the next slot is Monday 09:00, 23 hours later.
    const backSunday = { source: 'manual' as const, untilMs: utc('2026-12-06T10:00') };
    expect(decideDigestTiming({ ...londoner, absence: backSunday, week: '2026-W48', slotMs, nowMs: slotMs })).toEqual({ action: 'carry', weeks: ['2026-W48'] });
    // A digest that waited and whose time comes within that last day is carried as well.
    expect(decideDigestTiming({ ...londoner, week: '2026-W48', slotMs, nowMs: utc('2026-12-07T08:00') })).toEqual({ action: 'carry', weeks: ['2026-W48'] });
    // Back a little more than a day before: it goes then.
    const backSaturday = { source: 'manual' as const, untilMs: utc('2026-12-05T00:00') };
    expect(decideDigestTiming({ ...londoner, absence: backSaturday, week: '2026-W48', slotMs, nowMs: slotMs })).toMatchObject({
      action: 'wait',
      untilMs: utc('2026-12-05T08:00'),
    });
  });

  it('reports at most two weeks at once, the latest', () => {
    const decision = decideDigestTiming({ ...londoner, week: '2026-W50', slotMs, nowMs: slotMs, carriedWeeks: ['2026-W48', '2026-W49'] });
    expect(decision).toEqual({ action: 'send', weeks: ['2026-W49', '2026-W50'] });
  });

  it('waits for working hours and skips a holiday', () => {
    // The slot is Monday 28 December 2026, the Boxing Day substitute holiday; hours start at 10:00.
    const holidaySlot = utc('2026-12-28T09:00');
    const decision = decideDigestTiming({
      hours: hoursFrom('10-18'),
      timeZone: LONDON,
      isDayOff: holidayCheck({ country: 'GB' }, LONDON),
      week: '2026-W52',
      slotMs: holidaySlot,
      nowMs: holidaySlot,
    });
    expect(decision).toEqual({ action: 'wait', untilMs: utc('2026-12-29T10:00'), reason: 'holiday', weeks: ['2026-W52'] });
  });

  it('with a status that never expires, looks again each hour', () => {
    const decision = decideDigestTiming({ ...londoner, absence: { source: 'status' }, week: '2026-W48', slotMs, nowMs: slotMs });
    expect(decision).toEqual({ action: 'wait', untilMs: slotMs + HOUR, reason: 'away', weeks: ['2026-W48'] });
  });
});
