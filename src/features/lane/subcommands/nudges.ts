import { parsed, reply, subcommand, usageError } from '../subcommand';

const USAGE = '`/lane off` / `/lane on` (all nudges)';

/** `/lane off` and `/lane on`: every nudge, everywhere. */
export const nudges = subcommand<{ name: 'nudges'; on: boolean }>({
  words: ['off', 'on'],
  usage: USAGE,
  parse({ word, args }) {
    return args.length === 0 ? parsed({ name: 'nudges', on: word === 'on' }) : usageError(`\`/lane ${word}\` takes no arguments.`, USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    await lane.deps.settings.setNudgesOff(teamId, userId, !command.on);
    return reply(command.on ? 'Nudges are on.' : 'All nudges are off. Your weekly digest still arrives (`/lane digest off` stops it); `/lane on` turns nudges back on.');
  },
});
