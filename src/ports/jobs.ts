import { z } from 'zod';
import { ROLES } from '../core/types';
import { WORK_SOURCES } from '../core/records';

/**
 * The jobs features may ask for, and what each one carries: the contract between the features,
 * which queue work, and src/queue/, which stores and runs it. Features depend on this port only;
 * which queue carries which job, retries and validation live in src/queue/registry.ts.
 */

const slackId = z.string().regex(/^[A-Z0-9_]+$/, 'must be a Slack id');
const slackTs = z.string().regex(/^\d+\.\d+$/, 'must be a Slack timestamp');
/**
 * Which workspace a job works for: every job about a workspace carries it, so its work can ask
 * `SlackWorkspaces.forTeam(teamId, { enterpriseId })` for the right installation.
 */
const workspaceFields = { teamId: slackId, enterpriseId: slackId.optional() };

/** Slack allows 50 blocks in a message; 100 attachments is well past what any app posts. */
export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_MESSAGE_ATTACHMENTS = 100;
/**
 * The most characters a message's blocks and attachments may take in a job (as JSON). The classifier
 * judges the first 8,000 characters of the rendered message, so more would only cost Redis memory.
 */
export const MAX_MESSAGE_CONTENT_CHARS = 64 * 1024;

/**
 * One Slack message to judge. Its content (text, blocks, attachments) lives in Redis only until the
 * job is done, and is scrubbed from a job that failed for good (see README and {@link scrubMessageContent}).
 */
export const analyzeMessagePayload = z.object({
  ...workspaceFields,
  channelId: slackId,
  channelType: z.enum(['channel', 'group', 'im', 'mpim', 'app_home']).optional(),
  ts: slackTs,
  threadTs: slackTs.optional(),
  userId: slackId.optional(),
  botId: z.string().optional(),
  text: z.string(),
  /** Slack's `blocks` and `attachments` as sent (app posts often carry their content only there). */
  blocks: z.array(z.unknown()).max(MAX_MESSAGE_BLOCKS).optional(),
  attachments: z.array(z.unknown()).max(MAX_MESSAGE_ATTACHMENTS).optional(),
  /** The author of the thread's parent, for a reply (Slack's `parent_user_id`). */
  parentUserId: slackId.optional(),
  /** The message was edited: judged again, but the per-thread limit still holds. */
  edited: z.boolean(),
  receivedAt: z.number().int(),
});
export type AnalyzeMessagePayload = z.infer<typeof analyzeMessagePayload>;

/** A failed job's data without the message's content: what is kept of a job that failed for good. */
export function scrubMessageContent(data: Record<string, unknown>): Record<string, unknown> {
  if (!('text' in data) && !('blocks' in data) && !('attachments' in data)) return data;
  const rest: Record<string, unknown> = { ...data, text: '' };
  delete rest.blocks;
  delete rest.attachments;
  return rest;
}

export const NUDGE_MODES = ['ephemeral', 'thread', 'dm'] as const;
export type NudgeMode = (typeof NUDGE_MODES)[number];

/** One nudge to one product manager. Holds the matched phrase only, never the message text. */
export const sendNudgePayload = z.object({
  ...workspaceFields,
  channelId: slackId,
  /** The message that triggered the nudge, and the thread it belongs to (its own ts when top-level). */
  messageTs: slackTs,
  threadTs: slackTs,
  recipientId: slackId,
  /** Who handed the work over; absent when the product manager volunteered or reported it. */
  assignerId: slackId.optional(),
  mode: z.enum(NUDGE_MODES),
  /** When the triggering message was posted (epoch ms): a nudge delayed past working hours may go stale. */
  messageAt: z.number().int(),
  categories: z.array(z.string()).min(1),
  phrase: z.string().max(200),
  source: z.enum(WORK_SOURCES),
  delegateId: slackId.optional(),
  recipientRole: z.enum(ROLES),
  /**
   * Known from the event that the recipient is not in the conversation (a DM between someone else
   * and the bot): nothing but a DM of their own reaches them there.
   */
  recipientOutsideConversation: z.boolean().optional(),
});
export type SendNudgePayload = z.infer<typeof sendNudgePayload>;

const blocks = z.array(z.record(z.string(), z.unknown())).max(100);

