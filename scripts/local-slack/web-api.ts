import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_DEFAULTS, randomSlackId } from './ids';
import { InstallRegistry, type InstallTarget, type LocalGrant, type LocalInstallOwner, type LocalOAuthOptions } from './installs';
import {
  SocketModeGateway,
  type SocketAck,
  type SocketDisconnectReason,
  type SocketEnvelopeOptions,
  type SocketEnvelopeType,
} from './socket-mode';
import {
  clearActivity,
  createMethodHandlers,
  createWorkspaceState,
  removeMessage,
  replaceMessageContent,
  storeMessage,
  type LocalChannel,
  type LocalUser,
  type MethodResult,
  type Params,
  type PublishedView,
  type StoredMessage,
  type WorkspaceState,
} from './workspace';

export type { LocalChannel, LocalUser, PublishedView, StoredMessage } from './workspace';
export type { SocketAck, SocketDisconnectReason, SocketEnvelopeOptions, SocketEnvelopeType } from './socket-mode';
export type { LocalGrant, LocalInstallOwner, LocalOAuthOptions } from './installs';

/**
 * A loopback stand-in for Slack's Web API (and its Socket Mode gateway) that records every call.
 * Point Bolt at it with `clientOptions: { slackApiUrl: local.url }`.
 */

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), or `response_url` for posts to {@link LocalSlack.responseUrl}. */
  method: string;
  /**
   * The arguments as Slack received them. Form fields stay strings (`limit: '100'`, `unfurl_links:
   * 'false'`); the JSON-encoded fields (`blocks`, `attachments`, `metadata`, `view`, …) are decoded.
   * The token is not included: see `token`.
   */
  params: Record<string, unknown>;
  /** From `Authorization: Bearer …` or a `token` field. */
  token?: string;
  /** HTTP status answered (200 for `ok: false` answers, as on Slack). */
  status: number;
  /** The body answered (parsed JSON, or the text for non-JSON bodies). */
  response: unknown;
  /** When the request arrived (ms since epoch). Recorded on arrival: a `hang` answers later. */
  at: number;
  /** The injected failure that produced this answer, if any. */
  injected?: Failure;
}

export type Failure =
  /** HTTP 429 with `Retry-After: <seconds>` and `{ ok: false, error: 'ratelimited' }`. */
  | { rateLimited: number }
  /** That HTTP status (e.g. 500, 503) with a short text body. */
  | { httpStatus: number }
  /** HTTP 200 `{ ok: false, error }`, e.g. `channel_not_found`. */
  | { error: string }
  /** Carries out the call at once, but answers only after this many ms (a request that times out after Slack acted on it). */
  | { hang: number }
  /**
   * Carries out the call only after this many ms, and answers then (a request still on its way or in
   * Slack's hands while the app looks for its result). Carried out even when the caller hung up.
   */
  | { land: number };

export interface RateLimitRule {
  /** Calls allowed per window. */
  limit: number;
  /** Window length. Default 60 000 ms. */
  windowMs?: number;
  /** Count calls per `channel` argument (chat.postMessage is ~1/s per channel). Default false. */
  perChannel?: boolean;
}

export interface LocalSlackOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default {@link LOCAL_DEFAULTS}.teamId. */
  teamId?: string;
  /** The bot's user id (`auth.test` user_id). Default {@link LOCAL_DEFAULTS}.botUserId. */
  botUserId?: string;
  /** Default {@link LOCAL_DEFAULTS}.botId. */
  botId?: string;
  /** Default {@link LOCAL_DEFAULTS}.appId; sent in Socket Mode `hello` and bot messages. */
  appId?: string;
  /** When set, every method but `apps.connections.open` answers `invalid_auth` unless called with this token. */
  botToken?: string;
  /**
   * When set, `apps.connections.open` answers `invalid_auth` unless called with this token. Any
   * `xapp-` token is accepted otherwise; other token types get `not_allowed_token_type`, as on Slack.
   */
  appToken?: string;
  /** Added before every answer (benchmarks). A function gets the method name. Default 0. */
  latencyMs?: number | ((method: string) => number);
  /** Per-method rate limits answered with 429 + Retry-After, like Slack's tiers. Default none. */
  rateLimits?: Record<string, RateLimitRule>;
  /** Installs by OAuth v2 (`/oauth/v2/authorize`, `oauth.v2.access`), for an app serving many workspaces. Default off. */
  oauth?: LocalOAuthOptions;
}

