import type { WebClient } from '@slack/web-api';
import type { InstallMode } from '../install-mode';
import type { Logger } from '../logger';
import type { SlackWorkspaces } from '../ports/slack';
import { createInstallationStore, type InstallationRepository, type InstallationStoreOptions } from '../store/installations';
import type { KeySpace } from '../store/redis';
import { createTokenCipher } from '../store/token-cipher';
import { createWebApiWorkspace, createWebClient, singleTokenWorkspaces } from './gateway';
import { installedWorkspaces } from './installed-workspaces';
import { createBotTokenRefresher } from './token-refresh';

/** Any Redis client with the few commands the installation store uses (one server or a Cluster). */
type InstallationRedis = InstallationStoreOptions['redis'];

export interface WorkspacesOptions {
  apiUrl: string;
  /** Web API request timeout (SLACK_API_TIMEOUT_MS). Default 10 s. */
  timeoutMs?: number;
  redis: InstallationRedis;
  keys: KeySpace;
  logger: Logger;
  /** Single-workspace mode: the workspace's URL for message links, once known (auth.test). */
  workspaceUrl: () => string;
}

export type ModeWorkspaces =
  | { kind: 'single'; workspaces: SlackWorkspaces; client: WebClient }
  | {
      kind: 'multi';
      workspaces: SlackWorkspaces;
      installations: InstallationRepository;
      /** The same installations over another connection (the receive path's fails fast). */
      installationsOver(redis: InstallationRedis): InstallationRepository;
    };

/**
 * The Slack port for the configured mode: one bot token's workspace, or each workspace's own
 * installation. The app and the command line build it the same way.
 */
export function workspacesFor(install: InstallMode, { apiUrl, timeoutMs, redis, keys, logger, workspaceUrl }: WorkspacesOptions): ModeWorkspaces {
  if (install.kind === 'single') {
    const client = createWebClient({ token: install.botToken, apiUrl, logger, timeoutMs });
    return { kind: 'single', client, workspaces: singleTokenWorkspaces(createWebApiWorkspace(client, workspaceUrl)) };
  }
  const cipher = createTokenCipher(install.encryptionKey);
  const refreshBotToken = createBotTokenRefresher({ apiUrl, clientId: install.clientId, clientSecret: install.clientSecret, logger });
  const installationsOver = (connection: InstallationRedis) => createInstallationStore({ redis: connection, keys, cipher, refreshBotToken, logger });
  const installations = installationsOver(redis);
  return { kind: 'multi', installations, installationsOver, workspaces: installedWorkspaces({ installations, apiUrl, timeoutMs, logger }) };
}
