import Holidays from 'date-holidays';
import type { Job } from 'bullmq';
import { appHomeOpenedEvent, messageEvent } from '../../scripts/local-slack/requests';
import { localParts, localTimeToInstant } from '../../src/core/digest/calendar';
import { isHoliday } from '../../src/core/time/holidays';
import { KeySpace } from '../../src/store/redis';
import { CAST, TEAM, finishedJobs, sleep, startHarness, waitFor, waitForIdle, zoneWhereItIsHour, type Harness } from '../support/harness';

/**
 * Nudges keep to people's time, through the real pipeline (signed events into the Bolt app, BullMQ
 * on the real Redis, the local Slack): held while someone is away and sent once they are back, left
 * to the digest when they would come too late, held past a public holiday and until night-shift
 * hours begin. Everyone in the test workspace is where it is about midday now.
 */
const HOUR_MS = 3600 * 1000;

describe('nudges and people’s time', () => {
  let h: Harness;
  let tz: string;
  beforeEach(async () => {
    h = await startHarness();
    tz = zoneWhereItIsHour(12);
  });
  afterEach(async () => {
    await h.close();
  });

  const setAna = (status: { status_emoji?: string; status_text?: string; status_expiration?: number }) => h.slack.addUser({ ...CAST.ana, tz, ...status });
  const lane = async (text: string, userId: string = CAST.ana.id) => {
    const response = await h.sender.sendSlashCommand({ text, userId, teamId: TEAM, channelId: 'C_PLAN' });
    expect(response.status).toBe(200);
    return (response.json as { text: string }).text;
  };
  const handProjectWork = async (fields: { ts?: string } = {}) => {
    const event = messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?`, ...fields });
    expect((await h.sender.sendEvent(event)).status).toBe(200);
    await waitFor(async () => (await finishedJobs(h.app, 'analyze')) >= 1, 'the message to be analyzed');
    return event;
  };
  const heldNudges = async (): Promise<Job[]> => (await h.app.queues.deliver.getDelayed()).filter((job) => job.name === 'send-nudge');
  const heldUntil = (job: Job) => job.timestamp + (job.opts.delay ?? 0);
  /** Makes a held nudge due now, as if its time had come, and waits until the worker took it. */
  const release = async (job: Job) => {
    const runs = await finishedJobs(h.app, 'deliver');
    await job.promote();
    await waitFor(async () => (await finishedJobs(h.app, 'deliver')) > runs || (await heldNudges()).length > 0, 'the nudge to be looked at again');
  };

  /** The nudge was left to the digest: nothing posted, nothing held, the work counted in her week. */
  const expectLeftToTheDigest = async (pieces: number) => {
    await waitForIdle(h.app);
    expect(await heldNudges()).toHaveLength(0);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    const week = (await h.redis.keys(new KeySpace(h.prefix).team(TEAM, 'week', CAST.ana.id, '*'))).find((key) => !key.endsWith(':flagged'));
    expect(Number((await h.redis.hget(week ?? '', 'projectItems')) ?? 0)).toBe(pieces);
  };

  it('holds a nudge for someone on :palm_tree:, holds it again while they are still away, and sends it once they are back', async () => {
    setAna({ status_emoji: ':palm_tree:', status_text: 'Vacationing' });
    await handProjectWork();
    const [held] = await waitFor(async () => ((await heldNudges()).length === 1 ? heldNudges() : undefined), 'the nudge to be held');
    // A status with no end says nothing of the return: the nudge is looked at again in an hour.
    expect(heldUntil(held!) - Date.now()).toBeGreaterThan(0.9 * HOUR_MS);
    expect(heldUntil(held!) - Date.now()).toBeLessThanOrEqual(HOUR_MS);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

    // An hour later she is still away: it waits again, and nothing is posted.
    await release(held!);
    await waitFor(async () => ((await heldNudges()).length === 1 ? true : undefined), 'the nudge to be held again');
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

    // She is back (the status is cleared in Slack; the bot's cached profile still has it).
    setAna({});
    await release((await heldNudges())[0]!);
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ channel: 'C_PLAN', user: CAST.ana.id });
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(await heldNudges()).toHaveLength(0);
  });

  it('sends at once when the status only says they are back from vacation, or its time is over', async () => {
    setAna({ status_emoji: ':palm_tree:', status_expiration: Math.floor(Date.now() / 1000) - 60 });
    await handProjectWork();
    await h.slack.waitForCall('chat.postEphemeral');
    setAna({ status_text: 'Back from vacation, catching up' });
    await handProjectWork({ ts: `${Math.floor(Date.now() / 1000) + 5}.000200` });
    await waitFor(() => (h.slack.callsTo('chat.postEphemeral').length === 2 ? true : undefined), 'the second nudge');
  });

  it('leaves the nudge to the digest when the person will not be back before it goes stale', async () => {
    setAna({ status_emoji: ':face_with_thermometer:' });
    // Posted 17.5 hours ago: no nudge can reach her within the 18 hours a nudge is useful.
    const posted = Math.floor((Date.now() - 17.5 * HOUR_MS) / 1000);
    await handProjectWork({ ts: `${posted}.000100` });
    await expectLeftToTheDigest(1);
    expect(h.logs.lines.some((line) => line.msg === 'nudge not sent' && line.reason === 'stale')).toBe(true);
  });

  it('asks Slack for the status afresh before leaving a nudge to the digest because of a cached one', async () => {
    // Away for three days: the first nudge is left to the digest, and her profile (with the status) is cached.
    setAna({ status_emoji: ':palm_tree:', status_expiration: Math.floor(Date.now() / 1000) + 3 * 24 * 3600 });
    await handProjectWork();
    await expectLeftToTheDigest(1);
    // She came back early and cleared the status in Slack; the bot's cached profile still has it.
    setAna({});
    await handProjectWork({ ts: `${Math.floor(Date.now() / 1000) + 5}.000200` });
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ channel: 'C_PLAN', user: CAST.ana.id });
  });

  it('sends nothing while `/lane away until` lasts (the digest reports it), and at once after `/lane away off`', async () => {
    const today = localParts(Date.now(), tz);
    const lastDay = new Date(Date.UTC(today.year, today.month - 1, today.day + 2)).toISOString().slice(0, 10);
    expect(await lane(`away until ${lastDay}`)).toContain(`Away until the end of ${lastDay}`);
    expect(await lane('away')).toContain(`You are away until the end of ${lastDay}`);
    // Back in three days: far too late for this nudge, which goes to the digest only.
    await handProjectWork();
    await expectLeftToTheDigest(1);
    expect(await lane('away off')).toContain('Welcome back');
    await handProjectWork({ ts: `${Math.floor(Date.now() / 1000) + 5}.000200` });
    await h.slack.waitForCall('chat.postEphemeral');
  });

  it('sends nothing on a public holiday the person keeps, and at once when they keep none', async () => {
    const region = regionWithAHolidayOn(Date.now(), tz);
    expect(await lane(`holidays ${region}`)).toMatch(/Nothing is sent to you on the public holidays of/);
    await handProjectWork();
    // The next working day starts tomorrow morning, past the 18 hours a nudge is useful.
    await expectLeftToTheDigest(1);

    // Without the holiday, the same kind of nudge goes out at once.
    expect(await lane('holidays off')).toContain('No public holidays are kept for you now');
    await handProjectWork({ ts: `${Math.floor(Date.now() / 1000) + 7}.000300` });
    await h.slack.waitForCall('chat.postEphemeral');
  });

  it('lets a person keep no holidays where the workspace keeps some (`off`), and follow the workspace’s again (`default`)', async () => {
    h.slack.addUser({ id: 'U_ADMIN', name: 'admin', title: 'Engineering Manager', tz, tz_offset: 0, is_admin: true });
    const region = regionWithAHolidayOn(Date.now(), tz);
    expect(await lane(`holidays workspace ${region}`, 'U_ADMIN')).toContain('The workspace now keeps the public holidays of');
    expect(await lane('holidays off')).toContain('No public holidays are kept for you now, whatever the workspace keeps.');
    expect(await lane('holidays')).toContain('You keep no public holidays');
    await handProjectWork();
    await h.slack.waitForCall('chat.postEphemeral');

    expect(await lane('holidays default')).toContain('You now follow the workspace’s public holidays');
    await handProjectWork({ ts: `${Math.floor(Date.now() / 1000) + 7}.000300` });
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
  });

  it('holds a nudge until a night shift (`22-06`) begins, and the Home tab shows the hours', async () => {
    expect(await lane('hours 22-06 daily')).toContain('Your working hours are now *22:00–06:00 (next day), every day*');
    await handProjectWork();
    const [held] = await waitFor(async () => ((await heldNudges()).length === 1 ? heldNudges() : undefined), 'the nudge to be held');
    const today = localParts(Date.now(), tz);
    // BullMQ keeps the delay from the moment it stored the job: within a second of 22:00 today.
    expect(Math.abs(heldUntil(held!) - localTimeToInstant({ year: today.year, month: today.month, day: today.day, hour: 22 }, tz))).toBeLessThan(1000);
    await sleep(100);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(await lane('hours')).toContain('Your working hours: *22:00–06:00 (next day), every day*');
    await h.sender.sendEvent(appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id, tab: 'home' }));
    const home = JSON.stringify((await h.slack.waitForCall('views.publish')).params.view);
    expect(home).toContain(`*Working hours:* 22:00–06:00 (next day), every day, your time (${tz}), yours.`);
    expect(home).toContain('*Away:* no');
    expect(await lane('hours default')).toContain('Your working hours are now *08:00–19:00, every day* (the default)');
  });

  it('lets only admins set the workspace’s hours and holidays, which apply to whoever set none', async () => {
    expect(await lane('hours workspace 9-17')).toMatch(/Only workspace admins can set the workspace’s working hours/);
    h.slack.addUser({ id: 'U_ADMIN', name: 'admin', title: 'Engineering Manager', tz, tz_offset: 0, is_admin: true });
    expect(await lane('hours workspace 13-21 daily', 'U_ADMIN')).toContain('The workspace’s working hours are now *13:00–21:00, every day*');
    expect(await lane('hours')).toContain('*13:00–21:00, every day*');
    expect(await lane('holidays workspace GB', 'U_ADMIN')).toContain('United Kingdom');
    expect(await lane('holidays')).toContain('the workspace’s choice');
    // It is about midday for Ana: outside the workspace's 13:00–21:00, so the nudge waits for 13:00.
    await handProjectWork();
    const [held] = await waitFor(async () => ((await heldNudges()).length === 1 ? heldNudges() : undefined), 'the nudge to be held');
    expect(localParts(heldUntil(held!), tz)).toMatchObject({ hour: 13, minute: 0 });
  });
});

/** A country (or state) whose public holiday falls on the local date at `instantMs` in `tz`: there is one somewhere every day. */
function regionWithAHolidayOn(instantMs: number, tz: string): string {
  const all = new Holidays();
  for (const country of Object.keys(all.getCountries())) {
    if (isHoliday({ country }, instantMs, tz)) return country;
  }
  for (const country of Object.keys(all.getCountries())) {
    for (const state of Object.keys(all.getStates(country) ?? {})) {
      if (isHoliday({ country, state }, instantMs, tz)) return `${country}-${state}`;
    }
  }
  throw new Error('no public holiday anywhere today');
}
