import { App, HTTPReceiver, type HTTPReceiverOptions, type InstallationStore, type Receiver } from '@slack/bolt';
import type { Config } from '../config';
import { isStoreUnavailable } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { slackLoggerFrom } from '../logger';
import { registerActionListeners, type ActionListenerDeps } from './listeners/actions';
import { registerCommandListeners, type CommandListenerDeps } from './listeners/commands';
import { registerEventListeners, type EventListenerDeps } from './listeners/events';
import { acknowledgeWhatNoListenerDid } from './listeners/unacknowledged';
import { DeferredAckSocketModeReceiver } from './socket-mode-receiver';
import type { BotAuth } from './auth';
import { installPages } from './install-pages';
import { InstallationNotFound } from '../store/installations';
import type { OAuthStateStore } from '../store/oauth-states';

export interface BoltAppDeps extends EventListenerDeps, CommandListenerDeps, ActionListenerDeps {
  config: Config;
  logger: Logger;
  /** Single-workspace mode: the bot token's identity, so Bolt never calls auth.test itself. */
  auth?: BotAuth;
  /** Multi-workspace mode: where installations and installs in progress are kept. */
  installs?: { installationStore: InstallationStore; stateStore: OAuthStateStore };
  metrics: Metrics;
}

export interface BoltApp {
  app: App;
  /** Set in HTTP mode: mount it on POST /slack/events. */
  httpReceiver?: HTTPReceiver;
  /** Set in Socket Mode: start and stop it with the process. */
  socketReceiver?: DeferredAckSocketModeReceiver;
}

/**
 * Builds the Bolt app and its receiver. In HTTP mode Bolt holds the response until the listener has
 * queued the event (`processBeforeResponse`), so a failed enqueue becomes a 503 and Slack retries.
 */
export function createBoltApp(deps: BoltAppDeps): BoltApp {
  const { config, logger, auth, installs } = deps;
  const { install } = config.slack;
  const boltLogger = slackLoggerFrom(logger, 'bolt');
  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  let socketReceiver: DeferredAckSocketModeReceiver | undefined;

  if (config.slack.appToken) {
    socketReceiver = new DeferredAckSocketModeReceiver({ appToken: config.slack.appToken, apiUrl: config.slack.apiUrl, logger, metrics: deps.metrics });
    receiver = socketReceiver;
  } else {
    // Multi-workspace mode: the same receiver serves /slack/install and /slack/oauth_redirect, and
    // its InstallProvider authorizes every request with the installation of its workspace.
    const oauth: Partial<HTTPReceiverOptions> =
      install.kind === 'multi' && installs
        ? {
            clientId: install.clientId,
            clientSecret: install.clientSecret,
            stateSecret: install.stateSecret,
            installationStore: installs.installationStore,
            ...installPages({ stateStore: installs.stateStore, apiUrl: config.slack.apiUrl, logger }),
          }
        : {};
    httpReceiver = new HTTPReceiver({
      ...oauth,
      signingSecret: config.slack.signingSecret ?? '',
      endpoints: '/slack/events',
      processBeforeResponse: true,
      logger: boltLogger,
      // Answer well before Slack's 3-second limit when a listener never acknowledged.
      unhandledRequestTimeoutMillis: 2500,
      processEventErrorHandler: async ({ error, response }) => {
        if (response.headersSent) return false;
        if (isStoreUnavailable(error)) {
          response.writeHead(503, { 'content-type': 'text/plain' });
          response.end('event not stored; please retry');
        } else {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end('internal error');
        }
        return true;
      },
    });
    receiver = httpReceiver;
  }

  if (install.kind === 'multi' && !installs) throw new Error('multi-workspace mode needs the installation and state stores');
  const app = new App({
    ...(install.kind === 'single' ? { token: install.botToken, botId: auth?.botId, botUserId: auth?.botUserId } : {}),
    receiver,
    logger: boltLogger,
    clientOptions: { slackApiUrl: config.slack.apiUrl },
    ignoreSelf: true,
    // Bolt's default in-memory conversation store costs time on every event and is never used here.
    convoStore: false,
  });

  app.error(async (error) => {
    if (isNotInstalled(error)) {
      // Answered 200: Slack stops sending once the app is uninstalled, and a retry would not help.
      logger.warn({ code: error.code }, 'a request for a workspace without an installation was ignored');
      return;
    }
    if (isStoreUnavailable(error)) {
      logger.warn('Redis did not take an event; asking Slack to retry');
    } else {
      logger.error({ err: { message: error.message, code: error.code } }, 'unhandled error in a Slack listener');
    }
    // Rethrown so the receiver decides the HTTP status (503 to retry) or leaves the envelope unacked.
    throw error;
  });

  registerEventListeners(app, deps);
  registerCommandListeners(app, deps);
  registerActionListeners(app, deps);
  acknowledgeWhatNoListenerDid(app);
  return { app, httpReceiver, socketReceiver };
}

/** Bolt's authorization failed because the workspace has no installation (multi-workspace mode). */
function isNotInstalled(error: unknown): boolean {
  const original = (error as { original?: unknown } | null)?.original;
  const cause = (original as { original?: unknown } | undefined)?.original ?? original;
  return cause instanceof InstallationNotFound || original instanceof InstallationNotFound;
}
