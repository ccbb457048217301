import {
  digestJobId,
  digestWeekFor,
  dueDigest,
  isDigestDue,
  isoWeekMonday,
  isoWeekOf,
  localParts,
  localTimeToInstant,
  nextIsoWeek,
  previousIsoWeek,
  safeTimeZone,
  slotInstant,
} from '../../../src/core/digest/calendar';
import type { DigestSlot } from '../../../src/core/records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const MONDAY_9: DigestSlot = { isoWeekday: 1, hour: 9 };
const SUNDAY_2: DigestSlot = { isoWeekday: 7, hour: 2 };

describe('ISO weeks in a person’s timezone', () => {
  it.each([
    ['2026-11-16T12:00:00Z', 'UTC', '2026-W47'],
    ['2026-11-22T23:59:59Z', 'UTC', '2026-W47'],
    ['2026-11-23T00:00:00Z', 'UTC', '2026-W48'],
    // 2026 starts on a Thursday, so it has 53 weeks and its last days stay in 2026-W53.
    ['2026-12-31T12:00:00Z', 'UTC', '2026-W53'],
    ['2027-01-01T12:00:00Z', 'UTC', '2026-W53'],
    ['2027-01-03T23:00:00Z', 'UTC', '2026-W53'],
    ['2027-01-04T00:00:00Z', 'UTC', '2027-W01'],
    // 2025-12-29 is the Monday of 2026-W01.
    ['2025-12-29T00:00:00Z', 'UTC', '2026-W01'],
    ['2025-12-28T23:00:00Z', 'UTC', '2025-W52'],
    // The local date decides: Sunday evening in New York is already Monday in UTC.
    ['2026-11-23T03:00:00Z', 'America/New_York', '2026-W47'],
    ['2026-11-23T03:00:00Z', 'UTC', '2026-W48'],
    // And Monday morning in Auckland is still Sunday in UTC.
    ['2026-11-22T20:00:00Z', 'Pacific/Auckland', '2026-W48'],
    ['2027-01-03T12:00:00Z', 'Pacific/Auckland', '2027-W01'],
  ])('%s in %s is %s', (instant, zone, week) => {
    expect(isoWeekOf(at(instant), zone)).toBe(week);
  });

  it.each([
    ['2026-W48', '2026-W47'],
    ['2027-W01', '2026-W53'],
    ['2026-W01', '2025-W52'],
    ['2021-W01', '2020-W53'],
  ])('the week before %s is %s', (week, before) => {
    expect(previousIsoWeek(week)).toBe(before);
    expect(nextIsoWeek(before)).toBe(week);
  });

  it('knows the Monday of a week across a year boundary', () => {
    expect(isoWeekMonday('2026-W01')).toEqual({ year: 2025, month: 12, day: 29 });
    expect(isoWeekMonday('2026-W53')).toEqual({ year: 2026, month: 12, day: 28 });
    expect(isoWeekMonday('2027-W01')).toEqual({ year: 2027, month: 1, day: 4 });
  });

  it.each(['2026-47', '2026-W00', '2025-W53', '2026-W54', 'W47', ''])('rejects the malformed week id %j', (week) => {
    expect(() => previousIsoWeek(week)).toThrow(RangeError);
  });
});

