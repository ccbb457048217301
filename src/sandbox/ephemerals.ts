import { nextTs, randomSlackId, TsClock, type RecordedCall } from '../../scripts/local-slack';
import type { WorkspaceSlack } from './workspace-slack';

/**
 * Messages only one person sees, kept the way a Slack client keeps them: the bot's
 * `chat.postEphemeral` calls, the replies to that person's slash commands, and what the bot sends
 * to a `response_url` afterwards, which replaces, deletes or adds to the message it belongs to.
 * Slack keeps none of these server-side (they vanish on reload); the sandbox keeps them for the
 * session so the visitor can switch people and come back.
 */
export interface EphemeralMessage {
  id: string;
  channel: string;
  /** The one person who sees it. */
  user: string;
  /** Set when it sits in a thread. */
  threadTs?: string;
  /** Where it sorts among the channel's messages. */
  ts: string;
  text: string;
  blocks?: unknown[];
  /** Who it appears to come from: the bot, or Slack itself (e.g. an unknown command). */
  from: 'bot' | 'slackbot';
  /** The slash command it answers, e.g. `/lane check …`, shown above the reply. */
  command?: string;
}

/** What a `response_url` was minted for: where its answers land. */
export interface ResponseTarget {
  user: string;
  channel: string;
  threadTs?: string;
  /** The ephemeral message the interaction came from (replace_original replaces it). */
  ephemeralId?: string;
  /** The public message the interaction came from (replace_original replaces it for everyone). */
  messageTs?: string;
}

interface ResponseBody {
  text?: unknown;
  blocks?: unknown;
  replace_original?: unknown;
  delete_original?: unknown;
  response_type?: unknown;
}

export class EphemeralMessages {
  private readonly messages = new Map<string, EphemeralMessage>();
  private readonly targets = new Map<string, ResponseTarget>();
  private readonly clock = new TsClock();

  constructor(private readonly slack: WorkspaceSlack) {}

  /** A `response_url` on the local Slack whose answers the sandbox applies to `target`. */
  responseUrlFor(target: ResponseTarget): string {
    const id = randomSlackId('R', 12);
    this.targets.set(id, target);
    return this.slack.responseUrl(id);
  }

  /** Points an existing response_url at the ephemeral reply it produced (a slash command's ack). */
  retarget(responseUrl: string, ephemeralId: string): void {
    const id = decodeURIComponent(responseUrl.split('/response/')[1] ?? '');
    const target = this.targets.get(id);
    if (target) this.targets.set(id, { ...target, ephemeralId });
  }

  add(message: Omit<EphemeralMessage, 'id' | 'ts'> & { ts?: string }): EphemeralMessage {
    const stored: EphemeralMessage = { ...message, id: randomSlackId('E', 10), ts: message.ts ?? this.clock.next() };
    this.messages.set(stored.id, stored);
    return stored;
  }

  get(id: string): EphemeralMessage | undefined {
    return this.messages.get(id);
  }

  visibleTo(user: string): EphemeralMessage[] {
    return [...this.messages.values()].filter((m) => m.user === user);
  }

  /** Learns from every Web API call the bot makes; true when something visible changed. */
  observe(call: RecordedCall): boolean {
    if (call.method === 'chat.postEphemeral') return this.fromPostEphemeral(call);
    if (call.method === 'response_url') return this.fromResponseUrl(call);
    return false;
  }

  private fromPostEphemeral(call: RecordedCall): boolean {
    const response = call.response as { ok?: boolean; message_ts?: string } | undefined;
    if (call.status !== 200 || !response?.ok) return false;
    const { channel, user, thread_ts: threadTs, text, blocks } = call.params;
    if (typeof channel !== 'string' || typeof user !== 'string') return false;
    this.add({
      // A user id as the channel means the app's DM with that person, as on Slack.
      channel: /^[UW]/.test(channel) ? `D${channel}` : channel,
      user,
      ...(typeof threadTs === 'string' && threadTs ? { threadTs } : {}),
      ts: response.message_ts,
      text: typeof text === 'string' ? text : '',
      ...(Array.isArray(blocks) ? { blocks } : {}),
      from: 'bot',
    });
    return true;
  }

  private fromResponseUrl(call: RecordedCall): boolean {
    if (call.status !== 200) return false;
    const target = this.targets.get(String(call.params.__id ?? ''));
    if (!target) return false;
    const body = call.params as ResponseBody;
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    const original = target.ephemeralId ? this.messages.get(target.ephemeralId) : undefined;

    if (body.delete_original === true) {
      if (original) this.messages.delete(original.id);
      else if (target.messageTs) this.slack.deleteMessage(target.channel, target.messageTs);
      return true;
    }
    if (body.replace_original === true) {
      if (original) {
        // Slack replaces the whole message: blocks the answer does not carry are gone.
        this.messages.set(original.id, { ...original, text, blocks, command: undefined });
        return true;
      }
      if (target.messageTs) {
        this.slack.updateMessage(target.channel, target.messageTs, { text, blocks: blocks ?? [] });
        return true;
      }
    }
    if (body.response_type === 'in_channel') {
      this.slack.addMessage(target.channel, {
        // The clock of the messages the sandbox builds, so two of them never share a ts.
        ts: nextTs(),
        text,
        ...(blocks ? { blocks } : {}),
        user: this.slack.botUserId,
        bot_id: this.slack.botId,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      });
      return true;
    }
    const added = this.add({ channel: target.channel, user: target.user, threadTs: target.threadTs, text, blocks, from: 'bot' });
    // Later answers with replace_original replace this one, as they would in a Slack client.
    if (!target.ephemeralId) this.targets.set(String(call.params.__id), { ...target, ephemeralId: added.id });
    return true;
  }
}
