import type { ChildProcess } from 'node:child_process';
import { isoWeekOf } from '../../src/core/digest/calendar';
import { createRecordsStore } from '../../src/store/records';
import { KeySpace } from '../../src/store/redis';
import type { LanekeeperApp } from '../../src/app';
import { messageEvent } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { BOT_TOKEN, CAST, TEAM, sleep, startHarness, waitFor, waitForIdle, zoneWhereItIsHour, type Harness } from '../support/harness';
import { spawnWorkerProcess } from '../support/worker-process';

/**
 * A nudge is never posted twice, even when nobody heard whether Slack carried out the call: an
 * ephemeral nudge whose first attempt timed out, or whose worker was killed during the call, is
 * not sent again; it is counted in /metrics and still reaches the weekly record the digest reads.
 */
const PMS = [CAST.ana, CAST.ben];
const askToBook = (pm: { id: string }, channel: string) =>
  messageEvent({ team: TEAM, channel, user: CAST.lead.id, text: `<@${pm.id}> can you book the room for the retro and send the invites?` });

async function weeklyNudges(h: Harness, userId: string): Promise<number> {
  const records = createRecordsStore({ redis: h.redis, keys: new KeySpace(h.prefix) });
  return (await records.week(TEAM, userId, isoWeekOf(Date.now(), zoneWhereItIsHour(12)))).nudges;
}

/** Nudge jobs finished (completed, with whatever outcome). */
async function nudgeJobsDone(app: LanekeeperApp): Promise<number> {
  return (await app.queues.deliver.getJobs(['completed'])).filter((job) => job.name === 'send-nudge').length;
}

async function outcomeUnknown(app: LanekeeperApp): Promise<number> {
  return (await app.metrics.nudgesOutcomeUnknown.get()).values.reduce((sum, value) => sum + value.value, 0);
}

const ADMIN = { id: 'U_ADMIN', name: 'admin', title: 'Engineering Manager', tz: 'UTC', tz_offset: 0, is_admin: true };

/** `/lane <text>` as `userId` in `channelId`. */
async function lane(h: Pick<Harness, 'sender'>, text: string, userId: string, channelId = 'C_PLAN'): Promise<void> {
  const response = await h.sender.sendSlashCommand({ text, userId, teamId: TEAM, channelId });
  expect(response.status).toBe(200);
}

/** Makes nudges in `channel` public replies in the thread (an admin's `/lane channel thread`). */
async function threadMode(h: Pick<Harness, 'sender'>, slack: LocalSlack, channel: string): Promise<void> {
  slack.addUser(ADMIN);
  await lane(h, 'channel thread', ADMIN.id, channel);
}

/** The message asking `pm` to book the room, sent as an event and kept in the local Slack's history too. */
async function askInHistory(h: Pick<Harness, 'sender'>, slack: LocalSlack, pm: { id: string }, channel: string, threadTs?: string): Promise<void> {
  const event = messageEvent({ team: TEAM, channel, user: CAST.lead.id, threadTs, text: `<@${pm.id}> can you book the room for the retro and send the invites?` });
  slack.addMessage(channel, { text: String(event.event.text), ts: String(event.event.ts), user: CAST.lead.id, ...(threadTs ? { thread_ts: threadTs } : {}) });
  await h.sender.sendEvent(event);
}

/** Posts of ours (chat.postMessage calls, each carried out by the local Slack) in a channel. */
const postsIn = (slack: LocalSlack, channel: string) => slack.callsTo('chat.postMessage').filter((call) => call.params.channel === channel);

/** A Slack timestamp for epoch milliseconds. */
const tsAt = (ms: number) => (ms / 1000).toFixed(6);

