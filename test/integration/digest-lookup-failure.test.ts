import { messageEvent } from '../../scripts/local-slack/requests';
import { isoWeekOf, nextIsoWeek, slotInstant } from '../../src/core/digest/calendar';
import { CAST, TEAM, runLanekeeper, sleep, startHarness, waitFor, waitForIdle, zoneWhereItIsHour, type Harness } from '../support/harness';

/**
 * A person's digest when Slack cannot tell their timezone or role at their slot (a 429 or an
 * outage on `users.info` with their profile not cached): the scheduler's tick must not guess nor
 * skip them. Through the real app and the local Slack, with scheduler ticks added as the job
 * scheduler adds them (`repeat:<id>:<due millis>`), for a chosen hour.
 */
const HOUR_MS = 3600 * 1000;

describe('a digest whose person cannot be looked up at the slot', () => {
  let h: Harness;
  const tz = zoneWhereItIsHour(12);
  /** Ana's slot, next Monday 09:00 her time (a whole-hour zone, so on the hour). */
  const slot = () => slotInstant(nextIsoWeek(isoWeekOf(Date.now(), tz)), { isoWeekday: 1, hour: 9 }, tz);
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const digestDms = () => h.slack.callsTo('chat.postMessage').filter((call) => String(call.params.channel).startsWith('D'));
  const failedLookups = () => h.slack.callsTo('users.info').filter((call) => call.params.user === CAST.ana.id && call.status === 429);

  /** Ana's week has project work; her profile is then dropped from the cache, so the tick must ask Slack. */
  async function anaHadAWeek(): Promise<void> {
    await h.sender.sendEvent(messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> please send the weekly status report` }));
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
    await h.redis.del(`${h.prefix}:{t:${TEAM}}:profile:${CAST.ana.id}`);
    await h.redis.set(`${h.prefix}:digest:last-tick`, String(slot() - HOUR_MS));
  }
  /** A scheduler tick due at `dueMs`, as BullMQ's job scheduler would add it. */
  const schedulerTick = (dueMs: number, attempts?: number) =>
    h.app.queues.analyze.add('digest-tick', {}, { jobId: `repeat:digest-test:${dueMs}`, ...(attempts ? { attempts } : {}) });

  it('arrives once when the tick is retried after Slack answers again', async () => {
    await anaHadAWeek();
    // Both of the tick's lookups for Ana (timezone, role) are rate limited, once.
    h.slack.failNext('users.info', { rateLimited: 1 }, 2);
    await schedulerTick(slot());

    const dm = await h.slack.waitForCall('chat.postMessage', (call) => String(call.params.channel).startsWith('D'), 15000);
    expect(failedLookups().length).toBeGreaterThanOrEqual(1);
    expect(h.logs.lines.some((line) => line.msg === 'job failed, will retry' && (line.err as { name?: string })?.name === 'DigestTickIncomplete')).toBe(true);
    expect(String(dm.params.text)).toMatch(/^1 piece of project work reached you last week/);
    expect(h.slack.callsTo('conversations.open').map((call) => call.params.users)).toEqual([CAST.ana.id]);

    // The same tick again changes nothing.
    await schedulerTick(slot() + 60000);
    await sleep(500);
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(1);
  });

  it('does not fail the tick for everyone when Slack will never show a person (a permanent error)', async () => {
    await anaHadAWeek();
    h.slack.failNext('users.info', { error: 'user_not_visible' }, 2);
    await schedulerTick(slot());
    await waitFor(() => h.logs.lines.some((line) => line.msg === 'digest tick'), 'the tick to run');
    await waitForIdle(h.app);
    expect(h.logs.lines.some((line) => line.msg === 'person cannot be looked up in Slack; no digest for them this tick' && line.code === 'user_not_visible')).toBe(true);
    expect(h.logs.lines.some((line) => line.msg === 'job failed, will retry')).toBe(false);
  });

  it('arrives once with the next hourly tick when the failed tick gives up', async () => {
    await anaHadAWeek();
    h.slack.failNext('users.info', { rateLimited: 1 }, 2);
    const first = await schedulerTick(slot(), 1);
    await waitFor(async () => ((await first.getState()) === 'failed' ? true : undefined), 'the slot’s tick to fail');
    await waitForIdle(h.app);
    expect(failedLookups().length).toBeGreaterThanOrEqual(1);
    expect(digestDms()).toHaveLength(0);

    // The next hour's tick looks back over the failed one's hour too.
    await schedulerTick(slot() + HOUR_MS);
    const dm = await h.slack.waitForCall('chat.postMessage', (call) => String(call.params.channel).startsWith('D'), 10000);
    expect(String(dm.params.text)).toMatch(/^1 piece of project work reached you last week/);
    await schedulerTick(slot() + 2 * HOUR_MS);
    await sleep(500);
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(1);
  });

  it('makes an operator’s `digest send --at` fail, saying to run it again, until everyone is queued', async () => {
    await anaHadAWeek();
    const run = () => runLanekeeper(h, 'digest', 'send', '--at', new Date(slot() + 5 * 60000).toISOString());
    h.slack.failNext('users.info', { rateLimited: 1 }, 2);
    const failed = await run();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('1 person could not be looked up in Slack; run the tick again');
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(0);

    const again = await run();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 digest queued/);
    await h.slack.waitForCall('chat.postMessage', (call) => String(call.params.channel).startsWith('D'), 10000);
    await run();
    await sleep(500);
    await waitForIdle(h.app);
    expect(digestDms()).toHaveLength(1);
  });
});
