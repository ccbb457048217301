import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { messageEvent, SlackRequestSender } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { BOT_TOKEN, CAST, REDIS_URL, SIGNING_SECRET, TEAM, deleteKeys, startHarness, waitFor, zoneWhereItIsHour, type Harness } from '../support/harness';

const ROOT = path.resolve(__dirname, '../..');

describe('operator endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('says the process is up on /healthz and ready on /readyz once Redis and Slack auth are fine', async () => {
    const health = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${h.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { redis: true, slackAuth: true } });
  });

  it('exposes events, jobs, nudges, Slack errors and queue latency on /metrics', async () => {
    await h.sender.sendEvent(
      messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> please send the weekly status report` }),
    );
    await h.slack.waitForCall('chat.postEphemeral');
    await waitFor(async () => {
      const text = await (await fetch(`http://127.0.0.1:${h.port}/metrics`)).text();
      return text.includes('lanekeeper_nudges_sent_total{mode="ephemeral"} 1') ? text : undefined;
    }, 'the nudge to be counted');
    const metrics = await (await fetch(`http://127.0.0.1:${h.port}/metrics`)).text();
    expect(metrics).toMatch(/lanekeeper_events_received_total\{type="message",outcome="queued"\} 1/);
    expect(metrics).toMatch(/lanekeeper_jobs\{queue="analyze",state="waiting"\} 0/);
    expect(metrics).toMatch(/lanekeeper_queue_latency_seconds_count\{queue="analyze"\} 1/);
    expect(metrics).toContain('lanekeeper_slack_api_errors_total');
  });

  it('answers 404 to anything else', async () => {
    expect((await fetch(`http://127.0.0.1:${h.port}/nope`)).status).toBe(404);
  });
});

describe('stopping on SIGTERM', () => {
  let slack: LocalSlack;
  const prefix = `lktest-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    slack = await startLocalSlack({ teamId: TEAM, botToken: BOT_TOKEN });
    for (const person of Object.values(CAST)) slack.addUser({ ...person, tz: zoneWhereItIsHour(12) });
  });
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    await deleteKeys(redis, prefix);
    await redis.quit();
    await slack.close();
  });

  it('finishes the job in hand, then exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        REDIS_URL,
        REDIS_PREFIX: prefix,
        PORT: String(port),
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '10000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok, 'the bot to be ready', 20000);

    // The nudge takes a while to reach Slack, so SIGTERM arrives while the job is active.
    slack.failNext('chat.postEphemeral', { hang: 1500 });
    const sender = new SlackRequestSender({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET });
    await sender.sendEvent(
      messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the retro room?` }),
    );
    // SIGTERM goes out once the nudge's post has reached Slack and waits for its answer: the
    // delivery job is in hand then, whatever the machine's load (a fixed pause after the profile
    // lookup could fall before the delivery job had even started).
    const posting = await slack.waitForCall('chat.postEphemeral', undefined, 20000);
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const exitedAt = Date.now();
    expect(exitedAt - signalledAt).toBeLessThan(10000);
    // It exited only after Slack answered the post it had in hand.
    expect(exitedAt - posting.at).toBeGreaterThanOrEqual(1500);
    expect(slack.callsTo('chat.postEphemeral').map((call) => call.status)).toEqual([200]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
