import { appHomeOpenedEvent, messageEvent } from '../../scripts/local-slack/requests';
import { MAX_PEOPLE_LOOKED_UP } from '../../src/features/nudges/analyze-message';
import { CAST, TEAM, finishedJobs, sleep, startHarness, waitFor, waitForIdle, type Harness } from '../support/harness';

/**
 * What real messages carry beyond `text`, end to end: signed events into the real Bolt app, BullMQ
 * on the real Redis, the local Slack answering users.list and conversations.replies.
 */
const ADMIN = { id: 'U_ADMIN', name: 'admin', title: 'Engineering Manager', tz: 'UTC', tz_offset: 0, is_admin: true };
const TRACKER = { user: 'U_TRACKER', botId: 'B_TRACKER' };

describe('reading the whole message', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.slack.addUser(ADMIN);
    h.slack.addUser({ id: TRACKER.user, name: 'tracker', is_bot: true });
  });
  afterEach(async () => {
    await h.close();
  });

  const post = (text: string, fields: Partial<Parameters<typeof messageEvent>[0]> = {}) =>
    messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text, ...fields });
  const analyzed = (count: number) => waitFor(async () => (await finishedJobs(h.app, 'analyze')) >= count, `${count} message(s) analyzed`);
  const nudgesTo = (userId: string) => h.slack.callsTo('chat.postEphemeral').filter((call) => call.params.user === userId);
  const lane = async (text: string, userId: string, teamId = TEAM) => {
    const response = await h.sender.sendSlashCommand({ text, userId, teamId, channelId: 'C_PLAN' });
    expect(response.status).toBe(200);
    return (response.json as { text: string }).text;
  };

  it('nudges for an app post whose text is empty and whose content is in attachments', async () => {
    const event = post('', {
      ...TRACKER,
      extra: {
        attachments: [
          { pretext: `Lee assigned a task to <@${CAST.ana.id}>`, title: 'OPS-31 Book rooms and send invites for the offsite', title_link: 'https://tracker.example/browse/OPS-31' },
        ],
      },
    });
    expect((await h.sender.sendEvent(event)).status).toBe(200);
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ channel: 'C_PLAN', user: CAST.ana.id });
    expect(String(nudge.params.text)).toMatch(/meeting logistics/i);
    // Nothing in it looks like a plain name: the directory is not read.
    await waitForIdle(h.app);
    expect(h.slack.callsTo('users.list')).toHaveLength(0);
  });

  it('nudges an assignee a tracker names by plain name, reading the directory once for many messages', async () => {
    h.slack.addUser({ ...CAST.ana, real_name: 'Ana Souza', tz: 'Etc/GMT' });
    const tracked = (key: string, title: string) =>
      post('', { ...TRACKER, extra: { attachments: [{ pretext: 'New task created', title: `${key} ${title}`, fields: [{ title: 'Assignee', value: 'Ana Souza', short: true }] }] } });
    await h.sender.sendEvent(tracked('OPS-40', 'Book the venue for the offsite'));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id });
    await h.sender.sendEvent(tracked('OPS-41', 'Chase the caterer for the offsite invoice'));
    await analyzed(2);
    await waitForIdle(h.app);
    expect(nudgesTo(CAST.ana.id)).toHaveLength(2);
    expect(h.slack.callsTo('users.list')).toHaveLength(1);
  });

  it('looks up the people the classifier resolves, and only them: "@ana" typed as text, not "Sam" inside "Sample"', async () => {
    h.slack.addUser({ ...CAST.ana, real_name: 'Ana Souza', tz: 'Etc/GMT' });
    h.slack.addUser({ id: 'U_SAM', name: 'sam', real_name: 'Sam', title: 'Product Manager', tz: 'Etc/GMT' });
    await h.sender.sendEvent(post('@ana can you book the venue for the offsite? The Sample Agenda is pinned.'));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id });
    await waitForIdle(h.app);
    expect(h.slack.callsTo('users.info').filter((call) => call.params.user === 'U_SAM')).toHaveLength(0);
  });

  it('looks up at most a bounded number of people for one message', async () => {
    const crowd = Array.from({ length: 80 }, (_, i) => `U_CROWD${i}`);
    for (const id of crowd) h.slack.addUser({ id, name: id.toLowerCase(), real_name: `Crowd Person${id.slice(7)}` });
    await h.sender.sendEvent(post(`${crowd.map((id) => `<@${id}>`).join(' ')} the retro notes are in the doc`));
    await analyzed(1);
    await waitForIdle(h.app);
    const asked = new Set(h.slack.callsTo('users.info').map((call) => call.params.user));
    expect(asked.size).toBeGreaterThan(0);
    expect(asked.size).toBeLessThanOrEqual(MAX_PEOPLE_LOOKED_UP);
  });

  it('reads a large directory a page per message, uses what it has read, and resumes after a rate limit where it stopped', async () => {
    h.slack.addUser({ ...CAST.ana, real_name: 'Ana Souza', tz: 'Etc/GMT' });
    for (let i = 0; i < 450; i += 1) h.slack.addUser({ id: `U_FILL${i}`, name: `fill${i}`, real_name: `Filler Person${i}` });
    h.slack.addUser({ id: 'U_ZOE', name: 'zoe', real_name: 'Zoe Lima', title: 'Product Manager', tz: 'Etc/GMT' });
    let seq = 0;
    const tracked = (assignee: string) => {
      seq += 1;
      return post('', { ...TRACKER, extra: { attachments: [{ pretext: 'New task created', title: `OPS-${50 + seq} Book the venue for the offsite`, fields: [{ title: 'Assignee', value: assignee }] }] } });
    };
    const send = async (assignee: string) => {
      await h.sender.sendEvent(tracked(assignee));
      await analyzed(seq);
      await waitForIdle(h.app);
    };
    // The pause between pages, and after a failed read, made to pass here.
    const pauseOver = async () => {
      const keys = [...(await h.redis.keys(`${h.prefix}:*users.list*`)), ...(await h.redis.keys(`${h.prefix}:*directory:loading`))];
      if (keys.length > 0) await h.redis.del(...keys);
    };

    // One page for the first message, not the whole directory: Zoe is on a later page.
    await send('Zoe Lima');
    expect(h.slack.callsTo('users.list')).toHaveLength(1);
    expect(nudgesTo('U_ZOE')).toHaveLength(0);
    // Right after, the next page waits its turn, and the names read so far are used meanwhile.
    await send('Ana Souza');
    expect(h.slack.callsTo('users.list')).toHaveLength(1);
    expect(nudgesTo(CAST.ana.id)).toHaveLength(1);

    // A 429 on the second page loses nothing and is not retried within Retry-After.
    await pauseOver();
    h.slack.failNext('users.list', { rateLimited: 30 });
    await send('Zoe Lima');
    await send('Zoe Lima');
    expect(h.slack.callsTo('users.list')).toHaveLength(2);
    expect(h.logs.lines.filter((line) => line.msg === 'job failed for good')).toHaveLength(0);

    // Then it goes on from the second page, not from the first.
    await pauseOver();
    await send('Zoe Lima');
    await pauseOver();
    await send('Zoe Lima');
    const pages = h.slack.callsTo('users.list');
    expect(pages).toHaveLength(4);
    expect(pages.slice(1).every((call) => typeof call.params.cursor === 'string' && call.params.cursor.length > 0)).toBe(true);
    expect(pages[3].params.cursor).not.toBe(pages[2].params.cursor);
    expect(nudgesTo('U_ZOE')).toHaveLength(1);

    // The whole directory is read: no more pages.
    await pauseOver();
    await send('Zoe Lima');
    expect(h.slack.callsTo('users.list')).toHaveLength(4);
    expect(nudgesTo('U_ZOE')).toHaveLength(2);
  });

  it('judges a thread reply that names no work against its parent, asking Slack once per thread', async () => {
    const parentTs = '1764000000.000100';
    h.slack.addMessage('C_PLAN', { ts: parentTs, user: CAST.ana.id, text: 'The launch checklist is out of date and nobody is chasing the vendor invoices' });
    const reply = (text: string) => post(text, { threadTs: parentTs, extra: { parent_user_id: CAST.ana.id } });

    await h.sender.sendEvent(reply('can you own this?'));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id, thread_ts: parentTs });
    await h.sender.sendEvent(reply(`<@${CAST.ana.id}> mind taking it?`));
    await h.sender.sendEvent(reply('can you own this, then?'));
    await analyzed(3);
    await waitForIdle(h.app);
    expect(h.slack.callsTo('conversations.replies')).toHaveLength(1);

    // What is kept of the parent is its author and its work phrases, never its text.
    const kept = await h.redis.keys(`${h.prefix}:{t:${TEAM}}:thread:*`);
    const values = await Promise.all(kept.filter((key) => !key.endsWith(':asked')).map((key) => h.redis.get(key)));
    expect(values.join(' ')).toContain('vendor invoices');
    expect(values.join(' ')).not.toMatch(/out of date|nobody is/);
  });

  it('judges a reply on its own while Slack rate-limits the thread read, and reads the parent for a later reply', async () => {
    const parentTs = '1764000000.000300';
    h.slack.addMessage('C_PLAN', { ts: parentTs, user: CAST.ana.id, text: 'Nobody has booked the venue for the offsite yet' });
    const reply = (text: string) => post(text, { threadTs: parentTs, extra: { parent_user_id: CAST.ana.id } });
    h.slack.failNext('conversations.replies', { rateLimited: 1 });
    await h.sender.sendEvent(reply('can you own this?'));
    await analyzed(1);
    await waitForIdle(h.app);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(h.logs.lines.filter((line) => line.msg === 'job failed for good')).toHaveLength(0);

    await sleep(1100);
    await h.sender.sendEvent(reply('mind taking it?'));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id, thread_ts: parentTs });
    expect(h.slack.callsTo('conversations.replies')).toHaveLength(2);
  });

  it('does not read the parent for a reply that names its own work, or asks no product manager', async () => {
    const parentTs = '1764000000.000200';
    h.slack.addMessage('C_PLAN', { ts: parentTs, user: CAST.lead.id, text: 'The launch checklist is out of date' });
    await h.sender.sendEvent(post(`<@${CAST.ana.id}> can you book the room for the retro?`, { threadTs: parentTs, extra: { parent_user_id: CAST.lead.id } }));
    await h.sender.sendEvent(post(`<@${CAST.raj.id}> can you own this?`, { threadTs: parentTs, extra: { parent_user_id: CAST.lead.id } }));
    await analyzed(2);
    await waitForIdle(h.app);
    expect(h.slack.callsTo('conversations.replies')).toHaveLength(0);
  });

  it('nudges for a due-date reminder once per ticket, and counts the ticket once', async () => {
    const reminder = (when: string) =>
      post('', {
        ...TRACKER,
        extra: {
          attachments: [
            {
              pretext: `Reminder: this task is due ${when}`,
              title: 'OPS-77 Book rooms and send invites for the offsite',
              title_link: 'https://tracker.example/browse/OPS-77',
              text: `Held by <@${CAST.ana.id}>`,
            },
          ],
        },
      });
    await h.sender.sendEvent(reminder('tomorrow'));
    await h.slack.waitForCall('chat.postEphemeral');
    await h.sender.sendEvent(reminder('today'));
    await analyzed(2);
    await waitForIdle(h.app);
    await sleep(100);
    expect(nudgesTo(CAST.ana.id)).toHaveLength(1);
    const week = await h.redis.keys(`${h.prefix}:{t:${TEAM}}:week:${CAST.ana.id}:*`);
    const counts = await h.redis.hgetall(week.find((key) => /:week:[^:]+:[^:]+$/.test(key)) ?? '');
    expect(Number(counts.projectItems)).toBe(1);

    // Another ticket is other work.
    await h.sender.sendEvent(
      post('', { ...TRACKER, extra: { attachments: [{ pretext: 'Reminder: this task is due today', title: 'OPS-78 Chase the venue deposit invoice', text: `Held by <@${CAST.ana.id}>` }] } }),
    );
    await analyzed(3);
    await waitForIdle(h.app);
    expect(nudgesTo(CAST.ana.id)).toHaveLength(2);
  });

  it('lets admins list phrases with /lane words, and changes verdicts in that workspace only', async () => {
    const OTHER = 'T_OTHER';
    const ask = (team: string) => messageEvent({ team, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you do the snack run?` });
    expect(await lane('words add project "snack run"', CAST.ana.id)).toMatch(/Only workspace admins can change/);
    expect(await lane('words add project "snack run"', ADMIN.id)).toMatch(/“snack run” now always counts as project work/);
    expect(await lane('words add never "board meeting"', ADMIN.id)).toMatch(/never counts/);
    expect(await lane('words', CAST.ana.id)).toMatch(/\*Always project work:\* “snack run”\n\*Never project work:\* “board meeting”/);
    expect(await lane('check can you do the snack run?', CAST.ana.id)).toMatch(/workspace’s word list/);
    expect(await lane('check can you do the snack run?', CAST.ana.id, OTHER)).not.toMatch(/word list/);

    await h.sender.sendEvent(ask(OTHER));
    await analyzed(1);
    await waitForIdle(h.app);
    expect(nudgesTo(CAST.ana.id)).toHaveLength(0);
    await h.sender.sendEvent(ask(TEAM));
    const nudge = await h.slack.waitForCall('chat.postEphemeral');
    expect(nudge.params).toMatchObject({ user: CAST.ana.id });
    expect(String(nudge.params.text)).toMatch(/snack run/);

    // The Home tab lists them, for everyone in that workspace.
    await h.sender.sendEvent(appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id, tab: 'home' }));
    const home = JSON.stringify((await h.slack.waitForCall('views.publish')).params.view);
    expect(home).toContain('always project work: “snack run”');
    expect(home).toContain('never project work: “board meeting”');

    expect(await lane('words remove "snack run"', ADMIN.id)).toMatch(/Removed “snack run”/);
    expect(await lane('words', CAST.ana.id)).not.toMatch(/snack run/);
  });
});
