import type { ChildProcess } from 'node:child_process';
import { messageEvent } from '../../scripts/local-slack/requests';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { BOT_TOKEN, CAST, TEAM, finishedJobs, sleep, startHarness, waitFor, waitForIdle, type Harness } from '../support/harness';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { spawnWorkerProcess } from '../support/worker-process';

const projectWork = (text = 'can you book the room for the retro and send the invites?') =>
  messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> ${text}` });

describe('when Redis goes away during receive', () => {
  let proxy: TcpProxy;
  let h: Harness;
  beforeEach(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    h = await startHarness({ env: { REDIS_URL: proxy.url } });
  });
  afterEach(async () => {
    proxy.restore();
    await h.close();
    await proxy.close();
  });

  it('answers non-2xx so Slack retries, and processes the retried event exactly once when Redis is back', async () => {
    const event = projectWork();
    proxy.cut();
    const started = Date.now();
    const refused = await h.sender.sendEvent(event);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(3000);

    proxy.restore();
    await waitFor(async () => (await fetch(`http://127.0.0.1:${h.port}/readyz`)).ok, 'readiness after Redis returns');
    const retried = await h.sender.sendEvent(event, { retryNum: 1, retryReason: 'http_error' });
    expect(retried.status).toBe(200);
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
  });

  it('answers non-2xx within Slack’s 3 seconds when Redis stops answering', async () => {
    proxy.stall();
    const started = Date.now();
    const refused = await h.sender.sendEvent(projectWork());
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('delivering nudges', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('waits out a 429’s Retry-After and then posts exactly once', async () => {
    h.slack.failNext('chat.postEphemeral', { rateLimited: 1 });
    await h.sender.sendEvent(projectWork());
    const delivered = await h.slack.waitForCall('chat.postEphemeral', (call) => call.status === 200);
    await waitForIdle(h.app);
    const calls = h.slack.callsTo('chat.postEphemeral');
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect(delivered.at - calls[0].at).toBeGreaterThanOrEqual(950);
  });

  it('waits out a 429 on a profile lookup instead of losing the message', async () => {
    h.slack.failNext('users.info', { rateLimited: 2 });
    const started = Date.now();
    await h.sender.sendEvent(projectWork());
    const nudge = await h.slack.waitForCall('chat.postEphemeral', undefined, 10000);
    expect(nudge.at - started).toBeGreaterThanOrEqual(1900);
    expect(h.slack.callsTo('users.info').filter((call) => call.status === 429)).toHaveLength(1);
    await waitForIdle(h.app);
    expect(await h.app.queues.analyze.getFailedCount()).toBe(0);
  });

  it('retries a Slack 5xx with backoff and posts once', async () => {
    h.slack.failNext('chat.postEphemeral', { httpStatus: 503 });
    await h.sender.sendEvent(projectWork());
    await h.slack.waitForCall('chat.postEphemeral', (call) => call.status === 200, 10000);
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral').map((call) => call.status)).toEqual([503, 200]);
  });

  it('fails a permanent Slack error once, without retrying, and says so once in the log', async () => {
    h.slack.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await h.sender.sendEvent(projectWork());
    await h.slack.waitForCall('chat.postEphemeral');
    await waitFor(async () => (await h.app.queues.deliver.getFailedCount()) === 1, 'the nudge job to fail');
    await sleep(200);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    const failures = h.logs.lines.filter((line) => line.msg === 'job failed for good');
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(failures[0])).toContain('channel_not_found');
  });
});

describe('a job that can never be processed', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('fails once without retries, is logged, and keeps no message text', async () => {
    // As written by an older or buggy producer: the ts is not a Slack timestamp.
    const attachments = [{ title: 'OPS-9 Chase the caterer', text: 'Assignee: Ana Souza' }];
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'please book the room' } }];
    await h.app.queues.analyze.add('analyze-message', { teamId: TEAM, channelId: 'C1', ts: 'yesterday', text: 'please book the room', blocks, attachments, edited: false, receivedAt: 1 }, { jobId: 'msg_bad' });
    await waitFor(async () => (await h.app.queues.analyze.getFailedCount()) === 1, 'the job to fail');
    const job = await waitFor(async () => {
      const found = await h.app.queues.analyze.getJob('msg_bad');
      return found?.data.text === '' ? found : undefined;
    }, 'the text to be removed');
    expect(job.attemptsMade).toBe(1);
    // Blocks and attachments are message content too: removed with the text.
    expect(JSON.stringify(job.data)).not.toMatch(/caterer|book the room/);
    expect(job.failedReason).toMatch(/invalid payload: ts: must be a Slack timestamp/);
    expect(h.logs.lines.filter((line) => line.msg === 'malformed job payload dropped')).toHaveLength(1);
    expect(h.logs.text()).not.toContain('please book the room');
  });
});

describe('a worker killed in the middle of a job', () => {
  let slack: LocalSlack;
  let h: Harness;
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    slack = await startLocalSlack({ teamId: TEAM, botToken: BOT_TOKEN });
    h = await startHarness({ slack, env: { ROLE: 'web' } });
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    await h.close();
    await slack.close();
  });

  // Starting a worker process compiles the TypeScript sources: seconds on an idle machine, many more
  // on a loaded one. The waits below are safety nets for that start and for the takeover (a 2 s lock
  // to lapse, then the survivor's next stalled-job check); the test asserts the outcome, not the speed.
  const PROCESS_START_MS = 60000;
  const TAKEOVER_MS = 30000;

  it('leaves the job for another worker, which finishes it', async () => {
    child = spawnWorkerProcess({ slackUrl: slack.url, prefix: h.prefix });
    // The doomed worker gets stuck looking up a profile, so it dies holding the job.
    slack.failNext('users.info', { hang: 60000 });
    await waitFor(() => slack.callsTo('auth.test').length >= 2, 'the second worker process to start', PROCESS_START_MS);
    await h.sender.sendEvent(projectWork());
    await waitFor(async () => (await h.app.queues.analyze.getActiveCount()) === 1, 'the worker to take the job', TAKEOVER_MS);
    // Dead while its profile lookup is in flight: the job is in its hands, not between steps.
    await slack.waitForCall('users.info', undefined, TAKEOVER_MS);
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));

    const survivor = await h.startAnother({ ROLE: 'worker' });
    await slack.waitForCall('chat.postEphemeral', undefined, TAKEOVER_MS);
    await waitForIdle(h.app, TAKEOVER_MS);
    expect(slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(await finishedJobs(survivor, 'analyze')).toBe(1);
  }, 180000);
});
