import { decideNudge, DEFAULT_DAILY_CAP, localTime } from '../../core/nudge-policy';
import { isoWeekOf } from '../../core/digest/calendar';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { SlackWorkspace, SlackWorkspaces } from '../../ports/slack';
import { buildNudgeMessage } from './message';
import { pickTip, type Tip } from '../../core/tips';
import type { DeliveryGuards, RecordedAttempt } from '../../store/delivery-guards';
import type { DmChannels } from '../../store/dm-channels';
import type { NudgeCaps } from '../../store/nudge-caps';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { TimePreferencesStore } from '../../store/time-preferences';
import type { TipHistory } from '../../store/tip-history';
import { nudgeTimeOf, personTimeNow } from '../time/person-time';
import { DeferUntil, type NudgeMode, type SendNudgePayload } from '../../ports/jobs';
import { slackAnswered, slackErrorCode } from '../../ports/slack-errors';

/**
 * The `send-nudge` job: one nudge to one product manager. The person's settings are checked again
 * right before sending (a snooze or mute clicked since the nudge was planned wins), the daily cap
 * is taken, and only then is Slack called. Slack failures are thrown as they are; the worker sorts
 * them into retry, delay or give up. A nudge is never posted twice: see `beginAttempt` below and
 * README "A nudge is never posted twice".
 */
export interface SendNudgeDeps {
  workspaces: SlackWorkspaces;
  settings: SettingsStore;
  profiles: ProfileCache;
  timePreferences: TimePreferencesStore;
  records: RecordsStore;
  caps: NudgeCaps;
  dmChannels: DmChannels;
  guards: Pick<DeliveryGuards, 'markSent' | 'beginAttempt' | 'attemptOf' | 'forgetAttempt'>;
  metrics: Pick<Metrics, 'nudgesSent' | 'nudgesOutcomeUnknown'>;
  tipHistory: Pick<TipHistory, 'lastTipId' | 'remember' | 'swap'>;
  dailyCap?: number;
  /** SLACK_API_TIMEOUT_MS: how long a call may be in flight; a public post is looked for only after it. Default 10 s. */
  apiTimeoutMs?: number;
  now?: () => number;
}

/**
 * Added to the API timeout before an attempt of unknown outcome is looked for: time for the earlier
 * attempt's call to leave (a DM to open first) and for Slack to finish one it received late.
 */
export const LOOKUP_GRACE_MS = 5000;

export type SendNudgeOutcome = { sent: true; mode: string } | { sent: false; reason: string };

/** The Web API method a nudge in this mode is sent with; rate limits are tracked per method. */
export function nudgeMethod(nudge: SendNudgePayload): string {
  return nudge.mode === 'ephemeral' ? 'chat.postEphemeral' : 'chat.postMessage';
}

