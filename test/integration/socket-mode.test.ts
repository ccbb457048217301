import { blockActionPayload, messageEvent } from '../../scripts/local-slack/requests';
import type { SocketEnvelopeType } from '../../scripts/local-slack/socket-mode';
import { APP_TOKEN, CAST, TEAM, sleep, startHarness, waitFor, waitForIdle, type Harness } from '../support/harness';
import { malformedCount } from '../support/app-process';
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

describe('Socket Mode envelopes that can never be processed (issue 12, bad input)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { SLACK_APP_TOKEN: APP_TOKEN } });
    await h.slack.waitForSocketConnection();
  });
  afterAll(async () => {
    await h.close();
  });

  const projectWork = () => messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> please update the gantt chart` });
  const cases: [string, SocketEnvelopeType, () => unknown][] = [
    ['an event whose `event` is null', 'events_api', () => ({ ...projectWork(), event: null })],
    ['an event whose payload is null', 'events_api', () => null],
    ['an event with a numeric team_id', 'events_api', () => ({ ...projectWork(), team_id: 7 })],
    ['a click whose user is `true`', 'interactive', () => ({ ...blockActionPayload({ userId: CAST.ana.id, teamId: TEAM, actionId: 'home_nudges_off', view: { id: 'V_HOME' } }), user: true })],
  ];

  it.each(cases)('%s is acknowledged, counted as malformed and logged once as a warning', async (_name, type, payload) => {
    const malformedBefore = malformedCount(await h.app.metrics.registry.metrics());
    const logStart = h.logs.lines.length;
    const ack = await h.slack.sendSocketEnvelope(type, payload() as object, { timeoutMs: 2500 });
    await sleep(100);
    const lines = h.logs.lines.slice(logStart);
    expect({
      acknowledged: typeof ack.envelope_id,
      malformed: malformedCount(await h.app.metrics.registry.metrics()) - malformedBefore,
      warnings: lines.filter((line) => line.level === 'warn').length,
      errors: lines.filter((line) => line.level === 'error' || line.level === 'fatal').map((line) => line.msg),
    }).toEqual({ acknowledged: 'string', malformed: 1, warnings: 1, errors: [] });
  });

  it('still takes the next event and nudges', async () => {
    await h.slack.sendSocketEnvelope('events_api', projectWork());
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
  });
});
