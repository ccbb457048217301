import { messageEvent } from '../../scripts/local-slack/requests';
import { APP_TOKEN, CAST, TEAM, startHarness, waitFor, waitForIdle, type Harness } from '../support/harness';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

describe('Socket Mode', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ env: { SLACK_APP_TOKEN: APP_TOKEN } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('receives an event over the socket, acknowledges its envelope and nudges', async () => {
    await h.slack.waitForSocketConnection();
    const event = messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> please update the gantt chart` });
    const ack = await h.slack.sendSocketEnvelope('events_api', event);
    expect(ack.envelope_id).toEqual(expect.any(String));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id, channel: 'C_PLAN' });
    await waitForIdle(h.app);
  });
});

describe('Socket Mode while Redis is away', () => {
  let proxy: TcpProxy;
  let h: Harness;
  beforeEach(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    h = await startHarness({ env: { SLACK_APP_TOKEN: APP_TOKEN, REDIS_URL: proxy.url } });
  });
  afterEach(async () => {
    proxy.restore();
    await h.close();
    await proxy.close();
  });

  it('leaves the envelope unacknowledged, so Slack delivers it again, and handles the redelivery once', async () => {
    await h.slack.waitForSocketConnection();
    const event = messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> please update the gantt chart` });
    proxy.cut();
    await expect(h.slack.sendSocketEnvelope('events_api', event, { timeoutMs: 2500 })).rejects.toThrow();
    proxy.restore();
    await waitFor(async () => (await fetch(`http://127.0.0.1:${h.port}/readyz`)).ok, 'readiness after Redis returns');
    const ack = await h.slack.sendSocketEnvelope('events_api', event, { retryAttempt: 1, retryReason: 'timeout' });
    expect(ack.envelope_id).toEqual(expect.any(String));
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
  });
});
