import { messageEvent } from '../../scripts/local-slack/requests';
import { CAST, TEAM, startHarness, type Harness } from '../support/harness';

/** End to end: a product manager is nudged, clicks Hand off, and the delegate is asked in the thread. */
describe('hand-off, end to end', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('mentions the delegate in the thread after the product manager clicks Hand off', async () => {
    const set = await h.sender.sendSlashCommand({ text: `delegate <@${CAST.raj.id}>`, userId: CAST.ana.id, teamId: TEAM, channelId: 'C_PLAN' });
    expect(set.status).toBe(200);

    const event = messageEvent({
      team: TEAM,
      channel: 'C_PLAN',
      user: CAST.lead.id,
      text: `<@${CAST.ana.id}> can you send the weekly status report and book the retro room?`,
    });
    await h.sender.sendEvent(event);
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(String(nudge.params.text)).toContain(`<@${CAST.raj.id}>`);
    const blocks = nudge.params.blocks as { elements?: { action_id: string; value: string }[] }[];
    const handoff = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'nudge_handoff');
    expect(handoff).toBeDefined();

    const clicked = await h.sender.sendInteraction(
      h.sender.blockAction({
        userId: CAST.ana.id,
        teamId: TEAM,
        channelId: 'C_PLAN',
        actionId: 'nudge_handoff',
        value: handoff?.value,
        ephemeral: true,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(clicked.status).toBe(200);

    const post = await h.slack.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: 'C_PLAN', thread_ts: event.event.ts });
    expect(String(post.params.text)).toContain(`<@${CAST.raj.id}>`);
    expect(String(post.params.text)).toContain(`<@${CAST.ana.id}> is handing over`);
    const confirmation = await h.slack.waitForCall('response_url');
    expect(String(confirmation.params.text)).toMatch(/Handed off/);
  });
});