/** A plain post: a hand-off in a thread, or a DM (channel omitted, userId set). */
export const postMessagePayload = z
  .object({
    ...workspaceFields,
    channelId: slackId.optional(),
    userId: slackId.optional(),
    threadTs: slackTs.optional(),
    text: z.string().min(1).max(4000),
    blocks: blocks.optional(),
    purpose: z.enum(['handoff', 'digest', 'team_digest']),
  })
  .refine((post) => post.channelId !== undefined || post.userId !== undefined, 'needs channelId or userId');
export type PostMessagePayload = z.infer<typeof postMessagePayload>;

/** An answer through an interaction's response_url (valid 30 minutes, up to 5 uses). */
export const respondPayload = z.object({
  ...workspaceFields,
  responseUrl: z.url(),
  text: z.string().min(1).max(4000),
  blocks: blocks.optional(),
  replaceOriginal: z.boolean(),
});
export type RespondPayload = z.infer<typeof respondPayload>;

export const publishHomePayload = z.object({ ...workspaceFields, userId: slackId });
export type PublishHomePayload = z.infer<typeof publishHomePayload>;

export const forgetWorkspacePayload = z.object({
  ...workspaceFields,
  reason: z.enum(['tokens_revoked', 'app_uninstalled', 'team_access_revoked']),
  /** 1: at once; 2: a sweep a little later, for work that was in flight during the first. */
  pass: z.union([z.literal(1), z.literal(2)]).default(1),
});
export type ForgetWorkspacePayload = z.infer<typeof forgetWorkspacePayload>;

const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W47');

/** One hourly look for digests that are due (from the job scheduler, or an operator's `digest send --at`). */
export const digestTickPayload = z.object({
  /** The tick's time (epoch ms); absent for scheduler ticks, which use the time they were due. */
  tickMs: z.number().int().optional(),
  windowMs: z.number().int().positive().optional(),
});
export type DigestTickPayload = z.infer<typeof digestTickPayload>;

/** One person's weekly digest, for the ISO week it reports on. */
export const sendDigestPayload = z.object({ ...workspaceFields, userId: slackId, week: isoWeek });
export type SendDigestPayload = z.infer<typeof sendDigestPayload>;

/** Every job by name (names are unique across queues), with the schema of its payload. */
export const JOB_PAYLOADS = {
  'analyze-message': analyzeMessagePayload,
  'forget-workspace': forgetWorkspacePayload,
  'digest-tick': digestTickPayload,
  'send-nudge': sendNudgePayload,
  'send-digest': sendDigestPayload,
  'send-team-digest': sendDigestPayload,
  'post-message': postMessagePayload,
  respond: respondPayload,
  'publish-home': publishHomePayload,
} as const;

export type JobKind = keyof typeof JOB_PAYLOADS;
export type PayloadOf<N extends JobKind> = z.infer<(typeof JOB_PAYLOADS)[N]>;

export interface EnqueueOptions {
  /** Idempotency key: a second add with the same id is a no-op. */
  jobId: string;
  /** Also ignore re-adds for this long after the job itself is gone (milliseconds). */
  deduplicateForMs?: number;
  delayMs?: number;
}

/** Queues jobs. Throws a `store_unavailable` error when the job could not be stored. */
export interface JobQueue {
  add<N extends JobKind>(name: N, payload: PayloadOf<N>, options: EnqueueOptions): Promise<void>;
}

/** How long a message identity stays de-duplicated: well past Slack's last retry (about 6 minutes). */
export const DEDUPLICATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Builds a job id from parts. BullMQ refuses ':' in custom ids and integer-looking ids, so parts
 * are joined with '_' behind a name that always starts with a letter.
 */
export function jobIdFrom(kind: string, ...parts: string[]): string {
  return [kind, ...parts].map((part) => part.replace(/[^A-Za-z0-9.-]/g, '-')).join('_');
}

/** Thrown by a job's work when it must not happen yet (e.g. outside the person's working hours): the job waits, not fails. */
export class DeferUntil extends Error {
  constructor(readonly untilMs: number) {
    super(`deferred until ${new Date(untilMs).toISOString()}`);
    this.name = 'DeferUntil';
  }
}
