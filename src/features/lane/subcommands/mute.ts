import { parsed, reply, subcommand, usageError } from '../subcommand';

const USAGE = '`/lane mute` / `/lane unmute` (this channel)';

/** `/lane mute` and `/lane unmute`: no nudges for the caller in this channel, or back on. */
export const mute = subcommand<{ name: 'mute' | 'unmute' }>({
  words: ['mute', 'unmute'],
  usage: USAGE,
  parse({ word, args }) {
    const name = word === 'mute' ? 'mute' : 'unmute';
    return args.length === 0 ? parsed({ name }) : usageError(`\`/lane ${name}\` takes no arguments; it applies to this channel.`, USAGE);
  },
  async run(command, { teamId, userId, channelId }, lane) {
    const muting = command.name === 'mute';
    await lane.deps.settings.setChannelMuted(teamId, userId, channelId, muting);
    return reply(muting ? `No more nudges for you in <#${channelId}>. \`/lane unmute\` here undoes it.` : `Nudges are back on for you in <#${channelId}>.`);
  },
});
