/**
 * Builds a message link from the workspace URL (auth.test's `url`) without a Web API call:
 * `https://team.slack.com/archives/C123/p1700000000000100`, with `thread_ts` for replies.
 */
export function permalinkFor(workspaceUrl: string, ref: { channelId: string; ts: string; threadTs?: string }): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  const link = `${base}archives/${ref.channelId}/p${ref.ts.replace('.', '')}`;
  return ref.threadTs && ref.threadTs !== ref.ts ? `${link}?thread_ts=${ref.threadTs}&cid=${ref.channelId}` : link;
}
