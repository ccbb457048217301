import { z } from 'zod';
import type { JobsOptions } from 'bullmq';
import { ROLES } from '../core/types';

/**
 * Every queue, the jobs it carries, and the zod schema of each job's payload. Producers and
 * processors are typed from this one map, and workers validate payloads with it when they pick a job
 * up (a job may have been written by an older or newer version of the bot).
 */

const slackId = z.string().regex(/^[A-Z0-9_]+$/, 'must be a Slack id');
const slackTs = z.string().regex(/^\d+\.\d+$/, 'must be a Slack timestamp');

/** One Slack message to judge. The text lives in Redis only until the job is done (see README). */
export const analyzeMessagePayload = z.object({
  teamId: slackId,
  channelId: slackId,
  channelType: z.enum(['channel', 'group', 'im', 'mpim', 'app_home']).optional(),
  ts: slackTs,
  threadTs: slackTs.optional(),
  userId: slackId.optional(),
  botId: z.string().optional(),
  text: z.string(),
  /** The message was edited: judged again, but the per-thread limit still holds. */
  edited: z.boolean(),
  receivedAt: z.number().int(),
});
export type AnalyzeMessagePayload = z.infer<typeof analyzeMessagePayload>;

export const NUDGE_MODES = ['ephemeral', 'thread', 'dm'] as const;
export type NudgeMode = (typeof NUDGE_MODES)[number];

/** One nudge to one product manager. Holds the matched phrase only, never the message text. */
export const sendNudgePayload = z.object({
  teamId: slackId,
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
  source: z.enum(['assignment', 'standup', 'self_assigned']),
  delegateId: slackId.optional(),
  recipientRole: z.enum(ROLES),
});
export type SendNudgePayload = z.infer<typeof sendNudgePayload>;

const blocks = z.array(z.record(z.string(), z.unknown())).max(100);

/** A plain post: a hand-off in a thread, or a DM (channel omitted, userId set). */
export const postMessagePayload = z
  .object({
    teamId: slackId,
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
  teamId: slackId,
  responseUrl: z.url(),
  text: z.string().min(1).max(4000),
  blocks: blocks.optional(),
  replaceOriginal: z.boolean(),
});
export type RespondPayload = z.infer<typeof respondPayload>;

export const publishHomePayload = z.object({ teamId: slackId, userId: slackId });
export type PublishHomePayload = z.infer<typeof publishHomePayload>;

export const forgetWorkspacePayload = z.object({
  teamId: slackId,
  reason: z.enum(['tokens_revoked', 'app_uninstalled']),
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
export const sendDigestPayload = z.object({ teamId: slackId, userId: slackId, week: isoWeek });
export type SendDigestPayload = z.infer<typeof sendDigestPayload>;

export const QUEUES = {
  analyze: {
    'analyze-message': analyzeMessagePayload,
    'forget-workspace': forgetWorkspacePayload,
    'digest-tick': digestTickPayload,
  },
  deliver: {
    'send-nudge': sendNudgePayload,
    'send-digest': sendDigestPayload,
    'send-team-digest': sendDigestPayload,
    'post-message': postMessagePayload,
    respond: respondPayload,
    'publish-home': publishHomePayload,
  },
} as const;

export type QueueName = keyof typeof QUEUES;
export type JobName<Q extends QueueName> = keyof (typeof QUEUES)[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = z.infer<(typeof QUEUES)[Q][N]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** How long a message identity stays de-duplicated: well past Slack's last retry (about 6 minutes). */
export const DEDUPLICATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Defaults per queue. Completed jobs are removed at once (their payload may hold message text;
 * de-duplication does not depend on them). Failed jobs are kept, bounded, as evidence.
 */
export const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  analyze: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  },
  deliver: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 14 * 24 * 3600, count: 5000 },
  },
};

/**
 * Builds a BullMQ job id from parts. BullMQ refuses ':' in custom ids and integer-looking ids,
 * so parts are joined with '_' behind a name that always starts with a letter.
 */
export function jobIdFrom(kind: string, ...parts: string[]): string {
  return [kind, ...parts].map((part) => part.replace(/[^A-Za-z0-9.-]/g, '-')).join('_');
}

/** Validates a payload against the registry, throwing a ZodError that names every bad field. */
export function parsePayload<Q extends QueueName, N extends JobName<Q>>(
  queue: Q,
  name: N,
  data: unknown,
): JobPayload<Q, N> {
  const schema = QUEUES[queue][name] as z.ZodType<JobPayload<Q, N>>;
  return schema.parse(data);
}
