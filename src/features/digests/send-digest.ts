import type { DigestService } from './digest-service';
import type { Logger } from '../../logger';
import type { SlackWorkspaces } from '../../ports/slack';
import type { DmChannels } from '../../store/dm-channels';
import type { TimePreferencesStore } from '../../store/time-preferences';
import type { TipHistory } from '../../store/tip-history';
import { DeferUntil, type SendDigestPayload } from '../../ports/jobs';
import { postOnce } from '../posts/post-message';

/** Digests are DMs: Slack allows several hundred posts a minute per workspace; stay well under. */
export const DIGEST_SENDS_PER_MINUTE = 240;

/**
 * The `send-digest` and `send-team-digest` jobs: compose the digest for the week and send it as
 * a DM. `week` is the week before the slot's, so the digest speaks of "last week". A week with
 * nothing to report sends nothing (unless the person asked for it anyway); a team view goes only
 * to a subscriber who is still a product lead or an admin, and only when it has figures to show.
 */
export async function sendDigest(
  deps: {
    digests: DigestService;
    workspaces: SlackWorkspaces;
    tipHistory: TipHistory;
    dmChannels: DmChannels;
    timePreferences: Pick<TimePreferencesStore, 'carriedDigestWeeks' | 'carryDigestWeeks' | 'clearCarriedDigestWeeks'>;
    now?: () => number;
  },
  { teamId, enterpriseId, userId, week }: SendDigestPayload,
  kind: 'person' | 'team',
  job: { id: string; isRetry: boolean; createdAt?: number },
  logger: Logger,
): Promise<{ sent: boolean }> {
  // Not into an absence, a holiday or off hours: the job waits (the same job, so it is still sent
  // once), or gives its week to next week's digest when the person is not back within a week.
  const timing = await deps.digests.timing(teamId, userId, week, (deps.now ?? Date.now)());
  if (timing.action === 'wait') {
    logger.info({ week, kind, reason: timing.reason, untilMs: timing.untilMs }, 'digest waits for the person’s working time');
    throw new DeferUntil(timing.untilMs);
  }
  if (timing.action === 'carry') {
    // A team view is about its own week only: a late one is not worth sending.
    if (kind === 'person') await deps.timePreferences.carryDigestWeeks(teamId, userId, timing.weeks);
    logger.info({ week, kind, weeks: timing.weeks }, kind === 'person' ? 'digest carried into next week’s' : 'team view not sent: the reader was away all week');
    return { sent: false };
  }
  const earlierWeeks = timing.weeks.filter((reported) => reported !== week);
  let digest;
  try {
    digest =
      kind === 'person'
        ? await deps.digests.compose(teamId, userId, week, { period: 'last-week', carriedWeeks: earlierWeeks })
        : await deps.digests.composeTeamDigestFor(teamId, userId, week);
  } catch (error) {
    // Composing may look people up in Slack (roles, admin status). A failure there is no failure of
    // chat.postMessage: it must not hold back the workspace's other DMs, only retry this job.
    throw new Error(`could not compose the ${kind === 'person' ? 'digest' : 'team digest'}: ${(error as Error).message}`, { cause: error });
  }
  // Every week carried up to this one is now reported (or had nothing to report, or was older than
  // one digest reports): none is carried any longer.
  const settleCarried = async () => {
    if (kind !== 'person') return;
    const carried = await deps.timePreferences.carriedDigestWeeks(teamId, userId);
    await deps.timePreferences.clearCarriedDigestWeeks(teamId, userId, carried.filter((earlier) => earlier <= week));
  };
  if (!digest) {
    await settleCarried();
    logger.info({ week, kind }, kind === 'person' ? 'nothing to report; no digest sent' : 'no team view to send (nothing to show, or no longer a lead or admin)');
    return { sent: false };
  }
  const dm = await deps.dmChannels.channelFor(teamId, userId);
  const slack = await deps.workspaces.forTeam(teamId, { enterpriseId });
  await postOnce(slack, { channel: dm, text: digest.text, blocks: digest.blocks }, job);
  const lastTip = digest.tipIds.at(-1);
  if (lastTip) await deps.tipHistory.remember(teamId, userId, lastTip);
  await settleCarried();
  logger.info({ week, kind, weeks: timing.weeks.length }, 'digest sent');
  return { sent: true };
}
