import type { App } from '@slack/bolt';
import { createIncomingMessageHandler, type IncomingMessageDeps } from './message';
import { createWorkspaceEventHandlers } from './workspace-events';

export type EventListenerDeps = IncomingMessageDeps;

export function registerEventListeners(app: App, deps: EventListenerDeps): void {
  const handleIncomingMessage = createIncomingMessageHandler(deps);
  const workspace = createWorkspaceEventHandlers(deps);
  app.event('message', async ({ body }) => handleIncomingMessage(body, 'message'));
  app.event('app_mention', async ({ body }) => handleIncomingMessage(body, 'app_mention'));
  app.event('app_home_opened', async ({ body, event }) => workspace.homeOpened(body.team_id, event.user, event.tab));
  app.event('tokens_revoked', async ({ body }) => workspace.forgetWorkspace(body.team_id, 'tokens_revoked'));
  app.event('app_uninstalled', async ({ body }) => workspace.forgetWorkspace(body.team_id, 'app_uninstalled'));
}
