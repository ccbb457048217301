import type { App } from '@slack/bolt';
import { createIncomingMessageHandler, type IncomingMessageDeps } from './message';
import { createWorkspaceEventHandlers, type WorkspaceEventDeps } from '../../../features/workspace/events';

export type EventListenerDeps = IncomingMessageDeps & WorkspaceEventDeps;

/** The Events API event types the bot subscribes to (manifest.yml lists the same). */
export const SUBSCRIBED_EVENTS = ['message', 'app_mention', 'app_home_opened', 'tokens_revoked', 'app_uninstalled'] as const;
type SubscribedEvent = (typeof SUBSCRIBED_EVENTS)[number];

interface EventBody {
  team_id: string;
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
  const handlers: Record<SubscribedEvent, (body: EventBody) => Promise<void>> = {
    message: (body) => handleIncomingMessage(body, 'message'),
    app_mention: (body) => handleIncomingMessage(body, 'app_mention'),
    app_home_opened: async (body) => {
      if (body.event.user) await workspace.homeOpened(body.team_id, body.event.user, body.event.tab);
    },
    tokens_revoked: (body) => workspace.forgetWorkspace(body.team_id, 'tokens_revoked', (body.event.tokens?.bot?.length ?? 0) > 0),
    app_uninstalled: (body) => workspace.forgetWorkspace(body.team_id, 'app_uninstalled'),
  };
  app.use(async ({ body, next }) => {
    const typed = body as unknown as Partial<EventBody> & { type?: string };
    const handler = typed.type === 'event_callback' ? handlers[typed.event?.type as SubscribedEvent] : undefined;
    if (handler && Object.hasOwn(handlers, typed.event?.type ?? '')) {
      await handler(typed as EventBody);
      return;
    }
    await next();
  });
}
