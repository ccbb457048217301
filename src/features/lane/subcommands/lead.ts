import { MENTION, notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

const USAGE = '`/lane lead @someone` / `/lane lead remove @someone` (admins)';

/** `/lane lead @someone` and `/lane lead remove @someone`: who may see the team view (admins). */
export const lead = subcommand<{ name: 'lead'; userId: string; lead: boolean }>({
  words: ['lead'],
  usage: USAGE,
  parse({ args }) {
    const remove = args[0]?.toLowerCase() === 'remove';
    const mention = MENTION.exec(args[remove ? 1 : 0] ?? '');
    return mention && args.length === (remove ? 2 : 1) ? parsed({ name: 'lead', userId: mention[1], lead: !remove }) : usageError('Name one person with @.', USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    const admin = await lane.isAdmin(teamId, userId);
    if (admin !== true) return notAdmin('name product leads', admin);
    await lane.deps.settings.setProductLead(teamId, command.userId, command.lead);
    return reply(command.lead ? `<@${command.userId}> can now see \`/lane team\`.` : `<@${command.userId}> is no longer a product lead.`);
  },
});
