import { NUDGE_DELIVERY_MODES, type DeliveryMode } from '../../../core/records';
import { clip, parsed, reply, subcommand, unconfirmedAdmin, usageError } from '../subcommand';

const MODE_TEXT = {
  ephemeral: 'privately, in the thread',
  thread: 'as a friendly public reply in the thread',
  dm: 'by direct message',
  off: 'not at all',
} as const;

const USAGE = '`/lane channel <ephemeral|thread|dm|off>` (admins: how nudges are delivered to everyone in this channel)';

/**
 * `/lane channel <mode>`: how nudges are delivered in this channel, for everyone in it. Admins only:
 * `thread` makes every product manager's nudges there public. Anyone may choose their own delivery
 * with `/lane delivery` (which comes first) or stop nudges for themselves with `/lane mute`.
 */
export const channel = subcommand<{ name: 'channel'; mode: DeliveryMode }>({
  words: ['channel'],
  usage: USAGE,
  parse({ args }) {
    const mode = args[0]?.toLowerCase();
    return args.length === 1 && (NUDGE_DELIVERY_MODES as readonly string[]).includes(mode)
      ? parsed({ name: 'channel', mode: mode as DeliveryMode })
      : usageError(args.length ? `\`${clip(args.join(' '))}\` is not a delivery mode.` : 'Say how nudges should be delivered here.', USAGE);
  },
  async run(command, { teamId, userId, channelId }, lane) {
    const admin = await lane.isAdmin(teamId, userId);
    if (admin !== true) {
      return reply(
        'Only workspace admins can change how nudges are delivered to everyone in a channel. ' +
          'You can choose how your own nudges reach you: `/lane delivery ephemeral` (privately, in the thread) or `/lane delivery dm`; ' +
          `\`/lane mute\` stops your nudges in this channel.${unconfirmedAdmin(admin)}`,
      );
    }
    await lane.deps.settings.setChannelMode(teamId, channelId, command.mode);
    return reply(`Nudges in <#${channelId}> are now delivered: *${MODE_TEXT[command.mode]}*.`);
  },
});
