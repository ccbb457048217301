import type { Block, KnownBlock } from '@slack/web-api';

/**
 * The one way features and repositories talk to Slack: a port per workspace. Features ask
 * `SlackWorkspaces.forTeam(teamId)` for the workspace a piece of work belongs to and call the few
 * operations below; they never see a token, a WebClient or how installations are stored.
 *
 * Implementations live in src/slack/: the single-token one (one bot token, one workspace) and the
 * installation-store one (a token per workspace, or per Enterprise Grid org). Which workspace a
 * request belongs to (in a Slack Connect channel, ours rather than the host's) is settled by the
 * listeners before a feature asks for it.
 */
export interface SlackProfile {
  id: string;
  title?: string;
  tz?: string;
  tzOffsetSeconds?: number;
  isBot: boolean;
  deleted: boolean;
  isAdmin: boolean;
  /** The person's Slack status (`profile.status_*`, read with users:read): says whether they are away. */
  statusEmoji?: string;
  statusText?: string;
  /** When Slack clears the status, epoch seconds; 0 or missing: never. */
  statusExpiration?: number;
}

export interface OutgoingMessage {
  channel: string;
  text: string;
  blocks?: (Block | KnownBlock)[];
  threadTs?: string;
}

/** A message in a conversation, for links. `threadTs` is the thread's root when it is a reply. */
export interface MessageRef {
  channelId: string;
  ts: string;
  threadTs?: string;
}

/** One person of the workspace's directory (`users.list`): whom a plain name ("Ana Souza") may mean. */
export interface DirectoryPerson {
  id: string;
  /** The person's full name as Slack shows it (profile real name). */
  realName: string;
  displayName?: string;
  isBot: boolean;
  deleted: boolean;
}

/** One page of the directory; `nextCursor` is absent on the last page. */
export interface DirectoryPage {
  people: DirectoryPerson[];
  nextCursor?: string;
}

/** A thread's parent message as Slack returns it (`conversations.replies`): its content and author. */
export interface ThreadRootMessage {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** The author's user id (absent for some app posts). */
  userId?: string;
  fromBot: boolean;
}

export interface SlackWorkspace {
  profile(userId: string): Promise<SlackProfile>;
  /** Posts a message marked with `marker`, so a retry can find out whether it already went out. */
  postMessage(message: OutgoingMessage & { marker: string }): Promise<{ ts: string }>;
  postEphemeral(message: OutgoingMessage & { user: string }): Promise<void>;
  /**
   * Looks for a post of ours marked with `marker` among the channel's (or thread's replies')
   * messages posted since `sinceMs` (epoch ms; a few pages of the most recent ones without it).
   */
  findMarkedPost(channel: string, marker: string, threadTs?: string, sinceMs?: number): Promise<string | undefined>;
  openDm(userId: string): Promise<string>;
  publishHome(userId: string, view: { type: 'home'; blocks: (Block | KnownBlock)[] }): Promise<void>;
  /** A link to a message, built without a Web API call. */
  permalink(ref: MessageRef): string;
  /**
   * One page of the workspace's people (`users.list`, needs users:read). `teamId` is the workspace
   * whose people are listed: an org-wide install's token lists nobody without it.
   */
  directoryPage(teamId: string, cursor?: string): Promise<DirectoryPage>;
  /** A thread's parent message (`conversations.replies` limited to it), or undefined when Slack has no such thread. */
  threadRoot(channel: string, threadTs: string): Promise<ThreadRootMessage | undefined>;
  /** Answers through an interaction's response_url. */
  respond(responseUrl: string, body: { text: string; blocks?: unknown[]; replace_original: boolean }): Promise<void>;
}

/**
 * Where a piece of work happens. `teamId` is the workspace of the event (or the job carrying it);
 * `enterpriseId` is set for Enterprise Grid installs. With Slack Connect the team that installed the
 * app may differ from the event's team: resolving that is the implementation's business.
 */
export interface WorkspaceAddress {
  enterpriseId?: string;
}

export interface SlackWorkspaces {
  /** Rejects with `WorkspaceNotInstalled` when lanekeeper has no installation for that team. */
  forTeam(teamId: string, address?: WorkspaceAddress): Promise<SlackWorkspace>;
}

/** No installation answers for a team (uninstalled, or never installed): retrying will not help. */
export class WorkspaceNotInstalled extends Error {
  constructor(readonly teamId: string) {
    super(`lanekeeper is not installed in workspace ${teamId}`);
    this.name = 'WorkspaceNotInstalled';
  }
}

/** A response_url answered with a non-2xx status (an expired URL answers 404). */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered ${status}`);
    this.name = 'ResponseUrlError';
  }
}
