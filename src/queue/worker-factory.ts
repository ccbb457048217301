import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { ZodError } from 'zod';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { WorkspaceNotInstalled } from '../ports/slack';
import { parsePayload, type JobName, type JobPayload, type QueueName } from './registry';

/** What a processor gets besides its validated payload. */
export interface JobContext {
  job: Job;
  /** The lock token, needed to move the job to delayed from inside the processor. */
  token: string | undefined;
  logger: Logger;
}

export type Processor<Q extends QueueName, N extends JobName<Q>> = (
  payload: JobPayload<Q, N>,
  context: JobContext,
) => Promise<unknown>;

export type ProcessorMap<Q extends QueueName> = { [N in JobName<Q>]: Processor<Q, N> };

export interface WorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  /** Lock duration; a crashed worker's job is taken over once its lock lapses. */
  lockMs: number;
  logger: Logger;
  metrics: Metrics;
  /**
   * Rewrites a job's data once it has failed for good: failed jobs are kept as evidence, but
   * message text must not outlive the attempt to process it.
   */
  scrubFailedData?: (data: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * One BullMQ worker for one queue. It validates every payload against the registry before the
 * processor sees it (a malformed job fails once, without retries), logs through a child logger
 * carrying the job's ids, and records latency and outcomes.
 */
export function createWorker<Q extends QueueName>(
  queue: Q,
  processors: ProcessorMap<Q>,
  { connection, prefix, concurrency, lockMs, logger, metrics, scrubFailedData }: WorkerOptions,
): Worker {
  const worker = new Worker(
    queue,
    async (job, token) => {
      const jobLogger = logger.child({ queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1, ...idsOf(job.data) });
      if (job.processedOn && job.attemptsStarted <= 1) {
        metrics.queueLatency.observe({ queue }, Math.max(0, job.processedOn - job.timestamp) / 1000);
      }
      const name = job.name as JobName<Q>;
      const processor = processors[name];
      if (!processor) throw new UnrecoverableError(`no processor for job ${job.name} on queue ${queue}`);
      let payload: JobPayload<Q, typeof name>;
      try {
        payload = parsePayload(queue, name, job.data);
      } catch (error) {
        const problems = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [];
        jobLogger.warn({ problems }, 'malformed job payload dropped');
        throw new UnrecoverableError(`invalid payload: ${problems.join('; ')}`);
      }
      try {
        return await processor(payload, { job, token, logger: jobLogger });
      } catch (error) {
        // The workspace uninstalled since the job was queued: no retry can bring its token back,
        // whichever processor met it and however it was passed on.
        const notInstalled = notInstalledIn(error);
        if (notInstalled) throw new UnrecoverableError(`not_installed: ${notInstalled.message}`);
        throw error;
      }
    },
    // The stalled-job check runs at the lock's pace, so a crashed worker's job is retaken promptly.
    { connection, prefix, concurrency, autorun: false, lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 2 },
  );

  worker.on('completed', () => metrics.jobsProcessed.inc({ queue, outcome: 'completed' }));
  worker.on('failed', (job, error) => {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    metrics.jobsProcessed.inc({ queue, outcome: final ? 'failed' : 'retrying' });
    const fields = { queue, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: { message: error.message, name: error.name } };
    if (final) logger.error(fields, 'job failed for good');
    else logger.warn(fields, 'job failed, will retry');
    if (final && job && scrubFailedData) {
      job.updateData(scrubFailedData(job.data as Record<string, unknown>)).catch((error: Error) => {
        logger.error({ queue, jobId: job.id, err: { message: error.message } }, 'could not remove text from a failed job');
      });
    }
  });
  worker.on('error', (error) => logger.error({ queue, err: { message: error.message } }, 'worker error'));
  return worker;
}

/** The `WorkspaceNotInstalled` behind an error (itself, or along its `cause` chain), if any. */
function notInstalledIn(error: unknown): WorkspaceNotInstalled | undefined {
  for (let seen = error, depth = 0; seen instanceof Error && depth < 5; seen = seen.cause, depth++) {
    if (seen instanceof WorkspaceNotInstalled) return seen;
  }
  return undefined;
}

/** The ids worth carrying on every log line of a job: never the text. */
function idsOf(data: unknown): Record<string, string> {
  const source = (data ?? {}) as Record<string, unknown>;
  const ids: Record<string, string> = {};
  for (const [from, to] of [
    ['teamId', 'team'],
    ['channelId', 'channel'],
    ['ts', 'ts'],
    ['messageTs', 'ts'],
  ] as const) {
    if (typeof source[from] === 'string') ids[to] = source[from] as string;
  }
  return ids;
}
