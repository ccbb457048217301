import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { slotInstant } from '../../src/core/digest/calendar';
import { DigestTickIncomplete, createDigestService } from '../../src/features/digests/digest-service';
import { createLogger } from '../../src/logger';
import { digestTick } from '../../src/features/digests/digest-tick';
import { sendDigest } from '../../src/features/digests/send-digest';
import { jobIdFrom } from '../../src/ports/jobs';
import type { SlackProfile, SlackWorkspace, SlackWorkspaces } from '../../src/ports/slack';
import { closeQueues, createQueues, jobQueueOver, type Queues } from '../../src/queue/queues';
import { permalinkFor } from '../../src/slack/permalinks';
import { createStores, type Stores } from '../../src/store';
import { KeySpace } from '../../src/store/redis';
import { REDIS_URL, deleteKeys } from '../support/harness';

/**
 * The digest service against the real Redis and real queues, with Slack's `users.info` played by
 * a directory the test controls (it can fail for chosen people, as a 429 or an outage would).
 */
const TEAM = 'T0DIGEST';
const PM = ['U0PM1', 'U0PM2', 'U0PM3'] as const;
const LEAD = 'U0LEAD';
const ADMIN = 'U0ADMIN';
const HOUR_MS = 3600 * 1000;
/** Monday 23 Nov 2026 09:00 UTC: everyone's default slot (Monday 09:00, in UTC here) of 2026-W48. */
const TICK = slotInstant('2026-W48', { isoWeekday: 1, hour: 9 }, 'UTC');
const REPORTED = '2026-W47';

