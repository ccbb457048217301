import { appHomeOpenedEvent, appUninstalledEvent, messageEvent, tokensRevokedEvent } from '../../scripts/local-slack/requests';
import type { RecordedCall } from '../../scripts/local-slack/web-api';
import { KeySpace } from '../../src/store/redis';
import { CAST, TEAM, sleep, startHarness, waitFor, waitForIdle, zoneWhereItIsHour, type Harness } from '../support/harness';

/**
 * People and conversation: `/lane`, the nudge's buttons, the Home tab, the limits that keep the
 * bot tactful, and forgetting a workspace. Real app, real Redis, local Slack.
 */
const ADMIN = { id: 'U_ADMIN', name: 'admin', title: 'Engineering Manager', tz: 'UTC', tz_offset: 0, is_admin: true };

describe('people and conversation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.slack.addUser(ADMIN);
  });
  afterEach(async () => {
    await h.close();
  });

  const lane = async (text: string, userId: string = CAST.ana.id, channelId = 'C_PLAN') => {
    const response = await h.sender.sendSlashCommand({ text, userId, teamId: TEAM, channelId });
    expect(response.status).toBe(200);
    return (response.json as { text: string; response_type: string; blocks?: unknown[] }) ?? { text: response.body, response_type: '' };
  };
  const handProjectWork = (channel = 'C_PLAN', text = 'can you book the room for the retro and send the invites?') => {
    const event = messageEvent({ team: TEAM, channel, user: CAST.lead.id, text: `<@${CAST.ana.id}> ${text}` });
    return h.sender.sendEvent(event).then(() => event);
  };
  const buttonValue = (call: RecordedCall, actionId: string): string => {
    const blocks = call.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const button = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId);
    if (!button) throw new Error(`no ${actionId} button on the nudge`);
    return button.value;
  };
  const click = (call: RecordedCall, actionId: string, userId: string = CAST.ana.id) =>
    h.sender.sendInteraction(
      h.sender.blockAction({
        userId,
        teamId: TEAM,
        channelId: String(call.params.channel),
        actionId,
        value: buttonValue(call, actionId),
        ephemeral: true,
        responseUrl: h.slack.responseUrl(),
      }),
    );

  describe('/lane', () => {
    it('explains itself with an example for each subcommand', async () => {
      const reply = await lane('help');
      expect(reply.response_type).toBe('ephemeral');
      for (const sub of ['check', 'role', 'delegate', 'snooze', 'mute', 'channel', 'stats', 'digest']) expect(reply.text).toContain(`/lane ${sub}`);
    });

    it('answers bad input with what was wrong and the right form', async () => {
      expect((await lane('frobnicate')).text).toMatch(/I don't know `frobnicate`\. Try `\/lane help`/);
      expect((await lane('snooze forever')).text).toMatch(/`forever` is not a duration\. Use `\/lane snooze <duration>` \(e\.g\. `2h`/);
      expect((await lane('channel loud')).text).toMatch(/not a delivery mode/);
      expect((await lane('role wizard')).text).toMatch(/not a role/);
    });

    it('judges any text with reasons and the tip it would give', async () => {
      const reply = await lane(`check <@${CAST.ana.id}> can you book the retro room?`);
      expect(reply.text).toMatch(/meeting logistics/);
      expect(reply.text).toMatch(/Tip I would give/);
    });

    it('speaks plainly: no internal ids, no placeholders, "not a request" rather than "chatter"', async () => {
      const request = (await lane(`check <@${CAST.ana.id}> can you send out the agenda and book the room for Thursday?`)).text;
      expect(request).toMatch(/a request/);
      expect(request).toMatch(/meeting logistics/);
      expect(request).toMatch(/<@U_ANA> would get a private tip/);
      const chatter = (await lane('check lol the retro room has no chairs again')).text;
      expect(chatter).toMatch(/not a request/);
      for (const reply of [request, chatter]) {
        // Slack mentions (<@U_ANA>) are how Slack names people; ids like meeting_logistics are ours.
        expect(reply.replace(/<@[A-Z0-9_]+>/g, '')).not.toMatch(/[a-z]_[a-z]/);
        expect(reply).not.toMatch(/@someone|chatter/);
      }
    });

    it('gives the tip that fits what was noticed: being scrum master is running ceremonies', async () => {
      const reply = (await lane(`check <@${CAST.ana.id}> can you be scrum master for two sprints?`)).text;
      expect(reply).toMatch(/Tip I would give:\* Running ceremonies is project work/);
    });

    it("says it can't tell when the asked person's role is not known, instead of a bare no", async () => {
      const reply = (await lane('check <@U_STRANGER> can you book the retro room?')).text;
      expect(reply).toMatch(/can't tell: the role of <@U_STRANGER> is not known/);
      expect(reply).not.toMatch(/would not nudge/);
    });

    it('sets and shows roles; only admins set someone else’s', async () => {
      expect((await lane('role')).text).toMatch(/\*product\* \(from the Slack title\)/);
      expect((await lane('role project')).text).toMatch(/now \*project\*/);
      expect((await lane('role')).text).toMatch(/\*project\* \(set with \/lane role\)/);
      expect((await lane(`role <@${CAST.raj.id}> product`)).text).toMatch(/Only workspace admins/);
      expect((await lane(`role <@${CAST.raj.id}> product`, ADMIN.id)).text).toMatch(/now \*product\*/);
      expect((await lane(`role <@${CAST.raj.id}>`)).text).toMatch(/\*product\* \(set by an admin\)/);
    });

    it('a person’s own role outranks an admin’s, and clearing it falls back to the admin’s', async () => {
      await lane('role engineering', CAST.ben.id);
      expect((await lane(`role <@${CAST.ben.id}> product`, ADMIN.id)).text).toMatch(/set their own role \(\*engineering\*\), which comes first/);
      expect((await lane('role', CAST.ben.id)).text).toMatch(/\*engineering\* \(set with \/lane role\)/);
      expect((await lane('role auto', CAST.ben.id)).text).toMatch(/now \*product\* \(set by an admin\)/);
      expect((await lane(`role <@${CAST.ben.id}> auto`, ADMIN.id)).text).toMatch(/\*product\* \(from the Slack title\)/);
    });

    it('reads an admin’s role stored the old way as the admin’s, and lets the person’s own outrank it', async () => {
      await h.redis.hset(`${h.prefix}:{t:${TEAM}}:person:${CAST.ben.id}`, 'role', 'project', 'roleSetBy', 'admin');
      expect((await lane(`role <@${CAST.ben.id}>`)).text).toMatch(/\*project\* \(set by an admin\)/);
      await lane('role design', CAST.ben.id);
      expect((await lane(`role <@${CAST.ben.id}>`)).text).toMatch(/\*design\* \(set with \/lane role\)/);
      await lane('role auto', CAST.ben.id);
      expect((await lane(`role <@${CAST.ben.id}>`)).text).toMatch(/\*project\* \(set by an admin\)/);
      await lane(`role <@${CAST.ben.id}> auto`, ADMIN.id);
      expect((await lane(`role <@${CAST.ben.id}>`)).text).toMatch(/\*product\* \(from the Slack title\)/);
    });

    it('tells a non-admin plainly, without blaming Slack, when Slack said they are not an admin', async () => {
      const refusal = (await lane(`delegate default <@${CAST.raj.id}>`)).text;
      expect(refusal).toBe('Only workspace admins can set the workspace’s default delegate.');
    });

    it('names the person’s delegate in the tip /lane check would give', async () => {
      await lane(`delegate <@${CAST.raj.id}>`);
      const reply = await lane(`check <@${CAST.ana.id}> can you book the retro room?`, CAST.lead.id);
      expect(reply.text).toMatch(/Tip I would give:.*<@U_RAJ>/s);
    });

    it('digest always: a digest every week, and the person becomes a digest candidate at once', async () => {
      expect((await lane('digest always', CAST.ben.id)).text).toMatch(/every week, even when there is nothing to report/);
      expect(await h.redis.sismember(`${h.prefix}:{t:${TEAM}}:people`, CAST.ben.id)).toBe(1);
      expect((await lane('digest on', CAST.ben.id)).text).toMatch(/in weeks with something to report/);
      expect(await h.redis.hget(`${h.prefix}:{t:${TEAM}}:person:${CAST.ben.id}`, 'digestAlways')).toBe('0');
    });

    it('a product manager who says they are not one is not nudged', async () => {
      await lane('role other');
      await handProjectWork();
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    });

    it('sets a delegate, and the default delegate only for admins', async () => {
      expect((await lane(`delegate <@${CAST.raj.id}>`)).text).toMatch(/handing project work to <@U_RAJ>/);
      expect((await lane('delegate')).text).toMatch(/You hand project work to <@U_RAJ>\./);
      expect((await lane(`delegate default <@${CAST.raj.id}>`)).text).toMatch(/Only workspace admins/);
      expect((await lane(`delegate default <@${CAST.raj.id}>`, ADMIN.id)).text).toMatch(/default delegate/);
      expect((await lane('delegate', CAST.ben.id)).text).toMatch(/<@U_RAJ> \(the workspace default\)/);
    });

    it('snooze, off and mute silence nudges until undone', async () => {
      // Each message is fully handled before the next setting changes.
      await lane('snooze 2h');
      await handProjectWork('C_ONE');
      await waitForIdle(h.app);
      await lane('snooze off');
      await lane('off');
      await handProjectWork('C_TWO');
      await waitForIdle(h.app);
      await lane('on');
      await lane('mute', CAST.ana.id, 'C_THREE');
      await handProjectWork('C_THREE');
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
      await lane('unmute', CAST.ana.id, 'C_THREE');
      await handProjectWork('C_THREE', 'please update the project timeline');
      await h.slack.waitForCall('chat.postEphemeral');
    });

    it('reports the person’s own balance', async () => {
      await handProjectWork();
      await h.slack.waitForCall('chat.postEphemeral');
      await waitForIdle(h.app);
      const reply = await lane('stats');
      expect(reply.text).toMatch(/1 pieces? of project work and 0 of product work \(100% project\)/);
      expect(reply.text).toMatch(/meeting logistics 1/);
      expect(reply.text).toMatch(/assigned by others 1/);
    });
  });

  describe('delivery modes per channel', () => {
    it('thread: a friendly public reply addressed to the assigner and the product manager', async () => {
      await lane('channel thread', ADMIN.id);
      const event = await handProjectWork();
      const post = await h.slack.waitForCall('chat.postMessage');
      expect(post.params).toMatchObject({ channel: 'C_PLAN', thread_ts: event.event.ts });
      expect(String(post.params.text)).toContain(`<@${CAST.lead.id}> <@${CAST.ana.id}>`);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    });

    it('dm: a direct message to the product manager, linking to the conversation', async () => {
      await lane('channel dm', ADMIN.id);
      const event = await handProjectWork();
      const post = await h.slack.waitForCall('chat.postMessage');
      expect(h.slack.callsTo('conversations.open')[0].params.users as string).toBe(CAST.ana.id);
      expect(String(post.params.channel)).toMatch(/^D/);
      const permalink = `archives/C_PLAN/p${String(event.event.ts).replace('.', '')}`;
      expect(String(post.params.text)).toContain('<#C_PLAN>');
      expect(JSON.stringify(post.params.blocks)).toContain(permalink);
    });

    it('thread: answers to the public nudge’s buttons go to the product manager alone and leave the nudge', async () => {
      await lane('channel thread', ADMIN.id);
      await handProjectWork();
      const nudge = await h.slack.waitForCall('chat.postMessage');
      const snooze = h.sender.blockAction({
        userId: CAST.ana.id,
        teamId: TEAM,
        channelId: 'C_PLAN',
        actionId: 'nudge_snooze_week',
        value: buttonValue(nudge, 'nudge_snooze_week'),
        ephemeral: false,
        responseUrl: h.slack.responseUrl(),
      });
      expect((await h.sender.sendInteraction(snooze)).status).toBe(200);
      const answer = await h.slack.waitForCall('response_url');
      expect(answer.params).toMatchObject({ replace_original: false });
      expect(String(answer.params.text)).toMatch(/Snoozed for a week/);
    });

    it('is changed for a whole channel by admins only; anyone else is told who can and what they can do', async () => {
      const refusal = (await lane('channel thread', CAST.lead.id)).text;
      expect(refusal).toMatch(/Only workspace admins can change how nudges are delivered to everyone in a channel/);
      expect(refusal).toContain('/lane delivery ephemeral');
      expect(refusal).toContain('/lane delivery dm');
      await handProjectWork();
      await h.slack.waitForCall('chat.postEphemeral');
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('a person’s own delivery comes first: by DM when they chose it, private even where an admin made nudges public', async () => {
      expect((await lane('delivery dm')).text).toMatch(/reach you \*by direct message\*/);
      await handProjectWork('C_PLAN');
      const dm = await h.slack.waitForCall('chat.postMessage');
      expect(String(dm.params.channel)).toMatch(/^D/);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

      await lane('channel thread', ADMIN.id, 'C_OPEN');
      expect((await lane('delivery ephemeral')).text).toMatch(/privately, in the thread/);
      await handProjectWork('C_OPEN');
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      expect(nudge.params).toMatchObject({ channel: 'C_OPEN', user: CAST.ana.id });
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postMessage').filter((call) => call.params.channel === 'C_OPEN')).toHaveLength(0);
    });

    it('shows the person’s own delivery in /lane delivery, in help and on the Home tab', async () => {
      expect((await lane('help')).text).toContain('/lane delivery');
      expect((await lane('delivery')).text).toMatch(/as each channel is set/);
      expect((await lane('delivery public')).text).toMatch(/`public` is not a delivery you can choose for yourself\. Use `\/lane delivery <ephemeral\|dm\|channel>`/);
      await lane('delivery dm');
      await h.sender.sendEvent(appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id, tab: 'home' }));
      const published = await h.slack.waitForCall('views.publish');
      expect(JSON.stringify(published.params.view)).toContain('They reach you by direct message');
    });

    it('in a DM between a lead and the bot, the product manager named there gets the nudge by DM, not in that DM', async () => {
      await h.sender.sendEvent(messageEvent({ team: TEAM, channel: 'D_LEAD', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?` }));
      const post = await h.slack.waitForCall('chat.postMessage');
      expect(h.slack.callsTo('conversations.open')[0].params.users).toBe(CAST.ana.id);
      expect(String(post.params.channel)).not.toBe('D_LEAD');
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
      expect(h.slack.messages('D_LEAD').filter((message) => message.user === h.slack.botUserId)).toHaveLength(0);
    });

    it('where Slack says the product manager is not in the conversation, the nudge goes by DM instead, once', async () => {
      h.slack.addChannel({ id: 'G_LEADS', name: 'mpdm-lead--raj-1', is_mpim: true, members: [h.slack.botUserId, CAST.lead.id, CAST.raj.id] });
      await h.sender.sendEvent(
        messageEvent({ team: TEAM, channel: 'G_LEADS', channelType: 'mpim', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?` }),
      );
      const post = await h.slack.waitForCall('chat.postMessage');
      expect(h.slack.callsTo('conversations.open')[0].params.users).toBe(CAST.ana.id);
      expect(String(post.params.channel)).toMatch(/^D/);
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral').map((call) => call.response)).toEqual([{ ok: false, error: 'user_not_in_channel' }]);
      expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('off: nothing at all', async () => {
      await lane('channel off', ADMIN.id);
      await handProjectWork();
      await waitForIdle(h.app);
      expect(h.slack.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
    });
  });

  describe('limits', () => {
    it('nudges at most once per thread per person', async () => {
      const first = await handProjectWork();
      await h.slack.waitForCall('chat.postEphemeral');
      await h.sender.sendEvent(
        messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, threadTs: String(first.event.ts), text: `<@${CAST.ana.id}> and please update the project timeline too` }),
      );
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    });

    it('caps nudges at 3 a day per person', async () => {
      for (const channel of ['C_A', 'C_B', 'C_C', 'C_D']) await handProjectWork(channel);
      await h.slack.waitForCalls('chat.postEphemeral', 3);
      await waitForIdle(h.app);
      await sleep(200);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(3);
    });

    it('gives two different tips to nudges held overnight and released together', async () => {
      h.slack.addUser({ ...CAST.ana, tz: zoneWhereItIsHour(2) });
      await handProjectWork('C_ONE');
      await handProjectWork('C_TWO');
      await waitFor(async () => (await h.app.queues.deliver.getDelayedCount()) === 2, 'both nudges to wait for the morning');
      // Morning comes: Ana's zone is now at midday (her cached profile is dropped so it is read again).
      h.slack.addUser({ ...CAST.ana, tz: zoneWhereItIsHour(12) });
      await h.redis.del(`${h.prefix}:{t:${TEAM}}:profile:${CAST.ana.id}`);
      await Promise.all((await h.app.queues.deliver.getDelayed()).map((job) => job.promote()));
      const nudges = await h.slack.waitForCalls('chat.postEphemeral', 2);
      const tips = nudges.map((call) => JSON.stringify(call.params.blocks).match(/:bulb: ([^"]+)/)?.[1]);
      expect(tips[0]).toBeDefined();
      expect(tips[0]).not.toBe(tips[1]);
    });

    it('gives a tip that fits what was noticed: an agenda and a room are not running ceremonies', async () => {
      // After the tip about booking and invites, the next one along is the one about running ceremonies.
      const lastTip = new KeySpace(h.prefix).team(TEAM, 'lasttip', CAST.ana.id);
      await h.redis.set(lastTip, 'meeting_logistics.3');
      await handProjectWork('C_PLAN', 'can you send out the agenda and book the room for Thursday?');
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      const tip = JSON.stringify(nudge.params.blocks).match(/:bulb: ([^"]+)/)?.[1];
      expect(tip).toBeDefined();
      expect(tip).not.toMatch(/ceremonies/i);
      expect(await h.redis.get(lastTip)).not.toBe('meeting_logistics.4');
    });

    it('holds a nudge outside the person’s working hours', async () => {
      // A zone where it is now 02:00: far from 08:00-19:00 whatever the test machine's clock says.
      h.slack.addUser({ ...CAST.ana, tz: zoneWhereItIsHour(2) });
      await handProjectWork();
      await waitFor(async () => (await h.app.queues.deliver.getDelayedCount()) === 1, 'the nudge to wait for the morning');
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    });
  });

  describe('the nudge’s buttons', () => {
    it('Not project work: thanks the person, records it, and stops that phrase', async () => {
      await handProjectWork();
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      expect((await click(nudge, 'nudge_not_project_work')).status).toBe(200);
      const answer = await h.slack.waitForCall('response_url');
      expect(answer.params).toMatchObject({ replace_original: true });
      expect(String(answer.params.text)).toMatch(/Thanks for telling me/);
      await handProjectWork('C_OTHER');
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
      const fp = await h.redis.hgetall(`${h.prefix}:{t:${TEAM}}:false-positives`);
      expect(fp).toEqual({ meeting_logistics: '1' });
    });

    it('Not project work takes the message out of the person’s balance, once however often it is clicked', async () => {
      await handProjectWork();
      await handProjectWork('C_OTHER', 'please update the project timeline');
      await h.slack.waitForCalls('chat.postEphemeral', 2);
      await waitForIdle(h.app);
      expect((await lane('stats')).text).toMatch(/2 pieces of project work/);
      const nudge = h.slack.callsTo('chat.postEphemeral').find((call) => call.params.channel === 'C_PLAN');
      if (!nudge) throw new Error('no nudge in C_PLAN');
      await click(nudge, 'nudge_not_project_work');
      await click(nudge, 'nudge_not_project_work');
      await h.slack.waitForCalls('response_url', 2);
      const stats = (await lane('stats')).text;
      expect(stats).toMatch(/1 piece of project work/);
      expect(stats).not.toMatch(/meeting logistics/);
      expect(await h.redis.hgetall(`${h.prefix}:{t:${TEAM}}:false-positives`)).toEqual({ meeting_logistics: '1' });
    });

    it('Snooze a week: no nudges for a week', async () => {
      await handProjectWork();
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      await click(nudge, 'nudge_snooze_week');
      await h.slack.waitForCall('response_url');
      await handProjectWork('C_OTHER', 'please update the project timeline');
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
      expect((await lane('snooze off')).text).toMatch(/Snooze ended/);
    });

    it('Stop nudging me here: mutes this channel only', async () => {
      await handProjectWork();
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      await click(nudge, 'nudge_mute_channel');
      await h.slack.waitForCall('response_url');
      await handProjectWork('C_PLAN', 'please update the project timeline');
      await waitForIdle(h.app);
      expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
      await handProjectWork('C_ELSEWHERE', 'please update the project timeline');
      await h.slack.waitForCalls('chat.postEphemeral', 2);
    });

    it('only the product manager the nudge was for can use its buttons', async () => {
      await handProjectWork();
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      await click(nudge, 'nudge_snooze_week', CAST.lead.id);
      const answer = await h.slack.waitForCall('response_url');
      expect(String(answer.params.text)).toMatch(/These buttons are for <@U_ANA>/);
      expect((await lane('role')).text).toBeDefined();
      const settings = await h.redis.hgetall(`${h.prefix}:{t:${TEAM}}:person:${CAST.ana.id}`);
      expect(settings.snoozedUntil).toBeUndefined();
    });

    it('shows Hand off only when a delegate is known', async () => {
      await handProjectWork();
      const nudge = await h.slack.waitForCall('chat.postEphemeral');
      expect(() => buttonValue(nudge, 'nudge_handoff')).toThrow();
    });
  });

  describe('the Home tab', () => {
    it('shows role, delegate, balance and nudge status, and its buttons change settings', async () => {
      await lane(`delegate <@${CAST.raj.id}>`);
      await h.sender.sendEvent(appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id, tab: 'home' }));
      const published = await h.slack.waitForCall('views.publish');
      const text = JSON.stringify(published.params.view);
      expect(text).toContain('product manager');
      expect(text).toContain('<@U_RAJ>');
      expect(text).toContain('Turn nudges off');

      const off = h.sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, actionId: 'home_nudges_off', ephemeral: true });
      await h.sender.sendInteraction(off);
      await h.slack.waitForCalls('views.publish', 2);
      expect(JSON.stringify(h.slack.callsTo('views.publish')[1].params.view)).toContain('Turn nudges on');
      expect((await lane('on')).text).toBe('Nudges are on.');
    });
  });

  it('forgets the workspace when the app is uninstalled: settings, records and queued work', async () => {
    await lane(`delegate <@${CAST.raj.id}>`);
    await handProjectWork();
    await h.slack.waitForCall('chat.postEphemeral');
    // A nudge held for the morning sits in the queue with its phrase.
    h.slack.addUser({ ...CAST.ben, tz: zoneWhereItIsHour(2) });
    await h.sender.sendEvent(messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ben.id}> please update the project timeline` }));
    await waitFor(async () => (await h.app.queues.deliver.getDelayedCount()) === 1, 'the held nudge');
    expect((await h.redis.keys(`${h.prefix}:{t:${TEAM}}:*`)).length).toBeGreaterThan(0);

    await h.sender.sendEvent(appUninstalledEvent({ team: TEAM }));
    await waitFor(async () => (await h.redis.keys(`${h.prefix}:{t:${TEAM}}:*`)).length === 0, 'the workspace’s keys to be deleted');
    await waitFor(async () => (await h.app.queues.deliver.getDelayedCount()) === 0, 'the held nudge to be deleted');
    // The first pass is over once it has queued its second pass and is no longer active: before
    // that its own job (and lock) are still in Redis, and it may not have swept every kind of key yet.
    const secondPass = `forget_T-TEST_app-uninstalled_pass2`;
    await waitFor(
      async () => (await h.app.queues.analyze.getActiveCount()) === 0 && (await h.app.queues.analyze.getJobState(secondPass)) === 'delayed',
      'the first forgetting pass to finish',
    );
    expect(await h.redis.keys(`${h.prefix}:sent:*`)).toEqual([]);
    // Nothing else names the workspace either (no de-duplication key, no sent marker), but the
    // forgetting job's own second pass.
    const left = await h.redis.keys(`${h.prefix}:*`);
    expect(left.filter((key) => /T[_-]TEST/.test(key))).toEqual([`${h.prefix}:{q:analyze}:analyze:${secondPass}`]);
    expect((await lane('delegate')).text).toMatch(/Nobody yet/);
  });

  it('keeps the workspace when only people’s tokens are revoked', async () => {
    await lane(`delegate <@${CAST.raj.id}>`);
    await h.sender.sendEvent(tokensRevokedEvent({ team: TEAM, oauth: [CAST.ana.id], bot: [] }));
    await sleep(300);
    await waitForIdle(h.app);
    expect((await lane('delegate')).text).toMatch(/<@U_RAJ>/);
    await h.sender.sendEvent(tokensRevokedEvent({ team: TEAM, bot: ['U_BOT'] }));
    await waitFor(async () => (await h.redis.keys(`${h.prefix}:{t:${TEAM}}:*`)).length === 0, 'the workspace’s keys to be deleted');
  });
});
