import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger';
import { WorkspaceNotInstalled, type SlackWorkspace, type SlackWorkspaces } from '../ports/slack';
import type { InstallationRepository } from '../store/installations';
import { createWebApiWorkspace, createWebClient, workspaceUrlOf } from './gateway';

export interface InstalledWorkspacesOptions {
  installations: Pick<InstallationRepository, 'botFor'>;
  apiUrl: string;
  /** Web API request timeout (SLACK_API_TIMEOUT_MS). Default 10 s. */
  timeoutMs?: number;
  logger: Logger;
}

/** Where message links point when Slack could not tell us the workspace's URL. */
const FALLBACK_WORKSPACE_URL = 'https://slack.com/';

/**
 * Multi-workspace mode's implementation of the Slack port: each team is served with the bot token
 * of its own installation (or its org's org-wide install), read from the installation store on
 * every `forTeam`, so an uninstall, a reinstall or a refreshed token takes effect at once.
 *
 * One WebClient per workspace is kept while its token stays the same (a rotated token gets a new
 * one); the workspace's URL, for message links, is asked of `auth.test` once per process.
 */
export function installedWorkspaces({ installations, apiUrl, timeoutMs, logger }: InstalledWorkspacesOptions): SlackWorkspaces {
  const clients = new Map<string, { token: string; client: WebClient; workspace: SlackWorkspace }>();
  const urls = new Map<string, string>();

  const workspaceUrl = async (teamId: string, client: WebClient): Promise<void> => {
    if (urls.has(teamId)) return;
    const url = await workspaceUrlOf(client).catch((error: Error) => {
      logger.warn({ team: teamId, err: { message: error.message } }, 'workspace URL unknown; message links use slack.com for now');
      return undefined;
    });
    if (url) urls.set(teamId, url);
  };

  return {
    async forTeam(teamId, address) {
      const bot = await installations.botFor(teamId, address?.enterpriseId);
      if (!bot) throw new WorkspaceNotInstalled(teamId);
      let cached = clients.get(teamId);
      if (cached?.token !== bot.token) {
        const client = createWebClient({ token: bot.token, apiUrl, logger, timeoutMs });
        cached = { token: bot.token, client, workspace: createWebApiWorkspace(client, () => urls.get(teamId) ?? FALLBACK_WORKSPACE_URL) };
        clients.set(teamId, cached);
      }
      await workspaceUrl(teamId, cached.client);
      return cached.workspace;
    },
  };
}
