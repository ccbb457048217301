import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { createApp, type LanekeeperApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { SlackRequestSender } from '../../scripts/local-slack/requests';

/**
 * Starts the real app against a real Redis (under a prefix of its own) and the local Slack
 * stand-in, and gives tests what they need to drive it over signed HTTP.
 */
export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';
export const APP_TOKEN = 'xapp-test-token';
export const TEAM = 'T_TEST';
export const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * A fixed-offset zone where it is now between 12:00 and 13:00, so nudges fall inside working hours
 * whatever time of day the tests run. (Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3.)
 */
export function zoneWhereItIsHour(localHour: number, now = Date.now()): string {
  const utcHour = new Date(now).getUTCHours();
  let offset = (localHour - utcHour + 24) % 24;
  if (offset > 12) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset < 0 ? '+' : '-'}${Math.abs(offset)}`;
}

/** The people of the test workspace, with the titles roles are read from. */
export const CAST = {
  ana: { id: 'U_ANA', name: 'ana', title: 'Senior Product Manager', tz: 'UTC', tz_offset: 0 },
  ben: { id: 'U_BEN', name: 'ben', title: 'Group Product Manager', tz: 'UTC', tz_offset: 0 },
  raj: { id: 'U_RAJ', name: 'raj', title: 'Project Manager', tz: 'UTC', tz_offset: 0 },
  lead: { id: 'U_LEAD', name: 'lead', title: 'Engineering Manager', tz: 'UTC', tz_offset: 0 },
  des: { id: 'U_DES', name: 'des', title: 'Product Designer', tz: 'UTC', tz_offset: 0 },
  pmm: { id: 'U_PMM', name: 'pmm', title: 'Product Marketing Manager', tz: 'UTC', tz_offset: 0 },
} as const;

export interface LogCapture {
  lines: Record<string, unknown>[];
  text(): string;
}

export function captureLogs(): { capture: LogCapture; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { capture: { lines, text: () => raw.join('\n') }, destination };
}

export interface Harness {
  slack: LocalSlack;
  app: LanekeeperApp;
  sender: SlackRequestSender;
  port: number;
  prefix: string;
  redis: Redis;
  logs: LogCapture;
  /** Starts one more app (e.g. a second worker) on the same Redis prefix and local Slack. */
  startAnother(env?: Record<string, string>): Promise<LanekeeperApp>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Start a local Slack, or reuse one the test already started. */
  slack?: LocalSlack;
  prefix?: string;
  /**
   * The Redis the test reads and cleans up: the shared one unless the app runs on a redis-server
   * of the test's own (a proxy to the shared one is not that: the test bypasses what it cuts).
   */
  redisUrl?: string;
}

/** The environment every test app shares: signed HTTP, the local Slack, the real Redis under `prefix`, a free port. */
export function testAppEnv(slackUrl: string, prefix: string): Record<string, string> {
  return { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackUrl, REDIS_URL, REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'debug', JOB_LOCK_MS: '2000' };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const slack = options.slack ?? (await startLocalSlack({ teamId: TEAM, botToken: BOT_TOKEN }));
  const tz = zoneWhereItIsHour(12);
  for (const person of Object.values(CAST)) slack.addUser({ ...person, tz });
  const prefix = options.prefix ?? `lktest-${randomUUID().slice(0, 8)}`;
  const { capture, destination } = captureLogs();
  const extraApps: LanekeeperApp[] = [];

  const build = (env: Record<string, string> = {}) => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      ...testAppEnv(slack.url, prefix),
      ...options.env,
      ...env,
    });
    return createApp({ config, logger: createLogger({ level: 'debug', destination }), processMetrics: false });
  };

  const app = build();
  const { port } = await app.start();
  const redis = new Redis(options.redisUrl ?? REDIS_URL);
  return {
    slack,
    app,
    port,
    prefix,
    redis,
    logs: capture,
    sender: new SlackRequestSender({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET }),
    async startAnother(env) {
      const another = build(env);
      extraApps.push(another);
      await another.start();
      return another;
    },
    async close() {
      await Promise.all([app, ...extraApps].map((a) => a.stop()));
      await deleteKeys(redis, prefix);
      await redis.quit();
      if (!options.slack) await slack.close();
    },
  };
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/**
 * Waits until every queue of the app is empty: nothing waiting or active, and nothing delayed
 * except the hourly digest scheduler's next tick, which is always there.
 */
export async function waitForIdle(app: LanekeeperApp, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(
      Object.values(app.queues).map(async (queue) => {
        const [counts, delayed] = await Promise.all([queue.getJobCounts('waiting', 'active', 'prioritized'), queue.getDelayed(0, 50)]);
        return { ...counts, delayed: delayed.filter((job) => job.name !== 'digest-tick').length };
      }),
    );
    const busy = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    if (busy === 0) return;
    if (Date.now() > deadline) throw new Error(`queues still busy after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await sleep(25);
  }
}

/** How many message jobs the analyze queue holds in any state (the digest scheduler's tick aside). */
export async function messageJobs(app: LanekeeperApp): Promise<number> {
  const jobs = await app.queues.analyze.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
  return jobs.filter((job) => job.name === 'analyze-message').length;
}

/** Completed + failed jobs this app has finished on a queue, from its own metrics. */
export async function finishedJobs(app: LanekeeperApp, queue: string): Promise<number> {
  const values = (await app.metrics.jobsProcessed.get()).values;
  return values.filter((v) => v.labels.queue === queue && v.labels.outcome !== 'retrying').reduce((sum, v) => sum + v.value, 0);
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the `lanekeeper` command line (the package's bin) against a harness's local Slack and Redis prefix. */
export function runLanekeeper(h: Pick<Harness, 'slack' | 'prefix'>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lanekeeper.js', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: h.slack.url, REDIS_URL, REDIS_PREFIX: h.prefix },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
