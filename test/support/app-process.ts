import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { SlackRequestSender } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { BOT_TOKEN, CAST, REDIS_URL, SIGNING_SECRET, TEAM, deleteKeys, testAppEnv, waitFor, zoneWhereItIsHour } from './harness';

/**
 * Runs lanekeeper as its own process, from its entry point as `npm start` does, against a local Slack
 * and a Redis prefix of the test's own. For tests where the process itself is under test: one that
 * exits (a crash) is seen as an exit code here instead of taking the test runner down with it, and
 * every line it writes (stdout and stderr) is kept, so a test can read the whole log of a run.
 */
export interface AppProcess {
  slack: LocalSlack;
  sender: SlackRequestSender;
  port: number;
  baseUrl: string;
  prefix: string;
  /** Every line the process wrote, stdout and stderr, in order of arrival. */
  output: string[];
  /** The JSON log lines among `output`. */
  logLines(): Record<string, unknown>[];
  /** Set once the process has exited (code or signal), undefined while it runs. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** `GET path` on the process's HTTP server; status 0 when nothing answers. */
  get(urlPath: string): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * The process entry point, run from source through tsx whatever `npm start` does (it may build and
 * run dist/): tests exercise the code of the tree they run in, without a build step.
 */
const ENTRY_POINT = 'src/main.ts';

export async function startAppProcess(env: Record<string, string> = {}): Promise<AppProcess> {
  const slack = await startLocalSlack({ teamId: TEAM, botToken: BOT_TOKEN });
  const tz = zoneWhereItIsHour(12);
  for (const person of Object.values(CAST)) slack.addUser({ ...person, tz });
  const prefix = `lktest-${randomUUID().slice(0, 8)}`;
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY_POINT], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: BOT_TOKEN, ...testAppEnv(slack.url, prefix), PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keepLines = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      output.push(...lines.filter(Boolean));
    });
    stream?.on('end', () => {
      if (partial) output.push(partial);
    });
  };
  keepLines(child.stdout);
  keepLines(child.stderr);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  const logLines = () =>
    output.flatMap((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });

  const close = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exitPromise;
      clearTimeout(killer);
    }
    await slack.close();
    const redis = new Redis(REDIS_URL);
    await deleteKeys(redis, prefix);
    await redis.quit();
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`lanekeeper exited during start (${JSON.stringify(exited)}):\n${output.join('\n')}`);
        return (await httpGet(`${baseUrl}/readyz`, 1000)).status === 200;
      },
      'lanekeeper to be ready',
      20000,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    slack,
    sender: new SlackRequestSender({ baseUrl, signingSecret: SIGNING_SECRET, responseUrlFor: () => slack.responseUrl() }),
    port,
    baseUrl,
    prefix,
    output,
    logLines,
    exit: () => exited,
    async get(urlPath) {
      return httpGet(`${baseUrl}${urlPath}`);
    },
    close,
  };
}

/**
 * The sum of every sample in a Prometheus text exposition that carries the label value
 * `malformed`, e.g. `lanekeeper_events_received_total{type="message",outcome="malformed"} 2`,
 * whatever the metric is named.
 */
export function malformedCount(metricsText: string): number {
  return metricsText
    .split('\n')
    .filter((line) => !line.startsWith('#') && /="malformed"/.test(line))
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/).pop()), 0);
}

/** One GET on its own connection (nothing left open for the test runner); status 0 when nothing answers. */
export function httpGet(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/** A loopback port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
