import type { RecordedCall, StoredMessage } from '../../scripts/local-slack';
import type { Activity, InboundRequest } from './activity';
import { roleHint, type Directory, type SandboxChannel, type SandboxPerson } from './directory';
import type { EphemeralMessage, EphemeralMessages } from './ephemerals';
import type { HeldNudge } from './queue-watch';
import type { WorkspaceSlack } from './workspace-slack';

/**
 * Everything the page shows, as one person sees it: the channels and their DM with the bot, the
 * ephemeral messages meant for them, their Home tab, and the Web API calls the bot made. The page
 * fetches a fresh one whenever the activity version moves; nothing here is cached.
 */
export interface PageMessage {
  ts: string;
  user?: string;
  /** Posted by an app: lanekeeper (through the Web API) or another app (the sandbox's tracker). */
  fromBot: boolean;
  /** The app's name when another app posted it. */
  appName?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** The parent's ts, for thread replies only. */
  threadTs?: string;
  subtype?: string;
  edited: boolean;
}

export interface PageCall {
  seq: number;
  at: number;
  /** `web-api`: a Web API method call; `response-url`: a POST to an interaction's response_url. */
  kind: 'web-api' | 'response-url';
  method: string;
  status: number;
  /** Slack's `ok`, when the answer was JSON. */
  ok?: boolean;
  error?: string;
  /** Who or where, in words: `to @Ana in #planning (thread)`. */
  summary: string;
  /** The arguments Slack received, as JSON (clipped). */
  params: string;
}

export interface Snapshot {
  version: number;
  viewer: string;
  team: { id: string; name: string };
  bot: { id: string; name: string };
  people: (SandboxPerson & { localTime: string; role: string })[];
  channels: SandboxChannel[];
  /** The viewer's DM with the bot (digests and DM nudges land there). */
  dm: string;
  messages: Record<string, PageMessage[]>;
  ephemerals: EphemeralMessage[];
  home: { blocks: unknown[] } | null;
  calls: PageCall[];
  /** How many of each the bot made since the start (the list keeps only the latest). */
  callTotals: { webApi: number; responseUrl: number };
  /** Nudges the bot holds in its queue until the recipient's working hours, and ones it held earlier. */
  held: HeldNudge[];
  inbound: (Omit<InboundRequest, 'body'> & { body: string })[];
}

export interface SnapshotDeps {
  slack: WorkspaceSlack;
  directory: Directory;
  ephemerals: EphemeralMessages;
  activity: Activity;
  held?: () => HeldNudge[];
  teamName: string;
}

const KEEP_CALLS = 100;
const RESPONSE_URL = 'response_url';
/** Fields the local Slack adds to what it records, which Slack itself would never have received. */
const SANDBOX_FIELDS = ['__id'];
const KEEP_INBOUND = 60;
const MAX_JSON = 2500;

export function buildSnapshot(deps: SnapshotDeps, viewer: string, now = Date.now()): Snapshot {
  const { slack, directory } = deps;
  const people = directory.people();
  const channels = directory.channels();
  const dm = `D${viewer}`;
  const messages: Record<string, PageMessage[]> = {};
  for (const id of [...channels.map((c) => c.id), dm]) messages[id] = slack.messages(id).map(toPageMessage(slack.botUserId));

  const names = new Namer(people, channels, slack.botUserId);
  const calls = slack.calls.slice(-KEEP_CALLS).map((call, index, shown) => toPageCall(call, slack.calls.length - shown.length + index + 1, names));
  const published = slack.homeView(viewer);
  return {
    version: deps.activity.version,
    viewer,
    team: { id: slack.teamId, name: deps.teamName },
    bot: { id: slack.botUserId, name: 'lanekeeper' },
    people: people.map((p) => ({ ...p, localTime: clockIn(p.tz, now), role: roleHint(p.title) })),
    channels,
    dm,
    messages,
    ephemerals: deps.ephemerals.visibleTo(viewer),
    home: published ? { blocks: Array.isArray(published.view.blocks) ? published.view.blocks : [] } : null,
    calls,
    callTotals: {
      webApi: slack.calls.filter((call) => call.method !== RESPONSE_URL).length,
      responseUrl: slack.calls.filter((call) => call.method === RESPONSE_URL).length,
    },
    held: deps.held?.() ?? [],
    inbound: deps.activity.inbound().slice(-KEEP_INBOUND).map((entry) => ({ ...entry, body: clipJson(entry.body) })),
  };
}