/** A further workspace on the same local Slack (see {@link LocalSlack.addTeam}). */
export interface LocalTeamOptions {
  teamId: string;
  teamName?: string;
  teamDomain?: string;
  /** The Enterprise Grid org the workspace belongs to. */
  enterpriseId?: string;
  enterpriseName?: string;
  /** Default: derived from the team id. */
  botUserId?: string;
  botId?: string;
}

/** What a workspace of the local Slack holds: people, channels, their messages and Home tabs. */
export interface WorkspaceContent {
  /** `users.info` / `users.profile.get` answer from this directory (the bot user is in it already). */
  addUser(user: LocalUser): void;
  addChannel(channel: LocalChannel): void;
  /** Puts a message in a channel's history (as if someone had posted it), e.g. to test history reads. */
  addMessage(channel: string, message: Partial<StoredMessage> & { text: string; ts: string }): void;
  /**
   * Changes a stored message's content, as a `response_url` answer with `replace_original` does
   * (no `edited` mark, unlike `chat.update`). False when there is no such message.
   */
  updateMessage(channel: string, ts: string, changes: Partial<Pick<StoredMessage, 'text' | 'blocks' | 'attachments'>>): boolean;
  /** Removes a stored message, as a `response_url` answer with `delete_original` does. False when there is no such message. */
  deleteMessage(channel: string, ts: string): boolean;
  /** Messages in a channel's history, oldest first (thread replies included). */
  messages(channel: string): StoredMessage[];
  /** The Home tab last published for a user with `views.publish`. */
  homeView(userId: string): PublishedView | undefined;
}

/**
 * One workspace of the local Slack: its people, channels, messages and views. Calls made with a
 * token of its installation (or of its org's org-wide install) read and change this one only.
 */
export interface LocalWorkspace extends WorkspaceContent {
  readonly teamId: string;
  readonly enterpriseId?: string;
  readonly botUserId: string;
  readonly botId: string;
}

