import { z } from 'zod';
import {
  DEDUPLICATION_TTL_MS,
  MAX_MESSAGE_ATTACHMENTS,
  MAX_MESSAGE_BLOCKS,
  MAX_MESSAGE_CONTENT_CHARS,
  jobIdFrom,
  type AnalyzeMessagePayload,
} from '../ports/jobs';

/**
 * Turns a Slack `message` or `app_mention` event into one analyze job, or says why not.
 * Pure: the listener calls it and does the queueing. Every decision here is made on the payload
 * alone, so the receive path never waits on anything but one Redis write.
 */

/** Subtypes that carry a person's or another app's words. Everything else is housekeeping. */
const KEPT_SUBTYPES = new Set(['bot_message', 'thread_broadcast', 'file_share', 'me_message', 'message_changed']);

const postedMessage = z.object({
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  // Read as they come: the classifier skips shapes it does not know, so a payload is never refused for them.
  blocks: z.array(z.unknown()).optional().catch(undefined),
  attachments: z.array(z.unknown()).optional().catch(undefined),
  ts: z.string().regex(/^\d+\.\d+$/),
  thread_ts: z.string().regex(/^\d+\.\d+$/).optional(),
  parent_user_id: z.string().regex(/^[A-Z0-9_]+$/).optional().catch(undefined),
  subtype: z.string().optional(),
  edited: z.object({ ts: z.string() }).optional(),
});

const messageEvent = postedMessage.extend({
  type: z.enum(['message', 'app_mention']),
  channel: z.string().min(1),
  channel_type: z.enum(['channel', 'group', 'im', 'mpim', 'app_home']).optional(),
  message: postedMessage.optional(),
  previous_message: z
    .object({ text: z.string().optional(), blocks: z.array(z.unknown()).optional().catch(undefined), attachments: z.array(z.unknown()).optional().catch(undefined) })
    .optional(),
});

const slackIdOrNothing = z.string().regex(/^[A-Z0-9_]+$/).optional().catch(undefined);

const eventEnvelope = z.object({
  team_id: z.string().min(1),
  // Enterprise Grid only; anything else (absent, null) is no enterprise.
  enterprise_id: slackIdOrNothing,
  context_team_id: slackIdOrNothing,
  // The installation that received the event (Slack sends one).
  authorizations: z.array(z.object({ team_id: slackIdOrNothing, enterprise_id: slackIdOrNothing }).passthrough()).optional().catch(undefined),
  event_id: z.string().optional(),
  event: z.object({ type: z.string(), subtype: z.string().optional() }).passthrough(),
});

export interface BotIdentity {
  botUserId: string;
  botId: string;
}

export type IncomingDecision =
  | { action: 'enqueue'; jobId: string; deduplicateForMs: number; payload: AnalyzeMessagePayload }
  | { action: 'drop'; reason: string }
  | { action: 'malformed'; problems: string[] };

export function readIncomingMessage(body: unknown, bot: BotIdentity, now: number): IncomingDecision {
  const envelope = eventEnvelope.safeParse(body);
  if (!envelope.success) return { action: 'malformed', problems: describe(envelope.error) };
  const subtype = envelope.data.event.subtype;
  if (subtype !== undefined && !KEPT_SUBTYPES.has(subtype)) return { action: 'drop', reason: `subtype ${subtype}` };

  const parsed = messageEvent.safeParse(envelope.data.event);
  if (!parsed.success) return { action: 'malformed', problems: describe(parsed.error) };
  const event = parsed.data;
  const { teamId, enterpriseId } = workspaceOfEnvelope(envelope.data);

  const edited = event.subtype === 'message_changed';
  const message = edited ? event.message : event;
  if (!message) return { action: 'malformed', problems: ['message_changed without message'] };
  if (isFromBot(message, bot)) return { action: 'drop', reason: edited ? 'edit of own post' : 'own post' };
  if (edited && event.previous_message && sameContent(message, event.previous_message)) return { action: 'drop', reason: 'text unchanged' };
  const text = message.text ?? '';
  const content = boundedContent(message);
  // App posts often carry everything in blocks or attachments, with an empty `text`.
  if (text.trim() === '' && content.blocks === undefined && content.attachments === undefined) return { action: 'drop', reason: 'no text' };

  // The message identity (team, channel, ts) is the job id: Slack retries and duplicate deliveries
  // under a different event_id, and the message + app_mention pair for one post, all collapse.
  const jobId = edited
    ? jobIdFrom('edit', teamId, event.channel, message.ts, message.edited?.ts ?? event.ts)
    : jobIdFrom('msg', teamId, event.channel, message.ts);

  return {
    action: 'enqueue',
    jobId,
    deduplicateForMs: DEDUPLICATION_TTL_MS,
    payload: {
      teamId,
      enterpriseId,
      channelId: event.channel,
      channelType: event.channel_type,
      ts: message.ts,
      threadTs: message.thread_ts,
      userId: message.user,
      botId: message.bot_id,
      text,
      ...content,
      parentUserId: message.thread_ts !== undefined && message.thread_ts !== message.ts ? message.parent_user_id : undefined,
      edited,
      receivedAt: now,
    },
  };
}

