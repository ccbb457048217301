import { randomBytes, randomUUID } from 'node:crypto';
import { LOCAL_DEFAULTS, randomSlackId, TsClock } from './ids';

/**
 * Builders for the bodies Slack sends an app: Events API envelopes, slash commands and
 * interactivity payloads, with the fields real deliveries carry and unique ids/timestamps by
 * default. The same objects go over HTTP (`requests.ts`) or Socket Mode (`sendSocketEnvelope`).
 */

// One clock for every built event, so two messages built in the same millisecond still get
// distinct, increasing ts values (Slack's message identity).
const eventClock = new TsClock();

/** A fresh message ts (`"1732000000.000100"`), unique and increasing within this process. */
export function nextTs(): string {
  return eventClock.next();
}

export interface EventAuthorization {
  enterprise_id: string | null;
  team_id: string;
  user_id: string;
  is_bot: boolean;
  is_enterprise_install: boolean;
}

export interface SlackEvent {
  type: string;
  event_ts?: string;
  [key: string]: unknown;
}

export interface EventEnvelope<E extends SlackEvent = SlackEvent> {
  token: string;
  team_id: string;
  context_team_id: string;
  context_enterprise_id: string | null;
  api_app_id: string;
  event: E;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: EventAuthorization[];
  is_ext_shared_channel: boolean;
  event_context: string;
}

/** Envelope-level fields every event builder accepts. */
export interface EnvelopeFields {
  /** Workspace. Default {@link LOCAL_DEFAULTS}.teamId. */
  team?: string;
  /** Default {@link LOCAL_DEFAULTS}.appId. */
  appId?: string;
  /** The bot in `authorizations`. Default {@link LOCAL_DEFAULTS}.botUserId. */
  botUserId?: string;
  /** Default: a fresh `Ev…` id. Reuse one to simulate a redelivery. */
  eventId?: string;
  /** Seconds. Default now. */
  eventTime?: number;
  /** The Enterprise Grid org of the workspace. Default none. */
  enterpriseId?: string;
  /** The app is installed org-wide (`authorizations[0].is_enterprise_install`). Default false. */
  isEnterpriseInstall?: boolean;
  /**
   * Slack Connect: the workspace that installed the app and receives the event, when it is not
   * the envelope's `team` (a shared channel hosted by another organisation). Goes into
   * `authorizations[0]` and `context_team_id`. Default: `team`.
   */
  installedTeam?: string;
}

/** Wraps any event in an `event_callback` envelope. */
export function eventEnvelope<E extends SlackEvent>(event: E, fields: EnvelopeFields = {}): EventEnvelope<E> {
  const team = fields.team ?? LOCAL_DEFAULTS.teamId;
  const installedTeam = fields.installedTeam ?? team;
  const enterprise = fields.enterpriseId ?? null;
  return {
    token: LOCAL_DEFAULTS.verificationToken,
    team_id: team,
    context_team_id: installedTeam,
    context_enterprise_id: enterprise,
    api_app_id: fields.appId ?? LOCAL_DEFAULTS.appId,
    event,
    type: 'event_callback',
    event_id: fields.eventId ?? randomSlackId('Ev', 10),
    event_time: fields.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: enterprise,
        team_id: installedTeam,
        user_id: fields.botUserId ?? LOCAL_DEFAULTS.botUserId,
        is_bot: true,
        is_enterprise_install: fields.isEnterpriseInstall ?? false,
      },
    ],
    is_ext_shared_channel: installedTeam !== team,
    event_context: `4-${randomBytes(24).toString('base64url')}`,
  };
}

export type ChannelType = 'channel' | 'group' | 'im' | 'mpim';

function channelTypeOf(channel: string): ChannelType {
  if (channel.startsWith('D')) return 'im';
  if (channel.startsWith('G')) return 'group';
  return 'channel';
}

export interface MessageEventFields extends EnvelopeFields {
  channel?: string;
  /** Default from the channel id: D → im, G → group, else channel. */
  channelType?: ChannelType;
  /** Author. Default {@link LOCAL_DEFAULTS}.userId; omitted for `bot_message` unless given. */
  user?: string;
  text: string;
  /** Default: a fresh ts. */
  ts?: string;
  threadTs?: string;
  subtype?: string;
  /** Set for messages posted by an app (with its bot token: no subtype; legacy/webhook: `bot_message`). */
  botId?: string;
  /** Merged last into the event. */
  extra?: Record<string, unknown>;
}

