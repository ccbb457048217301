import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { slotInstant } from '../../src/core/digest/calendar';
import { createDigestService } from '../../src/features/digests/digest-service';
import { sendDigest } from '../../src/features/digests/send-digest';
import { createLogger } from '../../src/logger';
import { DeferUntil } from '../../src/ports/jobs';
import type { SlackProfile, SlackWorkspace, SlackWorkspaces } from '../../src/ports/slack';
import { closeQueues, createQueues, jobQueueOver, type Queues } from '../../src/queue/queues';
import { permalinkFor } from '../../src/slack/permalinks';
import { createStores, type Stores } from '../../src/store';
import { KeySpace } from '../../src/store/redis';
import { REDIS_URL, deleteKeys } from '../support/harness';
import { hoursFrom, utc } from '../support/time';

/**
 * When a weekly digest goes out, with the clock chosen: the digest service and sender over the real
 * Redis, Slack played by a directory the test controls. A digest waits for the person's working
 * time (hours across a DST change or past midnight, a public holiday, an absence) and is carried
 * into next week's when they are away past it; the digest and the team view draw the trend.
 */
const TEAM = 'T0TIME';
const PM = 'U0PM1';

describe('when a digest goes out', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const logger = createLogger({ level: 'silent', destination: { write: () => true } as never });
  let prefix: string;
  let queues: Queues;
  let stores: Stores;
  let directory: Map<string, SlackProfile>;
  let posts: { channel: string; text: string; blocks: unknown }[];
  let slack: SlackWorkspace;
  const workspaces: SlackWorkspaces = { forTeam: async () => slack };

  const person = (id: string, tz: string, status: Partial<SlackProfile> = {}): void => {
    directory.set(id, { id, title: 'Product Manager', tz, isBot: false, deleted: false, isAdmin: false, ...status });
  };
  const deps = (nowMs: number) => ({
    digests: createDigestService({ ...stores, jobs: jobQueueOver(queues), workspaces, logger, now: () => nowMs }),
    workspaces,
    tipHistory: stores.tipHistory,
    dmChannels: stores.dmChannels,
    timePreferences: stores.timePreferences,
    now: () => nowMs,
  });
  /** The scheduled digest reporting `week`, sent at `nowMs`: what it did, or the instant it waits for. */
  const send = async (week: string, nowMs: number, userId = PM): Promise<{ sent: boolean } | { waitsUntil: number }> => {
    try {
      return await sendDigest(deps(nowMs), { teamId: TEAM, userId, week }, 'person', { id: `digest-${userId}-${week}-${nowMs}`, isRetry: false }, logger);
    } catch (error) {
      if (error instanceof DeferUntil) return { waitsUntil: error.untilMs };
      throw error;
    }
  };
  let ts = 0;
  const work = async (week: string, project: number, product = 0, userId = PM) => {
    for (let i = 0; i < project; i += 1) {
      ts += 1;
      const ref = { channelId: 'C0PLAN', ts: `${1700000000 + ts}.000100`, threadTs: `${1700000000 + ts}.000100`, categories: ['schedule'], phrase: 'update the timeline', source: 'assignment' as const, at: 0 };
      await stores.records.recordProjectWork(TEAM, userId, week, { categories: ['schedule'], source: 'assignment', ref });
    }
    if (product > 0) await stores.records.recordProductWork(TEAM, userId, week, `C0PLAN-${(ts += 1)}`, product);
  };

  beforeEach(() => {
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
    queues = createQueues(redis, prefix);
    directory = new Map();
    posts = [];
    slack = {
      async profile(userId: string) {
        const found = directory.get(userId);
        if (!found) throw Object.assign(new Error('user_not_found'), { data: { error: 'user_not_found' } });
        return found;
      },
      async openDm(userId: string) {
        return `D${userId.slice(1)}`;
      },
      async postMessage(message: { channel: string; text: string; blocks: unknown }) {
        posts.push({ channel: message.channel, text: message.text, blocks: message.blocks });
        return { ts: '1.1' };
      },
      async findMarkedPost() {
        return undefined;
      },
      permalink: (ref: { channelId: string; ts: string; threadTs?: string }) => permalinkFor('https://acme.slack.com/', ref),
    } as unknown as SlackWorkspace;
    stores = createStores({ redis, keys: new KeySpace(prefix), workspaces, profileTtlSeconds: 3600 });
  });
  afterEach(async () => {
    await closeQueues(queues);
    await deleteKeys(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('is carried past a week-long absence into next week’s, which reports both weeks once', async () => {
    person(PM, 'UTC');
    await work('2026-W46', 2);
    await work('2026-W47', 3);
    const slot47 = slotInstant('2026-W47', { isoWeekday: 1, hour: 9 }, 'UTC');
    const slot48 = slotInstant('2026-W48', { isoWeekday: 1, hour: 9 }, 'UTC');
    // Away from the first slot until the Tuesday after the next one.
    await stores.timePreferences.setAway(TEAM, PM, { untilMs: utc('2026-11-24T00:00'), lastDay: '2026-11-23' });

    expect(await send('2026-W46', slot47)).toEqual({ sent: false });
    expect(await stores.timePreferences.carriedDigestWeeks(TEAM, PM)).toEqual(['2026-W46']);
    // Next Monday she is still away: that digest waits for Tuesday morning.
    expect(await send('2026-W47', slot48)).toEqual({ waitsUntil: utc('2026-11-24T08:00') });
    expect(posts).toHaveLength(0);

    expect(await send('2026-W47', utc('2026-11-24T08:00'))).toEqual({ sent: true });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toMatch(/^5 pieces of project work reached you in the last two weeks/);
    expect(JSON.stringify(posts[0]!.blocks)).toContain('Your two weeks in project work · 9–15 Nov 2026 to 16–22 Nov 2026');
    expect(await stores.timePreferences.carriedDigestWeeks(TEAM, PM)).toEqual([]);
  });

  it('reports at most two weeks after two absences in a row, and carries nothing further', async () => {
    person(PM, 'UTC');
    await work('2026-W45', 4);
    await work('2026-W46', 2);
    await work('2026-W47', 3);
    // Away for two weeks and a day, from the slot of 9 November to Monday 23 November.
    await stores.timePreferences.setAway(TEAM, PM, { untilMs: utc('2026-11-24T00:00'), lastDay: '2026-11-23' });
    expect(await send('2026-W45', slotInstant('2026-W46', { isoWeekday: 1, hour: 9 }, 'UTC'))).toEqual({ sent: false });
    expect(await send('2026-W46', slotInstant('2026-W47', { isoWeekday: 1, hour: 9 }, 'UTC'))).toEqual({ sent: false });
    expect(await stores.timePreferences.carriedDigestWeeks(TEAM, PM)).toEqual(['2026-W45', '2026-W46']);

    expect(await send('2026-W47', utc('2026-11-24T08:00'))).toEqual({ sent: true });
    expect(posts[0]!.text).toMatch(/^5 pieces of project work reached you in the last two weeks \(4 the week before them\)/);
    expect(await stores.timePreferences.carriedDigestWeeks(TEAM, PM)).toEqual([]);
  });

  it('waits out a public holiday the person keeps, and is sent on the next working day', async () => {
    person(PM, 'Europe/London');
    await work('2026-W52', 2);
    await stores.timePreferences.setHolidays(TEAM, PM, { country: 'GB' });
    // Monday 28 December 2026: Boxing Day's substitute in the United Kingdom.
    const slot = slotInstant('2026-W53', { isoWeekday: 1, hour: 9 }, 'Europe/London');
    expect(await send('2026-W52', slot)).toEqual({ waitsUntil: utc('2026-12-29T08:00') });
    expect(await send('2026-W52', utc('2026-12-29T08:00'))).toEqual({ sent: true });
  });

  it('waits for working hours read on the clock of a DST change', async () => {
    person(PM, 'America/New_York');
    await stores.timePreferences.setHours(TEAM, PM, hoursFrom('9-17 daily'));
    // Her digest comes on Sundays at 07:00, before her hours begin.
    await stores.settings.setDigest(TEAM, PM, { enabled: true, slot: { isoWeekday: 7, hour: 7 } });
    await work('2026-W43', 1);
    await work('2026-W09', 1);
    // Sunday 1 November 2026, clocks go back at 02:00: 09:00 that day is 14:00 UTC, not 13:00.
    const autumn = slotInstant('2026-W44', { isoWeekday: 7, hour: 7 }, 'America/New_York');
    expect(await send('2026-W43', autumn)).toEqual({ waitsUntil: utc('2026-11-01T14:00') });
    // Sunday 8 March 2026, clocks go forward at 02:00: 09:00 that day is 13:00 UTC, not 14:00.
    const spring = slotInstant('2026-W10', { isoWeekday: 7, hour: 7 }, 'America/New_York');
    expect(await send('2026-W09', spring)).toEqual({ waitsUntil: utc('2026-03-08T13:00') });
  });

  it('keeps to a night shift across midnight (`22-06`)', async () => {
    person(PM, 'UTC');
    await stores.timePreferences.setHours(TEAM, PM, hoursFrom('22-06 mon-fri'));
    await work('2026-W47', 1);
    const slot = slotInstant('2026-W48', { isoWeekday: 1, hour: 9 }, 'UTC');
    expect(await send('2026-W47', slot)).toEqual({ waitsUntil: utc('2026-11-23T22:00') });
    // Tuesday 03:00 is still Monday's shift.
    expect(await send('2026-W47', utc('2026-11-24T03:00'))).toEqual({ sent: true });
  });

  it('draws the trend for no week, one week and eight weeks of records', async () => {
    person(PM, 'UTC');
    const digests = deps(utc('2026-11-25T10:00')).digests;
    const trendOf = async (week: string) => {
      const digest = await digests.compose(TEAM, PM, week, { force: true, period: 'last-week' });
      const section = (digest!.blocks as { text?: { text: string } }[]).map((block) => block.text?.text ?? '').find((text) => text.startsWith('*Project-work share'));
      return section!.split('\n').slice(1).join('\n');
    };
    expect(await trendOf('2026-W40')).toBe('No work recorded yet: your trend starts after the first week.');

    await work('2026-W40', 3, 1);
    expect(await trendOf('2026-W40')).toBe('`▇` 75%, week of 28 Sep\nYour project-work share; the trend shows from next week.');

    // Eight weeks, 2026-W40 to W47: 75%, 60%, 50%, 25%, 20%, 25%, 20%, 50% (one bar per eighth).
    const weeks = [['2026-W41', 3, 2], ['2026-W42', 2, 2], ['2026-W43', 1, 3], ['2026-W44', 1, 4], ['2026-W45', 1, 3], ['2026-W46', 1, 4], ['2026-W47', 3, 3]] as const;
    for (const [week, project, product] of weeks) await work(week, project, product);
    expect(await trendOf('2026-W47')).toBe('`▇▅▅▃▂▃▂▅` 75% → 50%\nUp 30 points from last week.\nYour project-work share, 8 weeks.');
  });

  it('shows the team view how project work spreads across product managers, naming nobody', async () => {
    const managers = ['U0PM1', 'U0PM2', 'U0PM3', 'U0PM4'];
    for (const id of managers) person(id, 'UTC');
    const shares = [[1, 9], [3, 7], [5, 5], [9, 1]] as const;
    for (const [index, id] of managers.entries()) await work('2026-W47', shares[index]![0], shares[index]![1], id);
    for (const id of managers) await stores.records.enrol(TEAM, id);
    const team = await deps(utc('2026-11-25T10:00')).digests.composeTeam(TEAM, '2026-W47');
    const text = JSON.stringify(team.blocks);
    expect(text).toContain('How it spreads across product managers');
    // One manager in each fifth but the fourth (10%, 30%, 50%, 90%): equal bars, a gap.
    expect(text).toContain('`███▁█` 0% … 100%\\nMiddle 40%, from 10% to 90%, 4 people.');
    for (const id of managers) expect(text).not.toContain(id);
  });
});
