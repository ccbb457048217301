import type { Logger } from '../../logger';
import { jobIdFrom, type ForgetWorkspacePayload, type JobQueue } from '../../ports/jobs';

/**
 * `app_home_opened` queues a rebuild of the person's Home tab; `tokens_revoked`,
 * `app_uninstalled` and `team_access_revoked` queue the deletion of everything kept about the
 * workspace.
 */
export interface WorkspaceEventDeps {
  jobs: JobQueue;
  logger: Logger;
}

/** Home tab opens within this window share one rebuild. */
const HOME_REBUILD_WINDOW_MS = 5000;

export function createWorkspaceEventHandlers({ jobs, logger }: WorkspaceEventDeps) {
  return {
    async homeOpened(teamId: string, userId: string, tab: string | undefined, enterpriseId?: string, now = Date.now()): Promise<void> {
      if (tab !== 'home') return;
      const bucket = String(Math.floor(now / HOME_REBUILD_WINDOW_MS));
      await jobs.add('publish-home', { teamId, enterpriseId, userId }, { jobId: jobIdFrom('home', teamId, userId, bucket) });
    },
    async forgetWorkspace(teamId: string, reason: ForgetWorkspacePayload['reason'], botTokensRevoked = true): Promise<void> {
      // Revoking only people's (user) tokens leaves the bot installed: nothing to forget.
      if (!botTokensRevoked) return;
      logger.warn({ team: teamId, reason }, 'workspace data will be deleted');
      await jobs.add('forget-workspace', { teamId, reason, pass: 1 }, { jobId: jobIdFrom('forget', teamId, reason), deduplicateForMs: 10 * 60 * 1000 });
    },
  };
}
