import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import { JOB_PAYLOADS } from '../ports/jobs';

/**
 * Every queue and the jobs it carries (payload schemas: src/ports/jobs.ts). Producers and processors
 * are typed from this one map, and workers validate payloads with it when they pick a job up (a job
 * may have been written by an older or newer version of the bot).
 */
export const QUEUES = {
  analyze: {
    'analyze-message': JOB_PAYLOADS['analyze-message'],
    'forget-workspace': JOB_PAYLOADS['forget-workspace'],
    'digest-tick': JOB_PAYLOADS['digest-tick'],
  },
  deliver: {
    'send-nudge': JOB_PAYLOADS['send-nudge'],
    'send-digest': JOB_PAYLOADS['send-digest'],
    'send-team-digest': JOB_PAYLOADS['send-team-digest'],
    'post-message': JOB_PAYLOADS['post-message'],
    respond: JOB_PAYLOADS.respond,
    'publish-home': JOB_PAYLOADS['publish-home'],
  },
} as const;

export type QueueName = keyof typeof QUEUES;
export type JobName<Q extends QueueName> = keyof (typeof QUEUES)[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = z.infer<(typeof QUEUES)[Q][N]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

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

/** Validates a payload against the registry, throwing a ZodError that names every bad field. */
export function parsePayload<Q extends QueueName, N extends JobName<Q>>(
  queue: Q,
  name: N,
  data: unknown,
): JobPayload<Q, N> {
  const schema = QUEUES[queue][name] as z.ZodType<JobPayload<Q, N>>;
  return schema.parse(data);
}

/** The queue that carries a job. */
export function queueOf(name: keyof typeof JOB_PAYLOADS): QueueName {
  return QUEUE_NAMES.find((queue) => Object.hasOwn(QUEUES[queue], name)) ?? 'deliver';
}