/** A thread started an hour ago with 120 replies since (more than one page of replies); returns its ts. */
function longThread(slack: LocalSlack, channel: string): string {
  const startedMs = Date.now() - 3600_000;
  const parentTs = tsAt(startedMs);
  slack.addMessage(channel, { text: 'Retro planning thread', ts: parentTs, user: CAST.lead.id });
  for (let reply = 1; reply <= 120; reply += 1) {
    slack.addMessage(channel, { text: `reply ${reply}`, ts: tsAt(startedMs + reply * 1000), thread_ts: parentTs, user: CAST.lead.id });
  }
  return parentTs;
}

describe('a Web API call that Slack carries out but answers after the client timeout', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ env: { SLACK_API_TIMEOUT_MS: '300' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('does not post the ephemeral nudge again, counts it in /metrics and in the weekly record', async () => {
    h.slack.failNext('chat.postEphemeral', { hang: 1500 }, PMS.length);
    for (const [index, pm] of PMS.entries()) await h.sender.sendEvent(askToBook(pm, `C_SLOW${index}`));
    await h.slack.waitForCalls('chat.postEphemeral', PMS.length);
    // The timed-out attempts are retried after the queue's backoff (2 s); give them time to run.
    await waitFor(async () => (await nudgeJobsDone(h.app)) === PMS.length || undefined, 'the retries to run', 15000);
    await waitForIdle(h.app, 15000);
    await sleep(300);

    const nudges = h.slack.callsTo('chat.postEphemeral');
    expect(nudges.map((call) => call.params.user).sort()).toEqual(PMS.map((pm) => pm.id).sort());
    const metrics = await (await fetch(`http://127.0.0.1:${h.port}/metrics`)).text();
    expect(metrics).toContain(`lanekeeper_nudges_outcome_unknown_total{mode="ephemeral"} ${PMS.length}`);
    for (const pm of PMS) expect(await weeklyNudges(h, pm.id)).toBe(1);
  });

  it('does not send an ephemeral nudge again after a 502 or an internal_error, which Slack may have carried out', async () => {
    h.slack.failNext('chat.postEphemeral', { httpStatus: 502 });
    await h.sender.sendEvent(askToBook(CAST.ana, 'C_502'));
    await h.slack.waitForCall('chat.postEphemeral');
    h.slack.failNext('chat.postEphemeral', { error: 'internal_error' });
    await h.sender.sendEvent(askToBook(CAST.ben, 'C_500'));
    await h.slack.waitForCalls('chat.postEphemeral', 2);
    await waitFor(async () => (await nudgeJobsDone(h.app)) === 2 || undefined, 'the retries to run', 15000);
    await waitForIdle(h.app, 15000);
    await sleep(300);

    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(2);
    expect(await outcomeUnknown(h.app)).toBe(2);
    for (const pm of PMS) expect(await weeklyNudges(h, pm.id)).toBe(1);
  });

  it('settles a retry in the mode its attempt used, whatever changed since: a new delivery, a snooze', async () => {
    h.slack.failNext('chat.postEphemeral', { hang: 1500 }, PMS.length);
    for (const [index, pm] of PMS.entries()) await h.sender.sendEvent(askToBook(pm, `C_CHANGE${index}`));
    await h.slack.waitForCalls('chat.postEphemeral', PMS.length);
    // Between the attempt and its retry, Ana has her nudges sent by DM and Ben snoozes his.
    await lane(h, 'delivery dm', CAST.ana.id);
    await lane(h, 'snooze 2h', CAST.ben.id);
    await waitFor(async () => (await nudgeJobsDone(h.app)) === PMS.length || undefined, 'the retries to run', 15000);
    await waitForIdle(h.app, 15000);
    await sleep(300);

    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(PMS.length);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await outcomeUnknown(h.app)).toBe(PMS.length);
    for (const pm of PMS) expect(await weeklyNudges(h, pm.id)).toBe(1);
  });

  it('posts a thread-mode nudge once when Slack answers late in a thread of more than 100 replies', async () => {
    await threadMode(h, h.slack, 'C_LONG');
    const parentTs = longThread(h.slack, 'C_LONG');
    h.slack.failNext('chat.postMessage', { hang: 1500 });
    await askInHistory(h, h.slack, CAST.ana, 'C_LONG', parentTs);
    await h.slack.waitForCall('chat.postMessage');
    await waitFor(async () => (await nudgeJobsDone(h.app)) === 1 || undefined, 'the retry to run', 20000);
    await waitForIdle(h.app, 15000);
    await sleep(300);

    expect(postsIn(h.slack, 'C_LONG')).toHaveLength(1);
    expect(postsIn(h.slack, 'C_LONG')[0].params.thread_ts).toBe(parentTs);
    const metrics = await (await fetch(`http://127.0.0.1:${h.port}/metrics`)).text();
    expect(metrics).toContain('lanekeeper_nudges_outcome_unknown_total{mode="thread"} 1');
    expect(await weeklyNudges(h, CAST.ana.id)).toBe(1);
  });

  it('posts a hand-off once when Slack answers late in a thread of more than 100 replies', async () => {
    await lane(h, `delegate <@${CAST.raj.id}>`, CAST.ana.id);
    const parentTs = longThread(h.slack, 'C_HAND');
    await askInHistory(h, h.slack, CAST.ana, 'C_HAND', parentTs);
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    const blocks = nudge.params.blocks as { elements?: { action_id: string; value: string }[] }[];
    const handoff = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === 'nudge_handoff');
    h.slack.failNext('chat.postMessage', { hang: 1500 });
    const click = h.sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, channelId: 'C_HAND', actionId: 'nudge_handoff', value: handoff?.value, ephemeral: true, responseUrl: h.slack.responseUrl() });
    expect((await h.sender.sendInteraction(click)).status).toBe(200);
    await h.slack.waitForCall('chat.postMessage');
    const handOffsDone = async () => (await h.app.queues.deliver.getJobs(['completed'])).filter((job) => job.name === 'post-message').length;
    await waitFor(async () => (await handOffsDone()) === 1 || undefined, 'the retried hand-off to finish', 20000);
    await waitForIdle(h.app, 15000);

    const posts = postsIn(h.slack, 'C_HAND');
    expect(posts).toHaveLength(1);
    expect(String(posts[0].params.text)).toContain(`<@${CAST.raj.id}>`);
  });

  it('holds back lookups, not posts, when looking for a marked post is rate limited; that nudge is still posted once', async () => {
    for (const channel of ['C_LOOK', 'C_OTHER']) await threadMode(h, h.slack, channel);
    h.slack.failNext('chat.postMessage', { hang: 1500 });
    h.slack.failNext('conversations.replies', { rateLimited: 8 });
    await askInHistory(h, h.slack, CAST.ana, 'C_LOOK');
    const limited = await h.slack.waitForCall('conversations.replies', undefined, 20000);
    await askInHistory(h, h.slack, CAST.ben, 'C_OTHER');
    const other = await h.slack.waitForCall('chat.postMessage', (call) => call.params.channel === 'C_OTHER', 15000);
    expect(other.at - limited.at).toBeLessThan(5000);
    await waitFor(async () => (await nudgeJobsDone(h.app)) === 2 || undefined, 'the rate-limited lookup to run again', 20000);
    await waitForIdle(h.app, 15000);

    expect(postsIn(h.slack, 'C_LOOK')).toHaveLength(1);
    expect(await weeklyNudges(h, CAST.ana.id)).toBe(1);
    // Counted once, though it was looked for twice.
    expect(await outcomeUnknown(h.app)).toBe(1);
  });

  it('leaves no attempt mark behind a nudge dropped for the daily cap', async () => {
    for (let index = 0; index < 4; index += 1) await h.sender.sendEvent(askToBook(CAST.ana, `C_CAP${index}`));
    await waitFor(async () => (await nudgeJobsDone(h.app)) === 4 || undefined, 'the four nudges to be decided', 15000);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(3);
    expect(await h.redis.keys(`${h.prefix}:attempt:*`)).toHaveLength(3);
  });

  it('still retries a call Slack answered with a 5xx (nothing was delivered), and posts once', async () => {
    h.slack.failNext('chat.postEphemeral', { httpStatus: 503 });
    await h.sender.sendEvent(askToBook(CAST.ana, 'C_FLAKY'));
    await h.slack.waitForCall('chat.postEphemeral', (call) => call.status === 200, 15000);
    await waitForIdle(h.app, 15000);
    expect(h.slack.callsTo('chat.postEphemeral').map((call) => call.status)).toEqual([503, 200]);
    expect(await outcomeUnknown(h.app)).toBe(0);
  });
});

