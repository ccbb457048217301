import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Redis } from 'ioredis';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack';
import { createLogger } from '../../src/logger';
import { startSandbox } from '../../src/sandbox';
import { createDirectory, DirectoryError } from '../../src/sandbox/directory';
import { digestTickerOf, runWeeklyDigestNow } from '../../src/sandbox/digest-now';
import { EphemeralMessages } from '../../src/sandbox/ephemerals';
import { noSlackConfigured } from '../../src/start-mode';
import { runSandbox, runSandboxCommand, type RunIo } from '../../src/sandbox/run';
import { SEED_CHANNELS, SEED_PEOPLE, zoneWhereItIsHour } from '../../src/sandbox/seed';
import { parseTrackerCommand, trackerPost } from '../../src/sandbox/tracker-post';
import { encodeTypedText } from '../../src/sandbox/typed-text';
import { findButton } from '../../src/sandbox/visitor';
import { CallOwners, workspaceSlack } from '../../src/sandbox/workspace-slack';
import { captureLogs, deleteKeys, REDIS_URL } from '../support/harness';

/** The sandbox's own parts, each on its own: what it sends the bot, and how it reads what the bot sends back. */

const known = { people: [{ id: 'U1', handle: 'ana' }, { id: 'U2', handle: 'raj' }], channels: [{ id: 'C1', name: 'planning' }] };

describe('typed text, as a Slack client sends it', () => {
  it('escapes &, < and > and turns known @handles and #channels into Slack’s forms', () => {
    expect(encodeTypedText('@ana, can you check <this> & (@Raj) in #planning.', known)).toBe('<@U1>, can you check &lt;this&gt; &amp; (<@U2>) in <#C1|planning>.');
  });

  it('leaves unknown handles, e-mail addresses and longer names alone', () => {
    expect(encodeTypedText('@anabel wrote to a@ana.com about #random', known)).toBe('@anabel wrote to a@ana.com about #random');
  });

  it('adds the handle to mentions in slash commands (should_escape)', () => {
    expect(encodeTypedText('delegate @raj', known, 'slash_command')).toBe('delegate <@U2|raj>');
  });
});

describe('finding the clicked button in a message', () => {
  const blocks = [
    { type: 'section', block_id: 's1', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'button', action_id: 'unmute', value: 'C1', text: { type: 'plain_text', text: 'Unmute' } } },
    { type: 'actions', block_id: 'a1', elements: [{ type: 'button', action_id: 'go', value: 'v', text: { type: 'plain_text', text: 'Go' } }] },
  ];

  it('finds buttons in actions blocks and section accessories, with their value and label', () => {
    expect(findButton(blocks, 'go')).toEqual({ blockId: 'a1', value: 'v', text: 'Go' });
    expect(findButton(blocks, 'unmute')).toEqual({ blockId: 's1', value: 'C1', text: 'Unmute' });
  });

  it('finds a menu’s option only among the options it offers', () => {
    const menu = [
      {
        type: 'section',
        block_id: 'h1',
        text: { type: 'mrkdwn', text: 'x' },
        accessory: { type: 'static_select', action_id: 'pick', options: [{ text: { type: 'plain_text', text: 'Nine to five' }, value: '9-17' }] },
      },
    ];
    expect(findButton(menu, 'pick', undefined, '9-17')).toEqual({ blockId: 'h1', selected: { text: 'Nine to five', value: '9-17' } });
    expect(findButton(menu, 'pick', undefined, '0-24')).toBeUndefined();
    expect(findButton(menu, 'pick')).toBeUndefined();
  });

  it('finds nothing for an unknown action, a wrong block or no blocks', () => {
    expect(findButton(blocks, 'nope')).toBeUndefined();
    expect(findButton(blocks, 'go', 's1')).toBeUndefined();
    expect(findButton(undefined, 'go')).toBeUndefined();
  });
});

