import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { LOCAL_DEFAULTS, SlackRequestSender, startLocalSlack } from '../../scripts/local-slack';
import { createApp, type LanekeeperApp } from '../app';
import { DigestTickIncomplete } from '../features/digests/digest-service';
import { parseConfig } from '../config';
import type { Logger } from '../logger';
import { createSettingsStore } from '../store/settings';
import { KeySpace } from '../store/redis';
import { Activity } from './activity';
import { createDirectory, DirectoryError, type Directory } from './directory';
import { digestTickerOf, runWeeklyDigestNow } from './digest-now';
import { EphemeralMessages } from './ephemerals';
import { FIRST_VIEWER, SEED_CHANNELS, SEED_DELEGATIONS, SEED_PEOPLE, zoneWhereItIsHour } from './seed';
import { createSandboxServer } from './server';
import { buildSnapshot } from './snapshot';
import { createVisitor, VisitorError, type Visitor } from './visitor';
import { watchQueues } from './queue-watch';

/**
 * The sandbox: the real bot, unchanged, against a local Slack in the same process, and a web page
 * where one person plays the whole team. Everything the visitor does reaches the bot as the signed
 * HTTP request Slack would send; everything the bot does goes through the Web API of the local
 * Slack, which the page renders. Nothing in the bot knows the sandbox exists.
 */
export interface SandboxOptions {
  /** Port of the page. 0 picks a free one. */
  port: number;
  redisUrl: string;
  /** Every key the sandbox's bot writes lives under it; the sandbox clears it at start. */
  redisPrefix: string;
  logger: Logger;
  /** Interface the page listens on. Default 127.0.0.1: the page lets anyone act as anyone. */
  host?: string;
}

export interface Sandbox {
  /** The page, e.g. `http://localhost:3000/`. */
  url: string;
  stop(): Promise<void>;
}

const BOT_TOKEN = 'xoxb-sandbox';
/** Set under the prefix so a later start knows the keys there are the sandbox's to clear. */
const OWNER_MARK = 'sandbox-owned';

