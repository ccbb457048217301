import { messageEvent } from '../../scripts/local-slack/requests';
import { CAST, TEAM, finishedJobs, messageJobs, sleep, startHarness, waitFor, waitForIdle, type Harness } from '../support/harness';

/**
 * The backbone, end to end: signed Slack events into the real Bolt app, BullMQ on the real Redis,
 * nudges out to the local Slack stand-in.
 */
describe('event pipeline', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const post = (text: string, fields: Partial<Parameters<typeof messageEvent>[0]> = {}) =>
    messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text, ...fields });

  it('nudges the product manager, privately and in the thread, when project work is handed to them', async () => {
    const event = post(`<@${CAST.ana.id}> can you book the room for the retro and send the invites?`);
    const response = await h.sender.sendEvent(event);
    expect(response.status).toBe(200);

    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ channel: 'C_PLAN', user: CAST.ana.id, thread_ts: event.event.ts });
    expect(String(nudge.params.text)).toMatch(/meeting logistics/i);
    expect(Array.isArray(nudge.params.blocks)).toBe(true);
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
  });

  it('credits a standup app’s post to the product manager it names, nudges them and counts it in their balance', async () => {
    h.slack.addUser({ id: 'U_STANDUPBOT', name: 'standupbot', title: '', tz: 'UTC', tz_offset: 0, is_bot: true });
    const standup = post(
      `<@${CAST.ana.id}> posted an update for *Daily Standup*\n*What did you do yesterday?*\nupdated the project plan and chased the vendor invoices\n*What will you do today?*\nbook rooms for the offsite\n*Anything blocking?*\nnone`,
      { user: 'U_STANDUPBOT', botId: 'B_STANDUPBOT' },
    );
    expect((await h.sender.sendEvent(standup)).status).toBe(200);
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id, channel: 'C_PLAN' });
    expect(String(nudge.params.text)).toMatch(/standup/);
    await waitForIdle(h.app);
    const week = await h.redis.keys(`${h.prefix}:{t:${TEAM}}:week:${CAST.ana.id}:*`);
    const counts = await h.redis.hgetall(week.find((key) => !key.endsWith(':flagged')) ?? '');
    expect(Number(counts.standupItems)).toBeGreaterThanOrEqual(2);
    expect(await h.redis.keys(`${h.prefix}:{t:${TEAM}}:week:U_STANDUPBOT:*`)).toEqual([]);
  });

  it('sends nothing more for a Slack retry or a duplicate delivery with another event id', async () => {
    const event = post(`<@${CAST.ana.id}> please update the project timeline in the Gantt chart`);
    expect((await h.sender.sendEvent(event)).status).toBe(200);
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);

    const retry = await h.sender.sendEvent(event, { retryNum: 1, retryReason: 'http_timeout' });
    const duplicate = await h.sender.sendEvent({ ...event, event_id: 'Ev_DUPLICATE' });
    expect(retry.status).toBe(200);
    expect(duplicate.status).toBe(200);
    await sleep(300);
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(await finishedJobs(h.app, 'analyze')).toBe(1);
  });

  it.each([
    ['product work for a product manager', `<@${CAST.ana.id}> can you write the PRD and run customer interviews?`],
    ['project work for a project manager', `<@${CAST.raj.id}> can you book the room for the retro and send the invites?`],
    ['project work for a product designer', `<@${CAST.des.id}> can you book the room for the retro and send the invites?`],
    ['chatter that uses project words', `thanks <@${CAST.ana.id}> for the status report, it looks great`],
  ])('does not nudge for %s', async (_label, text) => {
    expect((await h.sender.sendEvent(post(text))).status).toBe(200);
    await waitFor(async () => (await finishedJobs(h.app, 'analyze')) === 1, 'the message to be analyzed');
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('Slack Connect: reads settings under the installing workspace, so a product manager who ran /lane snooze 1w is not nudged', async () => {
    // In a channel shared with another organisation the envelope's team is the host's; ours is in the authorization.
    expect((await h.sender.sendSlashCommand({ teamId: TEAM, userId: CAST.ana.id, text: 'snooze 1w' })).status).toBe(200);
    const shared = (to: string) => post(`<@${to}> can you book the room for the retro and send the invites?`, { team: 'T_HOSTORG', installedTeam: TEAM, channel: 'C_SHARED', user: 'U_HOSTLEAD' });
    await h.sender.sendEvent(shared(CAST.ana.id));
    await h.sender.sendEvent(shared(CAST.ben.id));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
    expect(nudge.params).toMatchObject({ user: CAST.ben.id, channel: 'C_SHARED' });
    expect(h.slack.callsTo('chat.postEphemeral').filter((call) => call.params.user === CAST.ana.id)).toEqual([]);
    expect(await h.redis.keys(`${h.prefix}:*T_HOSTORG*`)).toEqual([]);
  });

  it('ignores the bot’s own posts without queueing them', async () => {
    const own = post(`<@${CAST.ana.id}> can you book the room for the retro?`, { user: 'U_LOCAL_BOT', botId: 'B_LOCAL_BOT' });
    const auth = await h.slack.waitForCall('auth.test');
    const identity = auth.response as { user_id: string; bot_id: string };
    own.event.user = identity.user_id;
    own.event.bot_id = identity.bot_id;
    expect((await h.sender.sendEvent(own)).status).toBe(200);
    await sleep(200);
    expect(await messageJobs(h.app)).toBe(0);
    expect(await finishedJobs(h.app, 'analyze')).toBe(0);
  });

  it('answers 401 to a bad signature or a stale timestamp, and queues nothing', async () => {
    const event = post(`<@${CAST.ana.id}> can you book the room?`);
    expect((await h.sender.sendEvent(event, { badSignature: true })).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await h.sender.sendEvent(event, { timestamp: tenMinutesAgo })).status).toBe(401);
    await sleep(100);
    expect(await messageJobs(h.app)).toBe(0);
  });

  it('acknowledges a malformed event, logs a warning and queues nothing', async () => {
    const event = post('hello');
    (event.event as Record<string, unknown>).ts = 'not-a-timestamp';
    const response = await h.sender.sendEvent(event);
    expect(response.status).toBe(200);
    const warning = h.logs.lines.find((line) => line.msg === 'malformed event dropped');
    expect(warning).toMatchObject({ level: 'warn', eventType: 'message' });
    expect(await messageJobs(h.app)).toBe(0);
  });

  it('keeps message text and tokens out of the logs', async () => {
    const text = `<@${CAST.ana.id}> could you chase the vendor about the unpaid invoice`;
    await h.sender.sendEvent(post(text));
    await h.slack.waitForCall('chat.postEphemeral');
    await waitForIdle(h.app);
    const logs = h.logs.text();
    expect(logs).toContain('message analyzed');
    expect(logs).not.toContain('unpaid invoice');
    expect(logs).not.toContain('chase the vendor');
    expect(logs).not.toContain('xoxb-');
  });
});
