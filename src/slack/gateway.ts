import { WebClient, type Block, type KnownBlock } from '@slack/web-api';
import type { Logger } from '../logger';
import { slackLoggerFrom } from '../logger';

/**
 * The Web API calls the workers make, narrowed to what they use, so processors depend on this
 * interface and tests can point the real implementation at a local stand-in.
 */
export interface SlackProfile {
  id: string;
  title?: string;
  tz?: string;
  tzOffsetSeconds?: number;
  isBot: boolean;
  deleted: boolean;
  isAdmin: boolean;
}

export interface OutgoingMessage {
  channel: string;
  text: string;
  blocks?: (Block | KnownBlock)[];
  threadTs?: string;
}

export interface SlackGateway {
  userProfile(userId: string): Promise<SlackProfile>;
  postEphemeral(message: OutgoingMessage & { user: string }): Promise<void>;
  /** Posts a message marked with `marker`, so a retry can find out whether it already went out. */
  postMessage(message: OutgoingMessage & { marker: string }): Promise<{ ts: string }>;
  /** Looks for a post of ours marked with `marker` among the channel's (or thread's) recent messages. */
  findMarkedPost(channel: string, marker: string, threadTs?: string): Promise<string | undefined>;
  openDm(userId: string): Promise<string>;
  /** Answers through an interaction's response_url. */
  respond(responseUrl: string, body: { text: string; blocks?: unknown[]; replace_original: boolean }): Promise<void>;
  publishHome(userId: string, view: { type: 'home'; blocks: (Block | KnownBlock)[] }): Promise<void>;
  /** The workspace's base URL (auth.test's `url`). */
  workspaceUrl(): Promise<string | undefined>;
}

/** A response_url answered with a non-2xx status (an expired URL answers 404). */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered ${status}`);
    this.name = 'ResponseUrlError';
  }
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

export function createSlackGateway(client: WebClient): SlackGateway {
  return {
    async userProfile(userId) {
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
    async findMarkedPost(channel, marker, threadTs) {
      const result = threadTs
        ? await client.conversations.replies({ channel, ts: threadTs, limit: 100, include_all_metadata: true })
        : await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
      const found = (result.messages ?? []).find((message) => {
        const metadata = message.metadata as { event_type?: string; event_payload?: { marker?: unknown } } | undefined;
        return metadata?.event_type === POST_MARKER_EVENT && metadata.event_payload?.marker === marker;
      });
      return found?.ts;
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
    async workspaceUrl() {
      return (await client.auth.test()).url;
    },
    async openDm(userId) {
      const result = await client.conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
  };
}
