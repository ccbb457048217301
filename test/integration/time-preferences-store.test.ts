import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseAwayCommand } from '../../src/core/time/absence';
import { parseHolidaysCommand } from '../../src/core/time/holidays';
import { effectiveWorkingHours } from '../../src/core/time/working-hours';
import { KeySpace } from '../../src/store/redis';
import { createTimePreferencesStore, type TimePreferencesStore } from '../../src/store/time-preferences';
import { REDIS_URL, deleteKeys } from '../support/harness';
import { hoursFrom } from '../support/time';

/** Working hours, absences, holidays and carried digest weeks, kept in the real Redis. */
const TEAM = 'T0TIME';
const ANA = 'U0ANA';
const RAJ = 'U0RAJ';


describe('the time preferences store', () => {
  const redis = new Redis(REDIS_URL);
  let prefix: string;
  let keys: KeySpace;
  let store: TimePreferencesStore;

  beforeEach(() => {
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
    keys = new KeySpace(prefix);
    store = createTimePreferencesStore({ redis, keys });
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('knows nothing of a person who set nothing', async () => {
    expect(await store.person(TEAM, ANA)).toEqual({});
    expect(await store.workspace(TEAM)).toEqual({});
  });

  it('keeps a person’s hours, absence and holidays, and forgets each on its own', async () => {
    const nights = hoursFrom('22-06 mon-thu');
    const away = parseAwayCommand('until 2026-12-24', { nowMs: Date.parse('2026-11-30T10:00Z'), timeZone: 'Europe/London' });
    const bavaria = parseHolidaysCommand('DE-BY');
    if (!away.ok || away.value.kind !== 'until' || !bavaria.ok || bavaria.value.kind !== 'set') throw new Error('parsers');

    await store.setHours(TEAM, ANA, nights);
    await store.setAway(TEAM, ANA, away.value.absence);
    await store.setHolidays(TEAM, ANA, bavaria.value.region);
    expect(await store.person(TEAM, ANA)).toEqual({
      hours: { start: 22, end: 6, days: [1, 2, 3, 4] },
      away: { untilMs: Date.parse('2026-12-25T00:00Z'), lastDay: '2026-12-24' },
      holidays: { country: 'DE', state: 'BY' },
    });
    // Another person in the same workspace is untouched.
    expect(await store.person(TEAM, RAJ)).toEqual({});

    await store.setAway(TEAM, ANA, undefined);
    await store.setHours(TEAM, ANA, undefined);
    expect(await store.person(TEAM, ANA)).toEqual({ holidays: { country: 'DE', state: 'BY' } });
    await store.setHolidays(TEAM, ANA, undefined);
    expect(await store.person(TEAM, ANA)).toEqual({});
    // No holidays at all is a choice of its own, kept apart from following the workspace's.
    await store.setHolidays(TEAM, ANA, 'none');
    expect(await store.person(TEAM, ANA)).toEqual({ holidays: 'none' });
  });

  it('keeps minutes, and a person’s own hours outrank the workspace’s default', async () => {
    await store.setWorkspaceHours(TEAM, hoursFrom('9-17 mon-fri'));
    await store.setWorkspaceHolidays(TEAM, { country: 'GB' });
    await store.setHours(TEAM, ANA, hoursFrom('7:30-16 mon-thu'));

    const workspace = await store.workspace(TEAM);
    expect(workspace).toEqual({ hours: { start: 9, end: 17, days: [1, 2, 3, 4, 5] }, holidays: { country: 'GB' } });
    expect(effectiveWorkingHours((await store.person(TEAM, ANA)).hours, workspace.hours)).toEqual({ start: 7, startMinute: 30, end: 16, days: [1, 2, 3, 4] });
    expect(effectiveWorkingHours((await store.person(TEAM, RAJ)).hours, workspace.hours)).toEqual(workspace.hours);

    await store.setWorkspaceHours(TEAM, undefined);
    expect(await store.workspace(TEAM)).toEqual({ holidays: { country: 'GB' } });
  });

  it('reads a damaged value as not set instead of failing', async () => {
    const personKey = keys.team(TEAM, 'person', ANA, 'time');
    await redis.hset(personKey, 'hours', '{"start":9,"end":99}', 'awayUntil', 'soon', 'holidays', 'england');
    expect(await store.person(TEAM, ANA)).toEqual({});
    await redis.hset(personKey, 'hours', 'not json');
    expect(await store.person(TEAM, ANA)).toEqual({});
  });

  it('keeps a workspace’s values under the workspace’s keys, so uninstalling forgets them', async () => {
    await store.setHours(TEAM, ANA, hoursFrom('9-17'));
    await store.setWorkspaceHolidays(TEAM, { country: 'GB' });
    await store.carryDigestWeeks(TEAM, ANA, ['2026-W48']);
    const stored = (await redis.keys(`${prefix}:*`)).sort();
    expect(stored).toHaveLength(3);
    expect((await redis.keys(keys.teamPattern(TEAM))).sort()).toEqual(stored);
  });

  it('carries digest weeks until a digest reports them', async () => {
    await store.carryDigestWeeks(TEAM, ANA, ['2026-W49']);
    await store.carryDigestWeeks(TEAM, ANA, ['2026-W48', '2026-W49']);
    expect(await store.carriedDigestWeeks(TEAM, ANA)).toEqual(['2026-W48', '2026-W49']);
    await store.clearCarriedDigestWeeks(TEAM, ANA, ['2026-W48', '2026-W49', '2026-W50']);
    expect(await store.carriedDigestWeeks(TEAM, ANA)).toEqual([]);
    expect(await store.carriedDigestWeeks(TEAM, RAJ)).toEqual([]);
  });
});