/** The one loud line a sandbox start prints. */
export function sandboxBanner(url: string): string {
  return `*** SANDBOX MODE: no Slack configured; lanekeeper runs against a local Slack at ${url} ***`;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { logger } = options;
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'sandbox cleanup step failed'));
    cleanups.length = 0;
  };

  try {
    const redis = await connectRedis(options.redisUrl);
    cleanups.push(() => redis.quit());
    await claimPrefix(redis, options.redisPrefix);

    const slack = await startLocalSlack({ botToken: BOT_TOKEN });
    cleanups.push(() => slack.close());
    const tz = zoneWhereItIsHour(12);
    const directory = createDirectory({ slack, redis, redisPrefix: options.redisPrefix, teamId: slack.teamId }, { people: SEED_PEOPLE, channels: SEED_CHANNELS, tz });

    const signingSecret = randomBytes(24).toString('hex');
    const config = parseConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.url,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      PORT: '0',
      ROLE: 'all',
    });
    // The inner bot is reached only by the sandbox itself: loopback, never every interface.
    const app: LanekeeperApp = createApp({ config, logger: logger.child({ component: 'bot' }), processMetrics: false, listenHost: '127.0.0.1' });
    cleanups.push(() => app.stop());
    const { port: botPort } = await app.start();

    const activity = new Activity();
    const ephemerals = new EphemeralMessages(slack);
    slack.onCall((call) => {
      ephemerals.observe(call);
      activity.bump();
    });
    const sender = new SlackRequestSender({ baseUrl: `http://127.0.0.1:${botPort}`, signingSecret });
    const visitor = createVisitor({ slack, sender, directory, ephemerals, activity, teamId: slack.teamId });
    await seedDelegations(visitor, directory, logger);

    const queues = watchQueues({
      redis,
      prefix: options.redisPrefix,
      activity,
      onError: (error) => logger.debug({ err: { message: error.message } }, 'the sandbox could not read the queue'),
    });
    cleanups.push(() => queues.close());
    const ticker = digestTickerOf(app);
    const settings = createSettingsStore({ redis, keys: new KeySpace(options.redisPrefix) });
    const server = createSandboxServer(
      {
        snapshot: (viewer) =>
          buildSnapshot({ slack, directory, ephemerals, activity, held: () => queues.held(), teamName: LOCAL_DEFAULTS.teamName }, viewer && directory.person(viewer) ? viewer : FIRST_VIEWER),
        post: ({ viewer, ...input }) => visitor.post({ user: viewer, ...input }),
        command: ({ viewer, ...input }) => visitor.command({ user: viewer, ...input }),
        click: ({ viewer, ...input }) => visitor.click({ user: viewer, ...input }),
        openHome: ({ viewer }) => visitor.openHome(viewer),
        runDigest: async () => {
          const result = await runWeeklyDigestNow({ ticker, settings, people: () => directory.people(), teamId: slack.teamId, claimed: (ids) => queues.claimed(ids) });
          activity.bump();
          return result;
        },
        addPerson: async (person) => {
          const added = await directory.add(person);
          activity.bump();
          return added;
        },
        updatePerson: async (id, changes) => {
          const updated = await directory.update(id, changes);
          activity.bump();
          return updated;
        },
        everyoneToMidday: async () => {
          const zone = zoneWhereItIsHour(12);
          for (const person of directory.people()) await directory.update(person.id, { tz: zone });
          activity.bump();
          return { tz: zone };
        },
        // A tick that could not look someone up says so ("run the tick again"): the visitor can retry.
        isUserError: (error) => error instanceof VisitorError || error instanceof DirectoryError || error instanceof DigestTickIncomplete,
      },
      activity,
      logger.child({ component: 'sandbox' }),
    );
    const port = await listen(server, options.port, options.host ?? '127.0.0.1');
    cleanups.push(() => closeServer(server));
    const url = `http://localhost:${port}/`;
    logger.info({ url, botPort, localSlack: slack.origin, firstViewer: FIRST_VIEWER, tz }, 'sandbox ready');

    let stopping: Promise<void> | undefined;
    return {
      url,
      stop: () => (stopping ??= cleanUp()),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Sets each seeded delegate through the real `/lane delegate`, so the bot's own store holds it. */
async function seedDelegations(visitor: Visitor, directory: Directory, logger: Logger): Promise<void> {
  const channel = SEED_CHANNELS[0].id;
  for (const { from, to } of SEED_DELEGATIONS) {
    const handle = directory.person(to)?.handle;
    const { status, reply } = await visitor.command({ user: from, channel, text: `/lane delegate @${handle}` }, { quiet: true });
    if (status !== 200 || !reply?.startsWith('Got it')) logger.warn({ from, to, status }, 'the sandbox could not set a seeded delegate');
  }
}

async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true, retryStrategy: (attempt) => Math.min(attempt * 200, 2000) });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis does not answer at ${withoutPassword(url)} (${(error as Error).message}); start one with: redis-server --daemonize yes`);
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * The sandbox starts from an empty workspace, so it clears its prefix; but only a prefix that is
 * empty or that it marked before, never one holding a real installation's data.
 */
async function claimPrefix(redis: Redis, prefix: string): Promise<void> {
  const mark = `${prefix}:${OWNER_MARK}`;
  const owned = (await redis.exists(mark)) === 1;
  const keys = await scanKeys(redis, `${prefix}:*`);
  if (keys.length > 0 && !owned) {
    throw new Error(`REDIS_PREFIX "${prefix}" holds data the sandbox did not write; give the sandbox a prefix of its own (default lanekeeper-sandbox)`);
  }
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  await redis.set(mark, '1');
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // The page's event stream never ends by itself.
    server.closeAllConnections();
  });
}
