import { messageEvent } from '../../scripts/local-slack/requests';
import { isoWeekOf, nextIsoWeek, slotInstant } from '../../src/core/digest/calendar';
import { jobIdFrom } from '../../src/ports/jobs';
import { CAST, TEAM, sleep, startHarness, waitFor, waitForIdle, zoneWhereItIsHour, type Harness } from '../support/harness';

/**
 * A weekly digest and an absence, through the real app: the digest is not sent while the person's
 * Slack status says they are away; the same job waits and sends it once they are back, and no
 * later tick sends it again.
 */
describe('a digest and an absence', () => {
  let h: Harness;
  const tz = zoneWhereItIsHour(12);
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const digestDms = () => h.slack.callsTo('chat.postMessage').filter((call) => String(call.params.channel).startsWith('D'));
  const heldDigests = async () => (await h.app.queues.deliver.getDelayed()).filter((job) => job.name === 'send-digest');

  it('waits while the person is away, is sent once they are back, and never twice', async () => {
    await h.sender.sendEvent(messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?` }));
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);

    // On leave, back in four seconds (Slack clears the status then).
    const backAt = Math.ceil(Date.now() / 1000) + 4;
    h.slack.addUser({ ...CAST.ana, tz, status_emoji: ':palm_tree:', status_text: 'On leave', status_expiration: backAt });
    const slot = slotInstant(nextIsoWeek(isoWeekOf(Date.now(), tz)), { isoWeekday: 1, hour: 9 }, tz) + 5 * 60_000;
    await h.app.runDigestTick(slot);

    const [held] = await waitFor(async () => ((await heldDigests()).length === 1 ? heldDigests() : undefined), 'the digest to wait');
    expect(held!.id).toBe(jobIdFrom('digest', TEAM, CAST.ana.id, isoWeekOf(Date.now(), tz)));
    expect(digestDms()).toHaveLength(0);
    expect(h.logs.lines.some((line) => line.msg === 'digest waits for the person’s working time' && line.reason === 'away')).toBe(true);

    // A tick again while it waits queues nothing: it is the same job.
    await h.app.runDigestTick(slot + 60_000);
    expect(await heldDigests()).toHaveLength(1);

    const dm = await h.slack.waitForCall('chat.postMessage', (call) => String(call.params.channel).startsWith('D'), 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(backAt * 1000 - 1000);
    expect(String(dm.params.text)).toMatch(/1 piece of project work reached you/);
    expect(JSON.stringify(dm.params.blocks)).toContain('Project-work share, last weeks');

    await h.app.runDigestTick(slot + 120_000);
    await sleep(300);
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(1);
  }, 30_000);
});
