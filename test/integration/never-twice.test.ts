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
});
