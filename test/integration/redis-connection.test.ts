import { spawn } from 'node:child_process';
import path from 'node:path';
import { messageEvent } from '../../scripts/local-slack/requests';
import { parseConfig } from '../../src/config';
import { createRedis, redisReady } from '../../src/store/redis';
import { BOT_TOKEN, CAST, SIGNING_SECRET, TEAM, startHarness } from '../support/harness';
import { startTlsRedis, type LocalTlsRedis } from '../support/redis-processes';

/**
 * Connecting to Redis over TLS with a private CA, and what an operator reads when the connection
 * cannot be made: the reason, at error level, not only "not reachable".
 */
jest.setTimeout(30000);
const ROOT = path.resolve(__dirname, '../..');
const PASSWORD = 'correct-horse';

/** Starts `npm start`'s entry point with `env` and collects its log lines until it exits. */
function startProcess(env: Record<string, string>): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '0', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      const lines = out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ code, lines });
    });
  });
}

const errorLines = (lines: Record<string, unknown>[]) => lines.filter((line) => line.level === 'error' || line.level === 'fatal').map((line) => JSON.stringify(line));

describe('Redis over TLS, and failed connections', () => {
  let tls: LocalTlsRedis;
  beforeAll(async () => {
    tls = await startTlsRedis(PASSWORD);
  });
  afterAll(async () => {
    await tls?.stop();
  });

  it('runs the pipeline over rediss:// with the private CA of REDIS_TLS_CA_FILE', async () => {
    const h = await startHarness({ env: { REDIS_URL: `rediss://:${PASSWORD}@127.0.0.1:${tls.port}`, REDIS_TLS_CA_FILE: tls.certificateFile } });
    try {
      const event = messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro?` });
      expect((await h.sender.sendEvent(event)).status).toBe(200);
      await h.slack.waitForCall('chat.postEphemeral', undefined, 10000);
    } finally {
      await h.close();
    }
  });

  it('says at error level that the certificate is self-signed, at once, without the password', async () => {
    const { code, lines } = await startProcess({ REDIS_URL: `rediss://:${PASSWORD}@127.0.0.1:${tls.port}` });
    expect(code).toBe(1);
    // "At once": it gives up at the first certificate error as a refusal, instead of waiting out the
    // connection timeout ("not reachable within 10000 ms: …"). Read from the message, not from a
    // stopwatch that would also count the process's own start on a loaded machine.
    expect(errorLines(lines).join('\n')).toMatch(/Redis refused the connection: .*TLS certificate is not trusted \(.*self-signed.*REDIS_TLS_CA_FILE/i);
    expect(errorLines(lines).join('\n')).not.toMatch(/not reachable within/);
    expect(JSON.stringify(lines)).not.toContain(PASSWORD);
  });

  it('says at error level that Redis refused the password (WRONGPASS)', async () => {
    const { code, lines } = await startProcess({ REDIS_URL: `rediss://:wrong-${PASSWORD}@127.0.0.1:${tls.port}`, REDIS_TLS_CA_FILE: tls.certificateFile });
    expect(code).toBe(1);
    expect(errorLines(lines).join('\n')).toMatch(/refused the credentials \(WRONGPASS\)/);
    expect(JSON.stringify(lines)).not.toContain(PASSWORD);
  });

  it('names the last error when nothing answers (ECONNREFUSED), not only the timeout', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, REDIS_URL: 'redis://127.0.0.1:9' });
    const redis = createRedis(config.redis, 'fail-fast');
    redis.on('error', () => undefined);
    await expect(redisReady(redis, 1000)).rejects.toThrow(/not reachable within 1000 ms: nothing answers there \(ECONNREFUSED/);
    // Between two attempts, ioredis's disconnect() ends a socket that is already closed and keeps a
    // 2 s timer waiting for its 'close', which held the test run open after its end. At its next
    // attempt the socket is live, and ending it closes at once.
    if (redis.status === 'reconnecting') await new Promise((resolve) => redis.once('connecting', resolve));
    redis.disconnect();
  });
});