describe('local time', () => {
  it('reads the wall clock and ISO weekday in the zone', () => {
    expect(localParts(at('2026-11-23T14:05:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 11, day: 23, hour: 9, minute: 5, isoWeekday: 1 });
    expect(localParts(at('2026-11-22T23:45:00Z'), 'Asia/Kolkata')).toEqual({ year: 2026, month: 11, day: 23, hour: 5, minute: 15, isoWeekday: 1 });
    expect(localParts(at('2026-11-22T04:00:00Z'), 'UTC')).toEqual({ year: 2026, month: 11, day: 22, hour: 4, minute: 0, isoWeekday: 7 });
  });

  it('reads midnight as hour 0, not 24', () => {
    expect(localParts(at('2026-11-23T05:00:00Z'), 'America/New_York').hour).toBe(0);
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(safeTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(safeTimeZone('')).toBe('UTC');
    expect(safeTimeZone(undefined)).toBe('UTC');
    expect(safeTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(localParts(at('2026-11-23T14:05:00Z'), 'Mars/Olympus_Mons').hour).toBe(14);
    expect(iso(slotInstant('2026-W48', MONDAY_9, 'Mars/Olympus_Mons'))).toBe('2026-11-23T09:00:00.000Z');
  });
});

describe('the instant of a digest slot', () => {
  it.each([
    ['UTC', '2026-11-23T09:00:00.000Z'],
    ['America/New_York', '2026-11-23T14:00:00.000Z'],
    ['Europe/Berlin', '2026-11-23T08:00:00.000Z'],
    ['Asia/Kolkata', '2026-11-23T03:30:00.000Z'],
    // Auckland is on daylight time (+13) in November: Monday 09:00 there is Sunday 20:00 UTC.
    ['Pacific/Auckland', '2026-11-22T20:00:00.000Z'],
    ['America/St_Johns', '2026-11-23T12:30:00.000Z'],
  ])('Monday 09:00 of 2026-W48 in %s is %s', (zone, expected) => {
    expect(iso(slotInstant('2026-W48', MONDAY_9, zone))).toBe(expected);
    expect(localParts(slotInstant('2026-W48', MONDAY_9, zone), zone)).toMatchObject({ isoWeekday: 1, hour: 9, minute: 0 });
  });

  it('places other weekdays and hours in the same week', () => {
    expect(iso(slotInstant('2026-W48', { isoWeekday: 5, hour: 16 }, 'Europe/Berlin'))).toBe('2026-11-27T15:00:00.000Z');
    expect(iso(slotInstant('2026-W48', { isoWeekday: 7, hour: 23 }, 'Asia/Kolkata'))).toBe('2026-11-29T17:30:00.000Z');
    expect(iso(slotInstant('2026-W48', { isoWeekday: 1, hour: 0 }, 'America/St_Johns'))).toBe('2026-11-23T03:30:00.000Z');
  });

  it('finds slots in a week that spans two years', () => {
    expect(iso(slotInstant('2026-W53', { isoWeekday: 5, hour: 9 }, 'UTC'))).toBe('2027-01-01T09:00:00.000Z');
    expect(iso(slotInstant('2026-W01', MONDAY_9, 'America/New_York'))).toBe('2025-12-29T14:00:00.000Z');
  });

  describe('across daylight-saving changes', () => {
    it('New York, 2026-03-08: 02:00 does not exist, so the slot is the first instant after the gap (03:00 EDT)', () => {
      const slot = slotInstant('2026-W10', SUNDAY_2, 'America/New_York');
      expect(iso(slot)).toBe('2026-03-08T07:00:00.000Z');
      expect(localParts(slot, 'America/New_York')).toMatchObject({ day: 8, hour: 3, minute: 0 });
    });

    it('New York, 2026-11-01: 01:00 happens twice, so the slot is the first (EDT)', () => {
      expect(iso(slotInstant('2026-W44', { isoWeekday: 7, hour: 1 }, 'America/New_York'))).toBe('2026-11-01T05:00:00.000Z');
      // 02:00 happens once, after the clocks went back.
      expect(iso(slotInstant('2026-W44', SUNDAY_2, 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
    });

    it('Berlin, 2026-03-29: 02:00 does not exist, so the slot is 03:00 CEST', () => {
      const slot = slotInstant('2026-W13', SUNDAY_2, 'Europe/Berlin');
      expect(iso(slot)).toBe('2026-03-29T01:00:00.000Z');
      expect(localParts(slot, 'Europe/Berlin')).toMatchObject({ day: 29, hour: 3 });
    });

    it('Berlin, 2026-10-25: 02:00 happens twice, so the slot is the first (CEST)', () => {
      const slot = slotInstant('2026-W43', SUNDAY_2, 'Europe/Berlin');
      expect(iso(slot)).toBe('2026-10-25T00:00:00.000Z');
      expect(localParts(slot, 'Europe/Berlin')).toMatchObject({ day: 25, hour: 2 });
      // An hour later the clock reads 02:00 again; the slot is not there.
      expect(localParts(slot + HOUR, 'Europe/Berlin')).toMatchObject({ day: 25, hour: 2 });
    });

    it('slots away from the change keep their local hour on both sides', () => {
      expect(iso(slotInstant('2026-W10', MONDAY_9, 'America/New_York'))).toBe('2026-03-02T14:00:00.000Z');
      expect(iso(slotInstant('2026-W11', MONDAY_9, 'America/New_York'))).toBe('2026-03-09T13:00:00.000Z');
      expect(iso(slotInstant('2026-W44', MONDAY_9, 'Europe/Berlin'))).toBe('2026-10-26T08:00:00.000Z');
      expect(iso(slotInstant('2026-W43', MONDAY_9, 'Europe/Berlin'))).toBe('2026-10-19T07:00:00.000Z');
    });

    it('a half-hour gap (Lord Howe, +10:30 → +11) maps into the same half hour', () => {
      // 2026-10-04 02:00 → 02:30 local.
      const instant = localTimeToInstant({ year: 2026, month: 10, day: 4, hour: 2 }, 'Australia/Lord_Howe');
      expect(localParts(instant, 'Australia/Lord_Howe')).toMatchObject({ day: 4, hour: 2, minute: 30 });
    });
  });

  it.each([
    { isoWeekday: 0, hour: 9 },
    { isoWeekday: 8, hour: 9 },
    { isoWeekday: 1, hour: 24 },
    { isoWeekday: 1, hour: 9.5 },
  ])('rejects the impossible slot %j', (slot) => {
    expect(() => slotInstant('2026-W48', slot, 'UTC')).toThrow(RangeError);
  });
});

describe('whether a tick sends a digest', () => {
  it('sends when the slot lies in (tick - window, tick]', () => {
    const base = { slot: MONDAY_9, timeZone: 'America/New_York', windowMs: HOUR };
    expect(isDigestDue({ ...base, tickMs: at('2026-11-23T14:00:00Z') })).toBe(true);
    expect(isDigestDue({ ...base, tickMs: at('2026-11-23T14:59:59.999Z') })).toBe(true);
    expect(isDigestDue({ ...base, tickMs: at('2026-11-23T15:00:00Z') })).toBe(false);
    expect(isDigestDue({ ...base, tickMs: at('2026-11-23T13:59:59.999Z') })).toBe(false);
  });

  it('the operator’s `digest send --at 2026-11-23T09:05:00-05:00` reports 2026-W47 to a New Yorker with the default slot', () => {
    const tickMs = at('2026-11-23T09:05:00-05:00');
    const due = dueDigest({ slot: MONDAY_9, timeZone: 'America/New_York', tickMs, windowMs: HOUR });
    expect(due).toEqual({ slotWeek: '2026-W48', week: '2026-W47', slotMs: at('2026-11-23T14:00:00Z') });
    expect(digestWeekFor(tickMs, 'America/New_York')).toBe('2026-W47');
    // The same tick is not a Berliner's slot (theirs passed at 08:00 UTC).
    expect(isDigestDue({ slot: MONDAY_9, timeZone: 'Europe/Berlin', tickMs, windowMs: HOUR })).toBe(false);
  });

  it('a Monday digest in the first week of 2027 reports the last week of 2026', () => {
    const tickMs = at('2027-01-04T09:00:00Z');
    expect(dueDigest({ slot: MONDAY_9, timeZone: 'UTC', tickMs, windowMs: HOUR })?.week).toBe('2026-W53');
    expect(digestWeekFor(tickMs, 'UTC')).toBe('2026-W53');
  });

  it('a Sunday 23:00 slot seen by a wider window after midnight still belongs to its own week', () => {
    const due = dueDigest({ slot: { isoWeekday: 7, hour: 23 }, timeZone: 'UTC', tickMs: at('2026-11-23T00:30:00Z'), windowMs: 2 * HOUR });
    expect(due).toEqual({ slotWeek: '2026-W47', week: '2026-W46', slotMs: at('2026-11-22T23:00:00Z') });
  });

  it('rejects a window that could see two slots', () => {
    expect(() => isDigestDue({ slot: MONDAY_9, timeZone: 'UTC', tickMs: 0, windowMs: 7 * DAY })).toThrow(RangeError);
    expect(() => isDigestDue({ slot: MONDAY_9, timeZone: 'UTC', tickMs: 0, windowMs: 0 })).toThrow(RangeError);
  });

  const ALL_SLOTS: DigestSlot[] = Array.from({ length: 7 * 24 }, (_, index) => ({ isoWeekday: Math.floor(index / 24) + 1, hour: index % 24 }));

  /** Every hourly tick (at `minute` past each UTC hour) from a day before the week (in any zone) to a day after. */
  function hourlyTicks(week: string, minute: number): number[] {
    const monday = isoWeekMonday(week);
    const start = Date.UTC(monday.year, monday.month - 1, monday.day) - DAY + minute * 60_000;
    return Array.from({ length: (7 + 2) * 24 }, (_, index) => start + index * HOUR);
  }

  describe.each([
    ['America/New_York', '2026-W10', 'spring forward on 2026-03-08'],
    ['America/New_York', '2026-W44', 'fall back on 2026-11-01'],
    ['Europe/Berlin', '2026-W13', 'spring forward on 2026-03-29'],
    ['Europe/Berlin', '2026-W43', 'fall back on 2026-10-25'],
    ['Pacific/Auckland', '2026-W14', 'fall back on 2026-04-05'],
    ['America/St_Johns', '2026-W10', 'spring forward on 2026-03-08'],
    ['Asia/Kolkata', '2026-W47', 'no change'],
    ['UTC', '2026-W53', 'a week spanning two years'],
  ])('hourly ticks in %s through %s (%s)', (zone, week, _change) => {
    it.each([0, 30])('find each of the 168 slots exactly once with ticks at :%i past the hour', (minute) => {
      const ticks = hourlyTicks(week, minute);
      for (const slot of ALL_SLOTS) {
        const hits = ticks.map((tickMs) => ({ tickMs, due: dueDigest({ slot, timeZone: zone, tickMs, windowMs: HOUR }) })).filter(({ due }) => due?.slotWeek === week);
        expect({ slot, hits: hits.length }).toEqual({ slot, hits: 1 });
        const [{ tickMs, due }] = hits as [(typeof hits)[0]];
        expect(due!.week).toBe(previousIsoWeek(week));
        expect(due!.slotMs).toBe(slotInstant(week, slot, zone));
        expect(due!.slotMs).toBeLessThanOrEqual(tickMs);
        expect(due!.slotMs).toBeGreaterThan(tickMs - HOUR);
      }
    });
  });

  it('the scheduler and the default slot: one digest a week for a New Yorker over a whole year of hourly ticks', () => {
    const weeks = new Map<string, number>();
    const start = at('2026-01-01T00:00:00Z');
    for (let tickMs = start; tickMs < start + 365 * DAY; tickMs += HOUR) {
      const due = dueDigest({ slot: MONDAY_9, timeZone: 'America/New_York', tickMs, windowMs: HOUR });
      if (due) {
        weeks.set(due.week, (weeks.get(due.week) ?? 0) + 1);
        expect(localParts(due.slotMs, 'America/New_York')).toMatchObject({ isoWeekday: 1, hour: 9, minute: 0 });
        expect(due.week).toBe(digestWeekFor(tickMs, 'America/New_York'));
      }
    }
    expect(weeks.size).toBe(52);
    expect([...weeks.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('digest job ids', () => {
  it('are made of workspace, person and week, without colons', () => {
    expect(digestJobId('T123', 'U456', '2026-W47')).toBe('digest_T123_U456_2026-W47');
  });

  it.each([
    ['T1:x', 'U1', '2026-W47'],
    ['T1', 'U_1', '2026-W47'],
    ['', 'U1', '2026-W47'],
    ['T1', 'U1', ''],
  ])('refuse parts that would make them ambiguous (%j, %j, %j)', (team, user, week) => {
    expect(() => digestJobId(team, user, week)).toThrow(RangeError);
  });
});