/** The local Slack; its own content is that of its first workspace. */
export interface LocalSlack extends WorkspaceContent {
  /** Web API base URL with the trailing slash, e.g. `http://127.0.0.1:5123/api/`: Bolt's `clientOptions.slackApiUrl`. */
  readonly url: string;
  /** `http://127.0.0.1:5123` */
  readonly origin: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  /** Every call, in arrival order, failed ones included. */
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /**
   * The first call to `method` (matching `predicate`) already recorded or still to come. Rejects
   * after `timeoutMs` (default 5000) with the methods seen so far.
   */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Resolves with the first `count` matching calls once that many have been recorded. Default timeout 5000 ms. */
  waitForCalls(method: string, count: number, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Calls `listener` with every call as it is recorded (e.g. a sandbox printing what the bot did). Returns an unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** The next `times` (default 1) calls of `method` fail this way. `'*'` matches any method not queued by name. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Modals opened with `views.open`, in order. */
  readonly modals: readonly PublishedView[];
  /**
   * A URL on this server to use as a slash command's `response_url`; POSTs to it are recorded as
   * method `response_url` with `params` = the JSON body plus `__id`.
   */
  responseUrl(id?: string): string;
  /** Clears recorded calls, queued failures, posted messages and views; keeps users and channels. */
  reset(): void;
  socketConnections(): number;
  /** Resolves once a Socket Mode client has connected and been sent `hello`. Default timeout 5000 ms. */
  waitForSocketConnection(timeoutMs?: number): Promise<void>;
  /** Resolves once no Socket Mode connection is left (after the app stopped). Default timeout 5000 ms. */
  waitForSocketDisconnection(timeoutMs?: number): Promise<void>;
  /**
   * Pushes `{ envelope_id, type, payload, accepts_response_payload, retry_attempt, retry_reason }` to
   * a connected client and resolves with its ack (`{ envelope_id, payload? }`); rejects when no
   * client is connected or no ack arrives in time (default 5000 ms).
   */
  sendSocketEnvelope(type: SocketEnvelopeType, payload: object, opts?: SocketEnvelopeOptions): Promise<SocketAck>;
  /** Sends Slack's `{ type: 'disconnect', reason }`: the client closes and reconnects via `apps.connections.open`. */
  sendSocketDisconnect(reason?: SocketDisconnectReason): void;
  /** Closes the HTTP server, every connection and WebSocket, and cancels pending `hang` answers. */
  close(): Promise<void>;

  // Several workspaces, installs and Enterprise Grid (with the `oauth` option).
  /**
   * Adds a workspace. Calls with a token minted for it, or obtained by installing into it, are
   * answered from its own state; the first workspace (`teamId`) is {@link workspace}(teamId).
   */
  addTeam(team: LocalTeamOptions): LocalWorkspace;
  /** A workspace added with {@link addTeam}, or the first one. Throws for an unknown id. */
  workspace(teamId: string): LocalWorkspace;
  /**
   * The page the "Add to Slack" button leads to. The browser adds `team=T…` (the workspace the
   * person picks) or `enterprise=E…` (an org-wide install; local only), or `deny=1`.
   */
  readonly authorizeUrl: string;
  /** A bot token for a workspace or an org, without the browser steps; rotating: with a refresh token. */
  mintToken(owner: LocalInstallOwner, rotating?: boolean): LocalGrant;
  /** The lifetime of rotating tokens issued from now on, in seconds. */
  setTokenLifetime(seconds: number): void;
  /** Where the authorize page sends the browser back to when the URL names no `redirect_uri` (the app's settings). */
  setRedirectUri(url: string): void;
  /** Revokes every token of a workspace or an org (calls answer `token_revoked`), as uninstalling does. Send the events yourself. */
  uninstall(owner: LocalInstallOwner): void;
}

interface LocalTeam {
  options: LocalTeamOptions;
  state: WorkspaceState;
  handlers: Record<string, (params: Params) => MethodResult>;
}

/** Fields Slack takes as JSON strings in form-encoded requests (@slack/web-api JSON-encodes every object). */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurls', 'user_auth_blocks', 'file_uploads', 'files', 'options']);

interface Waiter {
  method: string;
  count: number;
  predicate?: (call: RecordedCall) => boolean;
  resolve(calls: RecordedCall[]): void;
}

/** The answer an injected failure forces, or undefined when the call should be served (a hang only delays). */
function injectedAnswer(injected: Failure | undefined, errorStatus: number): { status: number; body: unknown; headers: Record<string, string> } | undefined {
  if (!injected) return undefined;
  if ('rateLimited' in injected) {
    return { status: 429, headers: { 'retry-after': String(injected.rateLimited) }, body: { ok: false, error: 'ratelimited' } };
  }
  if ('httpStatus' in injected) return { status: injected.httpStatus, headers: {}, body: STATUS_CODES[injected.httpStatus] ?? 'Error' };
  if ('error' in injected) return { status: errorStatus, headers: {}, body: { ok: false, error: injected.error } };
  return undefined;
}

export async function startLocalSlack(options: LocalSlackOptions = {}): Promise<LocalSlack> {
  const identity = {
    teamId: options.teamId ?? LOCAL_DEFAULTS.teamId,
    teamName: LOCAL_DEFAULTS.teamName,
    teamDomain: LOCAL_DEFAULTS.teamDomain,
    appId: options.appId ?? LOCAL_DEFAULTS.appId,
    botUserId: options.botUserId ?? LOCAL_DEFAULTS.botUserId,
    botId: options.botId ?? LOCAL_DEFAULTS.botId,
    botName: LOCAL_DEFAULTS.botName,
  };
  const state = createWorkspaceState(identity);
  let origin = '';
  const gateway = new SocketModeGateway({ appId: identity.appId, origin: () => origin });
  const handlers = createMethodHandlers(state, { openSocketUrl: () => gateway.issueUrl() });
  const teams = new Map<string, LocalTeam>([[identity.teamId, { options: { teamId: identity.teamId, teamName: identity.teamName }, state, handlers }]]);
  const teamsOfOrg = (enterpriseId: string) => [...teams.values()].filter((team) => team.options.enterpriseId === enterpriseId);
  const installs = new InstallRegistry({
    oauth: options.oauth,
    appId: identity.appId,
    targetOf: (owner): InstallTarget | undefined => {
      if ('enterpriseId' in owner) {
        const [first] = teamsOfOrg(owner.enterpriseId);
        if (!first) return undefined;
        // An org-wide install has one bot user across the org (here: the first workspace's).
        return { enterprise: { id: owner.enterpriseId, name: first.options.enterpriseName ?? owner.enterpriseId }, botUserId: first.state.identity.botUserId, isEnterpriseInstall: true };
      }
      const team = teams.get(owner.teamId);
      if (!team) return undefined;
      const { enterpriseId, enterpriseName } = team.options;
      return {
        team: { id: team.state.identity.teamId, name: team.state.identity.teamName },
        enterprise: enterpriseId ? { id: enterpriseId, name: enterpriseName ?? enterpriseId } : undefined,
        botUserId: team.state.identity.botUserId,
        isEnterpriseInstall: false,
      };
    },
    installerOf: (owner) => {
      const team = 'teamId' in owner ? teams.get(owner.teamId) : teamsOfOrg(owner.enterpriseId)[0];
      const person = [...(team?.state.users.values() ?? [])].find((user) => !user.is_bot);
      return person?.id ?? LOCAL_DEFAULTS.userId;
    },
  });
  /** The workspace an org-wide token's call is about: the one named (`team_id`), holding the channel or person named, else the org's first. */
  const teamForOrgCall = (enterpriseId: string, params: Params): LocalTeam | undefined => {
    const inOrg = teamsOfOrg(enterpriseId);
    if (typeof params.team_id === 'string') return inOrg.find((team) => team.state.identity.teamId === params.team_id);
    const channel = typeof params.channel === 'string' ? params.channel : undefined;
    const user = [params.user, params.user_id, params.users].find((value): value is string => typeof value === 'string');
    return inOrg.find((team) => (channel !== undefined && team.state.channels.has(channel)) || (user !== undefined && team.state.users.has(user))) ?? inOrg[0];
  };
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const waiters = new Set<Waiter>();
  const listeners = new Set<(call: RecordedCall) => void>();
  const delayed = new Set<{ timer: NodeJS.Timeout; finish(): void }>();
  const rateWindows = new Map<string, number[]>();
  let closed = false;

  const matching = (method: string, predicate?: (call: RecordedCall) => boolean): RecordedCall[] =>
    calls.filter((c) => c.method === method && (!predicate || predicate(c)));

  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const listener of listeners) listener(call);
    for (const waiter of [...waiters]) {
      if (waiter.method !== call.method) continue;
      const found = matching(waiter.method, waiter.predicate);
      if (found.length >= waiter.count) waiter.resolve(found.slice(0, waiter.count));
    }
  };

  const takeFailure = (method: string): Failure | undefined => {
    for (const key of [method, '*']) {
      const queue = failures.get(key);
      if (queue && queue.length > 0) {
        const failure = queue.shift();
        if (queue.length === 0) failures.delete(key);
        return failure;
      }
    }
    return undefined;
  };

  /** Retry-After seconds when `method` is over its configured limit, else undefined (and counts the call). */
  const overRateLimit = (method: string, params: Params): number | undefined => {
    const rule = options.rateLimits?.[method];
    if (!rule) return undefined;
    const windowMs = rule.windowMs ?? 60000;
    const key = rule.perChannel ? `${method}:${String(params.channel ?? '')}` : method;
    const now = Date.now();
    const hits = (rateWindows.get(key) ?? []).filter((t) => t > now - windowMs);
    rateWindows.set(key, hits);
    if (hits.length >= rule.limit) return Math.max(1, Math.ceil((hits[0] + windowMs - now) / 1000));
    hits.push(now);
    return undefined;
  };

  /** Answers after `ms`, unless the server closes first. */
  const later = (ms: number, finish: () => void): void => {
    if (ms <= 0) {
      finish();
      return;
    }
    const entry = {
      timer: setTimeout(() => {
        delayed.delete(entry);
        finish();
      }, ms),
      finish,
    };
    delayed.add(entry);
  };

  const latencyFor = (method: string): number =>
    typeof options.latencyMs === 'function' ? options.latencyMs(method) : (options.latencyMs ?? 0);

  const handleApiCall = async (method: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now();
    const parsed = await readParams(req);
    const { params, token } = parsed;
    const injected = takeFailure(method);
    if (injected && 'land' in injected) {
      const call: RecordedCall = { method, params, token, status: 200, response: undefined, at, injected };
      record(call);
      later(injected.land, () => {
        call.response = parsed.error ? { ok: false, error: parsed.error } : dispatch(method, params, token);
        send(res, 200, call.response, {});
      });
      return;
    }
    const failed = injectedAnswer(injected, 200);
    let { status, body, headers } = failed ?? { status: 200, body: undefined as unknown, headers: {} as Record<string, string> };
    const delayMs = latencyFor(method) + (injected && 'hang' in injected ? injected.hang : 0);
    if (!failed) {
      const retryAfter = overRateLimit(method, params);
      if (retryAfter !== undefined) {
        status = 429;
        headers = { 'retry-after': String(retryAfter) };
        body = { ok: false, error: 'ratelimited' };
      } else {
        body = parsed.error ? { ok: false, error: parsed.error } : dispatch(method, params, token);
      }
    }

    record({ method, params, token, status, response: body, at, ...(injected ? { injected } : {}) });
    later(delayMs, () => send(res, status, body, headers));
  };

  const dispatch = (method: string, params: Params, token: string | undefined): MethodResult => {
    if (method === 'oauth.v2.access') return installs.access(params);
    const grant = installs.grantFor(token);
    if (grant) return dispatchInstalled(grant, method, params);
    const handler = handlers[method];
    if (method === 'apps.connections.open') {
      if (!token) return { ok: false, error: 'not_authed' };
      if (!token.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
      if (options.appToken !== undefined && token !== options.appToken) return { ok: false, error: 'invalid_auth' };
    } else if (options.botToken !== undefined && token !== options.botToken) {
      return { ok: false, error: 'invalid_auth' };
    }
    if (!handler) return { ok: false, error: 'unknown_method' };
    return handler(params);
  };

  /** A call made with the token of an installation: answered by its workspace (or, org-wide, the one the call is about). */
  const dispatchInstalled = (grant: LocalGrant, method: string, params: Params): MethodResult => {
    if (grant.revoked) return { ok: false, error: 'token_revoked' };
    if ('enterpriseId' in grant.owner && method === 'auth.test') {
      const [target] = teamsOfOrg(grant.owner.enterpriseId);
      return {
        ok: true,
        url: `https://${grant.owner.enterpriseId.toLowerCase()}.enterprise.slack.com/`,
        team: null,
        user: target ? target.state.identity.botName : LOCAL_DEFAULTS.botName,
        team_id: null,
        enterprise_id: grant.owner.enterpriseId,
        user_id: target?.state.identity.botUserId,
        bot_id: target?.state.identity.botId,
        app_id: identity.appId,
        is_enterprise_install: true,
      };
    }
    // Slack lists an org's people one workspace at a time: an org-wide token must name it.
    if ('enterpriseId' in grant.owner && method === 'users.list' && typeof params.team_id !== 'string') return { ok: false, error: 'missing_argument' };
    const team = 'teamId' in grant.owner ? teams.get(grant.owner.teamId) : teamForOrgCall(grant.owner.enterpriseId, params);
    const handler = team?.handlers[method];
    if (!handler) return { ok: false, error: team ? 'unknown_method' : 'team_not_found' };
    return handler(params);
  };

  /** What a workspace's state holds, read and changed through the test-facing methods. */
  const contentOf = (workspace: WorkspaceState): WorkspaceContent => ({
    addUser: (user) => {
      workspace.users.set(user.id, { ...user });
    },
    addChannel: (channel) => {
      workspace.channels.set(channel.id, { ...channel, members: channel.members ? [...channel.members] : undefined });
    },
    addMessage: (channel, message) => {
      storeMessage(workspace, { type: 'message', user: LOCAL_DEFAULTS.userId, team: workspace.identity.teamId, ...message, channel });
    },
    updateMessage: (channel, ts, changes) => replaceMessageContent(workspace, channel, ts, changes),
    deleteMessage: (channel, ts) => removeMessage(workspace, channel, ts),
    messages: (channel) => [...(workspace.messages.get(channel) ?? [])],
    homeView: (userId) => workspace.homeViews.get(userId),
  });

  const workspaceOf = (team: LocalTeam): LocalWorkspace => ({
    teamId: team.state.identity.teamId,
    enterpriseId: team.options.enterpriseId,
    botUserId: team.state.identity.botUserId,
    botId: team.state.identity.botId,
    ...contentOf(team.state),
  });

  const handleAuthorizePage = (url: URL, res: ServerResponse): void => {
    const answer = installs.authorize(url.searchParams);
    record({ method: 'oauth.authorize', params: Object.fromEntries([...url.searchParams].filter(([key]) => key !== 'state')), status: answer.status, response: answer.location ?? answer.body, at: Date.now() });
    send(res, answer.status, answer.body ?? '', answer.location ? { location: answer.location } : {});
  };

  const handleResponseUrl = async (id: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now();
    const { params } = await readParams(req);
    const injected = takeFailure('response_url');
    // response_url errors are not `ok: false` bodies but 404s with the reason (e.g. expired_url).
    const { status, body, headers } = injectedAnswer(injected, 404) ?? { status: 200, body: { ok: true }, headers: {} };
    const delayMs = injected && 'hang' in injected ? injected.hang : 0;
    record({ method: 'response_url', params: { ...params, __id: id }, status, response: body, at, ...(injected ? { injected } : {}) });
    later(delayMs, () => send(res, status, body, headers));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (url.pathname.startsWith('/api/') && (req.method === 'POST' || req.method === 'GET')) {
        await handleApiCall(decodeURIComponent(url.pathname.slice('/api/'.length)), req, res);
      } else if (url.pathname === '/oauth/v2/authorize' && req.method === 'GET') {
        handleAuthorizePage(url, res);
      } else if (url.pathname.startsWith('/response/') && req.method === 'POST') {
        await handleResponseUrl(decodeURIComponent(url.pathname.slice('/response/'.length)), req, res);
      } else {
        send(res, 404, 'Not Found', {});
      }
    };
    route().catch((error: unknown) => {
      // A bug in the stand-in itself: answer like Slack's front door would, and leave a trace.
      if (!res.headersSent) send(res, 500, `local-slack error: ${(error as Error).message}`, {});
    });
  });
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  const waitFor = (method: string, count: number, predicate: ((call: RecordedCall) => boolean) | undefined, timeoutMs: number): Promise<RecordedCall[]> => {
    const already = matching(method, predicate);
    if (already.length >= count) return Promise.resolve(already.slice(0, count));
    return new Promise<RecordedCall[]>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        count,
        predicate,
        resolve: (found) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(found);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const found = matching(method, predicate).length;
        reject(
          new Error(
            `timed out after ${timeoutMs}ms waiting for ${count} call(s) to ${method}${predicate ? ' matching the predicate' : ''} ` +
              `(${found} matched); calls seen: ${summarize(calls)}`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  return {
    url: `${origin}/api/`,
    origin,
    teamId: identity.teamId,
    botUserId: identity.botUserId,
    botId: identity.botId,
    appId: identity.appId,
    calls,
    callsTo: (method) => matching(method),
    waitForCall: async (method, predicate, timeoutMs = 5000) => (await waitFor(method, 1, predicate, timeoutMs))[0],
    waitForCalls: (method, count, predicate, timeoutMs = 5000) => waitFor(method, count, predicate, timeoutMs),
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failNext: (method, failure, times = 1) => {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    ...contentOf(state),
    get modals() {
      return state.modals;
    },
    responseUrl: (id = randomSlackId('R', 12)) => `${origin}/response/${encodeURIComponent(id)}`,
    reset: () => {
      calls.length = 0;
      failures.clear();
      rateWindows.clear();
      for (const team of teams.values()) clearActivity(team.state);
    },
    socketConnections: () => gateway.connections(),
    waitForSocketConnection: (timeoutMs = 5000) => gateway.waitForConnections(1, timeoutMs),
    waitForSocketDisconnection: (timeoutMs = 5000) => gateway.waitForNoConnections(timeoutMs),
    sendSocketEnvelope: (type, payload, opts) => gateway.send(type, payload, opts),
    sendSocketDisconnect: (reason) => gateway.sendDisconnect(reason),
    addTeam: (team) => {
      if (teams.has(team.teamId)) throw new Error(`local Slack: workspace ${team.teamId} exists already`);
      const teamState = createWorkspaceState({
        teamId: team.teamId,
        teamName: team.teamName ?? team.teamId,
        teamDomain: team.teamDomain ?? team.teamId.toLowerCase(),
        appId: identity.appId,
        botUserId: team.botUserId ?? `U${team.teamId.slice(1)}BOT`,
        botId: team.botId ?? `B${team.teamId.slice(1)}`,
        botName: identity.botName,
      });
      const added: LocalTeam = { options: team, state: teamState, handlers: createMethodHandlers(teamState, { openSocketUrl: () => gateway.issueUrl() }) };
      teams.set(team.teamId, added);
      return workspaceOf(added);
    },
    workspace: (teamId) => {
      const team = teams.get(teamId);
      if (!team) throw new Error(`local Slack: no workspace ${teamId}`);
      return workspaceOf(team);
    },
    authorizeUrl: `${origin}/oauth/v2/authorize`,
    mintToken: (owner, rotating = false) => installs.mint(owner, rotating),
    setTokenLifetime: (seconds) => installs.setTokenLifetime(seconds),
    setRedirectUri: (url) => installs.setRedirectUri(url),
    uninstall: (owner) => installs.revoke(owner),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const entry of delayed) clearTimeout(entry.timer);
      delayed.clear();
      await gateway.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
    },
  };
}

function summarize(calls: RecordedCall[]): string {
  if (calls.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
  return [...counts].map(([method, n]) => `${method} x${n}`).join(', ');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (res.destroyed || res.writableEnded) return;
  const isText = typeof body === 'string';
  const payload = isText ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads the arguments the way Slack does: query string, then the body as form fields, JSON or
 * multipart. @slack/web-api 8 sends form-encoded bodies, multipart when an argument is a Buffer
 * (file uploads), and never JSON; other clients (and Bolt's `respond()`) send JSON.
 */
async function readParams(req: IncomingMessage): Promise<{ params: Params; token?: string; error?: string }> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const raw = await readBody(req);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const params: Params = {};
  for (const [key, value] of url.searchParams) params[key] = value;
  let error: string | undefined;

  if (contentType === 'application/json') {
    try {
      const parsed: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(params, parsed);
      else error = 'invalid_json';
    } catch {
      error = 'invalid_json';
    }
  } else if (contentType === 'multipart/form-data') {
    const form = await new Response(raw, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    for (const [key, value] of form) {
      params[key] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
    }
  } else if (raw.length > 0) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) params[key] = value;
  }

  for (const key of Object.keys(params)) {
    const value = params[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // Left as the string: the method answers invalid_blocks_format and the like.
      }
    }
  }

  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
  const bodyToken = typeof params.token === 'string' ? params.token : undefined;
  delete params.token;
  return { params, token: bearer || bodyToken, error };
}
