import { messageEvent } from '../../scripts/local-slack/requests';
import { isoWeekOf, nextIsoWeek, previousIsoWeek, slotInstant } from '../../src/core/digest/calendar';
import { weekLabel } from '../../src/core/digest/compose';
import { jobIdFrom } from '../../src/ports/jobs';
import { CAST, TEAM, runLanekeeper, sleep, startHarness, waitFor, waitForIdle, zoneWhereItIsHour, type Harness } from '../support/harness';

/**
 * Weekly digests through the real app: signed events during the week, a digest tick for the next
 * Monday morning, and the DM that arrives. Time is chosen, not waited for: the tick is run for a
 * given instant, exactly as `lanekeeper digest send --at` does.
 */

function nextMondayMorning(tz: string, minutesPast = 5): number {
  return slotInstant(nextIsoWeek(isoWeekOf(Date.now(), tz)), { isoWeekday: 1, hour: 9 }, tz) + minutesPast * 60000;
}

describe('weekly digests', () => {
  let h: Harness;
  const tz = zoneWhereItIsHour(12);
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const handToAna = async (text: string, channel = 'C_PLAN', from: string = CAST.lead.id, team = TEAM) => {
    const event = messageEvent({ team, channel, user: from, text: `<@${CAST.ana.id}> ${text}` });
    await h.sender.sendEvent(event);
    return event;
  };
  const digestDms = () => h.slack.callsTo('chat.postMessage').filter((call) => String(call.params.channel).startsWith('D'));
  /** Runs `npx lanekeeper …` against this harness's Slack and Redis. */
  const lanekeeper = (...args: string[]) => runLanekeeper(h, ...args);

  it('arrives once, as a DM on Monday morning, with the week’s counts and links', async () => {
    await handToAna('can you book the room for the retro and send the invites?');
    await handToAna('please update the project timeline in the Gantt chart', 'C_DELIVERY');
    await handToAna('could you chase the vendor about the unpaid invoice', 'C_PLAN', CAST.raj.id);
    await h.slack.waitForCalls('chat.postEphemeral', 3);
    await waitForIdle(h.app);

    const at = new Date(nextMondayMorning(tz)).toISOString();
    const runCli = () => lanekeeper('digest', 'send', '--at', at);
    const first = await runCli();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/: 1 person looked at, 1 digest queued\n$/);

    const dm = await h.slack.waitForCall('chat.postMessage', (call) => String(call.params.channel).startsWith('D'));
    expect(h.slack.callsTo('conversations.open').map((call) => call.params.users)).toContain(CAST.ana.id);
    const text = String(dm.params.text);
    // Sent on Monday, it reports the week that just ended.
    expect(text).toMatch(/^3 pieces of project work reached you last week \(none the week before\)\./);
    const blocks = JSON.stringify(dm.params.blocks);
    expect(blocks).toContain('https://lanekeeper-local.slack.com/archives/C_PLAN/p');
    expect(blocks).toContain('https://lanekeeper-local.slack.com/archives/C_DELIVERY/p');
    expect(blocks).toContain(`<@${CAST.lead.id}>`);

    const again = await runCli();
    expect(again.code).toBe(0);
    await sleep(300);
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(1);
  });

  it('can be previewed in a terminal, whole, for the week a digest sent then would cover', async () => {
    await handToAna('can you book the room for the retro and send the invites?');
    await handToAna('please update the project timeline in the Gantt chart', 'C_DELIVERY');
    await h.slack.waitForCalls('chat.postEphemeral', 2);
    await waitForIdle(h.app);
    const thisWeek = isoWeekOf(Date.now(), tz);
    const monday = nextMondayMorning(tz);

    // On the next Monday, the digest would report this week.
    const preview = await lanekeeper('digest', 'preview', '--user', CAST.ana.id, '--team', TEAM, '--at', new Date(monday).toISOString());
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    const out = preview.stdout;
    expect(out.split('\n')[0]).toBe(`Digest for ${CAST.ana.id} in ${TEAM} · ${thisWeek} (${weekLabel(thisWeek)}), the week a digest sent at ${new Date(monday).toISOString()} would cover`);
    expect(out).toContain(`Your week in project work · ${weekLabel(thisWeek)}`);
    expect(out).toMatch(/2 pieces of project work reached you last week \(none the week before\)\./);
    expect(out).toMatch(/By kind of work\n• meeting logistics: 1\n/);
    expect(out).toMatch(/Where it came from\n• assigned by others: 2/);
    expect(out).toContain(`Who handed over the most\n• @${CAST.lead.id}: 2`);
    expect(out).toMatch(/Messages lanekeeper noticed\n• “[^”]+” \(https:\/\/lanekeeper-local\.slack\.com\/archives\/C_DELIVERY\/p\d+\) in #C_DELIVERY/);
    expect(out).toMatch(/To try this week\n💡 \S/);
    expect(out).toContain('Only you get this digest.');
    expect(out).not.toMatch(/<[@#]|<https|&amp;|:bulb:/);

    // Now (this week in progress), a digest sent would report last week: nothing, so none would go out.
    const now = await lanekeeper('digest', 'preview', '--user', CAST.ana.id, '--team', TEAM);
    const lastWeek = previousIsoWeek(thisWeek);
    expect(now.stdout.split('\n')[0]).toBe(`Digest for ${CAST.ana.id} in ${TEAM} · ${lastWeek} (${weekLabel(lastWeek)}), the week a digest sent now would cover`);
    expect(now.stdout).toContain('Nothing to report that week: no digest would be sent. Shown anyway.');
    expect(now.stdout).toContain('Nothing reached you last week');
    expect(digestDms()).toHaveLength(0);
  });

  it('is sent exactly once with two workers and a repeated tick', async () => {
    await handToAna('please send the weekly status report');
    await h.slack.waitForCall('chat.postEphemeral');
    const second = await h.startAnother({ ROLE: 'worker' });
    const at = nextMondayMorning(tz);
    await Promise.all([h.app.runDigestTick(at), second.runDigestTick(at), h.app.runDigestTick(at + 60000)]);
    await h.slack.waitForCall('chat.postMessage', (call) => String(call.params.channel).startsWith('D'));
    await sleep(500);
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(1);
  });

  it('is not sent to someone who opted out, nor for a week with nothing to report', async () => {
    await handToAna('please send the weekly status report');
    await h.slack.waitForCall('chat.postEphemeral');
    const optOut = await h.sender.sendSlashCommand({ text: 'digest off', userId: CAST.ana.id, teamId: TEAM, channelId: 'C_PLAN' });
    expect((optOut.json as { text: string }).text).toMatch(/Weekly digest off/);
    // Ben only received product work: nothing to report.
    await h.sender.sendEvent(messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ben.id}> can you write the PRD for onboarding?` }));
    await waitForIdle(h.app);
    const result = await h.app.runDigestTick(nextMondayMorning(tz));
    expect(result.queued).toBe(1); // Ben's job is queued; it finds nothing to report.
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(0);
  });

  it('a 429 in one workspace delays only that workspace', async () => {
    await handToAna('please send the weekly status report', 'C_PLAN', CAST.lead.id, TEAM);
    await handToAna('please send the weekly status report', 'C_PLAN', CAST.lead.id, 'T_OTHER');
    await h.slack.waitForCalls('chat.postEphemeral', 2);
    await waitForIdle(h.app);
    h.slack.failNext('chat.postMessage', { rateLimited: 4 });
    const started = Date.now();
    await h.app.runDigestTick(nextMondayMorning(tz));
    const [limited] = await h.slack.waitForCalls('chat.postMessage', 1, (call) => call.status === 429);
    const other = await h.slack.waitForCall('chat.postMessage', (call) => call.status === 200);
    expect(other.at - started).toBeLessThan(3000);
    const retried = await h.slack.waitForCalls('chat.postMessage', 2, (call) => call.status === 200, 10000);
    expect(retried[1].at - limited.at).toBeGreaterThanOrEqual(3900);
    await waitFor(async () => (await h.app.queues.deliver.getDelayedCount()) === 0, 'the delayed digest to go out');
  });

  const heldDigests = async () => (await h.app.queues.deliver.getDelayed()).filter((job) => job.name === 'send-digest');

  it('waits while the person’s Slack status says they are away, is sent once they are back, and never twice', async () => {
    await h.sender.sendEvent(messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?` }));
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);

    // On leave, back in four seconds (Slack clears the status then).
    const backAt = Math.ceil(Date.now() / 1000) + 4;
    h.slack.addUser({ ...CAST.ana, tz, status_emoji: ':palm_tree:', status_text: 'On leave', status_expiration: backAt });
    const slot = nextMondayMorning(tz);
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

  it('registers one hourly scheduler however many workers start', async () => {
    await h.startAnother({ ROLE: 'worker' });
    const schedulers = await h.app.queues.analyze.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([['digest-hourly', '0 * * * *']]);
  });
});