/** A `message` event (message.channels / .groups / .im / .mpim) in its envelope. */
export function messageEvent(fields: MessageEventFields): EventEnvelope {
  const channel = fields.channel ?? LOCAL_DEFAULTS.channelId;
  const ts = fields.ts ?? nextTs();
  const team = fields.team ?? LOCAL_DEFAULTS.teamId;
  const user = fields.user ?? (fields.subtype === 'bot_message' ? undefined : LOCAL_DEFAULTS.userId);
  const fromPerson = !fields.botId && !fields.subtype;
  const event: SlackEvent = {
    type: 'message',
    ...(fields.subtype ? { subtype: fields.subtype } : {}),
    ...(user ? { user } : {}),
    ...(fields.botId ? { bot_id: fields.botId } : {}),
    text: fields.text,
    ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    ...(fromPerson ? { client_msg_id: randomUUID(), blocks: richTextBlocks(fields.text) } : {}),
    team,
    channel,
    event_ts: ts,
    channel_type: fields.channelType ?? channelTypeOf(channel),
    ...fields.extra,
  };
  return eventEnvelope(event, fields);
}

export interface MessageChangedFields extends EnvelopeFields {
  channel?: string;
  channelType?: ChannelType;
  user?: string;
  /** The edited message's ts. */
  messageTs: string;
  text: string;
  previousText: string;
  threadTs?: string;
}

/** `message_changed`: someone edited `messageTs`; the event's own ts is new. */
export function messageChangedEvent(fields: MessageChangedFields): EventEnvelope {
  const channel = fields.channel ?? LOCAL_DEFAULTS.channelId;
  const user = fields.user ?? LOCAL_DEFAULTS.userId;
  const team = fields.team ?? LOCAL_DEFAULTS.teamId;
  const ts = nextTs();
  const base = { type: 'message', user, team, ts: fields.messageTs, ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}) };
  return eventEnvelope(
    {
      type: 'message',
      subtype: 'message_changed',
      message: { ...base, text: fields.text, edited: { user, ts }, blocks: richTextBlocks(fields.text) },
      previous_message: { ...base, text: fields.previousText, blocks: richTextBlocks(fields.previousText) },
      channel,
      hidden: true,
      ts,
      event_ts: ts,
      channel_type: fields.channelType ?? channelTypeOf(channel),
    },
    fields,
  );
}

/** `message_deleted` for `deletedTs`. */
export function messageDeletedEvent(fields: EnvelopeFields & { channel?: string; user?: string; deletedTs: string; previousText?: string }): EventEnvelope {
  const channel = fields.channel ?? LOCAL_DEFAULTS.channelId;
  const ts = nextTs();
  return eventEnvelope(
    {
      type: 'message',
      subtype: 'message_deleted',
      previous_message: { type: 'message', user: fields.user ?? LOCAL_DEFAULTS.userId, text: fields.previousText ?? '', ts: fields.deletedTs },
      channel,
      hidden: true,
      deleted_ts: fields.deletedTs,
      ts,
      event_ts: ts,
      channel_type: channelTypeOf(channel),
    },
    fields,
  );
}

export interface AppMentionFields extends EnvelopeFields {
  channel?: string;
  user?: string;
  /** Prefixed with `<@bot> ` unless it already mentions the bot. */
  text: string;
  ts?: string;
  threadTs?: string;
  extra?: Record<string, unknown>;
}

export function appMentionEvent(fields: AppMentionFields): EventEnvelope {
  const bot = fields.botUserId ?? LOCAL_DEFAULTS.botUserId;
  const text = fields.text.includes(`<@${bot}`) ? fields.text : `<@${bot}> ${fields.text}`;
  const ts = fields.ts ?? nextTs();
  return eventEnvelope(
    {
      type: 'app_mention',
      user: fields.user ?? LOCAL_DEFAULTS.userId,
      text,
      ts,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
      client_msg_id: randomUUID(),
      blocks: richTextBlocks(text),
      team: fields.team ?? LOCAL_DEFAULTS.teamId,
      channel: fields.channel ?? LOCAL_DEFAULTS.channelId,
      event_ts: ts,
      ...fields.extra,
    },
    fields,
  );
}

export function appHomeOpenedEvent(fields: EnvelopeFields & { user?: string; channel?: string; tab?: 'home' | 'messages'; view?: Record<string, unknown> } = {}): EventEnvelope {
  const user = fields.user ?? LOCAL_DEFAULTS.userId;
  return eventEnvelope(
    {
      type: 'app_home_opened',
      user,
      channel: fields.channel ?? `D${user}`,
      tab: fields.tab ?? 'home',
      ...(fields.view ? { view: fields.view } : {}),
      event_ts: nextTs(),
    },
    fields,
  );
}

