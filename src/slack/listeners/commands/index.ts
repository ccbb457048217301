import type { App } from '@slack/bolt';
import { createLaneCommandHandler, type LaneCommandDeps } from './lane';

export type CommandListenerDeps = LaneCommandDeps;

export function registerCommandListeners(app: App, deps: CommandListenerDeps): void {
  const handleLane = createLaneCommandHandler(deps);
  app.command('/lane', async ({ command, ack }) => {
    const reply = await handleLane({ text: command.text, userId: command.user_id, teamId: command.team_id, channelId: command.channel_id });
    await ack(reply as Parameters<typeof ack>[0]);
  });
}
