import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { SlackRequestSender, startLocalSlack } from '../../scripts/local-slack';
import { createApp, type LanekeeperApp } from '../app';
import { DigestTickIncomplete } from '../features/digests/digest-service';
import { parseConfig } from '../config';
import type { Logger } from '../logger';
import { createSettingsStore } from '../store/settings';
import { KeySpace } from '../store/redis';
import { Activity } from './activity';
import { DirectoryError } from './directory';
import { digestTickerOf, runWeeklyDigestNow } from './digest-now';
import { installInto, redirectUrlOf } from './install';
import { openSandboxWorkspace, type SandboxWorkspace } from './sandbox-workspace';
import { zoneWhereItIsHour } from './seed';
import { createSandboxServer, type InWorkspace } from './server';
import { VisitorError } from './visitor';
import { watchQueues } from './queue-watch';
import { SANDBOX_WORKSPACES } from './workspace-seeds';
import { CallOwners } from './workspace-slack';

/**
 * The sandbox: the real bot, unchanged, against a local Slack in the same process, and a web page
 * where one person plays the whole team. Everything the visitor does reaches the bot as the signed
 * HTTP request Slack would send; everything the bot does goes through the Web API of the local
 * Slack, which the page renders. Nothing in the bot knows the sandbox exists. The bot runs as a
 * multi-workspace app, installed at start into each workspace of `workspace-seeds.ts` through its
 * own "Add to Slack" pages, so the page can show that every workspace keeps to its own data.
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

    // The local Slack knows the app by its client id and secret: installs go through OAuth, and
    // each workspace gets its own bot token (multi-workspace mode, as a public Slack app).
    const oauth = { clientId: `${randomDigits()}.${randomDigits()}`, clientSecret: randomBytes(16).toString('hex') };
    const slack = await startLocalSlack({ oauth });
    cleanups.push(() => slack.close());
    for (const seed of SANDBOX_WORKSPACES) slack.addTeam({ teamId: seed.teamId, teamName: seed.name });
    const tz = zoneWhereItIsHour(12);

    const signingSecret = randomBytes(24).toString('hex');
    const config = parseConfig({
      SLACK_CLIENT_ID: oauth.clientId,
      SLACK_CLIENT_SECRET: oauth.clientSecret,
      SLACK_STATE_SECRET: randomBytes(24).toString('hex'),
      INSTALLATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
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
    const botBase = `http://127.0.0.1:${botPort}`;

    const pageActivity = new Activity();
    const owners = new CallOwners();
    slack.onCall((call) => {
      owners.observe(call);
      pageActivity.bump();
    });
    // "Add to Slack" into each workspace, through the bot's own install pages.
    slack.setRedirectUri(redirectUrlOf(botBase));
    for (const seed of SANDBOX_WORKSPACES) await installInto(botBase, seed.teamId);

    const queues = watchQueues({
      redis,
      prefix: options.redisPrefix,
      activity: pageActivity,
      onError: (error) => logger.debug({ err: { message: error.message } }, 'the sandbox could not read the queue'),
    });
    cleanups.push(() => queues.close());
    const sender = new SlackRequestSender({ baseUrl: botBase, signingSecret });
    const workspaces = new Map<string, SandboxWorkspace>();
    for (const seed of SANDBOX_WORKSPACES) {
      const workspaceDeps = { slack, owners, sender, redis, redisPrefix: options.redisPrefix, pageActivity, held: () => queues.held(), tz, logger };
      workspaces.set(seed.teamId, await openSandboxWorkspace(seed, workspaceDeps));
    }
    const summaries = SANDBOX_WORKSPACES.map((seed) => ({ id: seed.teamId, name: seed.name }));
    const workspaceOf = (input: InWorkspace | string | undefined): SandboxWorkspace => {
      const teamId = (typeof input === 'string' ? input : input?.workspace) ?? SANDBOX_WORKSPACES[0].teamId;
      const found = workspaces.get(teamId);
      if (!found) throw new VisitorError(`no workspace ${teamId} in this sandbox`);
      return found;
    };

    const ticker = digestTickerOf(app);
    const settings = createSettingsStore({ redis, keys: new KeySpace(options.redisPrefix) });
    const server = createSandboxServer(
      {
        // An unknown workspace in a stale link: the page opens the first one.
        snapshot: (viewer, workspace) => (workspaces.get(workspace ?? '') ?? workspaceOf(undefined)).snapshot(viewer, summaries),
        post: (input) => workspaceOf(input).post(input),
        command: (input) => workspaceOf(input).command(input),
        click: (input) => workspaceOf(input).click(input),
        openHome: (input) => workspaceOf(input).openHome(input.viewer),
        runDigest: async () => {
          const everyWorkspace = () => [...workspaces.values()].map((workspace) => ({ teamId: workspace.teamId, people: workspace.people() }));
          const result = await runWeeklyDigestNow({ ticker, settings, workspaces: everyWorkspace, claimed: (ids) => queues.claimed(ids) });
          pageActivity.bump();
          return result;
        },
        addPerson: ({ workspace, ...person }) => workspaceOf(workspace).addPerson(person),
        updatePerson: (id, { workspace, ...changes }) => workspaceOf(workspace).updatePerson(id, changes),
        everyoneToMidday: (input) => workspaceOf(input).everyoneToMidday(),
        // A tick that could not look someone up says so ("run the tick again"): the visitor can retry.
        isUserError: (error) => error instanceof VisitorError || error instanceof DirectoryError || error instanceof DigestTickIncomplete,
      },
      pageActivity,
      logger.child({ component: 'sandbox' }),
    );
    const port = await listen(server, options.port, options.host ?? '127.0.0.1');
    cleanups.push(() => closeServer(server));
    const url = `http://localhost:${port}/`;
    logger.info({ url, botPort, localSlack: slack.origin, workspaces: summaries.map((w) => w.name), tz }, 'sandbox ready');

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

/** Digits of a Slack client id (`1234567890.1234567890`). */
function randomDigits(): string {
  return String(randomBytes(5).readUIntBE(0, 5)).padStart(13, '0').slice(0, 10);
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
