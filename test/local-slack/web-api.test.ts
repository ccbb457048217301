import {
  ErrorCode,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  WebClientEvent,
  type WebClientOptions,
} from '@slack/web-api';
import { createRecordingLogger } from '../../scripts/local-slack/recording-logger';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';

const BOT_TOKEN = 'xoxb-local-test';

describe('local Slack Web API, driven by the real @slack/web-api client', () => {
  let local: LocalSlack;

  beforeEach(async () => {
    local = await startLocalSlack({ botToken: BOT_TOKEN });
  });

  afterEach(async () => {
    await local.close();
  });

  function client(options: WebClientOptions = {}, token = BOT_TOKEN): WebClient {
    return new WebClient(token, { slackApiUrl: local.url, logger: createRecordingLogger('web-client'), retryConfig: { retries: 0 }, ...options });
  }

  it('answers auth.test with the configured bot identity', async () => {
    const result = await client().auth.test();
    expect(result).toMatchObject({ ok: true, team_id: local.teamId, user_id: local.botUserId, bot_id: local.botId });
    expect(local.url).toBe(`${local.origin}/api/`);
  });

  it('posts a message, echoes it with its metadata and records the decoded arguments and token', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const metadata = { event_type: 'lanekeeper_post', event_payload: { marker: 'm-1' } };
    const first = await client().chat.postMessage({ channel: 'C123', text: 'hi', blocks, metadata });
    const second = await client().chat.postMessage({ channel: 'C123', text: 'again' });

    expect(first).toMatchObject({ ok: true, channel: 'C123', message: { text: 'hi', bot_id: local.botId, user: local.botUserId, metadata } });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));

    const [call] = local.callsTo('chat.postMessage');
    expect(call).toMatchObject({ status: 200, token: BOT_TOKEN, params: { channel: 'C123', text: 'hi', blocks, metadata } });
    expect(call.params).not.toHaveProperty('token');
    expect(local.messages('C123').map((m) => m.text)).toEqual(['hi', 'again']);
  });

  it('posts an ephemeral message and answers message_ts', async () => {
    const result = await client().chat.postEphemeral({ channel: 'C123', user: 'U1', text: 'only you' });
    expect(result.ok).toBe(true);
    expect(result.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(local.messages('C123')).toEqual([]);
  });

  it('refuses an ephemeral message to someone outside a channel with known members', async () => {
    local.addChannel({ id: 'C9', name: 'team', members: ['U1'] });
    await expect(client().chat.postEphemeral({ channel: 'C9', user: 'U2', text: 'x' })).rejects.toMatchObject({
      data: { error: 'user_not_in_channel' },
    });
  });

  it('answers users.info and users.profile.get from the directory and user_not_found otherwise', async () => {
    local.addUser({ id: 'U1', name: 'ana', real_name: 'Ana PM', title: 'Product Manager', tz: 'Europe/Berlin', tz_offset: 3600 });
    const info = await client().users.info({ user: 'U1' });
    expect(info.user).toMatchObject({
      id: 'U1',
      name: 'ana',
      tz: 'Europe/Berlin',
      tz_offset: 3600,
      is_bot: false,
      deleted: false,
      is_admin: false,
      profile: { title: 'Product Manager', real_name: 'Ana PM' },
    });
    const profile = await client().users.profile.get({ user: 'U1' });
    expect(profile.profile?.title).toBe('Product Manager');

    const error = await client().users.info({ user: 'U404' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    expect(error).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'user_not_found' } });
  });

  it('pages users.list by cursor, every person once, bots and the deleted included', async () => {
    for (let i = 0; i < 5; i += 1) local.addUser({ id: `U${i}`, name: `p${i}`, real_name: `Person ${i}` });
    local.addUser({ id: 'U_GONE', name: 'gone', real_name: 'Gone Person', deleted: true });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client().users.list({ limit: 3, cursor });
      for (const member of page.members ?? []) seen.push(member.id ?? '');
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(['U0', 'U1', 'U2', 'U3', 'U4', 'U_GONE', local.botUserId].sort());
    const first = (await client().users.list({ limit: 100 })).members?.find((m) => m.id === 'U_GONE');
    expect(first).toMatchObject({ deleted: true, profile: { real_name: 'Gone Person' } });
  });

  it('surfaces an injected 429 as WebAPIRateLimitedError when the client rejects rate-limited calls', async () => {
    local.failNext('chat.postMessage', { rateLimited: 7 });
    const limited = client({ rejectRateLimitedCalls: true });
    const onRateLimited = jest.fn();
    limited.on(WebClientEvent.RATE_LIMITED, onRateLimited);

    const error = await limited.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    expect(onRateLimited).toHaveBeenCalledWith(7, expect.objectContaining({ url: `${local.url}chat.postMessage` }));
    expect(local.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({ status: 429, response: { ok: false, error: 'ratelimited' }, injected: { rateLimited: 7 } }),
    ]);
    // The failure was used up: the next call goes through.
    await expect(limited.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('lets a client without rejectRateLimitedCalls wait out the 429 and retry by itself', async () => {
    local.failNext('chat.postMessage', { rateLimited: 0 });
    const patient = client({ retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 } });
    await expect(patient.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(local.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(local.messages('C1')).toHaveLength(1);
  });

  it('surfaces an injected 5xx as WebAPIHTTPError, after the client has retried it per retryConfig', async () => {
    local.failNext('users.info', { httpStatus: 503 }, 3);
    const error = await client({ retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 } })
      .users.info({ user: 'U1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect(error).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503, statusMessage: 'Service Unavailable' });
    expect(local.callsTo('users.info').map((c) => c.status)).toEqual([503, 503, 503]);
  });

  it('surfaces an injected ok:false error as WebAPIPlatformError and is not retried by the client', async () => {
    local.failNext('chat.postMessage', { error: 'channel_not_found' });
    const error = await client({ retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 1 } })
      .chat.postMessage({ channel: 'C404', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } });
    expect(local.callsTo('chat.postMessage')).toHaveLength(1);
    expect(local.messages('C404')).toEqual([]);
  });

  it('carries out a hung call even when the client times out, so a retry can find the post by its metadata', async () => {
    local.failNext('chat.postMessage', { hang: 1000 });
    const impatient = client({ timeout: 100 });
    const metadata = { event_type: 'lanekeeper_post', event_payload: { marker: 'job-42' } };
    const error = await impatient.chat.postMessage({ channel: 'C7', text: 'tip', metadata }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRequestError);
    expect(error).toMatchObject({ code: ErrorCode.RequestError });

    const history = await client().conversations.history({ channel: 'C7', limit: 100, include_all_metadata: true });
    expect(history.messages).toEqual([expect.objectContaining({ text: 'tip', metadata })]);
  });

  it('serves conversations.history newest first, honouring limit, oldest and include_all_metadata', async () => {
    const web = client();
    const posted: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      const r = await web.chat.postMessage({ channel: 'C1', text, metadata: { event_type: 'lanekeeper_post', event_payload: { text } } });
      posted.push(r.ts ?? '');
    }
    await web.chat.postMessage({ channel: 'C1', text: 'in thread', thread_ts: posted[0] });

    const all = await web.conversations.history({ channel: 'C1' });
    expect(all.messages?.map((m) => m.text)).toEqual(['three', 'two', 'one']);
    expect(all.messages?.[0]).not.toHaveProperty('metadata');
    expect(all.messages?.[2]).toMatchObject({ reply_count: 1, thread_ts: posted[0] });

    const limited = await web.conversations.history({ channel: 'C1', limit: 2, include_all_metadata: true });
    expect(limited.messages?.map((m) => m.text)).toEqual(['three', 'two']);
    expect(limited.has_more).toBe(true);
    expect(limited.messages?.[0].metadata).toEqual({ event_type: 'lanekeeper_post', event_payload: { text: 'three' } });

    const next = await web.conversations.history({ channel: 'C1', limit: 2, cursor: limited.response_metadata?.next_cursor });
    expect(next.messages?.map((m) => m.text)).toEqual(['one']);

    const newer = await web.conversations.history({ channel: 'C1', oldest: posted[0] });
    expect(newer.messages?.map((m) => m.text)).toEqual(['three', 'two']);

    const replies = await web.conversations.replies({ channel: 'C1', ts: posted[0] });
    expect(replies.messages?.map((m) => m.text)).toEqual(['one', 'in thread']);
  });

  it('updates, deletes and links messages', async () => {
    const web = client();
    const { ts } = await web.chat.postMessage({ channel: 'C1', text: 'draft' });
    await expect(web.chat.update({ channel: 'C1', ts: ts ?? '', text: 'final' })).resolves.toMatchObject({ ok: true, text: 'final' });
    expect(local.messages('C1')[0]).toMatchObject({ text: 'final', edited: { user: local.botUserId } });
    const link = await web.chat.getPermalink({ channel: 'C1', message_ts: ts ?? '' });
    expect(link.permalink).toBe(`https://example.slack.com/archives/C1/p${(ts ?? '').replace('.', '')}`);
    await web.chat.delete({ channel: 'C1', ts: ts ?? '' });
    expect(local.messages('C1')).toEqual([]);
    await expect(web.chat.update({ channel: 'C1', ts: ts ?? '', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('lets a caller replace or remove a stored message, as response_url answers do', async () => {
    const { ts } = await client().chat.postMessage({ channel: 'C1', text: 'nudge', blocks: [{ type: 'divider' }] });
    expect(local.updateMessage('C1', ts ?? '', { text: 'handed off', blocks: [] })).toBe(true);
    expect(local.messages('C1')[0]).toMatchObject({ text: 'handed off', blocks: [] });
    expect(local.messages('C1')[0].edited).toBeUndefined();
    expect(local.deleteMessage('C1', ts ?? '')).toBe(true);
    expect(local.messages('C1')).toEqual([]);
    expect(local.updateMessage('C1', ts ?? '', { text: 'x' })).toBe(false);
    expect(local.deleteMessage('C1', ts ?? '')).toBe(false);
  });

  it('opens a deterministic DM per user, refuses bots and deactivated users', async () => {
    local.addUser({ id: 'UBOT', name: 'tracker', is_bot: true });
    local.addUser({ id: 'UGONE', name: 'gone', deleted: true });
    const web = client();
    const first = await web.conversations.open({ users: 'U1' });
    const again = await web.conversations.open({ users: 'U1' });
    expect(first).toMatchObject({ ok: true, channel: { id: 'DU1' } });
    expect(again).toMatchObject({ ok: true, already_open: true, channel: { id: 'DU1' } });
    await expect(web.conversations.info({ channel: 'DU1' })).resolves.toMatchObject({ channel: { is_im: true, user: 'U1' } });
    await expect(web.conversations.open({ users: 'UBOT' })).rejects.toMatchObject({ data: { error: 'cannot_dm_bot' } });
    await expect(web.conversations.open({ users: 'UGONE' })).rejects.toMatchObject({ data: { error: 'user_disabled' } });
  });

  it('checks message content the way Slack does', async () => {
    const web = client();
    await expect(web.chat.postMessage({ channel: 'C1', text: '' })).rejects.toMatchObject({ data: { error: 'no_text' } });
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x', blocks: tooMany })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(
      web.apiCall('chat.postMessage', { channel: 'C1', text: 'x', metadata: { event_type: 'bad type!', event_payload: {} } }),
    ).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
  });

  it('publishes a Home tab and opens a modal, checking their limits', async () => {
    const web = client();
    await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [{ type: 'divider' }] } });
    expect(local.homeView('U1')?.view).toMatchObject({ type: 'home', blocks: [{ type: 'divider' }] });

    const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'A title that is far too long' }, blocks: [] };
    await expect(web.views.open({ trigger_id: '1.2.3', view: modal })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await web.views.open({ trigger_id: '1.2.3', view: { ...modal, title: { type: 'plain_text', text: 'Hand off' } } });
    expect(local.modals).toHaveLength(1);
  });

  it('answers invalid_auth to a wrong token and unknown_method to anything it does not implement, and records both', async () => {
    await expect(client({}, 'xoxb-wrong').auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(client().apiCall('reactions.add', { channel: 'C1', name: 'eyes', timestamp: '1.2' })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(local.calls.map((c) => [c.method, c.token])).toEqual([
      ['auth.test', 'xoxb-wrong'],
      ['reactions.add', BOT_TOKEN],
    ]);
  });

  it('waits for a future call, and on timeout names the methods it saw', async () => {
    const waiting = local.waitForCall('chat.postMessage', (c) => c.params.text === 'later');
    await client().chat.postMessage({ channel: 'C1', text: 'sooner' });
    await client().chat.postMessage({ channel: 'C1', text: 'later' });
    await expect(waiting).resolves.toMatchObject({ params: { text: 'later' } });

    await expect(local.waitForCall('views.publish', undefined, 50)).rejects.toThrow(/views\.publish.*calls seen: chat\.postMessage x2/);
  });

  it('reads JSON bodies and multipart uploads as well as form-encoded ones', async () => {
    const json = await fetch(`${local.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: 'C1', text: 'as json', unfurl_links: false }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C1' });
    expect(local.callsTo('chat.postMessage')[0].params).toEqual({ channel: 'C1', text: 'as json', unfurl_links: false });

    // @slack/web-api switches to multipart/form-data when an argument is a Buffer.
    await expect(client().apiCall('files.upload', { channels: 'C1', file: Buffer.from('abc'), filename: 'a.txt' })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(local.callsTo('files.upload')[0].params).toMatchObject({ channels: 'C1', filename: 'a.txt', file: { size: 3 } });
  });

  it('records posts to a response_url as method response_url', async () => {
    const url = local.responseUrl('cmd-1');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }),
    });
    expect(res.status).toBe(200);
    expect(local.callsTo('response_url')).toEqual([
      expect.objectContaining({ params: { text: 'done', response_type: 'ephemeral', __id: 'cmd-1' }, status: 200 }),
    ]);
  });

  it('applies configured per-method rate limits with a Retry-After', async () => {
    await local.close();
    local = await startLocalSlack({ rateLimits: { 'chat.postMessage': { limit: 2, windowMs: 60000, perChannel: true } } });
    const web = client({ rejectRateLimitedCalls: true });
    await web.chat.postMessage({ channel: 'C1', text: '1' });
    await web.chat.postMessage({ channel: 'C1', text: '2' });
    await web.chat.postMessage({ channel: 'C2', text: 'other channel' });
    const error = await web.chat.postMessage({ channel: 'C1', text: '3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBeGreaterThanOrEqual(59);
  });

  it('reset() forgets calls, failures and messages but keeps the directory', async () => {
    local.addUser({ id: 'U1', name: 'ana' });
    local.failNext('users.info', { error: 'fatal_error' });
    await client().chat.postMessage({ channel: 'C1', text: 'x' });
    local.reset();
    expect(local.calls).toEqual([]);
    expect(local.messages('C1')).toEqual([]);
    await expect(client().users.info({ user: 'U1' })).resolves.toMatchObject({ user: { name: 'ana' } });
  });
});