function rateLimited(): Error {
  return Object.assign(new Error('An API error occurred: ratelimited'), { code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
}

describe('the digest service', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  let prefix: string;
  let keys: KeySpace;
  let queues: Queues;
  let stores: Stores;
  let directory: Map<string, SlackProfile>;
  let failing: Set<string>;
  let lookups: string[];
  let posts: { channel: string; text: string; marker: string }[];
  let slack: SlackWorkspace;
  const workspaces: SlackWorkspaces = { forTeam: async () => slack };
  const logger = createLogger({ level: 'silent', destination: { write: () => true } as never });

  const profile = (id: string, title: string, isAdmin = false): SlackProfile => ({ id, title, tz: 'UTC', isBot: false, deleted: false, isAdmin });
  const service = (overrides: { now?: () => number } = {}) =>
    createDigestService({ ...stores, jobs: jobQueueOver(queues), workspaces, logger, ...overrides });

  let ts = 0;
  async function projectWork(userId: string, week: string, pieces: number): Promise<void> {
    for (let i = 0; i < pieces; i += 1) {
      ts += 1;
      const ref = { channelId: 'C0PLAN', ts: `${1700000000 + ts}.000100`, threadTs: `${1700000000 + ts}.000100`, categories: ['schedule'], phrase: 'update the timeline', source: 'assignment' as const, assignerId: 'U0BOSS', at: 0 };
      await stores.records.recordProjectWork(TEAM, userId, week, { categories: ['schedule'], source: 'assignment', ref });
    }
  }
  async function productWorkOnly(userId: string, week: string): Promise<void> {
    ts += 1;
    await stores.records.recordProductWork(TEAM, userId, week, `C0PLAN/${ts}`, 2);
  }
  const job = (kind: 'digest' | 'teamdigest', userId: string, week = REPORTED) => queues.deliver.getJob(jobIdFrom(kind, TEAM, userId, week));
  const digestJobs = async () => (await queues.deliver.getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => j.id).sort();

  beforeEach(() => {
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
    keys = new KeySpace(prefix);
    queues = createQueues(redis, prefix);
    directory = new Map([
      ...PM.map((id) => [id, profile(id, 'Product Manager')] as const),
      [LEAD, profile(LEAD, 'Head of Product Operations')],
      [ADMIN, profile(ADMIN, 'Chief of Staff', true)],
    ]);
    failing = new Set();
    lookups = [];
    posts = [];
    slack = {
      async profile(userId: string) {
        lookups.push(userId);
        if (failing.has(userId)) throw rateLimited();
        const found = directory.get(userId);
        if (!found) throw Object.assign(new Error('user_not_found'), { data: { error: 'user_not_found' } });
        return found;
      },
      async openDm(userId: string) {
        return `D${userId.slice(1)}`;
      },
      async postMessage(message: { channel: string; text: string; marker: string }) {
        posts.push({ channel: message.channel, text: message.text, marker: message.marker });
        return { ts: '1.1' };
      },
      async findMarkedPost() {
        return undefined;
      },
      permalink: (ref: { channelId: string; ts: string; threadTs?: string }) => permalinkFor('https://acme.slack.com/', ref),
    } as unknown as SlackWorkspace;
    stores = createStores({ redis, keys, workspaces, profileTtlSeconds: 3600 });
  });
  afterEach(async () => {
    await closeQueues(queues);
    await deleteKeys(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  const send = (userId: string, kind: 'person' | 'team', week = REPORTED) =>
    sendDigest({ digests: service(), workspaces, tipHistory: stores.tipHistory, dmChannels: stores.dmChannels }, { teamId: TEAM, userId, week }, kind, { id: `${kind}-${userId}-${week}`, isRetry: false }, logger);

  describe('when Slack cannot say who someone is during their slot’s tick', () => {
    beforeEach(async () => {
      for (const id of PM) await projectWork(id, REPORTED, 2);
    });

    it('queues everyone else, then fails the tick instead of guessing; run again, it queues that person once', async () => {
      failing.add(PM[1]);
      const digests = service();
      const failed = await digests.enqueueDue(TICK).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(DigestTickIncomplete);
      expect((failed as DigestTickIncomplete).unresolved).toBe(1);
      expect(await job('digest', PM[0])).toBeDefined();
      expect(await job('digest', PM[2])).toBeDefined();
      expect(await job('digest', PM[1])).toBeUndefined();

      failing.clear();
      await expect(digests.enqueueDue(TICK)).resolves.toEqual({ people: 3, queued: 3 });
      await expect(digests.enqueueDue(TICK)).resolves.toEqual({ people: 3, queued: 3 });
      expect(await digestJobs()).toEqual(PM.map((id) => jobIdFrom('digest', TEAM, id, REPORTED)).sort());
    });

    it('leaves the slot to the next hourly tick when the failed tick gives up', async () => {
      const digests = service();
      const deps = { digests, redis, keys };
      await redis.set(keys.key('digest', 'last-tick'), String(TICK - HOUR_MS));
      failing.add(PM[1]);
      await expect(digestTick(deps, {}, TICK)).rejects.toBeInstanceOf(DigestTickIncomplete);
      expect(await redis.get(keys.key('digest', 'last-tick'))).toBe(String(TICK - HOUR_MS));
      expect(await job('digest', PM[1])).toBeUndefined();

      // An hour later Slack answers: the next tick looks back over both hours.
      failing.clear();
      await digestTick(deps, {}, TICK + HOUR_MS);
      expect(await job('digest', PM[1])).toBeDefined();
      expect(await redis.get(keys.key('digest', 'last-tick'))).toBe(String(TICK + HOUR_MS));
      // The tick after that looks back one hour only, and a repeated tick queues nothing new.
      await digestTick(deps, {}, TICK + 2 * HOUR_MS);
      await digestTick(deps, {}, TICK + HOUR_MS);
      expect(await digestJobs()).toEqual(PM.map((id) => jobIdFrom('digest', TEAM, id, REPORTED)).sort());
    });

    it('counts a subscriber whose admin status cannot be read as unresolved, not as “no team view”', async () => {
      await stores.settings.setTeamDigestSubscription(TEAM, ADMIN, true);
      // Their timezone comes from the cache; the admin check needs a fresh lookup that fails.
      await stores.profiles.get(TEAM, ADMIN);
      const digests = service();
      const realGet = stores.profiles.get;
      let calls = 0;
      stores.profiles.get = async (teamId, userId) => {
        if (userId === ADMIN && (calls += 1) > 2) throw rateLimited();
        return realGet(teamId, userId);
      };
      await expect(digests.enqueueDue(TICK)).rejects.toBeInstanceOf(DigestTickIncomplete);
      expect(await job('teamdigest', ADMIN)).toBeUndefined();
      stores.profiles.get = realGet;
      await digests.enqueueDue(TICK);
      expect(await job('teamdigest', ADMIN)).toBeDefined();
    });
  });

  describe('the weekly team view', () => {
    beforeEach(async () => {
      for (const id of PM) await projectWork(id, REPORTED, 2);
      for (const id of [LEAD, ADMIN]) await stores.settings.setTeamDigestSubscription(TEAM, id, true);
      await stores.settings.setProductLead(TEAM, LEAD, true);
    });

    it('stops for a product lead who is removed, unless they are an admin', async () => {
      const digests = service();
      await digests.enqueueDue(TICK);
      expect(await job('teamdigest', LEAD)).toBeDefined();
      expect(await job('teamdigest', ADMIN)).toBeDefined();

      await stores.settings.setProductLead(TEAM, LEAD, false);
      await stores.settings.setProductLead(TEAM, ADMIN, false);
      // A DM already queued for them is not sent either.
      expect(await send(LEAD, 'team')).toEqual({ sent: false });
      expect(posts).toHaveLength(0);

      // Next week's tick queues no team view for the former lead; the admin still gets theirs.
      const nextWeek = TICK + 7 * 24 * HOUR_MS;
      await digests.enqueueDue(nextWeek);
      expect(await job('teamdigest', LEAD, '2026-W48')).toBeUndefined();
      expect(await job('teamdigest', ADMIN, '2026-W48')).toBeDefined();
      expect(await send(ADMIN, 'team')).toEqual({ sent: true });
      expect(posts.map((post) => post.channel)).toEqual(['D0ADMIN']);
      expect(posts[0]!.text).toBe('6 pieces of project work reached 3 product managers last week.');
    });

    it('is not sent when fewer than 3 product managers had project work, or none had any', async () => {
      // Only one of three product managers had project work in 2026-W49; the others had product work.
      await projectWork(PM[0], '2026-W49', 4);
      await productWorkOnly(PM[1], '2026-W49');
      await productWorkOnly(PM[2], '2026-W49');
      expect(await send(LEAD, 'team', '2026-W49')).toEqual({ sent: false });
      // Nobody had anything in 2026-W50.
      expect(await send(LEAD, 'team', '2026-W50')).toEqual({ sent: false });
      expect(posts).toHaveLength(0);
      // /lane team still answers, saying why it shows no figures.
      expect((await service().composeTeam(TEAM, '2026-W49')).text).toMatch(/^Only one product manager had project work/);

      expect(await send(LEAD, 'team')).toEqual({ sent: true });
      expect(posts).toHaveLength(1);
    });

    it('reads roles with the directory it is given (e.g. cached profiles only, for /lane team)', async () => {
      const cacheOnly = createStores({ redis, keys, workspaces, profileTtlSeconds: 3600, cacheOnlyProfiles: true });
      const digests = service();
      const cold = await digests.composeTeam(TEAM, REPORTED, cacheOnly.people);
      expect(lookups).toEqual([]);
      expect(cold.text).toMatch(/^No product managers had project work/);

      // Once the worker has the profiles cached, the same cache-only view has the figures.
      for (const id of PM) await stores.profiles.get(TEAM, id);
      lookups.length = 0;
      const warm = await digests.composeTeam(TEAM, REPORTED, cacheOnly.people);
      expect(lookups).toEqual([]);
      expect(warm.text).toMatch(/^6 pieces of project work reached 3 product managers/);
      // Without one, the service's own directory (which may ask Slack) is used.
      expect((await digests.composeTeam(TEAM, REPORTED)).text).toBe(warm.text);
    });
  });

  describe('one person’s digest', () => {
    beforeEach(async () => {
      await projectWork(PM[0], REPORTED, 3);
      await projectWork(PM[1], REPORTED, 3);
    });

    it('never names the person as their own delegate when they are the workspace’s default delegate', async () => {
      await stores.settings.setDefaultDelegate(TEAM, PM[0]);
      const digests = service();
      const own = JSON.stringify((await digests.compose(TEAM, PM[0], REPORTED, { period: 'last-week' }))!.blocks);
      expect(own).not.toContain(`<@${PM[0]}>`);
      const other = JSON.stringify((await digests.compose(TEAM, PM[1], REPORTED, { period: 'last-week' }))!.blocks);
      expect(other).toContain(`<@${PM[0]}>`);
      // Their own choice of delegate still shows.
      await stores.settings.setDelegate(TEAM, PM[0], 'U0PAT');
      expect(JSON.stringify((await digests.compose(TEAM, PM[0], REPORTED))!.blocks)).toContain('<@U0PAT>');
    });

    it('as sent, speaks of the week before the slot as “last week”', async () => {
      expect(await send(PM[0], 'person')).toEqual({ sent: true });
      expect(posts[0]!.text).toMatch(/^3 pieces of project work reached you last week \(none the week before\)\./);
    });

    it('by default words the week as its reader sees it now', async () => {
      const wednesdayOfW48 = TICK + 2 * 24 * HOUR_MS;
      await projectWork(PM[0], '2026-W48', 1);
      const digests = service({ now: () => wednesdayOfW48 });
      expect((await digests.compose(TEAM, PM[0], '2026-W48', { force: true }))!.text).toMatch(/^1 piece of project work reached you this week so far \(3 last week\)\./);
      expect((await digests.compose(TEAM, PM[0], REPORTED, { force: true }))!.text).toMatch(/^3 pieces of project work reached you last week/);
      expect((await digests.compose(TEAM, PM[0], '2026-W45', { force: true }))!.text).toMatch(/^Nothing reached you that week/);
      expect(await digests.sentWeek(TEAM, PM[0], wednesdayOfW48)).toBe(REPORTED);
    });
  });
});
