import { HELP_USAGE, parseWithSubcommand } from './parse';
import { reply, type LaneCommandDeps, type LaneInvocation, type LaneReply } from './subcommand';
import { LANE_SUBCOMMANDS } from './subcommands';
import { createLaneTools } from './tools';

export type { LaneCommandDeps, LaneInvocation, LaneReply } from './subcommand';

/**
 * `/lane`: answered inside the acknowledgement, so the person sees a reply well within Slack's
 * 3 seconds. Only Redis reads and writes happen here (plus, rarely, one profile lookup to check
 * admin rights). Bad input gets what was wrong and the right form, never a stack trace.
 * Each subcommand is its own module in ./subcommands.
 */
export const LANE_HELP = [
  '*lanekeeper* notices project-management work (scheduling, status reports, meeting logistics, budgets, chasing people…) landing on product managers, and suggests handing it to a project manager. Nudges are private unless a channel chooses otherwise.',
  ...[HELP_USAGE, ...LANE_SUBCOMMANDS.map((entry) => entry.usage)].map((usage) => `• ${usage}`),
].join('\n');

export function createLaneCommandHandler(deps: LaneCommandDeps) {
  const tools = createLaneTools(deps);
  return async function handleLane(invocation: LaneInvocation): Promise<LaneReply> {
    const parsed = parseWithSubcommand(invocation.text);
    if (!parsed.ok) return reply(parsed.error);
    if (!parsed.subcommand) return reply(LANE_HELP);
    return parsed.subcommand.run(parsed.command, invocation, tools);
  };
}
