import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Metrics } from '../metrics';
import { DeferUntil } from '../ports/jobs';
import { classifySlackFailure, isSlackApiError, slackMethodOf, type SlackFailure } from '../ports/slack-errors';
import type { DeliveryGuards } from '../store/delivery-guards';
import type { JobContext } from './worker-factory';

/**
 * The rules every job that calls Slack follows:
 * - while the workspace's method is rate limited, the job waits (delayed, not failed) without
 *   calling Slack; a 429 sets that wait from `Retry-After` for every job behind it;
 * - a delivery that already reached Slack is not sent again;
 * - a delivery's permanent errors fail the job once, without retries; anything else is thrown for
 *   BullMQ to retry with backoff.
 */
export interface SlackDeliveryDeps {
  guards: DeliveryGuards;
  metrics: Pick<Metrics, 'slackApiErrors'>;
  now?: () => number;
}

interface SlackTarget {
  teamId: string;
  method: string;
}

/**
 * Runs `work` under the rate gate of one workspace's Web API method: waits while the method is
 * blocked, and on a 429 blocks it until `Retry-After` and parks the job until then. Any other Slack
 * failure is counted and handed to `onFailure` (which may throw something else), then rethrown.
 */
async function underRateGate<T>(
  deps: SlackDeliveryDeps,
  target: SlackTarget,
  context: JobContext,
  work: () => Promise<T>,
  onFailure: (failure: SlackFailure) => void = () => undefined,
): Promise<T> {
  const now = deps.now ?? Date.now;
  const blockedUntil = await deps.guards.blockedUntil(target.teamId, target.method);
  if (blockedUntil > now()) await waitUntil(context, blockedUntil);
  try {
    return await work();
  } catch (error) {
    // Redis errors and our own bugs are retried with backoff like any transient failure.
    if (!isSlackApiError(error)) throw error;
    const failure = classifySlackFailure(error);
    // The call that failed may be another method than the job's own (a lookup before a post).
    const method = slackMethodOf(error) ?? target.method;
    deps.metrics.slackApiErrors.inc({ method, error: failure.code });
    if (failure.kind === 'rate_limited') {
      const until = now() + failure.retryAfterSeconds * 1000;
      await deps.guards.block(target.teamId, method, until);
      context.logger.warn({ retryAfterSeconds: failure.retryAfterSeconds, method }, 'rate limited by Slack');
      await waitUntil(context, until);
    }
    onFailure(failure);
    throw error;
  }
}

/** Wraps one Slack send in the rules above. */
export async function deliverOnce(
  deps: SlackDeliveryDeps,
  target: SlackTarget,
  context: JobContext,
  send: () => Promise<void>,
  options: { markSent?: boolean; perMinute?: number } = {},
): Promise<'sent' | 'already_sent'> {
  const now = deps.now ?? Date.now;
  const jobId = context.job.id ?? '';
  // Idempotent sends (a Home tab publish) skip the marker: sending again is harmless and wanted.
  const markSent = options.markSent ?? true;
  if (markSent && (await deps.guards.wasSent(jobId))) {
    context.logger.info('already delivered; not sending again');
    return 'already_sent';
  }
  const sendInItsSlot = async () => {
    if (options.perMinute) {
      const nextSlot = await deps.guards.reserveSendSlot(target.teamId, target.method, options.perMinute, now(), jobId);
      if (nextSlot > 0) await waitUntil(context, nextSlot);
    }
    try {
      await send();
    } catch (error) {
      if (error instanceof DeferUntil) await waitUntil(context, error.untilMs);
      throw error;
    }
  };
  await underRateGate(deps, target, context, sendInItsSlot, (failure) => {
    if (failure.kind === 'permanent') throw new UnrecoverableError(`Slack refused ${target.method}: ${failure.code}`);
  });
  if (markSent) await deps.guards.markSent(jobId);
  return 'sent';
}

/** Parks the job in the delayed set until `untilMs`. Does not count as a failed attempt. */
export async function waitUntil(context: JobContext, untilMs: number): Promise<never> {
  await context.job.moveToDelayed(untilMs, context.token);
  throw new DelayedError();
}

/**
 * Runs work that reads Slack profiles (`users.info`) under that method's rate gate: a 429 parks the
 * job until `Retry-After` instead of spending its retries (a lost message) on a limit that has not
 * lifted yet.
 */
export function withProfileRateGate<T>(deps: SlackDeliveryDeps, teamId: string, context: JobContext, work: () => Promise<T>): Promise<T> {
  return underRateGate(deps, { teamId, method: PROFILE_METHOD }, context, work);
}

const PROFILE_METHOD = 'users.info';
