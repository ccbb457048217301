import { Queue, type ConnectionOptions } from 'bullmq';
import type { EnqueueOptions, JobQueue } from '../ports/jobs';
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES, queueOf, type JobName, type JobPayload, type QueueName } from './registry';
import { storeUnavailable } from '../errors';

export type Queues = { readonly [Q in QueueName]: Queue };

/**
 * BullMQ's key prefix for one queue: `<prefix>:{q:<queue>}`. BullMQ's scripts touch several keys
 * of a queue at once, which on a Redis Cluster must share a slot; the braces are the hash tag
 * that puts each queue in a slot of its own (BullMQ's documented way), so different queues can
 * sit on different masters.
 */
export function queuePrefix(prefix: string, queue: QueueName): string {
  return `${prefix}:{q:${queue}}`;
}

/**
 * One BullMQ queue per registry entry. `onError` hears the queues' connection errors: without a
 * listener BullMQ prints each one, with its stack, to the console, outside the structured log.
 */
export function createQueues(connection: ConnectionOptions, prefix: string, onError: (error: Error) => void = () => undefined): Queues {
  const entries = QUEUE_NAMES.map((name) => {
    const queue = new Queue(name, { connection, prefix: queuePrefix(prefix, name), defaultJobOptions: DEFAULT_JOB_OPTIONS[name] });
    queue.on('error', onError);
    return [name, queue];
  });
  return Object.fromEntries(entries) as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}

/** Adds one typed job. Throws a `store_unavailable` error when Redis does not take it. */
export async function enqueue<Q extends QueueName, N extends JobName<Q>>(
  queues: Queues,
  queue: Q,
  name: N,
  payload: JobPayload<Q, N>,
  options: EnqueueOptions,
): Promise<void> {
  // On the receive path the queue's connection has a command timeout (see store/redis.ts), so a
  // Redis that hangs fails this within Slack's 3 seconds instead of holding the answer.
  try {
    await queues[queue].add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      deduplication: options.deduplicateForMs ? { id: options.jobId, ttl: options.deduplicateForMs } : undefined,
    });
  } catch (error) {
    throw storeUnavailable(error);
  }
}

/** The features' job port (src/ports/jobs.ts) over these queues: each job goes to the queue the registry names. */
export function jobQueueOver(queues: Queues): JobQueue {
  return {
    add: (name, payload, options) => enqueue(queues, queueOf(name), name as never, payload as never, options),
  };
}
