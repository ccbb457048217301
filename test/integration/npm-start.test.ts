import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { SlackRequestSender, messageEvent } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { BOT_TOKEN, CAST, REDIS_URL, SIGNING_SECRET, TEAM, deleteKeys, waitFor } from '../support/harness';

/**
 * `npm start` as an operator runs it: a real process with Node's own metrics, scraped and checked
 * with Prometheus's `promtool`, then stopped with SIGTERM as an orchestrator does.
 */
jest.setTimeout(60000);
const ROOT = path.resolve(__dirname, '../..');

function promtool(exposition: string): { status: number | null; output: string } {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (result.error) throw new Error(`promtool is not installed (Debian: apt-get install prometheus): ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm start', () => {
  let slack: LocalSlack;
  let child: ChildProcess | undefined;
  const prefix = `lktest-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL);

  beforeAll(async () => {
    slack = await startLocalSlack({ teamId: TEAM, botToken: BOT_TOKEN });
    for (const person of Object.values(CAST)) slack.addUser(person);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await slack.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('serves /metrics that promtool accepts, with Node’s figures under their usual names, and stops on SIGTERM', async () => {
    const started = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, REDIS_URL, REDIS_PREFIX: prefix, PORT: '0' },
    });
    child = started;
    let out = '';
    started.stdout.on('data', (chunk) => (out += chunk));
    const port = await waitFor(() => {
      const line = out.split('\n').find((l) => l.includes('"lanekeeper started"'));
      return line ? (JSON.parse(line) as { port: number }).port : undefined;
    }, 'the bot to start', 30000);

    const sender = new SlackRequestSender({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET });
    const event = messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro?` });
    expect((await sender.sendEvent(event)).status).toBe(200);
    await slack.waitForCall('chat.postEphemeral', undefined, 10000);

    const exposition = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(promtool(exposition)).toEqual({ status: 0, output: '' });
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(exposition).toMatch(new RegExp(`^${name} `, 'm'));
    }
    expect(exposition).not.toMatch(/^lanekeeper_(process|nodejs)_/m);

    started.kill('SIGTERM');
    // npm passes the signal on; the bot drains and says so.
    await waitFor(() => out.includes('"msg":"stopped"'), 'the bot to drain and stop', 15000);
    // Nothing is left listening: not the bot, nor a child of it.
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => false, () => true)) || undefined, 'the port to close', 5000);
  });
});