describe('a worker SIGKILLed while its chat.postEphemeral calls are in flight', () => {
  let slack: LocalSlack;
  let h: Harness;
  let doomed: ChildProcess | undefined;
  beforeEach(async () => {
    slack = await startLocalSlack({ teamId: TEAM, botToken: BOT_TOKEN });
    h = await startHarness({ slack, env: { ROLE: 'web' } });
  });
  afterEach(async () => {
    doomed?.kill('SIGKILL');
    await h.close();
    await slack.close();
  });

  it('leaves the jobs to the other worker, which does not post them again', async () => {
    doomed = spawnWorkerProcess({ slackUrl: slack.url, prefix: h.prefix });
    // Slack carries the nudges out but the doomed worker never hears back before it dies.
    slack.failNext('chat.postEphemeral', { hang: 60000 }, PMS.length);
    await waitFor(() => slack.callsTo('auth.test').length >= 2, 'the worker process to start', 20000);
    for (const [index, pm] of PMS.entries()) await h.sender.sendEvent(askToBook(pm, `C_KILL${index}`));
    await slack.waitForCalls('chat.postEphemeral', PMS.length, undefined, 15000);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed?.once('exit', resolve));

    const survivor = await h.startAnother({ ROLE: 'worker' });
    await waitFor(async () => (await nudgeJobsDone(survivor)) === PMS.length || undefined, 'the survivor to take the jobs over', 20000);
    await waitForIdle(h.app, 15000);
    await sleep(300);

    expect(slack.callsTo('chat.postEphemeral')).toHaveLength(PMS.length);
    expect(await outcomeUnknown(survivor)).toBe(PMS.length);
    for (const pm of PMS) expect(await weeklyNudges(h, pm.id)).toBe(1);
  });

  it('with the other worker already running alongside, posts each nudge once: an ephemeral one, and a thread post still landing when it is looked for', async () => {
    const timeout = { SLACK_API_TIMEOUT_MS: '1000' };
    await threadMode(h, slack, 'C_ALONG1');
    const survivor = await h.startAnother({ ROLE: 'worker', ...timeout });
    doomed = spawnWorkerProcess({ slackUrl: slack.url, prefix: h.prefix, env: timeout });
    await waitFor(() => slack.callsTo('auth.test').length >= 3, 'the worker process to start', 20000);
    // Whichever worker takes a nudge: the ephemeral one never hears back; the thread post is carried
    // out by Slack only 4 s after it was sent, well after either worker has given up on the call.
    slack.failNext('chat.postEphemeral', { hang: 60000 });
    slack.failNext('chat.postMessage', { land: 4000 });
    await h.sender.sendEvent(askToBook(CAST.ana, 'C_ALONG0'));
    await askInHistory(h, slack, CAST.ben, 'C_ALONG1');
    await slack.waitForCalls('chat.postEphemeral', 1, undefined, 15000);
    await slack.waitForCalls('chat.postMessage', 1, undefined, 15000);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed?.once('exit', resolve));

    await waitFor(async () => (await nudgeJobsDone(survivor)) === PMS.length || undefined, 'the survivor to settle both nudges', 30000);
    await waitForIdle(h.app, 15000);
    await sleep(300);

    expect(slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(postsIn(slack, 'C_ALONG1')).toHaveLength(1);
    expect(await outcomeUnknown(survivor)).toBe(PMS.length);
    for (const pm of PMS) expect(await weeklyNudges(h, pm.id)).toBe(1);
  });
});
