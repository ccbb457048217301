import type { App, Context } from '@slack/bolt';
import { createIncomingMessageHandler, type IncomingMessageDeps } from './message';
import { createWorkspaceEventHandlers, type WorkspaceEventDeps } from '../../../features/workspace/events';
import type { ForgetWorkspacePayload } from '../../../ports/jobs';
import type { InstallationRepository } from '../../../store/installations';
import { workspaceOfEnvelope } from '../../incoming-message';

export type EventListenerDeps = IncomingMessageDeps &
  WorkspaceEventDeps & {
    /**
     * Multi-workspace mode: an uninstall removes the installation (Bolt never does), and an
     * org-wide one forgets every workspace of the org.
     */
    uninstalled?: Pick<InstallationRepository, 'deleteInstallation' | 'workspacesOfOrg'>;
  };

/** The Events API event types the bot subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = ['message', 'app_mention', 'app_home_opened', 'tokens_revoked', 'app_uninstalled', 'team_access_revoked'] as const;
type SubscribedEvent = (typeof SUBSCRIBED_EVENTS)[number];

interface EventBody {
  team_id: string;
  enterprise_id?: string;
  context_team_id?: string;
  authorizations?: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }[];
  event: { type: string; user?: string; tab?: string; tokens?: { bot?: string[]; oauth?: string[] }; team_ids?: unknown };
}

/**
 * Events are handled by one global middleware that dispatches on the event type and stops there.
 * Bolt would otherwise run every listener's matcher chain (copying the arguments at each step) for
 * every event; on the busiest path that was a third of the ack time (see docs/benchmarks.md).
 * Commands and button clicks still go to ordinary listeners.
 */
export function registerEventListeners(app: App, deps: EventListenerDeps): void {
  const handleIncomingMessage = createIncomingMessageHandler(deps);
  const workspace = createWorkspaceEventHandlers(deps);
  const forgetAll = async (teamIds: Iterable<string>, reason: ForgetWorkspacePayload['reason'], botTokensRevoked = true): Promise<void> => {
    for (const teamId of teamIds) await workspace.forgetWorkspace(teamId, reason, botTokensRevoked);
  };
  /**
   * Removes the installation that received an uninstall, then forgets the workspace; for an
   * org-wide install, removes the org's installation and forgets every workspace of the org.
   */
  const uninstall = async (body: EventBody, reason: 'tokens_revoked' | 'app_uninstalled', botTokensRevoked: boolean): Promise<void> => {
    const { teamId, enterpriseId } = workspaceOfEnvelope(body);
    // An org-level envelope may name no workspace at all.
    const forgotten = new Set(teamId ? [teamId] : []);
    if (botTokensRevoked && deps.uninstalled) {
      if (body.authorizations?.[0]?.is_enterprise_install === true && enterpriseId) {
        // Read before the removal, which takes the org's list of workspaces with it.
        for (const member of await deps.uninstalled.workspacesOfOrg(enterpriseId)) forgotten.add(member);
        await deps.uninstalled.deleteInstallation({ teamId: undefined, enterpriseId, isEnterpriseInstall: true });
      } else {
        await deps.uninstalled.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall: false });
      }
    }
    await forgetAll(forgotten, reason, botTokensRevoked);
  };
  /** An org admin removed the org-wide app from some of the org's workspaces: those are forgotten. */
  const teamAccessRevoked = async (body: EventBody): Promise<void> => {
    const teamIds = Array.isArray(body.event.team_ids) ? body.event.team_ids.filter((id): id is string => typeof id === 'string' && id !== '') : [];
    await forgetAll(teamIds, 'team_access_revoked');
  };
  const handlers: Record<SubscribedEvent, (body: EventBody, context: Context) => Promise<void>> = {
    message: (body, context) => handleIncomingMessage(body, 'message', context),
    app_mention: (body, context) => handleIncomingMessage(body, 'app_mention', context),
    app_home_opened: async (body) => {
      const { teamId, enterpriseId } = workspaceOfEnvelope(body);
      if (body.event.user) await workspace.homeOpened(teamId, body.event.user, body.event.tab, enterpriseId);
    },
    tokens_revoked: (body) => uninstall(body, 'tokens_revoked', (body.event.tokens?.bot?.length ?? 0) > 0),
    app_uninstalled: (body) => uninstall(body, 'app_uninstalled', true),
    team_access_revoked: teamAccessRevoked,
  };
  app.use(async ({ body, next, context }) => {
    const typed = body as unknown as Partial<EventBody> & { type?: string };
    const handler = typed.type === 'event_callback' ? handlers[typed.event?.type as SubscribedEvent] : undefined;
    if (handler && Object.hasOwn(handlers, typed.event?.type ?? '')) {
      await handler(typed as EventBody, context);
      return;
    }
    await next();
  });
}
