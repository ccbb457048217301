import type { Block, KnownBlock } from '@slack/web-api';
import type { SlackGateway } from '../../slack/gateway';
import type { DmChannels } from '../../store/dm-channels';
import type { PostMessagePayload } from '../registry';

/**
 * The `post-message` job: a public post (a hand-off in a thread) or a DM (a digest). Posted at most
 * once: a retry first looks for its own marked post.
 */
export async function postMessage(
  deps: { slack: SlackGateway; dmChannels: DmChannels },
  post: PostMessagePayload,
  job: { id: string; isRetry: boolean },
): Promise<void> {
  const { slack } = deps;
  const channel = post.channelId ?? (await deps.dmChannels.channelFor(post.teamId, post.userId ?? ''));
  await postOnce(slack, { channel, text: post.text, blocks: post.blocks as (Block | KnownBlock)[] | undefined, threadTs: post.threadTs }, job);
}

/**
 * Posts a message marked with the job id. A retry whose first attempt may have reached Slack (a
 * timeout after Slack accepted it) first looks for the marked post, so nothing is posted twice.
 */
export async function postOnce(
  slack: SlackGateway,
  message: { channel: string; text: string; blocks?: (Block | KnownBlock)[]; threadTs?: string },
  job: { id: string; isRetry: boolean },
): Promise<void> {
  if (job.isRetry && (await slack.findMarkedPost(message.channel, job.id, message.threadTs))) return;
  await slack.postMessage({ ...message, marker: job.id });
}
