import type { Classifier } from '../../../core/types';
import { renderVerdict } from '../../views/verdict';

/**
 * `/lane`: answered inside the acknowledgement, so the person sees a reply well within Slack's
 * 3 seconds and nothing is queued. Unknown input gets the right form, never a stack trace.
 */
export interface LaneCommandDeps {
  classify: Classifier;
}

export interface LaneCommand {
  text: string;
  userId: string;
  teamId: string;
  channelId: string;
}

export interface LaneReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
}

export const LANE_HELP = [
  '*lanekeeper* notices project-management work (scheduling, status reports, meeting logistics, budgets…) landing on product managers, and suggests handing it to a project manager.',
  '• `/lane help`: this message',
  '• `/lane check <text>`: how lanekeeper would judge a message, e.g. `/lane check @ana can you book the retro room?`',
].join('\n');

export function createLaneCommandHandler({ classify }: LaneCommandDeps) {
  return async function handleLane(command: LaneCommand): Promise<LaneReply> {
    const [subcommand = 'help', ...rest] = command.text.trim().split(/\s+/);
    const argument = command.text.trim().slice(subcommand.length).trim();
    switch (subcommand.toLowerCase()) {
      case '':
      case 'help':
        return ephemeral(LANE_HELP);
      case 'check':
        if (rest.length === 0) return ephemeral('Tell me what to check, e.g. `/lane check @ana can you update the Gantt chart?`');
        return ephemeral(renderVerdict(classify({ text: argument, author: command.userId })));
      default:
        return ephemeral(`I don't know \`${subcommand.slice(0, 40)}\`. Try \`/lane help\` for what I can do.`);
    }
  };
}

function ephemeral(text: string): LaneReply {
  return { response_type: 'ephemeral', text };
}
