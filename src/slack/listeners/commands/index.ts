import type { App } from '@slack/bolt';
import type { Logger } from '../../../logger';
import { createLaneCommandHandler, type LaneCommandDeps, type LaneReply } from '../../../features/lane/command';

export type CommandListenerDeps = LaneCommandDeps & { logger: Logger };

const SOMETHING_WENT_WRONG = 'Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.';

export function registerCommandListeners(app: App, deps: CommandListenerDeps): void {
  const handleLane = createLaneCommandHandler(deps);
  app.command('/lane', async ({ command, ack, context }) => {
    let reply: LaneReply;
    // The workspace Bolt authorized the command with: settings are kept under the installing workspace.
    const teamId = context.teamId ?? command.team_id;
    try {
      reply = await handleLane({ text: command.text, userId: command.user_id, teamId, enterpriseId: context.enterpriseId, channelId: command.channel_id });
    } catch (error) {
      // The person gets a plain answer inside Slack's 3 seconds, never a timeout or a stack trace.
      deps.logger.error({ team: teamId, err: { message: (error as Error).message } }, '/lane failed');
      reply = { response_type: 'ephemeral', text: SOMETHING_WENT_WRONG };
    }
    await ack(reply as Parameters<typeof ack>[0]);
  });
}