export async function sendNudge(
  deps: SendNudgeDeps,
  nudge: SendNudgePayload,
  job: { id: string; isRetry: boolean },
  logger: Logger,
): Promise<SendNudgeOutcome> {
  const now = (deps.now ?? Date.now)();
  const { teamId, recipientId } = nudge;
  // A mark without a sent marker: an earlier attempt called Slack and nobody heard the outcome.
  const earlier = await deps.guards.attemptOf(job.id);
  // A held nudge comes back here: the person's status is read fresh, so one who is back gets it.
  const [settings, channelMode, person] = await Promise.all([
    deps.settings.person(teamId, recipientId),
    deps.settings.channelMode(teamId, nudge.channelId),
    personTimeNow(deps, teamId, recipientId, now, { freshStatus: true }),
  ]);
  const { timeZone } = person;
  // Settled before the policy is asked again, in the mode that attempt used: a snooze, a mute or a
  // new delivery choice since then must not hide a nudge that may have reached the person, nor
  // send it a second way.
  if (earlier) {
    const settled = await settleUnknownOutcome(deps, nudge, job.id, earlier, { now, timeZone, logger });
    if (settled) return settled;
  }
  const decision = decideNudge({
    settings,
    channelId: nudge.channelId,
    channelMode,
    phrase: nudge.phrase,
    messageAt: nudge.messageAt,
    now,
    ...nudgeTimeOf(person),
  });
  if (decision.action === 'skip') {
    logger.info({ reason: decision.reason }, 'nudge dropped before sending');
    return { sent: false, reason: decision.reason };
  }
  // Outside the person's working time now (hours, an absence, a holiday; or the person moved zone): wait.
  if (decision.action === 'defer') throw new DeferUntil(decision.untilMs);

  // Someone outside the conversation sees neither an ephemeral message nor a reply there: a DM it is.
  const mode = nudge.recipientOutsideConversation ? 'dm' : decision.mode;
  // A nudge is never posted twice. The attempt is marked (with its mode and time) before Slack is
  // called; a later attempt that finds the mark settles it above.
  if (!(await deps.guards.beginAttempt(job.id, { mode, atMs: now }))) {
    // Another worker marked it since this one looked (a lock that lapsed): it is settled next time.
    throw new Error('another attempt of this nudge began meanwhile');
  }
  const today = localTime(now, timeZone).date;
  if (!(await deps.caps.claim(teamId, recipientId, today, deps.dailyCap ?? DEFAULT_DAILY_CAP))) {
    await deps.guards.forgetAttempt(job.id);
    logger.info({ reason: 'daily_cap' }, 'nudge dropped before sending');
    return { sent: false, reason: 'daily_cap' };
  }
  const week = isoWeekOf(nudge.messageAt, timeZone);
  // Set just before the nudge itself goes to Slack: a failure before that point delivered nothing.
  const progress = { posting: false };
  let delivered: NudgeMode = mode;
  try {
    const slack = await deps.workspaces.forTeam(teamId, { enterpriseId: nudge.enterpriseId });
    const tip = await claimTip(deps, nudge);
    const send = (as: NudgeMode) => deliverAs(as, { deps, slack, nudge, tip, week, progress, jobId: job.id });
    try {
      await send(mode);
    } catch (error) {
      // Slack refuses an ephemeral message for someone outside the conversation (a group DM or a
      // channel they are not in, named in a message there); nothing was shown, so a DM reaches them.
      if (mode !== 'ephemeral' || slackErrorCode(error) !== 'user_not_in_channel') throw error;
      logger.info({ reason: 'user_not_in_channel' }, 'recipient is not in the conversation; nudging by DM');
      progress.posting = false;
      delivered = 'dm';
      await send('dm');
    }
  } catch (error) {
    // Nothing reached Slack, or Slack answered "not delivered": the next attempt starts clean.
    // Without an answer to the post (a timeout) it may have gone out: the attempt mark and the cap stay.
    if (!progress.posting || slackAnswered(error)) {
      await deps.caps.release(teamId, recipientId, today);
      await deps.guards.forgetAttempt(job.id);
    }
    throw error;
  }
  // Slack has the nudge: mark it sent before anything else can fail, so no retry posts it again.
  await deps.guards.markSent(job.id);
  deps.metrics.nudgesSent.inc({ mode: delivered });
  logger.info({ mode: delivered, categories: nudge.categories }, 'nudge sent');
  await countInWeek(deps, nudge, job.id, week, logger);
  return { sent: true, mode: delivered };
}

/**
 * An earlier attempt called Slack and nobody heard the outcome (a timeout, a worker that died during
 * the call). Settled in the mode that attempt used:
 * - ephemeral (or a mark from before modes were recorded): it cannot be looked up, so it is not
 *   sent again, but counted as sent (its cap stays taken) and in the weekly record;
 * - thread or DM: once the earlier call can no longer be in flight, its marked post is looked for
 *   there; found, the nudge was delivered. Not found, nothing was: the cap is given back, the mark
 *   taken away, and undefined returned, so the nudge is decided and sent as a first attempt.
 * A failed lookup (a 429, a timeout) leaves the mark and the cap: the next attempt settles it.
 */
