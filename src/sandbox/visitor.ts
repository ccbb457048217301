import {
  appHomeOpenedEvent,
  appMentionEvent,
  messageEvent,
  nextTs,
  slashCommandPayload,
  type SlackRequestSender,
  type SlackResponse,
} from '../../scripts/local-slack';
import type { Activity, InboundRequest } from './activity';
import type { Directory } from './directory';
import type { EphemeralMessages } from './ephemerals';
import { parseTrackerCommand, TRACKER_APP, trackerPost } from './tracker-post';
import { encodeTypedText, mentionedIds, type Mentionable } from './typed-text';
import type { WorkspaceSlack } from './workspace-slack';

/**
 * Everything a visitor does, turned into what Slack would send the bot: a posted message is stored
 * in the local Slack and delivered as a signed `message` event; `/lane …` is a signed slash
 * command; a button click is the `block_actions` request for that very button; opening the Home
 * tab is `app_home_opened`. The bot cannot tell the sandbox from Slack.
 */
export interface VisitorDeps {
  slack: WorkspaceSlack;
  sender: SlackRequestSender;
  directory: Directory;
  ephemerals: EphemeralMessages;
  activity: Activity;
  teamId: string;
}

/** A visitor request that cannot be carried out (unknown person, channel, message or button). */
export class VisitorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VisitorError';
  }
}

/** Where a clicked button is: on a channel message, on an ephemeral message, or on the Home tab. */
export type ButtonPlace = { kind: 'message'; channel: string; ts: string } | { kind: 'ephemeral'; id: string } | { kind: 'home' };

export interface Visitor {
  post(input: { user: string; channel: string; threadTs?: string; text: string }): Promise<{ ts: string }>;
  /** `text` is everything typed, starting with the slash. Resolves with the ack's text, if any. */
  command(input: { user: string; channel: string; text: string }, options?: { quiet?: boolean }): Promise<{ status: number; reply?: string }>;
  /** `option`: the value chosen in a menu (`static_select`) rather than a button pressed. */
  click(input: { user: string; actionId: string; blockId?: string; option?: string; on: ButtonPlace }): Promise<{ status: number }>;
  openHome(user: string): Promise<{ status: number }>;
}

const LANE = '/lane';
const TRACKER = '/tracker';

