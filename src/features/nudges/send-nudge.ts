import { decideNudge, DEFAULT_DAILY_CAP, localTime } from '../../core/nudge-policy';
import { isoWeekOf } from '../../core/digest/calendar';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { SlackWorkspaces } from '../../ports/slack';
import { buildNudgeMessage } from './message';
import { pickTip, type Tip } from '../../core/tips';
import type { DeliveryGuards } from '../../store/delivery-guards';
import type { DmChannels } from '../../store/dm-channels';
import type { NudgeCaps } from '../../store/nudge-caps';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { TipHistory } from '../../store/tip-history';
import { DeferUntil, type SendNudgePayload } from '../../ports/jobs';
import { postOnce } from '../posts/post-message';

/**
 * The `send-nudge` job: one nudge to one product manager. The person's settings are checked again
 * right before sending (a snooze or mute clicked since the nudge was planned wins), the daily cap
 * is taken, and only then is Slack called. Slack failures are thrown as they are; the worker sorts
 * them into retry, delay or give up.
 */
export interface SendNudgeDeps {
  workspaces: SlackWorkspaces;
  settings: SettingsStore;
  profiles: ProfileCache;
  records: RecordsStore;
  caps: NudgeCaps;
  dmChannels: DmChannels;
  guards: Pick<DeliveryGuards, 'markSent'>;
  metrics: Pick<Metrics, 'nudgesSent'>;
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

  const today = localTime(now, timeZone).date;
  if (!(await deps.caps.claim(teamId, recipientId, today, deps.dailyCap ?? DEFAULT_DAILY_CAP))) {
    logger.info({ reason: 'daily_cap' }, 'nudge dropped before sending');
    return { sent: false, reason: 'daily_cap' };
  }
  const mode = decision.mode;
  const slack = await deps.workspaces.forTeam(teamId, { enterpriseId: nudge.enterpriseId });
  const permalink = mode === 'dm' ? slack.permalink({ channelId: nudge.channelId, ts: nudge.messageTs, threadTs: nudge.threadTs }) : undefined;
  const week = isoWeekOf(nudge.messageAt, timeZone);
  const tip = await claimTip(deps, nudge);
  const message = buildNudgeMessage({ ...nudge, mode, tip }, { permalink, week });
  try {
    switch (mode) {
      case 'ephemeral':
        // Ephemeral messages leave no trace to look for; the sent marker (written once this
        // returns) is what keeps a retried job from posting twice.
        await slack.postEphemeral({ ...message, channel: nudge.channelId, user: recipientId, threadTs: nudge.threadTs });
        break;
      case 'thread':
        await postOnce(slack, { ...message, channel: nudge.channelId, threadTs: nudge.threadTs }, job);
        break;
      case 'dm':
        await postOnce(slack, { ...message, channel: await deps.dmChannels.channelFor(teamId, recipientId) }, job);
        break;
    }
  } catch (error) {
    await deps.caps.release(teamId, recipientId, today);
    throw error;
  }
  // Slack has the nudge: mark it sent before anything else can fail, so no retry posts it again
  // (an ephemeral message cannot be looked up afterwards).
  await deps.guards.markSent(job.id);
  deps.metrics.nudgesSent.inc({ mode });
  logger.info({ mode, categories: nudge.categories }, 'nudge sent');
  try {
    await deps.records.increment(teamId, recipientId, week, 'nudges', job.id);
  } catch (error) {
    logger.warn({ err: { message: (error as Error).message } }, 'nudge sent but not counted in the weekly record');
  }
  return { sent: true, mode };
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
