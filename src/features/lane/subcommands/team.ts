import { isoWeekOf } from '../../../core/digest/calendar';
import { clip, parsed, reply, subcommand, unconfirmedAdmin, usageError } from '../subcommand';

const USAGE = '`/lane team` (admins and product leads), `/lane team subscribe` / `unsubscribe` for a weekly DM';

/** `/lane team`: the team view (admins and product leads), and its weekly DM. */
export const team = subcommand<{ name: 'team'; subscribe?: boolean }>({
  words: ['team'],
  usage: USAGE,
  parse({ args }) {
    const sub = args[0]?.toLowerCase();
    if (args.length === 0) return parsed({ name: 'team' });
    if (args.length === 1 && (sub === 'subscribe' || sub === 'unsubscribe')) return parsed({ name: 'team', subscribe: sub === 'subscribe' });
    return usageError(`\`${clip(args.join(' '))}\` is not a team setting.`, USAGE);
  },
  async run({ subscribe }, { teamId, userId }, lane) {
    const { deps } = lane;
    const workspace = await deps.settings.workspace(teamId);
    if (!workspace.productLeads.includes(userId)) {
      const admin = await lane.isAdmin(teamId, userId);
      if (admin !== true) return reply(`The team view is for workspace admins and product leads (\`/lane lead @someone\`, admins).${unconfirmedAdmin(admin)}`);
    }
    if (subscribe !== undefined) {
      await deps.settings.setTeamDigestSubscription(teamId, userId, subscribe);
      return reply(subscribe ? 'You will get the team view by DM each week, at your digest time.' : 'The weekly team view is off.');
    }
    // Slack is asked for roles not cached yet only while the lookup budget lasts; past it the view
    // is built from cached roles, so the answer comes within Slack's 3 seconds whatever the team's size.
    const week = isoWeekOf(lane.now(), 'UTC');
    const view = (await lane.withinLookupTime(deps.digests.composeTeam(teamId, week))) ?? (await deps.digests.composeTeam(teamId, week, deps.people));
    return { response_type: 'ephemeral', text: view.text, blocks: view.blocks };
  },
});
