import type { DigestService } from '../../digest/digest-service';
import type { Logger } from '../../logger';
import type { SlackGateway } from '../../slack/gateway';
import type { DmChannels } from '../../store/dm-channels';
import type { TipHistory } from '../../store/tip-history';
import type { SendDigestPayload } from '../registry';
import { postOnce } from './post-message';

/** Digests are DMs: Slack allows several hundred posts a minute per workspace; stay well under. */
export const DIGEST_SENDS_PER_MINUTE = 240;

/**
 * The `send-digest` and `send-team-digest` jobs: compose the digest for the week and send it as
 * a DM. A week with nothing to report sends nothing (unless the person asked for it anyway).
 */
export async function sendDigest(
  deps: { digests: DigestService; slack: SlackGateway; tipHistory: TipHistory; dmChannels: DmChannels },
  { teamId, userId, week }: SendDigestPayload,
  kind: 'person' | 'team',
  job: { id: string; isRetry: boolean },
  logger: Logger,
): Promise<{ sent: boolean }> {
  const digest = kind === 'person' ? await deps.digests.compose(teamId, userId, week) : await deps.digests.composeTeam(teamId, week);
  if (!digest) {
    logger.info({ week }, 'nothing to report; no digest sent');
    return { sent: false };
  }
  const dm = await deps.dmChannels.channelFor(teamId, userId);
  await postOnce(deps.slack, { channel: dm, text: digest.text, blocks: digest.blocks }, job);
  const lastTip = digest.tipIds.at(-1);
  if (lastTip) await deps.tipHistory.remember(teamId, userId, lastTip);
  logger.info({ week, kind }, 'digest sent');
  return { sent: true };
}