export function createVisitor(deps: VisitorDeps): Visitor {
  const { slack, sender, directory, ephemerals, teamId } = deps;
  // The tracker app the visitor can post as: an app user, as Slack lists one.
  slack.addUser({ id: TRACKER_APP.userId, name: 'tracker', real_name: TRACKER_APP.name, is_bot: true });
  // One ticket per task title, so a reminder about a task is about the ticket it was assigned as.
  const tickets = new Map<string, string>();

  const known = (): Mentionable => ({
    people: [...directory.people(), { id: slack.botUserId, handle: 'lanekeeper' }],
    channels: directory.channels(),
  });

  const personOf = (user: string) => {
    const person = directory.person(user);
    if (!person) throw new VisitorError(`nobody has the id ${user}`);
    return person;
  };

  /** A channel the person can write in: a seeded channel, or their own DM with the bot. */
  const channelFor = (user: string, channel: string): { id: string; name: string; isDm: boolean } => {
    if (channel === `D${user}`) return { id: channel, name: 'lanekeeper', isDm: true };
    const found = directory.channel(channel);
    if (!found) throw new VisitorError(`no channel ${channel} for this person`);
    return { id: found.id, name: found.name, isDm: false };
  };

  /** Sends one signed request and logs it for the page, whatever the bot answers. */
  const deliver = async (entry: Pick<InboundRequest, 'kind' | 'summary' | 'user' | 'body'>, send: () => Promise<SlackResponse>): Promise<SlackResponse | undefined> => {
    const started = Date.now();
    try {
      const response = await send();
      deps.activity.recordInbound({ ...entry, at: started, status: response.status, elapsedMs: Math.round(response.elapsedMs) });
      return response;
    } catch {
      // The bot did not answer at all (stopping, or crashed): Slack would retry; the page shows it.
      deps.activity.recordInbound({ ...entry, at: started, status: 0, elapsedMs: Date.now() - started });
      return undefined;
    }
  };

  /** `/tracker assign @ana Book the venue`: a tracker app's notification, as real apps post them. */
  const postAsTracker = async (user: string, where: { id: string; name: string; isDm: boolean }, args: string): Promise<{ status: number; reply?: string }> => {
    const request = parseTrackerCommand(args);
    const assignee = 'error' in request ? undefined : directory.people().find((p) => p.handle.toLowerCase() === request.handle.toLowerCase());
    if ('error' in request || !assignee) {
      const text = 'error' in request ? request.error : `Nobody here is @${request.handle}.`;
      ephemerals.add({ channel: where.id, user, from: 'slackbot', command: `${TRACKER}${args}`, text });
      deps.activity.bump();
      return { status: 0, reply: text };
    }
    const title = request.title.toLowerCase();
    const key = tickets.get(title) ?? `OPS-${101 + tickets.size}`;
    tickets.set(title, key);
    const post = trackerPost(request, key, assignee.name);
    const ts = nextTs();
    const app = { bot_id: TRACKER_APP.botId, bot_profile: { name: TRACKER_APP.name, app_id: 'A0TRACKER' } };
    slack.addMessage(where.id, { ts, user: TRACKER_APP.userId, team: teamId, ...post, ...app });
    deps.activity.bump();
    const event = messageEvent({ team: teamId, botUserId: slack.botUserId, channel: where.id, user: TRACKER_APP.userId, botId: TRACKER_APP.botId, text: post.text, ts, extra: { blocks: post.blocks, attachments: post.attachments, bot_profile: app.bot_profile } });
    const response = await deliver({ kind: 'event', summary: `${TRACKER_APP.name} app post in #${where.name}`, user, body: event }, () => sender.sendEvent(event));
    return { status: response?.status ?? 0 };
  };

  return {
    async post({ user, channel, threadTs, text }) {
      personOf(user);
      const where = channelFor(user, channel);
      if (!text.trim()) throw new VisitorError('an empty message cannot be sent');
      const parent = threadTs ? slack.messages(where.id).find((m) => m.ts === threadTs && (!m.thread_ts || m.thread_ts === m.ts)) : undefined;
      if (threadTs && !parent) throw new VisitorError('no such thread');

      const encoded = encodeTypedText(text, known());
      const ts = nextTs();
      // Stored first, as on Slack: the message exists by the time its event arrives.
      slack.addMessage(where.id, { ts, text: encoded, user, team: teamId, ...(parent ? { thread_ts: parent.ts, parent_user_id: parent.user } : {}) });
      deps.activity.bump();

      const label = where.isDm ? 'DM with lanekeeper' : `#${where.name}`;
      const event = messageEvent({
        team: teamId,
        botUserId: slack.botUserId,
        channel: where.id,
        user,
        text: encoded,
        ts,
        threadTs: parent?.ts,
        ...(parent?.user ? { extra: { parent_user_id: parent.user } } : {}),
      });
      await deliver({ kind: 'event', summary: `message in ${label}${parent ? ' (thread)' : ''}`, user, body: event }, () => sender.sendEvent(event));
      // Slack also sends app_mention when a channel message mentions the app (the bot collapses the pair).
      if (!where.isDm && mentionedIds(encoded).includes(slack.botUserId)) {
        const mention = appMentionEvent({ team: teamId, botUserId: slack.botUserId, channel: where.id, user, text: encoded, ts, threadTs: parent?.ts });
        await deliver({ kind: 'event', summary: `app_mention in ${label}`, user, body: mention }, () => sender.sendEvent(mention));
      }
      return { ts };
    },

    async command({ user, channel, text }, options = {}) {
      const person = personOf(user);
      const where = channelFor(user, channel);
      const typed = text.trim();
      const [name = '', ...rest] = typed.split(/\s+/);
      if (name === TRACKER) return postAsTracker(user, where, typed.slice(name.length));
      if (name !== LANE) {
        ephemerals.add({
          channel: where.id,
          user,
          from: 'slackbot',
          command: typed,
          text: `\`${name}\` is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands. The sandbox knows \`${LANE}\`.`,
        });
        deps.activity.bump();
        return { status: 0 };
      }
      const args = encodeTypedText(typed.slice(name.length).trim(), known(), 'slash_command');
      const responseUrl = ephemerals.responseUrlFor({ user, channel: where.id });
      const payload = slashCommandPayload({ text: args, userId: user, userName: person.handle, teamId, channelId: where.id, channelName: where.isDm ? 'directmessage' : where.name, responseUrl, command: LANE });
      const response = await deliver({ kind: 'command', summary: `${LANE} ${rest.join(' ')}`.trim(), user, body: payload }, () =>
        // Sent as built (not through sendSlashCommand) so the log shows exactly the fields the bot got.
        sender.sendRaw(new URLSearchParams(payload).toString(), 'application/x-www-form-urlencoded'),
      );

      const ack = response?.status === 200 ? (response.json as { text?: unknown; blocks?: unknown; response_type?: unknown } | undefined) : undefined;
      const reply = typeof ack?.text === 'string' ? ack.text : undefined;
      if (options.quiet) return { status: response?.status ?? 0, reply };
      if (!response || response.status !== 200) {
        // What a Slack client shows when an app fails to answer its command.
        const reason = response ? 'dispatch_failed' : 'operation_timeout';
        ephemerals.add({ channel: where.id, user, from: 'slackbot', command: typed, text: `\`${LANE}\` failed with the error "${reason}"` });
      } else if (ack?.response_type === 'in_channel') {
        // A public answer: everyone sees it, from the bot (lanekeeper itself never answers so).
        slack.addMessage(where.id, { ts: nextTs(), text: reply ?? '', user: slack.botUserId, bot_id: slack.botId, ...(Array.isArray(ack.blocks) ? { blocks: ack.blocks } : {}) });
      } else if (ack && (reply !== undefined || Array.isArray(ack.blocks))) {
        const shown = ephemerals.add({ channel: where.id, user, from: 'bot', command: typed, text: reply ?? '', ...(Array.isArray(ack.blocks) ? { blocks: ack.blocks } : {}) });
        ephemerals.retarget(responseUrl, shown.id);
      }
      deps.activity.bump();
      return { status: response?.status ?? 0, reply };
    },

    async click({ user, actionId, blockId, option, on }) {
      const person = personOf(user);
      let payload: Record<string, unknown>;
      let where: string;
      if (on.kind === 'home') {
        const published = slack.homeView(user);
        const button = published && findButton(published.view.blocks, actionId, blockId, option);
        if (!published || !button) throw new VisitorError(option === undefined ? 'no such button on the Home tab' : 'no such choice in a menu on the Home tab');
        payload = sender.blockAction({
          userId: user,
          userName: person.handle,
          teamId,
          actionId,
          blockId: button.blockId,
          value: button.value,
          buttonText: button.text,
          ...(button.selected ? { selectedOption: button.selected } : {}),
          view: { id: published.id, type: 'home', blocks: published.view.blocks as unknown[] },
        });
        where = 'Home tab';
      } else if (on.kind === 'ephemeral') {
        const message = ephemerals.get(on.id);
        const button = message && message.user === user ? findButton(message.blocks, actionId, blockId) : undefined;
        if (!message || !button) throw new VisitorError('no such button on a message you can see');
        const channelName = directory.channel(message.channel)?.name;
        payload = sender.blockAction({
          userId: user,
          userName: person.handle,
          teamId,
          channelId: message.channel,
          ...(channelName ? { channelName } : {}),
          actionId,
          blockId: button.blockId,
          value: button.value,
          buttonText: button.text,
          messageTs: message.ts,
          threadTs: message.threadTs,
          ephemeral: true,
          responseUrl: ephemerals.responseUrlFor({ user, channel: message.channel, threadTs: message.threadTs, ephemeralId: message.id }),
        });
        where = 'an ephemeral message';
      } else {
        const conversation = channelFor(user, on.channel);
        const message = slack.messages(conversation.id).find((m) => m.ts === on.ts);
        const button = message && findButton(message.blocks, actionId, blockId);
        if (!message || !button) throw new VisitorError('no such button on that message');
        const threadTs = message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : undefined;
        payload = sender.blockAction({
          userId: user,
          userName: person.handle,
          teamId,
          channelId: conversation.id,
          channelName: conversation.isDm ? 'directmessage' : conversation.name,
          actionId,
          blockId: button.blockId,
          value: button.value,
          buttonText: button.text,
          messageTs: message.ts,
          threadTs,
          messageText: message.text,
          messageBlocks: message.blocks,
          responseUrl: ephemerals.responseUrlFor({ user, channel: conversation.id, threadTs, messageTs: message.ts }),
        });
        where = conversation.isDm ? 'a DM' : `#${conversation.name}`;
      }
      const response = await deliver({ kind: 'action', summary: `${actionId} on ${where}`, user, body: payload }, () => sender.sendInteraction(payload));
      return { status: response?.status ?? 0 };
    },

    async openHome(user) {
      personOf(user);
      const published = slack.homeView(user);
      const event = appHomeOpenedEvent({ team: teamId, botUserId: slack.botUserId, user, channel: `D${user}`, tab: 'home', ...(published ? { view: published.view } : {}) });
      const response = await deliver({ kind: 'event', summary: 'app_home_opened', user, body: event }, () => sender.sendEvent(event));
      return { status: response?.status ?? 0 };
    },
  };
}

