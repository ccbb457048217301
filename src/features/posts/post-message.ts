import type { Block, KnownBlock } from '@slack/web-api';
import type { PostMessagePayload } from '../../ports/jobs';
import type { SlackWorkspace, SlackWorkspaces } from '../../ports/slack';
import type { DmChannels } from '../../store/dm-channels';

/**
 * The `post-message` job: a public post (a hand-off in a thread) or a DM (a digest). Posted at most
 * once: a retry first looks for its own marked post.
 */
export async function postMessage(
  deps: { workspaces: SlackWorkspaces; dmChannels: DmChannels },
  post: PostMessagePayload,
  job: { id: string; isRetry: boolean; createdAt?: number },
): Promise<void> {
  const slack = await deps.workspaces.forTeam(post.teamId, { enterpriseId: post.enterpriseId });
  const channel = post.channelId ?? (await deps.dmChannels.channelFor(post.teamId, post.userId ?? ''));
  await postOnce(slack, { channel, text: post.text, blocks: post.blocks as (Block | KnownBlock)[] | undefined, threadTs: post.threadTs }, job);
}

/**
 * Posts a message marked with the job id. A retry whose first attempt may have reached Slack (a
 * timeout after Slack accepted it) first looks for the marked post, so nothing is posted twice. It
 * looks among the messages since the job was created (`createdAt`, epoch ms), however long the
 * thread or channel is.
 */
export async function postOnce(
  slack: Pick<SlackWorkspace, 'findMarkedPost' | 'postMessage'>,
  message: { channel: string; text: string; blocks?: (Block | KnownBlock)[]; threadTs?: string },
  job: { id: string; isRetry: boolean; createdAt?: number },
): Promise<void> {
  if (job.isRetry && (await slack.findMarkedPost(message.channel, job.id, message.threadTs, job.createdAt))) return;
  await slack.postMessage({ ...message, marker: job.id });
}

/** The `respond` job: an answer through an interaction's response_url. */
export async function respond(deps: { workspaces: SlackWorkspaces }, answer: { teamId: string; enterpriseId?: string; responseUrl: string; text: string; blocks?: unknown[]; replaceOriginal: boolean }): Promise<void> {
  const slack = await deps.workspaces.forTeam(answer.teamId, { enterpriseId: answer.enterpriseId });
  await slack.respond(answer.responseUrl, { text: answer.text, blocks: answer.blocks, replace_original: answer.replaceOriginal });
}
