import { createHash } from 'node:crypto';
import { parseTs, randomSlackId, TsClock } from './ids';

/**
 * The state of one local workspace (people, conversations, posted messages, views) and the Web API
 * methods that read and change it. No I/O here: `web-api.ts` parses HTTP requests, injects failures
 * and records calls, then hands the parameters to one of these handlers.
 */

export interface LocalUser {
  id: string;
  name: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  title?: string;
  tz?: string;
  tz_offset?: number;
  is_bot?: boolean;
  deleted?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  status_text?: string;
  status_emoji?: string;
  /** Epoch seconds when the status clears; 0: never. */
  status_expiration?: number;
}

export interface LocalChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
  /** For a DM: the other person. */
  user?: string;
  /** Known members. When set, `chat.postEphemeral` to someone else answers `user_not_in_channel`. */
  members?: string[];
}

/** A message as `conversations.history` returns it (plus the channel it lives in). */
export interface StoredMessage {
  channel: string;
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  subtype?: string;
  thread_ts?: string;
  parent_user_id?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  bot_profile?: Record<string, unknown>;
  edited?: { user: string; ts: string };
}

export interface PublishedView {
  id: string;
  type: string;
  user_id?: string;
  trigger_id?: string;
  view: Record<string, unknown>;
}

export interface WorkspaceIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
  botName: string;
}

export type Params = Record<string, unknown>;

/** What a method answers: Slack's JSON body (always HTTP 200, `ok` says whether it worked). */
export type MethodResult = { ok: boolean; error?: string } & Record<string, unknown>;

export type MethodHandler = (params: Params) => MethodResult;

export interface WorkspaceState {
  readonly identity: WorkspaceIdentity;
  readonly users: Map<string, LocalUser>;
  readonly channels: Map<string, LocalChannel>;
  /** Messages per channel, oldest first. */
  readonly messages: Map<string, StoredMessage[]>;
  readonly ephemerals: { channel: string; user: string; message_ts: string; text: string; blocks?: unknown[] }[];
  readonly homeViews: Map<string, PublishedView>;
  readonly modals: PublishedView[];
  readonly clock: TsClock;
}

export function createWorkspaceState(identity: WorkspaceIdentity): WorkspaceState {
  const state: WorkspaceState = {
    identity,
    users: new Map(),
    channels: new Map(),
    messages: new Map(),
    ephemerals: [],
    homeViews: new Map(),
    modals: [],
    clock: new TsClock(),
  };
  state.users.set(identity.botUserId, { id: identity.botUserId, name: identity.botName, real_name: identity.botName, is_bot: true });
  return state;
}

/** Forgets what the app did (messages, views); keeps the people and channels. */
export function clearActivity(state: WorkspaceState): void {
  state.messages.clear();
  state.ephemerals.length = 0;
  state.homeViews.clear();
  state.modals.length = 0;
}