/** `tokens_revoked`: `bot` defaults to the bot user (the bot token was revoked). */
export function tokensRevokedEvent(fields: EnvelopeFields & { oauth?: string[]; bot?: string[] } = {}): EventEnvelope {
  return eventEnvelope(
    {
      type: 'tokens_revoked',
      tokens: { oauth: fields.oauth ?? [], bot: fields.bot ?? [fields.botUserId ?? LOCAL_DEFAULTS.botUserId] },
      event_ts: nextTs(),
    },
    fields,
  );
}

export function appUninstalledEvent(fields: EnvelopeFields = {}): EventEnvelope {
  return eventEnvelope({ type: 'app_uninstalled', event_ts: nextTs() }, fields);
}

/** `team_access_revoked`: an org admin removed an org-wide app from some of the org's workspaces. */
export function teamAccessRevokedEvent(fields: EnvelopeFields & { teamIds: string[] }): EventEnvelope {
  return eventEnvelope({ type: 'team_access_revoked', team_ids: fields.teamIds, event_ts: nextTs() }, fields);
}

/** The `url_verification` handshake Slack sends when a Request URL is saved. */
export function urlVerificationBody(challenge: string): { token: string; challenge: string; type: 'url_verification' } {
  return { token: LOCAL_DEFAULTS.verificationToken, challenge, type: 'url_verification' };
}

/** A trigger id shaped like Slack's (`13345224609.738474920.8088930838d88f008e0`). */
export function newTriggerId(): string {
  const digits = (n: number): string => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
  return `${digits(11)}.${digits(9)}.${randomBytes(16).toString('hex')}`;
}

/** Where a `response_url` points when the caller gives none: loopback port 1, so nothing leaves the machine. */
export function unreachableResponseUrl(): string {
  return `http://127.0.0.1:1/response/${randomSlackId('R', 12)}`;
}

export interface SlashCommandFields {
  text: string;
  userId: string;
  teamId?: string;
  channelId?: string;
  /** Default `/lane`. */
  command?: string;
  /** Default: an unreachable loopback URL; pass `local.responseUrl()` to record responses. */
  responseUrl?: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
  appId?: string;
  /** The Enterprise Grid org. Default none. */
  enterpriseId?: string;
  /** The app is installed org-wide. Default false. */
  isEnterpriseInstall?: boolean;
}

/** A slash command as Slack sends it: all string fields (form-encoded over HTTP, JSON over Socket Mode). */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  return {
    token: LOCAL_DEFAULTS.verificationToken,
    team_id: fields.teamId ?? LOCAL_DEFAULTS.teamId,
    team_domain: LOCAL_DEFAULTS.teamDomain,
    channel_id: fields.channelId ?? LOCAL_DEFAULTS.channelId,
    channel_name: fields.channelName ?? LOCAL_DEFAULTS.channelName,
    user_id: fields.userId,
    user_name: fields.userName ?? LOCAL_DEFAULTS.userName,
    command: fields.command ?? '/lane',
    text: fields.text,
    api_app_id: fields.appId ?? LOCAL_DEFAULTS.appId,
    ...(fields.enterpriseId ? { enterprise_id: fields.enterpriseId } : {}),
    is_enterprise_install: String(fields.isEnterpriseInstall ?? false),
    response_url: fields.responseUrl ?? unreachableResponseUrl(),
    trigger_id: fields.triggerId ?? newTriggerId(),
  };
}

export interface BlockActionFields {
  userId: string;
  teamId?: string;
  channelId?: string;
  actionId: string;
  value?: string;
  blockId?: string;
  /** The message the button is on. Default: a fresh ts. */
  messageTs?: string;
  threadTs?: string;
  /** Text of the message the button is on. */
  messageText?: string;
  /** Default: an unreachable loopback URL; pass `local.responseUrl()` to record responses. */
  responseUrl?: string;
  triggerId?: string;
  userName?: string;
  appId?: string;
  /** Default false: a button on a message the bot posted. */
  ephemeral?: boolean;
  /** The button's label, as Slack echoes it in `actions[0].text`. Default: the action id. */
  buttonText?: string;
  /** Set for a choice in a menu (`static_select`) instead of a button click: the option chosen. */
  selectedOption?: { text: string; value: string };
  /** Blocks of the message the button is on (Slack sends them back in `message.blocks`). Default none. */
  messageBlocks?: unknown[];
  /** Default {@link LOCAL_DEFAULTS}.channelName. */
  channelName?: string;
  /**
   * Set for a button on a view (the Home tab): the container is the view, and, as on Slack, the
   * payload carries the view instead of a channel, a message and a response_url.
   */
  view?: { id: string; type?: string; blocks?: unknown[] };
  /** The Enterprise Grid org. Default none. */
  enterpriseId?: string;
  /** The app is installed org-wide. Default false. */
  isEnterpriseInstall?: boolean;
}

