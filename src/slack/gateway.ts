import { WebClient } from '@slack/web-api';
import type { Logger } from '../logger';
import { slackLoggerFrom } from '../logger';
import { ResponseUrlError, type SlackWorkspace, type SlackWorkspaces } from '../ports/slack';
import { withSlackMethod } from '../ports/slack-errors';
import { permalinkFor } from './permalinks';

/**
 * The Web API implementation of the Slack port (src/ports/slack.ts): one workspace over one
 * WebClient, and the single-token `SlackWorkspaces` (SLACK_BOT_TOKEN: one workspace).
 */

/** People per `users.list` page (Slack recommends no more than 200). */
const DIRECTORY_PAGE_SIZE = 200;

/** Pages (and their size) read at most when looking for a marked post; `oldest` makes one the rule. */
const MARKED_POST_PAGES = 5;
const MARKED_POST_PAGE_SIZE = 200;
/** How far Slack's clock may be behind ours: a marked post is looked for from this long before its attempt. */
const CLOCK_SKEW_MARGIN_MS = 60_000;

/** A Slack timestamp ("seconds.micros") for epoch milliseconds. */
function slackTsOf(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(6);
}

/** The metadata event type our own posts carry (Slack message metadata). */
export const POST_MARKER_EVENT = 'lanekeeper_post';

export interface GatewayOptions {
  token: string;
  apiUrl: string;
  logger: Logger;
  /** Request timeout in milliseconds. Default 10 s. */
  timeoutMs?: number;
}

/**
 * A WebClient that never retries by itself and rejects rate-limited calls: the queue owns retries,
 * so a 429 delays one job instead of pausing every call of the workspace, and a timed-out request
 * is never silently re-sent.
 */
export function createWebClient({ token, apiUrl, logger, timeoutMs = 10000 }: GatewayOptions): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl,
    logger: slackLoggerFrom(logger, 'slack-web-api'),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
  });
}

/** One workspace over a WebClient holding its bot token. `workspaceUrl` (auth.test's `url`) builds message links. */
export function createWebApiWorkspace(client: WebClient, workspaceUrl: () => string): SlackWorkspace {
  return {
    async profile(userId) {
      const result = await client.users.info({ user: userId });
      const user = result.user ?? {};
      return {
        id: userId,
        title: user.profile?.title || undefined,
        tz: user.tz,
        tzOffsetSeconds: user.tz_offset,
        isBot: Boolean(user.is_bot),
        deleted: Boolean(user.deleted),
        isAdmin: Boolean(user.is_admin || user.is_owner),
        statusEmoji: user.profile?.status_emoji || undefined,
        statusText: user.profile?.status_text || undefined,
        statusExpiration: user.profile?.status_expiration || undefined,
      };
    },
    async postEphemeral({ channel, user, text, blocks, threadTs }) {
      await client.chat.postEphemeral({ channel, user, text, blocks, thread_ts: threadTs });
    },
    async postMessage({ channel, text, blocks, threadTs, marker }) {
      const result = await client.chat.postMessage({
        channel,
        text,
        blocks,
        thread_ts: threadTs,
        metadata: { event_type: POST_MARKER_EVENT, event_payload: { marker } },
        unfurl_links: false,
      });
      return { ts: result.ts ?? '' };
    },
    async findMarkedPost(channel, marker, threadTs, sinceMs) {
      const method = threadTs ? 'conversations.replies' : 'conversations.history';
      // Replies come oldest first: in a long thread the first page never reaches a post at its end,
      // so only messages since the attempt are asked for, and further pages are followed (a few).
      const oldest = sinceMs === undefined ? undefined : slackTsOf(sinceMs - CLOCK_SKEW_MARGIN_MS);
      let cursor: string | undefined;
      try {
        for (let page = 0; page < MARKED_POST_PAGES; page += 1) {
          const query = { channel, limit: MARKED_POST_PAGE_SIZE, include_all_metadata: true, oldest, cursor };
          const result = threadTs ? await client.conversations.replies({ ...query, ts: threadTs }) : await client.conversations.history(query);
          const found = (result.messages ?? []).find((message) => {
            const metadata = message.metadata as { event_type?: string; event_payload?: { marker?: unknown } } | undefined;
            return metadata?.event_type === POST_MARKER_EVENT && metadata.event_payload?.marker === marker;
          });
          if (found) return found.ts;
          cursor = result.response_metadata?.next_cursor || undefined;
          if (!cursor) return undefined;
        }
        return undefined;
      } catch (error) {
        throw withSlackMethod(error, method);
      }
    },
    async directoryPage(teamId, cursor) {
      // 200 a page is what Slack recommends; users.list is Tier 2 (about 20 calls a minute). An
      // org-wide install's token must say which workspace (Slack refuses it otherwise); a
      // workspace's own token accepts its own team id.
      const result = await client.users.list({ limit: DIRECTORY_PAGE_SIZE, cursor, team_id: teamId });
      return {
        people: (result.members ?? []).flatMap((member) =>
          member.id
            ? [{
                id: member.id,
                realName: member.profile?.real_name || member.real_name || '',
                displayName: member.profile?.display_name || undefined,
                isBot: Boolean(member.is_bot) || member.id === 'USLACKBOT',
                deleted: Boolean(member.deleted),
              }]
            : [],
        ),
        nextCursor: result.response_metadata?.next_cursor || undefined,
      };
    },
    async threadRoot(channel, threadTs) {
      try {
        // The parent comes first in the replies; one message is all we need.
        const result = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
        const root = (result.messages ?? []).find((message) => message.ts === threadTs);
        if (!root) return undefined;
        return {
          text: root.text ?? '',
          blocks: root.blocks as unknown[] | undefined,
          attachments: root.attachments as unknown[] | undefined,
          userId: root.user,
          fromBot: root.bot_id !== undefined || (root as { subtype?: string }).subtype === 'bot_message',
        };
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === 'thread_not_found') return undefined;
        throw error;
      }
    },
    async respond(responseUrl, body) {
      const response = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', ...body }),
        signal: AbortSignal.timeout(10000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new ResponseUrlError(response.status);
    },
    async publishHome(userId, view) {
      await client.views.publish({ user_id: userId, view });
    },
    permalink(ref) {
      return permalinkFor(workspaceUrl(), ref);
    },
    async openDm(userId) {
      const result = await client.conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
  };
}

/**
 * Single-token mode: one bot token, so every team is served by the same workspace client (the
 * token's own workspace; events from elsewhere do not reach a single-workspace app).
 */
export function singleTokenWorkspaces(workspace: SlackWorkspace): SlackWorkspaces {
  return {
    async forTeam() {
      return workspace;
    },
  };
}

/** The token's workspace URL (auth.test's `url`), or undefined when Slack cannot say. */
export async function workspaceUrlOf(client: WebClient): Promise<string | undefined> {
  return (await client.auth.test()).url;
}