export function permalink(channel: string, ts: string, threadTs?: string): string {
  const base = `https://example.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
}

/** Stores a message in a channel's history, keeping it sorted by ts. */
export function storeMessage(state: WorkspaceState, message: StoredMessage): void {
  const list = state.messages.get(message.channel) ?? [];
  list.push(message);
  list.sort((a, b) => compareTs(a.ts, b.ts));
  state.messages.set(message.channel, list);
}

/**
 * Changes a stored message's content, as a `response_url` answer with `replace_original` does
 * (no `edited` mark, unlike `chat.update`). False when there is no such message.
 */
export function replaceMessageContent(state: WorkspaceState, channel: string, ts: string, changes: Partial<Pick<StoredMessage, 'text' | 'blocks' | 'attachments'>>): boolean {
  const message = state.messages.get(channel)?.find((m) => m.ts === ts);
  if (!message) return false;
  if (changes.text !== undefined) message.text = changes.text;
  if (changes.blocks !== undefined) message.blocks = changes.blocks;
  if (changes.attachments !== undefined) message.attachments = changes.attachments;
  return true;
}

/** Removes a stored message, as a `response_url` answer with `delete_original` does. False when there is no such message. */
export function removeMessage(state: WorkspaceState, channel: string, ts: string): boolean {
  const list = state.messages.get(channel) ?? [];
  const index = list.findIndex((m) => m.ts === ts);
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Method handlers
// ---------------------------------------------------------------------------------------------

export interface MethodDeps {
  /** Mints a Socket Mode URL for `apps.connections.open`. */
  openSocketUrl(): string;
}

const MAX_TEXT = 40000;
const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;

export function createMethodHandlers(state: WorkspaceState, deps: MethodDeps): Record<string, MethodHandler> {
  const id = state.identity;

  const botProfile = (): Record<string, unknown> => ({
    id: id.botId,
    app_id: id.appId,
    user_id: id.botUserId,
    name: id.botName,
    deleted: false,
    team_id: id.teamId,
    updated: 1700000000,
    icons: { image_36: 'https://a.slack-edge.com/80588/img/plugins/app/bot_36.png' },
  });

  const findMessage = (channel: string, ts: string): StoredMessage | undefined =>
    state.messages.get(channel)?.find((m) => m.ts === ts);

  /** A user id in `channel` means "the app's DM with that person", as on Slack. */
  const resolveChannel = (channel: string): string => (/^[UW]/.test(channel) ? openDm(channel).id : channel);

  const openDm = (user: string): { id: string; existed: boolean } => {
    const dmId = `D${user}`;
    const existed = state.channels.has(dmId);
    if (!existed) state.channels.set(dmId, { id: dmId, name: dmId, is_im: true, user, members: [id.botUserId, user] });
    return { id: dmId, existed };
  };

  const channelObject = (channelId: string, withMembers: boolean): Record<string, unknown> => {
    const known = state.channels.get(channelId) ?? synthesizeChannel(channelId);
    const isIm = Boolean(known.is_im);
    const isMpim = Boolean(known.is_mpim);
    const isPrivate = Boolean(known.is_private) || isIm || isMpim;
    const base: Record<string, unknown> = {
      id: known.id,
      created: 1700000000,
      is_archived: false,
      is_org_shared: false,
      context_team_id: id.teamId,
      updated: 1700000000000,
    };
    if (isIm) {
      return { ...base, is_im: true, user: known.user, is_user_deleted: false, priority: 0, is_open: true, last_read: '0000000000.000000' };
    }
    const result: Record<string, unknown> = {
      ...base,
      name: known.name,
      name_normalized: known.name,
      is_channel: !isPrivate,
      is_group: isPrivate && !isMpim,
      is_im: false,
      is_mpim: isMpim,
      is_private: isPrivate,
      is_general: false,
      is_shared: false,
      is_ext_shared: false,
      is_pending_ext_shared: false,
      is_member: true,
      unlinked: 0,
      creator: id.botUserId,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      previous_names: [],
    };
    if (withMembers) result.num_members = (known.members ?? []).length;
    return result;
  };

  const messageForReader = (message: StoredMessage, includeMetadata: boolean): Record<string, unknown> => {
    const out = withoutChannel(message);
    if (!includeMetadata) delete out.metadata;
    const replies = (state.messages.get(message.channel) ?? []).filter((m) => m.thread_ts === message.ts && m.ts !== message.ts);
    if (replies.length > 0) {
      const users = [...new Set(replies.map((r) => r.user ?? r.bot_id ?? ''))];
      Object.assign(out, {
        thread_ts: message.ts,
        reply_count: replies.length,
        reply_users: users,
        reply_users_count: users.length,
        latest_reply: replies[replies.length - 1].ts,
      });
    }
    return out;
  };

  const handlers: Record<string, MethodHandler> = {
    'api.test': (params) => ({ ok: true, args: params }),

    'auth.test': () => ({
      ok: true,
      url: `https://${id.teamDomain}.slack.com/`,
      team: id.teamName,
      user: id.botName,
      team_id: id.teamId,
      user_id: id.botUserId,
      bot_id: id.botId,
      app_id: id.appId,
      app_name: id.botName,
      is_enterprise_install: false,
    }),

    'apps.connections.open': () => ({ ok: true, url: deps.openSocketUrl() }),

    'users.info': (params) => {
      const user = state.users.get(str(params, 'user') ?? '');
      if (!user) return fail('user_not_found');
      return { ok: true, user: userObject(user, id) };
    },

    'users.list': (params) => {
      // Slack pages the directory by cursor (at most 1,000 a page, 0 meaning its own default).
      const { page, nextCursor } = paginate([...state.users.values()], { ...params, limit: int(params, 'limit') || 100 }, 100);
      return { ok: true, members: page.map((user) => userObject(user, id)), cache_ts: 1700000000, response_metadata: { next_cursor: nextCursor } };
    },

    'users.profile.get': (params) => {
      const user = state.users.get(str(params, 'user') ?? id.botUserId);
      if (!user) return fail('user_not_found');
      return { ok: true, profile: profileObject(user, id) };
    },

    'chat.postMessage': (params) => {
      const channelParam = str(params, 'channel');
      if (!channelParam) return fail('channel_not_found');
      const invalid = validateMessageContent(params, true);
      if (invalid) return invalid;
      const threadTs = str(params, 'thread_ts');
      if (threadTs !== undefined && parseTs(threadTs) === undefined) return fail('invalid_thread_ts');
      const channel = resolveChannel(channelParam);
      const metadata = params.metadata as StoredMessage['metadata'];
      const broadcast = threadTs !== undefined && flag(params, 'reply_broadcast');
      const parent = threadTs ? findMessage(channel, threadTs) : undefined;
      const message: StoredMessage = {
        channel,
        type: 'message',
        ts: state.clock.next(),
        text: str(params, 'text') ?? '',
        user: id.botUserId,
        bot_id: id.botId,
        app_id: id.appId,
        team: id.teamId,
        bot_profile: botProfile(),
        ...(broadcast ? { subtype: 'thread_broadcast' } : {}),
        ...(threadTs ? { thread_ts: threadTs, parent_user_id: parent?.user ?? id.botUserId } : {}),
        ...(Array.isArray(params.blocks) ? { blocks: params.blocks } : {}),
        ...(Array.isArray(params.attachments) ? { attachments: params.attachments } : {}),
        ...(metadata ? { metadata } : {}),
      };
      storeMessage(state, message);
      return { ok: true, channel, ts: message.ts, message: withoutChannel(message) };
    },

    'chat.postEphemeral': (params) => {
      const channelParam = str(params, 'channel');
      if (!channelParam) return fail('channel_not_found');
      const user = str(params, 'user');
      if (!user) return fail('user_not_found');
      const invalid = validateMessageContent(params, true);
      if (invalid) return invalid;
      const channel = resolveChannel(channelParam);
      const known = state.channels.get(channel);
      if (known?.members && !known.members.includes(user)) return fail('user_not_in_channel');
      const messageTs = state.clock.next();
      state.ephemerals.push({
        channel,
        user,
        message_ts: messageTs,
        text: str(params, 'text') ?? '',
        ...(Array.isArray(params.blocks) ? { blocks: params.blocks } : {}),
      });
      return { ok: true, message_ts: messageTs };
    },

    'chat.update': (params) => {
      const channel = str(params, 'channel');
      const ts = str(params, 'ts');
      if (!channel) return fail('channel_not_found');
      if (!ts) return fail('message_not_found');
      const message = findMessage(resolveChannel(channel), ts);
      if (!message) return fail('message_not_found');
      if (message.user !== id.botUserId) return fail('cant_update_message');
      const invalid = validateMessageContent(params, false);
      if (invalid) return invalid;
      if (params.text !== undefined) message.text = str(params, 'text') ?? '';
      if (Array.isArray(params.blocks)) message.blocks = params.blocks;
      if (Array.isArray(params.attachments)) message.attachments = params.attachments;
      if (params.metadata !== undefined) message.metadata = params.metadata as StoredMessage['metadata'];
      message.edited = { user: id.botUserId, ts: state.clock.next() };
      return { ok: true, channel: message.channel, ts: message.ts, text: message.text, message: withoutChannel(message) };
    },

    'chat.delete': (params) => {
      const channelParam = str(params, 'channel');
      const ts = str(params, 'ts');
      if (!channelParam) return fail('channel_not_found');
      const channel = resolveChannel(channelParam);
      const list = state.messages.get(channel) ?? [];
      const index = list.findIndex((m) => m.ts === ts);
      if (index < 0) return fail('message_not_found');
      if (list[index].user !== id.botUserId) return fail('cant_delete_message');
      list.splice(index, 1);
      return { ok: true, channel, ts };
    },

    'chat.getPermalink': (params) => {
      const channel = str(params, 'channel');
      const ts = str(params, 'message_ts');
      if (!channel) return fail('channel_not_found');
      if (!ts || parseTs(ts) === undefined) return fail('message_not_found');
      const threadTs = findMessage(channel, ts)?.thread_ts;
      return { ok: true, channel, permalink: permalink(channel, ts, threadTs) };
    },

    'conversations.open': (params) => {
      const channelParam = str(params, 'channel');
      if (channelParam) {
        if (!state.channels.has(channelParam)) return fail('channel_not_found');
        return { ok: true, no_op: true, already_open: true, channel: { id: channelParam } };
      }
      const users = (str(params, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
      if (users.length === 0) return fail('users_list_not_supplied');
      if (users.length > 8) return fail('too_many_users');
      for (const user of users) {
        const known = state.users.get(user);
        if (known?.deleted) return fail('user_disabled');
        if (known?.is_bot && users.length === 1 && user !== id.botUserId) return fail('cannot_dm_bot');
      }
      let channelId: string;
      let existed: boolean;
      if (users.length === 1) {
        ({ id: channelId, existed } = openDm(users[0]));
      } else {
        const sorted = [...new Set([...users, id.botUserId])].sort();
        channelId = `G${createHash('sha1').update(sorted.join(',')).digest('hex').slice(0, 9).toUpperCase()}`;
        existed = state.channels.has(channelId);
        if (!existed) {
          state.channels.set(channelId, { id: channelId, name: `mpdm-${sorted.join('--').toLowerCase()}-1`, is_mpim: true, members: sorted });
        }
      }
      const channel = flag(params, 'return_im') ? channelObject(channelId, false) : { id: channelId };
      return existed ? { ok: true, no_op: true, already_open: true, channel } : { ok: true, channel };
    },

    'conversations.info': (params) => {
      const channel = str(params, 'channel');
      if (!channel) return fail('channel_not_found');
      return { ok: true, channel: channelObject(channel, flag(params, 'include_num_members')) };
    },

    'conversations.members': (params) => {
      const channel = str(params, 'channel');
      if (!channel) return fail('channel_not_found');
      const members = (state.channels.get(channel) ?? synthesizeChannel(channel)).members ?? [];
      const { page, nextCursor } = paginate(members, params, 100);
      return { ok: true, members: page, response_metadata: { next_cursor: nextCursor } };
    },

    'conversations.history': (params) => {
      const channel = str(params, 'channel');
      if (!channel) return fail('channel_not_found');
      const includeMetadata = flag(params, 'include_all_metadata');
      const limit = clamp(int(params, 'limit') ?? 100, 1, 999);
      const inclusive = flag(params, 'inclusive');
      const cursorTs = decodeCursor(str(params, 'cursor'));
      const oldest = parseTs(str(params, 'oldest') ?? '0') ?? 0n;
      const latestParam = cursorTs ?? str(params, 'latest');
      const latest = latestParam !== undefined ? parseTs(latestParam) : undefined;
      const matching = (state.messages.get(resolveChannel(channel)) ?? [])
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast')
        .filter((m) => {
          const ts = parseTs(m.ts) ?? 0n;
          const afterOldest = inclusive ? ts >= oldest : ts > oldest;
          const beforeLatest = latest === undefined || (inclusive && cursorTs === undefined ? ts <= latest : ts < latest);
          return afterOldest && beforeLatest;
        })
        .reverse();
      const page = matching.slice(0, limit);
      const hasMore = matching.length > limit;
      return {
        ok: true,
        messages: page.map((m) => messageForReader(m, includeMetadata)),
        has_more: hasMore,
        pin_count: 0,
        channel_actions_ts: null,
        channel_actions_count: 0,
        response_metadata: { next_cursor: hasMore ? encodeCursor(page[page.length - 1].ts) : '' },
      };
    },

    'conversations.replies': (params) => {
      const channel = str(params, 'channel');
      const ts = str(params, 'ts');
      if (!channel) return fail('channel_not_found');
      if (!ts) return fail('thread_not_found');
      const list = state.messages.get(resolveChannel(channel)) ?? [];
      const parent = list.find((m) => m.ts === ts);
      if (!parent) return fail('thread_not_found');
      const includeMetadata = flag(params, 'include_all_metadata');
      const limit = clamp(int(params, 'limit') ?? 1000, 1, 1000);
      // Oldest first, as on Slack; `oldest` leaves earlier replies out, and a cursor goes on after a page.
      const cursorTs = decodeCursor(str(params, 'cursor'));
      const oldest = parseTs(str(params, 'oldest') ?? '0') ?? 0n;
      const replies = list
        .filter((m) => m.thread_ts === ts && m.ts !== ts)
        .filter((m) => (parseTs(m.ts) ?? 0n) > oldest && (cursorTs === undefined || (parseTs(m.ts) ?? 0n) > (parseTs(cursorTs) ?? 0n)));
      const thread = [...(cursorTs === undefined ? [parent] : []), ...replies];
      const page = thread.slice(0, limit);
      const hasMore = thread.length > limit;
      return {
        ok: true,
        messages: page.map((m) => messageForReader(m, includeMetadata)),
        has_more: hasMore,
        response_metadata: { next_cursor: hasMore ? encodeCursor(page[page.length - 1].ts) : '' },
      };
    },

    'views.publish': (params) => {
      const userId = str(params, 'user_id');
      if (!userId) return fail('invalid_arguments', ['[ERROR] missing required field: user_id']);
      const view = params.view;
      const problems = validateView(view, 'home');
      if (problems.length > 0) return fail('invalid_arguments', problems);
      const published = publishView(state, view as Record<string, unknown>, { user_id: userId });
      state.homeViews.set(userId, published);
      return { ok: true, view: published.view };
    },

    'views.open': (params) => {
      const triggerId = str(params, 'trigger_id');
      if (!triggerId) return fail('invalid_arguments', ['[ERROR] missing required field: trigger_id']);
      const view = params.view;
      const problems = validateView(view, 'modal');
      if (problems.length > 0) return fail('invalid_arguments', problems);
      const published = publishView(state, view as Record<string, unknown>, { trigger_id: triggerId });
      state.modals.push(published);
      return { ok: true, view: published.view };
    },
  };
  return handlers;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A stored message as Slack shows it: the channel is implied by the request. */
function withoutChannel(message: StoredMessage): Record<string, unknown> {
  const copy: Partial<StoredMessage> = { ...message };
  delete copy.channel;
  return copy;
}

function fail(error: string, messages?: string[]): MethodResult {
  return messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

function str(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function int(params: Params, key: string): number | undefined {
  const value = Number(params[key]);
  return params[key] === undefined || !Number.isFinite(value) ? undefined : Math.trunc(value);
}

/** Form fields arrive as strings: `"true"`/`"1"` count as true, as on Slack. */
function flag(params: Params, key: string): boolean {
  const value = params[key];
  return value === true || value === 1 || value === 'true' || value === '1';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function compareTs(a: string, b: string): number {
  const x = parseTs(a) ?? 0n;
  const y = parseTs(b) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}

function encodeCursor(ts: string): string {
  return Buffer.from(`next_ts:${ts}`).toString('base64');
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith('next_ts:') ? decoded.slice('next_ts:'.length) : undefined;
}

function paginate<T>(items: T[], params: Params, defaultLimit: number): { page: T[]; nextCursor: string } {
  const limit = clamp(int(params, 'limit') ?? defaultLimit, 1, 1000);
  const cursor = str(params, 'cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) || 0 : 0;
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
  return { page, nextCursor: next };
}

function synthesizeChannel(channelId: string): LocalChannel {
  if (channelId.startsWith('D')) return { id: channelId, name: channelId, is_im: true, user: channelId.slice(1) };
  return { id: channelId, name: channelId.toLowerCase(), is_private: channelId.startsWith('G') };
}

function userObject(user: LocalUser, id: WorkspaceIdentity): Record<string, unknown> {
  const tz = user.tz ?? 'America/Los_Angeles';
  return {
    id: user.id,
    team_id: id.teamId,
    name: user.name,
    deleted: Boolean(user.deleted),
    color: '9f69e7',
    real_name: user.real_name ?? user.name,
    tz,
    tz_label: tz,
    tz_offset: user.tz_offset ?? -28800,
    profile: profileObject(user, id),
    is_admin: Boolean(user.is_admin),
    is_owner: Boolean(user.is_owner),
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: Boolean(user.is_bot),
    is_app_user: false,
    updated: 1700000000,
    is_email_confirmed: !user.is_bot,
    who_can_share_contact_card: 'EVERYONE',
  };
}

function profileObject(user: LocalUser, id: WorkspaceIdentity): Record<string, unknown> {
  const realName = user.real_name ?? user.name;
  const displayName = user.display_name ?? '';
  return {
    title: user.title ?? '',
    phone: '',
    skype: '',
    real_name: realName,
    real_name_normalized: realName,
    display_name: displayName,
    display_name_normalized: displayName,
    fields: null,
    status_text: user.status_text ?? '',
    status_emoji: user.status_emoji ?? '',
    status_expiration: user.status_expiration ?? 0,
    avatar_hash: 'g0000000000a',
    ...(user.email ? { email: user.email } : {}),
    ...(user.is_bot && user.id === id.botUserId ? { bot_id: id.botId, api_app_id: id.appId, always_active: true } : {}),
    first_name: realName.split(' ')[0],
    last_name: realName.split(' ').slice(1).join(' '),
    image_24: 'https://secure.gravatar.com/avatar/local.jpg?s=24',
    image_48: 'https://secure.gravatar.com/avatar/local.jpg?s=48',
    image_72: 'https://secure.gravatar.com/avatar/local.jpg?s=72',
    team: id.teamId,
  };
}

/** The checks Slack makes on message content that are easy to trip over. */
function validateMessageContent(params: Params, requireContent: boolean): MethodResult | undefined {
  const { text, blocks, attachments, metadata } = params;
  if (typeof blocks === 'string' || (blocks !== undefined && !Array.isArray(blocks))) return fail('invalid_blocks_format');
  if (typeof attachments === 'string') return fail('invalid_attachments');
  const hasText = typeof text === 'string' ? text.length > 0 : text !== undefined;
  if (requireContent && !hasText && !Array.isArray(blocks) && !Array.isArray(attachments)) return fail('no_text');
  if (typeof text === 'string' && text.length > MAX_TEXT) return fail('msg_too_long');
  if (Array.isArray(blocks)) {
    const problems = validateBlocks(blocks, MAX_MESSAGE_BLOCKS);
    if (problems.length > 0) return fail('invalid_blocks', problems);
  }
  if (metadata !== undefined) {
    const m = metadata as { event_type?: unknown; event_payload?: unknown } | null;
    const valid =
      typeof m === 'object' &&
      m !== null &&
      typeof m.event_type === 'string' &&
      /^[a-zA-Z0-9_]+$/.test(m.event_type) &&
      typeof m.event_payload === 'object' &&
      m.event_payload !== null;
    if (!valid) return fail('invalid_metadata_format');
  }
  return undefined;
}

function validateBlocks(blocks: unknown[], max: number): string[] {
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`[ERROR] no more than ${max} items allowed [json-pointer:/blocks]`);
  blocks.forEach((raw, index) => {
    const block = raw as { type?: unknown; text?: { type?: unknown; text?: unknown } } | null;
    const at = `[json-pointer:/blocks/${index}`;
    if (typeof block !== 'object' || block === null || typeof block.type !== 'string') {
      problems.push(`[ERROR] missing required field: type ${at}]`);
      return;
    }
    const text = block.text?.text;
    if (block.type === 'section' && typeof text === 'string' && text.length > 3000) {
      problems.push(`[ERROR] must be less than 3001 characters ${at}/text/text]`);
    }
    if (block.type === 'header') {
      if (block.text?.type !== 'plain_text') problems.push(`[ERROR] must be a plain_text object ${at}/text]`);
      if (typeof text === 'string' && text.length > 150) problems.push(`[ERROR] must be less than 151 characters ${at}/text/text]`);
    }
  });
  return problems;
}

function validateView(raw: unknown, expectedType: 'home' | 'modal'): string[] {
  if (typeof raw !== 'object' || raw === null) return ['[ERROR] missing required field: view'];
  const view = raw as { type?: unknown; blocks?: unknown; title?: { text?: unknown }; submit?: { text?: unknown }; close?: { text?: unknown }; private_metadata?: unknown };
  const problems: string[] = [];
  if (view.type !== expectedType) problems.push(`[ERROR] must be ${expectedType} [json-pointer:/view/type]`);
  if (!Array.isArray(view.blocks)) problems.push('[ERROR] missing required field: blocks [json-pointer:/view/blocks]');
  else problems.push(...validateBlocks(view.blocks, MAX_VIEW_BLOCKS).map((p) => p.replace('json-pointer:/blocks', 'json-pointer:/view/blocks')));
  if (expectedType === 'modal') {
    if (typeof view.title?.text !== 'string') problems.push('[ERROR] missing required field: title [json-pointer:/view/title]');
    for (const key of ['title', 'submit', 'close'] as const) {
      const text = view[key]?.text;
      if (typeof text === 'string' && text.length > 24) problems.push(`[ERROR] must be less than 25 characters [json-pointer:/view/${key}/text]`);
    }
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) {
    problems.push('[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  return problems;
}

function publishView(state: WorkspaceState, view: Record<string, unknown>, target: { user_id?: string; trigger_id?: string }): PublishedView {
  const viewId = randomSlackId('V', 10);
  const full: Record<string, unknown> = {
    id: viewId,
    team_id: state.identity.teamId,
    type: view.type,
    blocks: view.blocks,
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    external_id: view.external_id ?? '',
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${randomSlackId('', 8)}`,
    title: view.title ?? { type: 'plain_text', text: 'View Title', emoji: true },
    clear_on_close: Boolean(view.clear_on_close),
    notify_on_close: Boolean(view.notify_on_close),
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: null,
    root_view_id: viewId,
    app_id: state.identity.appId,
    app_installed_team_id: state.identity.teamId,
    bot_id: state.identity.botId,
  };
  return { id: viewId, type: String(view.type), ...target, view: full };
}