async function settleUnknownOutcome(
  deps: SendNudgeDeps,
  nudge: SendNudgePayload,
  jobId: string,
  earlier: RecordedAttempt,
  { now, timeZone, logger }: { now: number; timeZone: string; logger: Logger },
): Promise<SendNudgeOutcome | undefined> {
  const mode = earlier.mode === 'thread' || earlier.mode === 'dm' ? earlier.mode : 'ephemeral';
  const week = isoWeekOf(nudge.messageAt, timeZone);
  if (mode === 'ephemeral') {
    deps.metrics.nudgesOutcomeUnknown.inc({ mode });
    logger.warn({ mode }, 'an earlier attempt may have delivered this nudge; not sending it again');
    await deps.guards.markSent(jobId);
    await countInWeek(deps, nudge, jobId, week, logger);
    return { sent: false, reason: 'outcome_unknown' };
  }
  // Looking while the earlier call may still land (a worker whose lock lapsed mid-call) would miss it.
  const settledAt = earlier.atMs + (deps.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS) + LOOKUP_GRACE_MS;
  if (now < settledAt) throw new DeferUntil(settledAt);
  const slack = await deps.workspaces.forTeam(nudge.teamId, { enterpriseId: nudge.enterpriseId });
  const found =
    mode === 'thread'
      ? await slack.findMarkedPost(nudge.channelId, jobId, nudge.threadTs, earlier.atMs)
      : await slack.findMarkedPost(await deps.dmChannels.channelFor(nudge.teamId, nudge.recipientId), jobId, undefined, earlier.atMs);
  // Counted once the lookup answered: a failed one is tried again and must not count twice.
  deps.metrics.nudgesOutcomeUnknown.inc({ mode });
  if (found) {
    logger.info({ mode }, 'an earlier attempt delivered this nudge; not sending it again');
    await deps.guards.markSent(jobId);
    deps.metrics.nudgesSent.inc({ mode });
    await countInWeek(deps, nudge, jobId, week, logger);
    return { sent: true, mode };
  }
  await deps.caps.release(nudge.teamId, nudge.recipientId, localTime(earlier.atMs, timeZone).date);
  await deps.guards.forgetAttempt(jobId);
  return undefined;
}

const DEFAULT_API_TIMEOUT_MS = 10000;

/** Builds the nudge for one delivery mode and sends it, marked with the job id so a later attempt can find it. */
async function deliverAs(
  mode: NudgeMode,
  { deps, slack, nudge, tip, week, progress, jobId }: {
    deps: Pick<SendNudgeDeps, 'dmChannels'>;
    slack: SlackWorkspace;
    nudge: SendNudgePayload;
    tip: Tip;
    week: string;
    progress: { posting: boolean };
    jobId: string;
  },
): Promise<void> {
  const permalink = mode === 'dm' ? slack.permalink({ channelId: nudge.channelId, ts: nudge.messageTs, threadTs: nudge.threadTs }) : undefined;
  const message = buildNudgeMessage({ ...nudge, mode, tip }, { permalink, week });
  switch (mode) {
    case 'ephemeral':
      progress.posting = true;
      await slack.postEphemeral({ ...message, channel: nudge.channelId, user: nudge.recipientId, threadTs: nudge.threadTs });
      break;
    case 'thread':
      progress.posting = true;
      await slack.postMessage({ ...message, channel: nudge.channelId, threadTs: nudge.threadTs, marker: jobId });
      break;
    case 'dm': {
      const channel = await deps.dmChannels.channelFor(nudge.teamId, nudge.recipientId);
      progress.posting = true;
      await slack.postMessage({ ...message, channel, marker: jobId });
      break;
    }
  }
}

/** Counts the nudge in the person's weekly record (once per nudge), for the digest. */
async function countInWeek(deps: Pick<SendNudgeDeps, 'records'>, nudge: SendNudgePayload, nudgeId: string, week: string, logger: Logger): Promise<void> {
  try {
    await deps.records.increment(nudge.teamId, nudge.recipientId, week, 'nudges', nudgeId);
  } catch (error) {
    logger.warn({ err: { message: (error as Error).message } }, 'nudge sent but not counted in the weekly record');
  }
}

/**
 * The nudge's tip, chosen as it is sent rather than when it was planned: nudges held overnight and
 * released together would otherwise all carry the same one. The choice is recorded with an atomic
 * swap; if another nudge to the same person recorded one in between, the tip after theirs is taken.
 */
async function claimTip(deps: Pick<SendNudgeDeps, 'tipHistory'>, nudge: SendNudgePayload): Promise<Tip> {
  const pick = (previousTipId: string | undefined) =>
    pickTip({ category: nudge.categories[0], delegate: nudge.delegateId ? { id: nudge.delegateId } : undefined, previousTipId, phrase: nudge.phrase });
  const previous = await deps.tipHistory.lastTipId(nudge.teamId, nudge.recipientId);
  const tip = pick(previous);
  const replaced = await deps.tipHistory.swap(nudge.teamId, nudge.recipientId, tip.id);
  if (replaced === previous) return tip;
  const next = pick(replaced);
  await deps.tipHistory.remember(nudge.teamId, nudge.recipientId, next.id);
  return next;
}
