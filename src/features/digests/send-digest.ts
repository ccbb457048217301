import type { DigestService } from './digest-service';
import type { Logger } from '../../logger';
import type { SlackWorkspaces } from '../../ports/slack';
import type { DmChannels } from '../../store/dm-channels';
import type { TipHistory } from '../../store/tip-history';
import type { SendDigestPayload } from '../../ports/jobs';
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
  deps: { digests: DigestService; workspaces: SlackWorkspaces; tipHistory: TipHistory; dmChannels: DmChannels },
  { teamId, enterpriseId, userId, week }: SendDigestPayload,
  kind: 'person' | 'team',
  job: { id: string; isRetry: boolean },
  logger: Logger,
): Promise<{ sent: boolean }> {
  let digest;
  try {
    digest =
      kind === 'person'
        ? await deps.digests.compose(teamId, userId, week, { period: 'last-week' })
        : await deps.digests.composeTeamDigestFor(teamId, userId, week);
  } catch (error) {
    // Composing may look people up in Slack (roles, admin status). A failure there is no failure of
    // chat.postMessage: it must not hold back the workspace's other DMs, only retry this job.
    throw new Error(`could not compose the ${kind === 'person' ? 'digest' : 'team digest'}: ${(error as Error).message}`, { cause: error });
  }
  if (!digest) {
    logger.info({ week, kind }, kind === 'person' ? 'nothing to report; no digest sent' : 'no team view to send (nothing to show, or no longer a lead or admin)');
    return { sent: false };
  }
  const dm = await deps.dmChannels.channelFor(teamId, userId);
  const slack = await deps.workspaces.forTeam(teamId, { enterpriseId });
  await postOnce(slack, { channel: dm, text: digest.text, blocks: digest.blocks }, job);
  const lastTip = digest.tipIds.at(-1);
  if (lastTip) await deps.tipHistory.remember(teamId, userId, lastTip);
  logger.info({ week, kind }, 'digest sent');
  return { sent: true };
}
