import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Activity } from './activity';
import { queuePrefix } from '../queue/queues';

/**
 * What the sandbox reads from the bot's `deliver` queue, without touching it: nudges the bot holds
 * for the recipient's working hours (BullMQ delayed `send-nudge` jobs), and which digest job ids
 * the queue has already claimed (so "run the weekly digest now" can say a second press sent
 * nothing). Production Slack shows neither; the page lists them so the visitor sees why nothing
 * happened yet.
 */
export interface HeldNudge {
  jobId: string;
  recipient: string;
  channel: string;
  /** The thread the nudge belongs to. */
  threadTs: string;
  /** When the bot will try again (start of the recipient's working hours). */
  untilMs: number;
  /** When the sandbox first saw it waiting. */
  seenAt: number;
  /** Set once it left the delayed set (sent, or dropped by the bot's rules at that time). */
  leftAt?: number;
}

export interface QueueWatch {
  held(): HeldNudge[];
  /** The job ids among `jobIds` the deliver queue's de-duplication already holds. */
  claimed(jobIds: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

const POLL_MS = 3000;
const AFTER_ACTIVITY_MS = 300;
const KEEP = 50;

export function watchQueues(options: { redis: Redis; prefix: string; activity: Activity; onError?: (error: Error) => void }): QueueWatch {
  const deliver = new Queue('deliver', { connection: options.redis, prefix: queuePrefix(options.prefix, 'deliver') });
  const seen = new Map<string, HeldNudge>();
  let checking: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const check = async (): Promise<void> => {
    const jobs = await deliver.getJobs(['delayed']);
    const now = Date.now();
    const waiting = new Set<string>();
    let changed = false;
    for (const job of jobs) {
      if (job.name !== 'send-nudge' || !job.id) continue;
      const data = job.data as { recipientId?: unknown; channelId?: unknown; threadTs?: unknown };
      if (typeof data.recipientId !== 'string' || typeof data.channelId !== 'string') continue;
      waiting.add(job.id);
      const untilMs = job.timestamp + (job.delay ?? 0);
      const known = seen.get(job.id);
      if (!known || known.untilMs !== untilMs || known.leftAt !== undefined) {
        seen.set(job.id, { jobId: job.id, recipient: data.recipientId, channel: data.channelId, threadTs: typeof data.threadTs === 'string' ? data.threadTs : '', untilMs, seenAt: known?.seenAt ?? now });
        changed = true;
      }
    }
    for (const entry of seen.values()) {
      if (entry.leftAt === undefined && !waiting.has(entry.jobId)) {
        entry.leftAt = now;
        changed = true;
      }
    }
    while (seen.size > KEEP) seen.delete(seen.keys().next().value as string);
    if (changed) options.activity.bump();
  };

  const schedule = () => {
    if (closed) return;
    if (checking) {
      again = true;
      return;
    }
    checking = check()
      .catch((error: Error) => options.onError?.(error))
      .finally(() => {
        checking = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  let soon: NodeJS.Timeout | undefined;
  const unsubscribe = options.activity.subscribe(() => {
    soon ??= setTimeout(() => {
      soon = undefined;
      schedule();
    }, AFTER_ACTIVITY_MS);
  });
  const poll = setInterval(schedule, POLL_MS);
  poll.unref();

  return {
    held: () => [...seen.values()],
    async claimed(jobIds) {
      const found = await Promise.all(jobIds.map(async (id) => ((await deliver.getDeduplicationJobId(id)) ? id : undefined)));
      return new Set(found.filter((id): id is string => id !== undefined));
    },
    async close() {
      closed = true;
      unsubscribe();
      clearInterval(poll);
      if (soon) clearTimeout(soon);
      await checking;
      await deliver.close();
    },
  };
}
