import { z } from 'zod';
import { DEDUPLICATION_TTL_MS, jobIdFrom, type AnalyzeMessagePayload } from '../ports/jobs';

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
  ts: z.string().regex(/^\d+\.\d+$/),
  thread_ts: z.string().regex(/^\d+\.\d+$/).optional(),
  subtype: z.string().optional(),
  edited: z.object({ ts: z.string() }).optional(),
});

const messageEvent = postedMessage.extend({
  type: z.enum(['message', 'app_mention']),
  channel: z.string().min(1),
  channel_type: z.enum(['channel', 'group', 'im', 'mpim', 'app_home']).optional(),
  message: postedMessage.optional(),
  previous_message: z.object({ text: z.string().optional() }).optional(),
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
  if (edited && message.text === event.previous_message?.text) return { action: 'drop', reason: 'text unchanged' };
  const text = message.text ?? '';
  if (text.trim() === '') return { action: 'drop', reason: 'no text' };

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

function describe(error: z.ZodError): string[] {
  // Paths and messages only: never the received values, which may hold message text.
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
