import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Metrics } from '../metrics';
import { classifySlackFailure, isSlackApiError } from '../slack/slack-errors';
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
/** Thrown by a send that must not happen yet (e.g. outside the person's working hours). */
export class DeferUntil extends Error {
  constructor(readonly untilMs: number) {
    super(`deferred until ${new Date(untilMs).toISOString()}`);
    this.name = 'DeferUntil';
  }
}

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
  const blockedUntil = await deps.guards.blockedUntil(target.teamId, target.method);
  if (blockedUntil > now()) await waitUntil(context, blockedUntil);
  if (options.perMinute) {
    const nextSlot = await deps.guards.reserveSendSlot(target.teamId, target.method, options.perMinute, now(), jobId);
    if (nextSlot > 0) await waitUntil(context, nextSlot);
  }

  try {
    await send();
  } catch (error) {
    if (error instanceof DeferUntil) await waitUntil(context, error.untilMs);
    // Redis errors and our own bugs are retried with backoff like any transient failure.
    if (!isSlackApiError(error)) throw error;
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
  if (markSent) await deps.guards.markSent(jobId);
  return 'sent';
}

/** Parks the job in the delayed set until `untilMs`. Does not count as a failed attempt. */
export async function waitUntil(context: JobContext, untilMs: number): Promise<never> {
  await context.job.moveToDelayed(untilMs, context.token);
  throw new DelayedError();
}

/**
 * Runs work that reads Slack profiles (`users.info`) under that method's rate gate: while the
 * workspace is rate limited the job waits, and a 429 parks it until `Retry-After` instead of
 * spending its retries (a lost message) on a limit that has not lifted yet.
 */
export async function withProfileRateGate<T>(
  deps: SlackDeliveryDeps,
  teamId: string,
  context: JobContext,
  work: () => Promise<T>,
): Promise<T> {
  const now = deps.now ?? Date.now;
  const blockedUntil = await deps.guards.blockedUntil(teamId, PROFILE_METHOD);
  if (blockedUntil > now()) await waitUntil(context, blockedUntil);
  try {
    return await work();
  } catch (error) {
    if (!isSlackApiError(error)) throw error;
    const failure = classifySlackFailure(error);
    deps.metrics.slackApiErrors.inc({ method: PROFILE_METHOD, error: failure.code });
    if (failure.kind !== 'rate_limited') throw error;
    const until = now() + failure.retryAfterSeconds * 1000;
    await deps.guards.block(teamId, PROFILE_METHOD, until);
    context.logger.warn({ retryAfterSeconds: failure.retryAfterSeconds, method: PROFILE_METHOD }, 'rate limited by Slack');
    return waitUntil(context, until);
  }
}

const PROFILE_METHOD = 'users.info';
