/**
 * The traffic of `npm run bench:soak`: many workspaces, each with its own channels and people,
 * sending a mix of messages (about a fifth flagged), standups, edits, `/lane`, nudge clicks and
 * Home opens, built from the labelled corpus with fresh people in each workspace.
 *
 * It also keeps the expectation the run is judged against: for every message it sends, the
 * nudges lanekeeper should post, worked out with the same pure functions the analyze worker uses
 * (classifier, nudge candidates, roles from profile titles) on the same inputs. Every flagged
 * product manager is a new person, so no one reaches the daily nudge cap and every expected nudge
 * must arrive exactly once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, mentionedUsers } from '../../src/core/classifier';
import { nudgeCandidates } from '../../src/core/policy';
import { roleFromTitle } from '../../src/core/roles';
import type { Role } from '../../src/core/types';
import { appHomeOpenedEvent, blockActionPayload, messageChangedEvent, messageEvent, type SlashCommandFields } from '../local-slack/payloads';
import type { LocalUser } from '../local-slack/web-api';
import { seededRandom } from '../seeded-random';

export interface BenchWorkspace {
  teamId: string;
  /**
   * The bot token Slack calls for this workspace carry. Today every workspace shares the one token
   * the app runs with; with per-workspace installs, give each its own here (and install it).
   */
  botToken: string;
  channels: string[];
}

const CHANNELS_PER_WORKSPACE = 5;
const ROSTER_SIZE = 4;

export function benchWorkspaces(count: number, tokenFor: (teamId: string) => string): BenchWorkspace[] {
  return Array.from({ length: count }, (_, index) => {
    const tag = String(index).padStart(4, '0');
    const teamId = `TSOAK${tag}`;
    const channels = Array.from({ length: CHANNELS_PER_WORKSPACE }, (_unused, k) => `CS${tag}N${k}`);
    return { teamId, botToken: tokenFor(teamId), channels };
  });
}

interface CorpusLine {
  text: string;
  author: string;
  roles: Record<string, Role>;
  fromBot: boolean;
}

