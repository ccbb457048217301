import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Metrics } from '../metrics';
import { classifySlackFailure } from '../slack/slack-errors';
import type { DeliveryGuards } from '../store/delivery-guards';
import type { JobContext } from './worker-factory';

/**
 * Wraps one Slack send in the rules every delivery job follows:
 * - a job that already reached Slack is not sent again;
 * - while the workspace's method is rate limited, the job waits (delayed, not failed) without
 *   calling Slack; a 429 sets that wait from `Retry-After` for every job behind it;
 * - permanent errors fail the job once, without retries; anything else is thrown for BullMQ to
 *   retry with backoff.
 */
export interface SlackDeliveryDeps {
  guards: DeliveryGuards;
  metrics: Pick<Metrics, 'slackApiErrors'>;
  now?: () => number;
}

export async function deliverOnce(
  deps: SlackDeliveryDeps,
  target: { teamId: string; method: string },
  context: JobContext,
  send: () => Promise<void>,
): Promise<'sent' | 'already_sent'> {
  const now = deps.now ?? Date.now;
  const jobId = context.job.id ?? '';
  if (await deps.guards.wasSent(jobId)) {
    context.logger.info('already delivered; not sending again');
    return 'already_sent';
  }
  const blockedUntil = await deps.guards.blockedUntil(target.teamId, target.method);
  if (blockedUntil > now()) await waitUntil(context, blockedUntil);

  try {
    await send();
  } catch (error) {
    const failure = classifySlackFailure(error);
    deps.metrics.slackApiErrors.inc({ method: target.method, error: failure.code });
    if (failure.kind === 'rate_limited') {
      const until = now() + failure.retryAfterSeconds * 1000;
      await deps.guards.block(target.teamId, target.method, until);
      context.logger.warn({ retryAfterSeconds: failure.retryAfterSeconds, method: target.method }, 'rate limited by Slack');
      await waitUntil(context, until);
    }
    if (failure.kind === 'permanent') {
      throw new UnrecoverableError(`Slack refused ${target.method}: ${failure.code}`);
    }
    throw error;
  }
  await deps.guards.markSent(jobId);
  return 'sent';
}

/** Parks the job in the delayed set until `untilMs`. Does not count as a failed attempt. */
async function waitUntil(context: JobContext, untilMs: number): Promise<never> {
  await context.job.moveToDelayed(untilMs, context.token);
  throw new DelayedError();
}