const toPageMessage =
  (botUserId: string) =>
  (message: StoredMessage): PageMessage => ({
    ts: message.ts,
    user: message.user,
    fromBot: message.user === botUserId || message.bot_id !== undefined,
    ...(message.user !== botUserId && typeof message.bot_profile?.name === 'string' ? { appName: message.bot_profile.name } : {}),
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.thread_ts && message.thread_ts !== message.ts ? { threadTs: message.thread_ts } : {}),
    ...(message.subtype ? { subtype: message.subtype } : {}),
    edited: message.edited !== undefined,
  });

function toPageCall(call: RecordedCall, seq: number, names: Namer): PageCall {
  const response = call.response as { ok?: unknown; error?: unknown } | undefined;
  const json = typeof response === 'object' && response !== null;
  return {
    seq,
    at: call.at,
    kind: call.method === RESPONSE_URL ? 'response-url' : 'web-api',
    method: call.method,
    status: call.status,
    ...(json && typeof response.ok === 'boolean' ? { ok: response.ok } : {}),
    ...(json && typeof response.error === 'string' ? { error: response.error } : {}),
    summary: describeCall(call, names),
    params: clipJson(asSlackReceivedThem(call.params)),
  };
}

/** The arguments without what the sandbox itself added to the record. */
function asSlackReceivedThem(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => !SANDBOX_FIELDS.includes(key)));
}

/** Who or where a call was about, in the words the page uses. */
function describeCall(call: RecordedCall, names: Namer): string {
  const p = call.params;
  const user = typeof p.user === 'string' ? p.user : typeof p.user_id === 'string' ? p.user_id : typeof p.users === 'string' ? p.users : undefined;
  const channel = typeof p.channel === 'string' ? p.channel : undefined;
  const parts: string[] = [];
  switch (call.method) {
    case 'chat.postEphemeral':
      parts.push(`to ${names.user(user)}`, `in ${names.channel(channel)}`);
      break;
    case 'views.publish':
      parts.push(`Home tab of ${names.user(user)}`);
      break;
    case 'response_url':
      parts.push(p.delete_original === true ? 'delete original' : p.replace_original === true ? 'replace original' : `new ${String(p.response_type ?? 'ephemeral')} message`);
      break;
    default:
      if (user) parts.push(names.user(user));
      if (channel) parts.push(`in ${names.channel(channel)}`);
  }
  if (typeof p.thread_ts === 'string') parts.push('(thread)');
  return parts.join(' ');
}

class Namer {
  private readonly people: Map<string, string>;
  private readonly channels: Map<string, string>;

  constructor(people: SandboxPerson[], channels: SandboxChannel[], botUserId: string) {
    this.people = new Map([...people.map((p) => [p.id, p.name.split(' ')[0]] as const), [botUserId, 'lanekeeper']]);
    this.channels = new Map(channels.map((c) => [c.id, c.name]));
  }

  user(id: string | undefined): string {
    if (!id) return '?';
    return `@${this.people.get(id) ?? id}`;
  }

  channel(id: string | undefined): string {
    if (!id) return '?';
    if (/^[UW]/.test(id)) return `DM of ${this.user(id)}`;
    if (id.startsWith('D')) return `DM of ${this.user(id.slice(1))}`;
    const name = this.channels.get(id);
    return name ? `#${name}` : id;
  }
}

function clockIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
}

function clipJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? '';
  return text.length <= MAX_JSON ? text : `${text.slice(0, MAX_JSON)}\n… (${text.length - MAX_JSON} more characters)`;
}
