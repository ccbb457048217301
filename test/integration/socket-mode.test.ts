import { messageEvent } from '../../scripts/local-slack/requests';
import { APP_TOKEN, CAST, TEAM, startHarness, waitForIdle, type Harness } from '../support/harness';

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
