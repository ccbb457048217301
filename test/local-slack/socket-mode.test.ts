import { App, SocketModeReceiver, type AppOptions } from '@slack/bolt';
import { createRecordingLogger } from '../../scripts/local-slack/recording-logger';
import { messageEvent, slashCommandPayload } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';

const BOT_TOKEN = 'xoxb-local-test';
const APP_TOKEN = 'xapp-1-A0LOCAL001-1-local';

describe('a real Bolt app in Socket Mode against the local Slack', () => {
  let local: LocalSlack;
  let app: App | undefined;

  beforeEach(async () => {
    local = await startLocalSlack({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  });

  afterEach(async () => {
    if (app) {
      await app.stop();
      // SocketModeReceiver.stop() does not wait for the close handshake.
      await local.waitForSocketDisconnection();
      app = undefined;
    }
    await local.close();
  });

  function socketApp(options: Partial<AppOptions> = {}): App {
    return new App({
      socketMode: true,
      appToken: APP_TOKEN,
      token: BOT_TOKEN,
      logger: createRecordingLogger('bolt-socket'),
      clientOptions: { slackApiUrl: local.url },
      ...options,
    });
  }

  it('connects through apps.connections.open, receives an events_api envelope, acks it and runs the listener', async () => {
    app = socketApp();
    const seen: { text?: string; retryNum?: number }[] = [];
    app.message(async ({ message, context, say }) => {
      seen.push({ text: 'text' in message ? message.text : undefined, retryNum: context.retryNum });
      await say('noted');
    });
    await app.start();

    expect(local.socketConnections()).toBe(1);
    expect(local.callsTo('apps.connections.open')).toEqual([expect.objectContaining({ token: APP_TOKEN, status: 200 })]);

    const ack = await local.sendSocketEnvelope('events_api', messageEvent({ channel: 'C1', text: 'please chase the vendor' }), {
      retryAttempt: 2,
      retryReason: 'timeout',
    });
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
    await local.waitForCall('chat.postMessage', (c) => c.params.text === 'noted');
    expect(seen).toEqual([{ text: 'please chase the vendor', retryNum: 2 }]);
  });

  it('returns a slash command ack body in the ack payload', async () => {
    app = socketApp();
    app.command('/lane', async ({ ack, command }) => {
      await ack({ text: `got ${command.text}` });
    });
    await app.start();
    const ack = await local.sendSocketEnvelope('slash_commands', slashCommandPayload({ text: 'status', userId: 'U1' }));
    expect(ack.payload).toEqual({ text: 'got status' });
  });

  it('rejects an envelope nobody acks, and one sent while no client is connected', async () => {
    await expect(local.sendSocketEnvelope('events_api', messageEvent({ text: 'x' }))).rejects.toThrow(/no Socket Mode connection/);
    app = socketApp();
    await app.start();
    // An interactive payload with no matching listener: Bolt never acks it.
    await expect(local.sendSocketEnvelope('interactive', { type: 'block_actions', actions: [] }, { timeoutMs: 200 })).rejects.toThrow(
      /no ack for interactive envelope .* within 200ms/,
    );
  });

  it('reconnects through apps.connections.open after a disconnect message', async () => {
    // Only a hand-built receiver takes clientPingTimeout; the client waits that long before reconnecting.
    const receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      clientPingTimeout: 300,
      logger: createRecordingLogger('socket-receiver'),
      installerOptions: { clientOptions: { slackApiUrl: local.url } },
    });
    app = new App({ receiver, token: BOT_TOKEN, logger: createRecordingLogger('bolt-socket'), clientOptions: { slackApiUrl: local.url } });
    await app.start();
    local.sendSocketDisconnect('refresh_requested');
    await local.waitForCalls('apps.connections.open', 2, undefined, 5000);
    await local.waitForSocketConnection();
    const ack = await local.sendSocketEnvelope('events_api', messageEvent({ text: 'after reconnect' }));
    expect(ack.envelope_id).toEqual(expect.any(String));
  });

  it('refuses a bot token on apps.connections.open, as Slack does', async () => {
    const { WebClient } = await import('@slack/web-api');
    const web = new WebClient(BOT_TOKEN, { slackApiUrl: local.url, retryConfig: { retries: 0 }, logger: createRecordingLogger() });
    await expect(web.apps.connections.open()).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });

  it('documents a Bolt quirk: socket mode writes retryConfig into the clientOptions object it was given', () => {
    const clientOptions: NonNullable<AppOptions['clientOptions']> = { slackApiUrl: local.url };
    socketApp({ clientOptions, deferInitialization: true });
    // The SocketModeClient sets its own retry policy on the shared object, so Bolt's per-request
    // WebClients (built from a copy of clientOptions) inherit 100 retries unless retryConfig is set.
    expect(clientOptions.retryConfig).toEqual({ retries: 100, factor: 1.3 });
  });
});
