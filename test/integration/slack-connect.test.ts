import { messageEvent } from '../../scripts/local-slack/requests';
import { CAST, TEAM, startHarness, waitForIdle, type Harness } from '../support/harness';

/**
 * Slack Connect in single-workspace mode: in a channel shared with another organisation, the
 * envelope's `team_id` is the host's; the workspace that installed lanekeeper is in the
 * authorization. Settings and records must be read under the installing workspace.
 */
describe('a channel shared with another organisation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('does not nudge a product manager who ran /lane snooze 1w, and nudges one who did not', async () => {
    const snoozed = await h.sender.sendSlashCommand({ teamId: TEAM, userId: CAST.ana.id, text: 'snooze 1w' });
    expect(snoozed.status).toBe(200);
    const shared = (to: string) =>
      messageEvent({ team: 'T_HOSTORG', installedTeam: TEAM, channel: 'C_SHARED', user: 'U_HOSTLEAD', text: `<@${to}> can you book the room for the retro and send the invites?` });
    await h.sender.sendEvent(shared(CAST.ana.id));
    await h.sender.sendEvent(shared(CAST.ben.id));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
    expect(nudge.params).toMatchObject({ user: CAST.ben.id, channel: 'C_SHARED' });
    expect(h.slack.callsTo('chat.postEphemeral').filter((call) => call.params.user === CAST.ana.id)).toEqual([]);
    expect(await h.redis.keys(`${h.prefix}:*T_HOSTORG*`)).toEqual([]);
  });
});