describe('ephemeral messages and response_url answers', () => {
  let slack: LocalSlack;
  let ephemerals: EphemeralMessages;

  beforeEach(async () => {
    slack = await startLocalSlack();
    ephemerals = new EphemeralMessages(slack);
    slack.onCall((call) => ephemerals.observe(call));
  });
  afterEach(() => slack.close());

  const postEphemeral = (params: Record<string, unknown>) =>
    fetch(`${slack.url}chat.postEphemeral`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
  const answer = (url: string, body: Record<string, unknown>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('keeps what the bot posts ephemerally for its one recipient, in its thread', async () => {
    await postEphemeral({ channel: 'C1', user: 'U1', thread_ts: '1.000100', text: 'psst', blocks: [{ type: 'divider' }] });
    expect(ephemerals.visibleTo('U1')).toEqual([expect.objectContaining({ channel: 'C1', threadTs: '1.000100', text: 'psst', blocks: [{ type: 'divider' }], from: 'bot' })]);
    expect(ephemerals.visibleTo('U2')).toEqual([]);
  });

  it('replaces, adds to or deletes the ephemeral message an interaction came from', async () => {
    const nudge = ephemerals.add({ channel: 'C1', user: 'U1', threadTs: '1.000100', text: 'nudge', blocks: [{ type: 'actions', elements: [] }], from: 'bot' });
    const url = ephemerals.responseUrlFor({ user: 'U1', channel: 'C1', threadTs: '1.000100', ephemeralId: nudge.id });

    await answer(url, { text: 'Handed off', replace_original: true });
    expect(ephemerals.get(nudge.id)).toMatchObject({ text: 'Handed off', blocks: undefined });

    await answer(url, { text: 'And one more thing' });
    expect(ephemerals.visibleTo('U1').map((m) => m.text)).toEqual(['Handed off', 'And one more thing']);

    await answer(url, { delete_original: true });
    expect(ephemerals.visibleTo('U1').map((m) => m.text)).toEqual(['And one more thing']);
  });

  it('replaces a public message for everyone, or posts in the channel when asked to', async () => {
    slack.addMessage('C1', { ts: '2.000100', text: 'public nudge', user: slack.botUserId });
    const url = ephemerals.responseUrlFor({ user: 'U1', channel: 'C1', threadTs: '2.000100', messageTs: '2.000100' });
    await answer(url, { text: 'Done', replace_original: true });
    expect(slack.messages('C1')[0]).toMatchObject({ ts: '2.000100', text: 'Done' });

    await answer(ephemerals.responseUrlFor({ user: 'U1', channel: 'C1' }), { text: 'for all', response_type: 'in_channel' });
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['Done', 'for all']);
  });

  it('ignores failed calls and response_urls it did not mint', async () => {
    slack.failNext('chat.postEphemeral', { error: 'user_not_in_channel' });
    await postEphemeral({ channel: 'C1', user: 'U1', text: 'x' });
    await answer(slack.responseUrl('someone-elses'), { text: 'y' });
    expect(ephemerals.visibleTo('U1')).toEqual([]);
  });
});

describe('running the weekly digest now', () => {
  const people = [
    { id: 'U1', handle: 'a', name: 'A', title: '', tz: 'Etc/GMT-2' },
    { id: 'U2', handle: 'b', name: 'B', title: '', tz: 'Etc/GMT-2' },
    { id: 'U3', handle: 'c', name: 'C', title: '', tz: 'America/New_York' },
  ];
  const mondayNine = { digest: { enabled: true, alwaysSend: false, slot: { isoWeekday: 1, hour: 9 } } };

  it('says so when the app has no digest tick', async () => {
    expect(digestTickerOf({})).toBeUndefined();
    await expect(runWeeklyDigestNow({ ticker: undefined, settings: { person: jest.fn() }, workspaces: () => [{ teamId: 'T', people }] })).resolves.toEqual({ available: false });
  });

  it('runs the tick once per distinct next slot, shortly after it, and adds up what was queued', async () => {
    const ticks: number[] = [];
    const ticker = digestTickerOf({ runDigestTick: async (atMs: number) => (ticks.push(atMs), { queued: 1 }) });
    const now = Date.parse('2026-11-18T15:00:00Z'); // a Wednesday
    const settings = { person: jest.fn().mockResolvedValue(mondayNine) };
    const result = await runWeeklyDigestNow({ ticker, settings: settings as never, workspaces: () => [{ teamId: 'T', people }], now: () => now });
    // Monday 23 November 09:05 in UTC+2, then in New York (UTC-5).
    expect(ticks.map((t) => new Date(t).toISOString())).toEqual(['2026-11-23T07:05:00.000Z', '2026-11-23T14:05:00.000Z']);
    expect(result).toEqual({ available: true, queued: 2, fresh: 2, repeated: 0, ticks: [{ atMs: ticks[0], people: ['U1', 'U2'] }, { atMs: ticks[1], people: ['U3'] }] });
  });

  it('tells digests queued for the first time from ones the queue already had for this week', async () => {
    const claimed = new Set<string>();
    // The queue claims a person's digest id the first time; a second tick asks for it again.
    const ticker = digestTickerOf({
      runDigestTick: async () => {
        claimed.add('digest_T_U1_2026-W47');
        return { queued: 1 };
      },
    });
    const deps = {
      ticker,
      settings: { person: jest.fn().mockResolvedValue(mondayNine) } as never,
      workspaces: () => [{ teamId: 'T', people: [people[0]] }],
      claimed: async (ids: string[]) => new Set(ids.filter((id) => claimed.has(id))),
      now: () => Date.parse('2026-11-18T15:00:00Z'),
    };
    await expect(runWeeklyDigestNow(deps)).resolves.toMatchObject({ queued: 1, fresh: 1, repeated: 0 });
    await expect(runWeeklyDigestNow(deps)).resolves.toMatchObject({ queued: 1, fresh: 0, repeated: 1 });
  });
});

describe('the people directory', () => {
  const prefix = `lksbx-${randomUUID().slice(0, 8)}`;
  let slack: LocalSlack;
  let redis: Redis;

  beforeEach(async () => {
    slack = await startLocalSlack();
    redis = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
    await slack.close();
  });

  const directory = () => createDirectory({ slack, redis, redisPrefix: prefix, teamId: slack.teamId }, { people: SEED_PEOPLE, channels: SEED_CHANNELS, tz: 'Etc/GMT-1' });
  const usersInfo = async (user: string) => (await (await fetch(`${slack.url}users.info?user=${user}`)).json()) as { user: { tz: string; tz_offset: number; profile: { title: string } } };

  it('publishes people to the local Slack and forgets the bot’s cached profile when someone changes', async () => {
    const people = directory();
    const cached = `${prefix}:t:${slack.teamId}:profile:U01ANA`;
    await redis.set(cached, '{"id":"U01ANA"}');
    await people.update('U01ANA', { title: 'Project Manager', tz: 'Asia/Tokyo' });
    expect(await redis.exists(cached)).toBe(0);
    expect((await usersInfo('U01ANA')).user).toMatchObject({ tz: 'Asia/Tokyo', tz_offset: 9 * 3600, profile: { title: 'Project Manager' } });
  });

  it('adds people with a unique handle, in every channel, and refuses unknown zones and empty names', async () => {
    const people = directory();
    const added = await people.add({ name: 'Ana Lima', title: 'Product Owner', tz: 'Europe/Lisbon' });
    expect(added.handle).toBe('ana2');
    const members = (await (await fetch(`${slack.url}conversations.members?channel=C01PLANNING`)).json()) as { members: string[] };
    expect(members.members).toContain(added.id);
    await expect(people.add({ name: 'X', title: '', tz: 'Mars/Olympus' })).rejects.toThrow(DirectoryError);
    await expect(people.update('U01ANA', { name: '  ' })).rejects.toThrow(DirectoryError);
  });

  it('seeds everyone in a zone where it is about midday', () => {
    const noon = Date.parse('2026-11-18T03:30:00Z');
    expect(zoneWhereItIsHour(12, noon)).toBe('Etc/GMT-9');
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: zoneWhereItIsHour(12, noon), hour: 'numeric' }).format(noon)).toBe('12');
  });
});