interface FoundButton {
  blockId?: string;
  value?: string;
  text?: string;
  /** For a menu: the option chosen. */
  selected?: { text: string; value: string };
}

/**
 * The button with this action id among a message's or view's blocks (actions elements and section
 * accessories); with `option`, the menu (`static_select`) with this action id that offers it.
 */
export function findButton(blocks: unknown, actionId: string, blockId?: string, option?: string): FoundButton | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const raw of blocks) {
    const block = raw as { block_id?: unknown; elements?: unknown; accessory?: unknown } | null;
    if (!block || typeof block !== 'object') continue;
    const ownId = typeof block.block_id === 'string' ? block.block_id : undefined;
    if (blockId !== undefined && ownId !== blockId) continue;
    const candidates = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory];
    for (const element of candidates) {
      const button = element as { type?: unknown; action_id?: unknown; value?: unknown; text?: { text?: unknown }; options?: unknown } | null | undefined;
      if (option !== undefined && button?.type === 'static_select' && button.action_id === actionId && Array.isArray(button.options)) {
        const offered = (button.options as { text?: { text?: unknown }; value?: unknown }[]).find((choice) => choice?.value === option);
        if (offered) return { blockId: ownId, selected: { text: typeof offered.text?.text === 'string' ? offered.text.text : option, value: option } };
        continue;
      }
      if (option !== undefined || button?.type !== 'button' || button.action_id !== actionId) continue;
      return {
        blockId: ownId,
        value: typeof button.value === 'string' ? button.value : undefined,
        text: typeof button.text?.text === 'string' ? button.text.text : undefined,
      };
    }
  }
  return undefined;
}