/** A `block_actions` payload for a button click on a message, or on a view (see `fields.view`). */
export function blockActionPayload(fields: BlockActionFields): Record<string, unknown> {
  const team = fields.teamId ?? LOCAL_DEFAULTS.teamId;
  const channel = fields.channelId ?? LOCAL_DEFAULTS.channelId;
  const messageTs = fields.messageTs ?? nextTs();
  const blockId = fields.blockId ?? randomSlackId('', 5).toLowerCase();
  const userName = fields.userName ?? LOCAL_DEFAULTS.userName;
  const common = {
    type: 'block_actions',
    user: { id: fields.userId, username: userName, name: userName, team_id: team },
    api_app_id: fields.appId ?? LOCAL_DEFAULTS.appId,
    token: LOCAL_DEFAULTS.verificationToken,
    trigger_id: fields.triggerId ?? newTriggerId(),
    team: { id: team, domain: LOCAL_DEFAULTS.teamDomain },
    enterprise: fields.enterpriseId ? { id: fields.enterpriseId, name: fields.enterpriseId } : null,
    is_enterprise_install: fields.isEnterpriseInstall ?? false,
  };
  const actions = [
    fields.selectedOption
      ? {
          action_id: fields.actionId,
          block_id: blockId,
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: fields.selectedOption.text, emoji: true }, value: fields.selectedOption.value },
          action_ts: nextTs(),
        }
      : {
          action_id: fields.actionId,
          block_id: blockId,
          text: { type: 'plain_text', text: fields.buttonText ?? fields.actionId, emoji: true },
          ...(fields.value !== undefined ? { value: fields.value } : {}),
          type: 'button',
          action_ts: nextTs(),
        },
  ];
  if (fields.view) {
    const view = { type: 'home', blocks: [], ...fields.view, team_id: team, app_id: fields.appId ?? LOCAL_DEFAULTS.appId, bot_id: LOCAL_DEFAULTS.botId };
    return { ...common, container: { type: 'view', view_id: fields.view.id }, view, state: { values: {} }, actions };
  }
  return {
    ...common,
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: Boolean(fields.ephemeral),
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    channel: { id: channel, name: fields.channelName ?? LOCAL_DEFAULTS.channelName },
    ...(fields.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            subtype: 'bot_message',
            text: fields.messageText ?? '',
            ts: messageTs,
            bot_id: LOCAL_DEFAULTS.botId,
            ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
            blocks: fields.messageBlocks ?? [],
          },
        }),
    state: { values: {} },
    response_url: fields.responseUrl ?? unreachableResponseUrl(),
    actions,
  };
}

export interface ViewSubmissionFields {
  userId: string;
  teamId?: string;
  callbackId: string;
  /** `state.values`: `{ [blockId]: { [actionId]: { type, value, … } } }`. */
  values?: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  viewId?: string;
  appId?: string;
  userName?: string;
}

/** A `view_submission` payload (a modal's submit button). */
export function viewSubmissionPayload(fields: ViewSubmissionFields): Record<string, unknown> {
  const team = fields.teamId ?? LOCAL_DEFAULTS.teamId;
  const viewId = fields.viewId ?? randomSlackId('V', 10);
  const userName = fields.userName ?? LOCAL_DEFAULTS.userName;
  return {
    type: 'view_submission',
    team: { id: team, domain: LOCAL_DEFAULTS.teamDomain },
    user: { id: fields.userId, username: userName, name: userName, team_id: team },
    api_app_id: fields.appId ?? LOCAL_DEFAULTS.appId,
    token: LOCAL_DEFAULTS.verificationToken,
    trigger_id: newTriggerId(),
    view: {
      id: viewId,
      team_id: team,
      type: 'modal',
      blocks: [],
      private_metadata: fields.privateMetadata ?? '',
      callback_id: fields.callbackId,
      state: { values: fields.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.${randomSlackId('', 8)}`,
      title: { type: 'plain_text', text: 'Lanekeeper', emoji: true },
      root_view_id: viewId,
      previous_view_id: null,
      app_id: fields.appId ?? LOCAL_DEFAULTS.appId,
      bot_id: LOCAL_DEFAULTS.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The rich_text block Slack adds to messages typed by people (plain text only). */
function richTextBlocks(text: string): unknown[] {
  return [
    {
      type: 'rich_text',
      block_id: randomSlackId('', 4).toLowerCase(),
      elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
    },
  ];
}