describe('starting the sandbox', () => {
  it('refuses a Redis prefix that holds data it did not write, and deletes nothing', async () => {
    const prefix = `lksbx-${randomUUID().slice(0, 8)}`;
    const redis = new Redis(REDIS_URL);
    await redis.set(`${prefix}:someone-elses`, 'keep me');
    try {
      await expect(startSandbox({ port: 0, redisUrl: REDIS_URL, redisPrefix: prefix, logger: createLogger({ level: 'silent' }) })).rejects.toThrow(/holds data the sandbox did not write/);
      expect(await redis.get(`${prefix}:someone-elses`)).toBe('keep me');
    } finally {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('keeps its inner bot on loopback: it answers there and not on the machine\'s network address', async () => {
    const prefix = `lksbx-${randomUUID().slice(0, 8)}`;
    const { capture, destination } = captureLogs();
    const sandbox = await startSandbox({ port: 0, redisUrl: REDIS_URL, redisPrefix: prefix, logger: createLogger({ level: 'info', destination }) });
    const redis = new Redis(REDIS_URL);
    try {
      const botPort = capture.lines.find((line) => line.msg === 'sandbox ready')?.botPort as number;
      const external = Object.values(networkInterfaces()).flat().find((address) => address && !address.internal && address.family === 'IPv4')?.address;
      expect(external).toBeDefined();
      const reach = (host: string) =>
        new Promise<'connected' | string>((resolve) => {
          const socket = connect({ host, port: botPort }, () => {
            socket.destroy();
            resolve('connected');
          });
          socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        });
      expect(await reach('127.0.0.1')).toBe('connected');
      expect(await reach(external as string)).toBe('ECONNREFUSED');
    } finally {
      await sandbox.stop();
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('starts only when no Slack variable is set, empty ones counting as unset', () => {
    expect(noSlackConfigured({ PORT: '3000', SLACK_APP_TOKEN: '' })).toBe(true);
    expect(noSlackConfigured({ SLACK_SIGNING_SECRET: 'x' })).toBe(false);
  });

  it('exits 2 with one line per bad setting', async () => {
    const stderr: string[] = [];
    const io: RunIo = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => stderr.push(text) },
      exit: (code) => {
        throw new Error(`exit ${code}`);
      },
      onSignal: () => undefined,
    };
    await expect(runSandbox({ PORT: 'eighty', REDIS_PREFIX: 'a:b' }, io)).rejects.toThrow('exit 2');
    expect(stderr).toEqual([expect.stringMatching(/^lanekeeper sandbox: config: PORT /), expect.stringMatching(/^lanekeeper sandbox: config: REDIS_PREFIX /)]);
  });

  it('treats a partial Slack configuration as `npm start` does: exit 2, one line per problem, no sandbox', async () => {
    const { io, stdout, stderr } = fakeIo();
    await expect(runSandboxCommand({ SLACK_BOT_TOKEN: 'xoxb-1', PORT: '0' }, io)).rejects.toThrow('exit 2');
    expect(stderr).toEqual(['lanekeeper: config: SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN for Socket Mode instead)\n']);
    expect(stdout.join('')).not.toContain('SANDBOX MODE');

    const bad = fakeIo();
    await expect(runSandboxCommand({ SLACK_BOT_TOKEN: 'nope', SLACK_APP_TOKEN: 'nope' }, bad.io)).rejects.toThrow('exit 2');
    expect(bad.stderr).toEqual([expect.stringMatching(/^lanekeeper: config: SLACK_BOT_TOKEN must start with xoxb-/), expect.stringMatching(/^lanekeeper: config: SLACK_APP_TOKEN must start with xapp-/)]);
  });

  it('refuses a complete Slack configuration rather than ignoring it, naming the variables but not their values', async () => {
    const { io, stderr } = fakeIo();
    await expect(runSandboxCommand({ SLACK_BOT_TOKEN: 'xoxb-secret-1', SLACK_SIGNING_SECRET: 'shh' }, io)).rejects.toThrow('exit 2');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^lanekeeper: config: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET are set: the sandbox starts only when no SLACK_\* variable is set/);
    expect(stderr[0]).not.toMatch(/secret-1|shh/);
  });
});

function fakeIo(): { io: RunIo; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: RunIo = {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
    onSignal: () => undefined,
  };
  return { io, stdout, stderr };
}

describe('posting as a tracker app', () => {
  it('reads /tracker assign|due @handle <task>, and says the right form otherwise', () => {
    expect(parseTrackerCommand(' assign @ana Book the venue  for the offsite')).toEqual({ kind: 'assign', handle: 'ana', title: 'Book the venue for the offsite' });
    expect(parseTrackerCommand('DUE @raj, chase the caterer')).toEqual({ kind: 'due', handle: 'raj', title: 'chase the caterer' });
    expect(parseTrackerCommand('close @ana x')).toEqual({ error: expect.stringContaining('/tracker assign @someone <task>') });
    expect(parseTrackerCommand('assign ana x')).toHaveProperty('error');
  });

  it('posts as real trackers do: a short fallback text, the content in attachments, the assignee by plain name', () => {
    const post = trackerPost({ kind: 'due', handle: 'ana', title: 'Book the venue' }, 'OPS-101', 'Ana Souza');
    expect(post.text).toBe('Reminder: a task is due tomorrow: OPS-101');
    expect(post.attachments[0]).toMatchObject({ title: 'OPS-101 Book the venue', fields: expect.arrayContaining([{ title: 'Assignee', value: 'Ana Souza', short: true }]) });
    expect(JSON.stringify(post)).not.toContain('<@');
  });
});

describe('one workspace’s slice of a local Slack with several', () => {
  const oauth = { clientId: '111.222', clientSecret: 'parts-client-secret' };
  let slack: LocalSlack;

  beforeEach(async () => {
    slack = await startLocalSlack({ oauth });
    slack.setRedirectUri('http://127.0.0.1:9/slack/oauth_redirect');
    for (const teamId of ['T01A', 'T02B']) slack.addTeam({ teamId });
  });
  afterEach(() => slack.close());

  /** What the bot does on an install: Slack's authorize page gives a code, `oauth.v2.access` a token. */
  async function installInto(teamId: string): Promise<string> {
    const authorize = await fetch(`${slack.authorizeUrl}?client_id=${oauth.clientId}&scope=chat:write&team=${teamId}`, { redirect: 'manual' });
    const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const access = await fetch(`${slack.url}oauth.v2.access`, { method: 'POST', body: new URLSearchParams({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code }) });
    return ((await access.json()) as { access_token: string }).access_token;
  }
  const call = (token: string, method: string, params: Record<string, string>) =>
    fetch(`${slack.url}${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new URLSearchParams(params) });

  it('holds the calls made with its own token, its install (secrets hidden) and the response_url posts it minted, and nothing of the other workspace', async () => {
    const owners = new CallOwners();
    slack.onCall((recorded) => owners.observe(recorded));
    const a = workspaceSlack(slack, 'T01A', owners);
    const b = workspaceSlack(slack, 'T02B', owners);
    const tokenA = await installInto('T01A');
    const tokenB = await installInto('T02B');
    await call(tokenA, 'chat.postMessage', { channel: 'C1', text: 'in A' });
    await call(tokenB, 'chat.postMessage', { channel: 'C1', text: 'in B' });
    await fetch(b.responseUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"answer in B"}' });

    expect(a.messages('C1').map((m) => m.text)).toEqual(['in A']);
    expect(b.messages('C1').map((m) => m.text)).toEqual(['in B']);
    expect(a.calls.map((c) => c.method)).toEqual(['oauth.v2.access', 'chat.postMessage']);
    expect(b.calls.map((c) => c.method)).toEqual(['oauth.v2.access', 'chat.postMessage', 'response_url']);
    expect(a.calls[0].params).toMatchObject({ client_secret: '(hidden)', code: '(hidden)' });
    expect(JSON.stringify(a.calls)).not.toContain(oauth.clientSecret);
    expect(a.calls[1].params.text).toBe('in A');
  });
});