/**
 * The workspace an event is for: the installation that received it. In a Slack Connect channel the
 * envelope's `team_id` can be the host organisation's; ours is in `authorizations[0]` (and
 * `context_team_id`). Settings, records and snoozes are kept under this team. An org-wide install's
 * authorization names no team: the event's own workspace is then the one.
 */
export function workspaceOfEnvelope(envelope: {
  team_id: string;
  enterprise_id?: string;
  context_team_id?: string;
  authorizations?: { team_id?: string; enterprise_id?: string }[];
}): { teamId: string; enterpriseId?: string } {
  const authorization = envelope.authorizations?.[0];
  return {
    teamId: authorization?.team_id ?? envelope.context_team_id ?? envelope.team_id,
    enterpriseId: authorization?.enterprise_id ?? envelope.enterprise_id,
  };
}

function isFromBot(message: z.infer<typeof postedMessage>, bot: BotIdentity): boolean {
  return message.bot_id === bot.botId || (message.user !== undefined && message.user === bot.botUserId);
}

type ContentParts = Pick<z.infer<typeof postedMessage>, 'text' | 'blocks' | 'attachments'>;

/** An edit that changed nothing the classifier reads (a link unfurl, a reaction count) is not judged again. */
function sameContent(message: ContentParts, previous: ContentParts): boolean {
  if (message.text !== previous.text) return false;
  // Some payloads carry only the previous text: then the text decides.
  if (previous.blocks === undefined && previous.attachments === undefined) return true;
  return JSON.stringify(boundedContent(message)) === JSON.stringify(boundedContent(previous));
}

/** A link preview Slack or an app added (`from_url`): the linked page's words, not the message's. */
function isUnfurl(attachment: unknown): boolean {
  return typeof attachment === 'object' && attachment !== null && 'from_url' in attachment;
}

/**
 * The message's blocks and attachments, bounded: at most Slack's own counts, and at most
 * {@link MAX_MESSAGE_CONTENT_CHARS} characters of JSON between them (the last items are left out
 * first; the classifier judges a bounded prefix anyway). Empty lists are left out.
 */
export function boundedContent(message: ContentParts): { blocks?: unknown[]; attachments?: unknown[] } {
  const blocks = (message.blocks ?? []).slice(0, MAX_MESSAGE_BLOCKS);
  const attachments = (message.attachments ?? []).filter((a) => !isUnfurl(a)).slice(0, MAX_MESSAGE_ATTACHMENTS);
  let budget = MAX_MESSAGE_CONTENT_CHARS;
  const fit = (items: unknown[]): unknown[] | undefined => {
    const kept: unknown[] = [];
    for (const item of items) {
      const size = JSON.stringify(item)?.length ?? 0;
      if (size > budget) break;
      budget -= size;
      kept.push(item);
    }
    return kept.length > 0 ? kept : undefined;
  };
  // Blocks first: a person's rich text and an app's sections hold what `text` summarises.
  const keptBlocks = fit(blocks);
  const keptAttachments = fit(attachments);
  return { ...(keptBlocks ? { blocks: keptBlocks } : {}), ...(keptAttachments ? { attachments: keptAttachments } : {}) };
}

function describe(error: z.ZodError): string[] {
  // Paths and messages only: never the received values, which may hold message text.
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
