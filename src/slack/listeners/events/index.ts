import type { App } from '@slack/bolt';
import { createIncomingMessageHandler, type IncomingMessageDeps } from './message';

export type EventListenerDeps = IncomingMessageDeps;

export function registerEventListeners(app: App, deps: EventListenerDeps): void {
  const handleIncomingMessage = createIncomingMessageHandler(deps);
  app.event('message', async ({ body }) => handleIncomingMessage(body, 'message'));
  app.event('app_mention', async ({ body }) => handleIncomingMessage(body, 'app_mention'));
}
