/**
 * One side of `npm run bench:ingest`, run in its own process so the load generator does not share
 * its event loop: either lanekeeper's receive path, or a bare Bolt app that only acknowledges.
 * Prints `READY <port>` on stdout once it listens; stops on SIGTERM.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

const [kind, apiUrl, signingSecret, prefix, role = 'web'] = process.argv.slice(2);

async function startLanekeeper(): Promise<{ port: number; stop: () => Promise<void> }> {
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    REDIS_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ROLE: role,
  });
  const app = createApp({ config, logger: createLogger({ level: 'warn' }), processMetrics: false });
  const { port } = await app.start();
  return { port, stop: () => app.stop() };
}

async function startBareBolt(): Promise<{ port: number; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events' });
  const app = new App({
    token: 'xoxb-bench',
    botId: 'B_BENCH',
    botUserId: 'U_BENCH',
    receiver,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.event('message', async () => undefined);
  const server = await receiver.start(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, stop: () => receiver.stop() };
}

async function main(): Promise<void> {
  const target = kind === 'bare' ? await startBareBolt() : await startLanekeeper();
  process.stdout.write(`READY ${target.port}\n`);
  process.on('SIGTERM', () => {
    void target.stop().then(() => process.exit(0));
  });
}

void main();