function readCorpus(): CorpusLine[] {
  const folder = path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus');
  return ['dev.jsonl', 'heldout.jsonl'].flatMap((file) =>
    readFileSync(path.join(folder, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CorpusLine),
  );
}

/** Profile titles the role rules read back as the corpus's roles. */
const TITLE_OF: Record<Role, string> = {
  product: 'Product Manager',
  project: 'Project Manager',
  engineering: 'Software Engineer',
  design: 'Product Designer',
  other: 'Product Marketing Manager',
};

/** What lanekeeper's people directory answers for a profile (no `/lane role` overrides are sent). */
function roleOfProfile(user: LocalUser | undefined): Role | undefined {
  if (!user || user.deleted) return undefined;
  if (user.is_bot) return 'other';
  return roleFromTitle(user.title);
}

/** The share of each kind of request, in percent. Messages: a fifth of them flagged. */
export const TRAFFIC_MIX = { message: 60, standup: 7, edit: 10, lane: 8, click: 5, home: 10 } as const;
export type TrafficKind = keyof typeof TRAFFIC_MIX;
const FLAGGED_SHARE_OF_MESSAGES = 0.2;

/** `<channel>|<thread ts>|<recipient>`: one nudge per thread per person, as the app promises. */
export type NudgeKey = string;
export const nudgeKey = (channel: string, threadTs: string, recipient: string): NudgeKey => `${channel}|${threadTs}|${recipient}`;

export type SoakRequest =
  | { kind: 'message' | 'standup' | 'edit' | 'home'; teamId: string; event: object; flagged: boolean; expects: NudgeKey[] }
  | { kind: 'lane'; teamId: string; command: SlashCommandFields }
  | { kind: 'click'; teamId: string; interaction: object };

/** A nudge the local Slack received, as far as a click on it needs. */
export interface DeliveredNudge {
  teamId: string;
  channel: string;
  recipient: string;
  messageTs: string;
  buttonValue: string;
}

interface SentMessage {
  teamId: string;
  channel: string;
  author: string;
  ts: string;
  text: string;
  fromBot: boolean;
}

const LANE_COMMANDS = ['', 'help', 'stats', 'role', 'check can you book the retro room and send the invites?'];
const NUDGE_CLICKS = ['nudge_not_project_work', 'nudge_snooze_week', 'nudge_mute_channel'];
const RECENT_MESSAGES = 500;

export interface SoakTrafficOptions {
  workspaces: BenchWorkspace[];
  /** Registers a person with the local Slack, so `users.info` answers for them. */
  addUser(user: LocalUser): void;
  /** Each person's time zone (one where it is working hours now, so no nudge waits). */
  timeZone: string;
  seed: number;
  responseUrl(): string;
}

export function createSoakTraffic(options: SoakTrafficOptions) {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const people = new Map<string, LocalUser>();
  let freshPeople = 0;

  const register = (id: string, title: string, isBot = false): string => {
    if (!people.has(id)) {
      const user: LocalUser = { id, name: id.toLowerCase(), title, tz: options.timeZone, tz_offset: 0, ...(isBot ? { is_bot: true } : {}) };
      people.set(id, user);
      options.addUser(user);
    }
    return id;
  };
  /** Everyone but product managers comes from a small roster per workspace and role. */
  const rosterPerson = (ws: BenchWorkspace, role: Role | 'unknown' | 'bot'): string => {
    const id = `U${ws.teamId.slice(1)}${role.slice(0, 3).toUpperCase()}${Math.floor(random() * ROSTER_SIZE)}`;
    return register(id, role === 'unknown' || role === 'bot' ? '' : TITLE_OF[role], role === 'bot');
  };
  /** Product managers are new people each time, so none reaches the daily cap. */
  const freshProductManager = (ws: BenchWorkspace): string => register(`U${ws.teamId.slice(1)}PM${(freshPeople += 1)}`, TITLE_OF.product);

  const corpus = readCorpus();
  // Sorted once by the classifier's own verdict on the corpus roles; the expectation of each
  // request is worked out again on the people it is actually sent with.
  const verdictOf = (line: CorpusLine) => classify({ text: line.text, author: line.author, roles: line.roles, fromBot: line.fromBot });
  const standups = corpus.filter((line) => verdictOf(line).kind === 'standup');
  const flagged = corpus.filter((line) => verdictOf(line).kind !== 'standup' && verdictOf(line).flag);
  const quiet = corpus.filter((line) => verdictOf(line).kind !== 'standup' && !verdictOf(line).flag);

  /** A corpus line with its people replaced by people of the same role in this workspace. */
  const cast = (line: CorpusLine, ws: BenchWorkspace): { text: string; author: string } => {
    const ids = new Map<string, string>();
    const personFor = (original: string): string => {
      let id = ids.get(original);
      if (!id) {
        const role = line.roles[original];
        if (line.fromBot && original === line.author) id = rosterPerson(ws, 'bot');
        else if (role === 'product') id = freshProductManager(ws);
        else id = rosterPerson(ws, role ?? 'unknown');
        ids.set(original, id);
      }
      return id;
    };
    const text = line.text.replace(/<@([UW][A-Z0-9_]+)(\|[^>]*)?>/g, (_match, id: string, label: string | undefined) => `<@${personFor(id)}${label ?? ''}>`);
    return { text, author: personFor(line.author) };
  };

  /** The nudges the analyze worker should queue for this message (see analyzeMessage). */
  const expectedNudges = (message: SentMessage): NudgeKey[] => {
    const involved = [...mentionedUsers(message.text), message.author];
    const roles: Record<string, Role> = {};
    for (const id of involved) {
      const role = roleOfProfile(people.get(id));
      if (role) roles[id] = role;
    }
    const verdict = classify({ text: message.text, author: message.author, roles, fromBot: message.fromBot });
    return nudgeCandidates(verdict, message.author).map((candidate) => nudgeKey(message.channel, message.ts, candidate.recipientId));
  };

  const recent: SentMessage[] = [];
  const delivered: DeliveredNudge[] = [];
  const kinds = Object.entries(TRAFFIC_MIX) as [TrafficKind, number][];
  const totalWeight = kinds.reduce((sum, [, weight]) => sum + weight, 0);

  const messageRequest = (ws: BenchWorkspace, kind: 'message' | 'standup'): SoakRequest => {
    const pool = kind === 'standup' ? standups : random() < FLAGGED_SHARE_OF_MESSAGES ? flagged : quiet;
    const line = pick(pool);
    const { text, author } = cast(line, ws);
    const channel = pick(ws.channels);
    const envelope = messageEvent({ team: ws.teamId, channel, user: author, text, ...(line.fromBot ? { botId: `B${author.slice(1)}` } : {}) });
    const ts = String(envelope.event.ts);
    const sent: SentMessage = { teamId: ws.teamId, channel, author, ts, text, fromBot: line.fromBot };
    recent.push(sent);
    if (recent.length > RECENT_MESSAGES) recent.shift();
    const expects = expectedNudges(sent);
    return { kind, teamId: ws.teamId, event: envelope, flagged: expects.length > 0, expects };
  };

  /** Someone corrects a recent message: a new analysis of the same message, which must not nudge twice. */
  const editRequest = (ws: BenchWorkspace): SoakRequest => {
    const original = recent.length > 0 ? pick(recent) : undefined;
    if (!original || original.fromBot) return messageRequest(ws, 'message');
    const text = `${original.text} (edited)`;
    const event = messageChangedEvent({ team: original.teamId, channel: original.channel, user: original.author, messageTs: original.ts, text, previousText: original.text });
    original.text = text;
    const expects = expectedNudges(original);
    return { kind: 'edit', teamId: original.teamId, event, flagged: expects.length > 0, expects };
  };

  /** The recipient of a nudge that arrived clicks one of its buttons (it only affects their own later nudges). */
  const clickRequest = (ws: BenchWorkspace): SoakRequest => {
    const nudge = delivered.shift();
    if (!nudge) return homeRequest(ws);
    const interaction = blockActionPayload({
      userId: nudge.recipient,
      teamId: nudge.teamId,
      channelId: nudge.channel,
      actionId: pick(NUDGE_CLICKS),
      value: nudge.buttonValue,
      messageTs: nudge.messageTs,
      ephemeral: true,
      responseUrl: options.responseUrl(),
    });
    return { kind: 'click', teamId: nudge.teamId, interaction };
  };

  const homeRequest = (ws: BenchWorkspace): SoakRequest => ({
    kind: 'home',
    teamId: ws.teamId,
    event: appHomeOpenedEvent({ team: ws.teamId, user: rosterPerson(ws, pick(['project', 'engineering', 'design', 'other'] as const)) }),
    flagged: false,
    expects: [],
  });

  const laneRequest = (ws: BenchWorkspace): SoakRequest => ({
    kind: 'lane',
    teamId: ws.teamId,
    command: { text: pick(LANE_COMMANDS), userId: rosterPerson(ws, pick(['project', 'engineering'] as const)), teamId: ws.teamId, channelId: pick(ws.channels), responseUrl: options.responseUrl() },
  });

  return {
    /** Sizes of the corpus pools, for the printout. */
    pools: { standups: standups.length, flagged: flagged.length, quiet: quiet.length },
    people: () => people.size,
    /** The next request, in a random workspace. */
    next(): SoakRequest {
      const ws = pick(options.workspaces);
      let roll = random() * totalWeight;
      const kind = kinds.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'message';
      switch (kind) {
        case 'message':
        case 'standup':
          return messageRequest(ws, kind);
        case 'edit':
          return editRequest(ws);
        case 'click':
          return clickRequest(ws);
        case 'home':
          return homeRequest(ws);
        case 'lane':
          return laneRequest(ws);
      }
    },
    /** A nudge arrived: its recipient may click it later. */
    noteDelivered(nudge: DeliveredNudge): void {
      delivered.push(nudge);
    },
  };
}

export type SoakTraffic = ReturnType<typeof createSoakTraffic>;
