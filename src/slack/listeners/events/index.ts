import type { App, Context, InstallationStore } from '@slack/bolt';
import { createIncomingMessageHandler, type IncomingMessageDeps } from './message';
import { createWorkspaceEventHandlers, type WorkspaceEventDeps } from '../../../features/workspace/events';
import { workspaceOfEnvelope } from '../../incoming-message';

export type EventListenerDeps = IncomingMessageDeps &
  WorkspaceEventDeps & {
    /** Multi-workspace mode: an uninstall removes the installation (Bolt never does). */
    uninstalled?: Pick<Required<InstallationStore>, 'deleteInstallation'>;
  };

/** The Events API event types the bot subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = ['message', 'app_mention', 'app_home_opened', 'tokens_revoked', 'app_uninstalled'] as const;
type SubscribedEvent = (typeof SUBSCRIBED_EVENTS)[number];

interface EventBody {
  team_id: string;
  enterprise_id?: string;
  context_team_id?: string;
  authorizations?: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }[];
  event: { type: string; user?: string; tab?: string; tokens?: { bot?: string[]; oauth?: string[] } };
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
  /** Removes the installation that received an uninstall (its org's, for an org-wide install), then forgets the workspace. */
  const uninstall = async (body: EventBody, reason: 'tokens_revoked' | 'app_uninstalled', botTokensRevoked: boolean): Promise<void> => {
    const { teamId, enterpriseId } = workspaceOfEnvelope(body);
    if (botTokensRevoked && deps.uninstalled) {
      const orgWide = body.authorizations?.[0]?.is_enterprise_install === true && enterpriseId !== undefined;
      await deps.uninstalled.deleteInstallation(
        orgWide ? { teamId: undefined, enterpriseId, isEnterpriseInstall: true } : { teamId, enterpriseId, isEnterpriseInstall: false },
      );
    }
    await workspace.forgetWorkspace(teamId, reason, botTokensRevoked);
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
