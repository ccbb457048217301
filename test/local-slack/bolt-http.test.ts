import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { createRecordingLogger, type RecordingLogger } from '../../scripts/local-slack/recording-logger';
import { appMentionEvent, blockActionPayload, messageEvent, SlackRequestSender } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';

const SIGNING_SECRET = 'local-signing-secret';
const BOT_TOKEN = 'xoxb-local-test';

describe('a real Bolt app on an HTTPReceiver, driven by signed requests and answering to the local Slack', () => {
  let local: LocalSlack;
  let app: App;
  let sender: SlackRequestSender;
  let logger: RecordingLogger;

  beforeEach(async () => {
    local = await startLocalSlack({ botToken: BOT_TOKEN });
    logger = createRecordingLogger('bolt');
    const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, port: 0, logger });
    app = new App({ receiver, token: BOT_TOKEN, logger, clientOptions: { slackApiUrl: local.url, retryConfig: { retries: 0 } } });
    const server = await app.start();
    const { port } = server.address() as AddressInfo;
    sender = new SlackRequestSender({
      baseUrl: `http://127.0.0.1:${port}`,
      signingSecret: SIGNING_SECRET,
      responseUrlFor: () => local.responseUrl(),
    });
  });

  afterEach(async () => {
    await app.stop();
    await local.close();
  });

  it('acks a signed message event and runs the listener, which posts through the local Web API', async () => {
    const seen: { text?: string; retryNum?: number; retryReason?: string }[] = [];
    app.message(async ({ message, context, say }) => {
      seen.push({ text: 'text' in message ? message.text : undefined, retryNum: context.retryNum, retryReason: context.retryReason });
      await say({ text: 'noted', thread_ts: message.ts });
    });

    const envelope = messageEvent({ channel: 'C1', user: 'U1', text: 'can you update the roadmap deck?' });
    const response = await sender.sendEvent(envelope, { retryNum: 1, retryReason: 'http_timeout' });
    expect(response.status).toBe(200);

    const post = await local.waitForCall('chat.postMessage');
    expect(post).toMatchObject({ token: BOT_TOKEN, params: { channel: 'C1', text: 'noted', thread_ts: envelope.event.ts } });
    expect(seen).toEqual([{ text: 'can you update the roadmap deck?', retryNum: 1, retryReason: 'http_timeout' }]);
    // Bolt asked who it is before handling anything.
    expect(local.callsTo('auth.test')).toHaveLength(1);
  });

  it('ignores its own messages, as Bolt ignoreSelf does, but not other bots', async () => {
    const texts: string[] = [];
    app.message(async ({ message }) => {
      if ('text' in message && message.text) texts.push(message.text);
    });
    await sender.sendEvent(messageEvent({ text: 'from me', user: local.botUserId, botId: local.botId }));
    await sender.sendEvent(messageEvent({ text: 'from a tracker', subtype: 'bot_message', botId: 'B0TRACKER' }));
    await sender.sendEvent(messageEvent({ text: 'from a person' }));
    await waitUntil(() => texts.includes('from a person'));
    expect(texts).toEqual(['from a tracker', 'from a person']);
  });

  it('answers 401 to a bad signature or a stale timestamp, without running the listener', async () => {
    const listener = jest.fn();
    app.message(listener);
    const badSignature = await sender.sendEvent(messageEvent({ text: 'forged' }), { badSignature: true });
    const stale = await sender.sendEvent(messageEvent({ text: 'replayed' }), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([badSignature.status, stale.status]).toEqual([401, 401]);
    expect(listener).not.toHaveBeenCalled();
    expect(logger.entries.filter((e) => e.level === 'warn').map((e) => e.message)).toEqual([
      expect.stringContaining('signature mismatch'),
      expect.stringContaining('stale'),
    ]);
  });

  it('answers the url_verification challenge', async () => {
    const response = await sender.sendUrlVerification('challenge-123');
    expect(response).toMatchObject({ status: 200, json: { challenge: 'challenge-123' } });
  });

  it('runs a slash command: the ack body comes back in the HTTP answer and respond() reaches the response_url', async () => {
    app.command('/lane', async ({ command, ack, respond }) => {
      await ack({ response_type: 'ephemeral', text: `working on "${command.text}"` });
      await respond({ text: 'done' });
    });
    const response = await sender.sendSlashCommand({ text: 'status', userId: 'U1', channelId: 'C1' });
    expect(response).toMatchObject({ status: 200, json: { response_type: 'ephemeral', text: 'working on "status"' } });
    const responded = await local.waitForCall('response_url');
    expect(responded.params).toMatchObject({ text: 'done' });
  });

  it('delivers an app_mention to app.event', async () => {
    const mentions: string[] = [];
    app.event('app_mention', async ({ event }) => {
      mentions.push(event.text);
    });
    await sender.sendEvent(appMentionEvent({ text: 'what should I hand off?' }));
    await waitUntil(() => mentions.length > 0);
    expect(mentions).toEqual([`<@${local.botUserId}> what should I hand off?`]);
  });

  it('runs a block action sent as a form payload', async () => {
    const clicked: string[] = [];
    app.action('snooze', async ({ ack, action, body }) => {
      await ack();
      if (action.type === 'button' && body.type === 'block_actions') clicked.push(`${body.user.id}:${action.value}`);
    });
    const response = await sender.sendInteraction(sender.blockAction({ userId: 'U1', actionId: 'snooze', value: '1d' }));
    expect(response.status).toBe(200);
    await waitUntil(() => clicked.length > 0);
    expect(clicked).toEqual(['U1:1d']);
  });

  it('runs a block action on a Home tab view, which carries the view and no response_url', async () => {
    const seen: { container: unknown; responseUrl?: string; text: string; blocks: number }[] = [];
    app.action('home_toggle', async ({ ack, body, action }) => {
      await ack();
      if (body.type === 'block_actions' && action.type === 'button') {
        seen.push({ container: body.container, responseUrl: body.response_url, text: 'text' in action ? action.text.text : '', blocks: body.view?.blocks.length ?? -1 });
      }
    });
    const payload = sender.blockAction({ userId: 'U1', actionId: 'home_toggle', buttonText: 'Turn nudges off', view: { id: 'V1', blocks: [{ type: 'divider' }] } });
    expect(payload).not.toHaveProperty('channel');
    expect(payload).not.toHaveProperty('message');
    await sender.sendInteraction(payload);
    await waitUntil(() => seen.length > 0);
    expect(seen).toEqual([{ container: { type: 'view', view_id: 'V1' }, responseUrl: undefined, text: 'Turn nudges off', blocks: 1 }]);
  });
});

describe('block action payloads', () => {
  it('echo the blocks and channel name of the message a button is on', () => {
    const payload = blockActionPayload({ userId: 'U1', actionId: 'a', channelId: 'C9', channelName: 'planning', messageBlocks: [{ type: 'divider' }] });
    expect(payload).toMatchObject({ channel: { id: 'C9', name: 'planning' }, message: { blocks: [{ type: 'divider' }] } });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
