import { decideNudge, DEFAULT_DAILY_CAP, localTime } from '../../core/nudge-policy';
import { isoWeekOf } from '../../core/digest/calendar';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { SlackWorkspace, SlackWorkspaces } from '../../ports/slack';
import { buildNudgeMessage } from './message';
import { pickTip, type Tip } from '../../core/tips';
import type { DeliveryGuards } from '../../store/delivery-guards';
import type { DmChannels } from '../../store/dm-channels';
import type { NudgeCaps } from '../../store/nudge-caps';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { TipHistory } from '../../store/tip-history';
import { DeferUntil, type NudgeMode, type SendNudgePayload } from '../../ports/jobs';
import { slackAnswered, slackErrorCode } from '../../ports/slack-errors';
import { postOnce } from '../posts/post-message';

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
  records: RecordsStore;
  caps: NudgeCaps;
  dmChannels: DmChannels;
  guards: Pick<DeliveryGuards, 'markSent' | 'beginAttempt' | 'forgetAttempt'>;
  metrics: Pick<Metrics, 'nudgesSent' | 'nudgesOutcomeUnknown'>;
  tipHistory: Pick<TipHistory, 'lastTipId' | 'remember' | 'swap'>;
  dailyCap?: number;
  now?: () => number;
}

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
  const [settings, channelMode, profile] = await Promise.all([
    deps.settings.person(teamId, recipientId),
    deps.settings.channelMode(teamId, nudge.channelId),
    deps.profiles.get(teamId, recipientId),
  ]);
  const timeZone = profile?.tz ?? 'UTC';
  const decision = decideNudge({ settings, channelId: nudge.channelId, channelMode, phrase: nudge.phrase, messageAt: nudge.messageAt, now, timeZone });
  if (decision.action === 'skip') {
    logger.info({ reason: decision.reason }, 'nudge dropped before sending');
    return { sent: false, reason: decision.reason };
  }
  // Outside the person's working hours now (the job ran early, or the person moved zone): wait.
  if (decision.action === 'defer') throw new DeferUntil(decision.untilMs);

  // Someone outside the conversation sees neither an ephemeral message nor a reply there: a DM it is.
  const mode = nudge.recipientOutsideConversation ? 'dm' : decision.mode;
  // A nudge is never posted twice. The attempt is marked before Slack is called; finding the mark
  // means an earlier attempt may have reached Slack without anyone hearing the answer.
  const firstAttempt = await deps.guards.beginAttempt(job.id);
  if (!firstAttempt) {
    deps.metrics.nudgesOutcomeUnknown.inc({ mode });
    // An ephemeral message cannot be looked up afterwards: it is not sent again, but counted as sent
    // (the cap taken by that attempt stays taken) and reaches the weekly digest.
    if (mode === 'ephemeral') {
      logger.warn({ mode }, 'an earlier attempt may have delivered this nudge; not sending it again');
      await deps.guards.markSent(job.id);
      await countInWeek(deps, nudge, job.id, isoWeekOf(nudge.messageAt, timeZone), logger);
      return { sent: false, reason: 'outcome_unknown' };
    }
    // A public post is looked for (postOnce, as a retry) before it is posted.
  }
  const today = localTime(now, timeZone).date;
  if (firstAttempt && !(await deps.caps.claim(teamId, recipientId, today, deps.dailyCap ?? DEFAULT_DAILY_CAP))) {
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
    const send = (as: NudgeMode) => deliverAs(as, { deps, slack, nudge, tip, week, progress, attempt: { id: job.id, isRetry: job.isRetry || !firstAttempt } });
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

/** Builds the nudge for one delivery mode and sends it; public posts are posted at most once (postOnce). */
async function deliverAs(
  mode: NudgeMode,
  { deps, slack, nudge, tip, week, progress, attempt }: {
    deps: Pick<SendNudgeDeps, 'dmChannels'>;
    slack: SlackWorkspace;
    nudge: SendNudgePayload;
    tip: Tip;
    week: string;
    progress: { posting: boolean };
    attempt: { id: string; isRetry: boolean };
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
      await postOnce(slack, { ...message, channel: nudge.channelId, threadTs: nudge.threadTs }, attempt);
      break;
    case 'dm': {
      const channel = await deps.dmChannels.channelFor(nudge.teamId, nudge.recipientId);
      progress.posting = true;
      await postOnce(slack, { ...message, channel }, attempt);
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
    pickTip({ category: nudge.categories[0], delegate: nudge.delegateId ? { id: nudge.delegateId } : undefined, previousTipId });
  const previous = await deps.tipHistory.lastTipId(nudge.teamId, nudge.recipientId);
  const tip = pick(previous);
  const replaced = await deps.tipHistory.swap(nudge.teamId, nudge.recipientId, tip.id);
  if (replaced === previous) return tip;
  const next = pick(replaced);
  await deps.tipHistory.remember(nudge.teamId, nudge.recipientId, next.id);
  return next;
}
