/**
 * `npm run bench:digest`: weekly digests for 10,000 product managers in one workspace.
 * Prints the time to find and queue every due digest (one tick), how fast digests compose, and
 * the sending rate the workers keep to under the per-workspace limit. Figures only: no pass/fail.
 *
 * Options: --people 10000 --observe-seconds 75
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config';
import { isoWeekOf, nextIsoWeek, slotInstant } from '../src/core/digest/calendar';
import { createDigestService } from '../src/features/digests/digest-service';
import { createLogger } from '../src/logger';
import { DIGEST_SENDS_PER_MINUTE } from '../src/features/digests/send-digest';
import { createQueues, closeQueues, jobQueueOver } from '../src/queue/queues';
import { createWebApiWorkspace, createWebClient, singleTokenWorkspaces } from '../src/slack/gateway';
import { createStores } from '../src/store';
import { createRedis, KeySpace } from '../src/store/redis';
import { startLocalSlack } from './local-slack/web-api';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const PEOPLE = Number(args.get('people') ?? 10000);
const OBSERVE_SECONDS = Number(args.get('observe-seconds') ?? 75);
const TEAM = 'TBENCH0001';
const CATEGORIES = ['schedule', 'status_reporting', 'meeting_logistics', 'budget_tracking', 'follow_up'];

const seconds = (fromMs: number) => ((performance.now() - fromMs) / 1000).toFixed(2);

async function main(): Promise<void> {
  const prefix = `lkbench-${randomUUID().slice(0, 8)}`;
  const slack = await startLocalSlack({ teamId: TEAM, botToken: 'xoxb-bench' });
  const userIds = Array.from({ length: PEOPLE }, (_, i) => `UB${String(i).padStart(8, '0')}`);
  for (const id of userIds) slack.addUser({ id, name: id.toLowerCase(), title: 'Senior Product Manager', tz: 'UTC', tz_offset: 0 });
  console.log(`bench:digest  ${PEOPLE} product managers in one workspace (node ${process.version})`);

  const logger = createLogger({ level: 'warn' });
  const redis = createRedis('redis://127.0.0.1:6379', 'store');
  const keys = new KeySpace(prefix);
  const workspaces = singleTokenWorkspaces(createWebApiWorkspace(createWebClient({ token: 'xoxb-bench', apiUrl: slack.url, logger }), () => 'https://bench.slack.com/'));
  const stores = createStores({ redis, keys, workspaces, profileTtlSeconds: 6 * 3600 });
  const week = isoWeekOf(Date.now(), 'UTC');

  let started = performance.now();
  for (let start = 0; start < userIds.length; start += 500) {
    await Promise.all(
      userIds.slice(start, start + 500).map(async (userId, index) => {
        for (let n = 0; n < 3; n += 1) {
          const ts = `${1795000000 + start + index}.${String(n).padStart(6, '0')}`;
          const category = CATEGORIES[(index + n) % CATEGORIES.length];
          await stores.records.recordProjectWork(TEAM, userId, week, {
            categories: [category],
            source: 'assignment',
            ref: { channelId: 'CBENCH0001', ts, threadTs: ts, categories: [category], phrase: 'update the timeline', source: 'assignment', assignerId: 'UBLEAD0001', at: Date.now() },
          });
        }
        await stores.profiles.get(TEAM, userId);
      }),
    );
  }
  console.log(`seeded ${PEOPLE} weeks of records and profiles in ${seconds(started)} s`);

  const queues = createQueues(redis, prefix);
  const digests = createDigestService({ ...stores, jobs: jobQueueOver(queues), workspaces, logger });
  started = performance.now();
  const sample = userIds.slice(0, 1000);
  for (const userId of sample) await digests.compose(TEAM, userId, week, { period: 'last-week' });
  const composeSeconds = (performance.now() - started) / 1000;
  console.log(`composed ${sample.length} digests (reading their records from Redis) in ${composeSeconds.toFixed(2)} s: ${(sample.length / composeSeconds).toFixed(0)} digests/s`);
  await closeQueues(queues);

  const app = createApp({
    config: parseConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: slack.url, REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'warn' }),
    logger,
    processMetrics: false,
  });
  await app.start();
  const mondayMorning = slotInstant(nextIsoWeek(week), { isoWeekday: 1, hour: 9 }, 'UTC') + 5 * 60000;
  started = performance.now();
  const sendStarted = Date.now();
  const tick = await app.runDigestTick(mondayMorning);
  console.log(`one tick looked at ${tick.people} people and queued ${tick.queued} digests in ${seconds(started)} s`);

  const perMinute: number[] = [];
  for (let minute = 0; minute * 60 < OBSERVE_SECONDS; minute += 1) {
    const windowEnd = Math.min(sendStarted + (minute + 1) * 60000, sendStarted + OBSERVE_SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, windowEnd - Date.now())));
    const sent = slack.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.at >= sendStarted + minute * 60000 && c.at < windowEnd).length;
    perMinute.push(sent);
  }
  const total = slack.callsTo('chat.postMessage').filter((c) => c.status === 200).length;
  const opens = slack.callsTo('conversations.open').length;
  console.log(`sending: ${total} DMs in the first ${OBSERVE_SECONDS} s (per minute window: ${perMinute.join(', ')}); limit ${DIGEST_SENDS_PER_MINUTE}/min per workspace`);
  console.log(`conversations.open calls: ${opens} (each person's DM channel is opened once, then remembered)`);
  console.log(`at that rate all ${tick.queued} digests go out in about ${Math.ceil(tick.queued / DIGEST_SENDS_PER_MINUTE)} minutes`);

  await app.stop();
  let cursor = '0';
  const cleaner = new Redis('redis://127.0.0.1:6379');
  do {
    const [next, found] = await cleaner.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    if (found.length) await cleaner.del(...found);
  } while (cursor !== '0');
  await cleaner.quit();
  await redis.quit();
  await slack.close();
}

void main();
