import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { SlackGateway } from '../../slack/gateway';
import { buildNudgeMessage } from '../../slack/views/nudge';
import type { SendNudgePayload } from '../registry';

/**
 * The `send-nudge` job: one nudge to one product manager, in the delivery mode asked for.
 * Slack failures are thrown as they are; the worker sorts them into retry, delay or give up.
 */
export interface SendNudgeDeps {
  slack: SlackGateway;
  metrics: Pick<Metrics, 'nudgesSent'>;
}

/** The Web API method a nudge in this mode is sent with; rate limits are tracked per method. */
export function nudgeMethod(nudge: SendNudgePayload): string {
  return nudge.mode === 'ephemeral' ? 'chat.postEphemeral' : 'chat.postMessage';
}

export async function sendNudge(
  deps: SendNudgeDeps,
  nudge: SendNudgePayload,
  job: { id: string; isRetry: boolean },
  logger: Logger,
): Promise<void> {
  const message = buildNudgeMessage(nudge);
  switch (nudge.mode) {
    case 'ephemeral':
      // Ephemeral messages leave no trace to look for; the sent marker (set by the worker after
      // this returns) is what keeps a retried job from posting twice.
      await deps.slack.postEphemeral({ ...message, channel: nudge.channelId, user: nudge.recipientId, threadTs: nudge.threadTs });
      break;
    case 'thread':
      await postOnce(deps.slack, { ...message, channel: nudge.channelId, threadTs: nudge.threadTs }, job);
      break;
    case 'dm': {
      const dm = await deps.slack.openDm(nudge.recipientId);
      await postOnce(deps.slack, { ...message, channel: dm }, job);
      break;
    }
  }
  deps.metrics.nudgesSent.inc({ mode: nudge.mode });
  logger.info({ mode: nudge.mode, categories: nudge.categories }, 'nudge sent');
}

/**
 * A retry of a post whose first attempt may have reached Slack (a timeout after Slack accepted it)
 * first looks for the marked post, so the nudge is not posted twice.
 */
async function postOnce(
  slack: SlackGateway,
  message: { channel: string; text: string; blocks: SendNudgeMessageBlocks; threadTs?: string },
  job: { id: string; isRetry: boolean },
): Promise<void> {
  if (job.isRetry && (await slack.findMarkedPost(message.channel, job.id, message.threadTs))) return;
  await slack.postMessage({ ...message, marker: job.id });
}

type SendNudgeMessageBlocks = ReturnType<typeof buildNudgeMessage>['blocks'];
