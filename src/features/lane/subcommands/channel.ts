import { NUDGE_DELIVERY_MODES, type DeliveryMode } from '../../../core/records';
import { clip, parsed, reply, subcommand, usageError } from '../subcommand';

const MODE_TEXT = {
  ephemeral: 'privately, in the thread',
  thread: 'as a friendly public reply in the thread',
  dm: 'by direct message',
  off: 'not at all',
} as const;

const USAGE = '`/lane channel <ephemeral|thread|dm|off>` (how nudges are delivered in this channel)';

/** `/lane channel <mode>`: how nudges are delivered in this channel. */
export const channel = subcommand<{ name: 'channel'; mode: DeliveryMode }>({
  words: ['channel'],
  usage: USAGE,
  parse({ args }) {
    const mode = args[0]?.toLowerCase();
    return args.length === 1 && (NUDGE_DELIVERY_MODES as readonly string[]).includes(mode)
      ? parsed({ name: 'channel', mode: mode as DeliveryMode })
      : usageError(args.length ? `\`${clip(args.join(' '))}\` is not a delivery mode.` : 'Say how nudges should be delivered here.', USAGE);
  },
  async run(command, { teamId, channelId }, lane) {
    await lane.deps.settings.setChannelMode(teamId, channelId, command.mode);
    return reply(`Nudges in <#${channelId}> are now delivered: *${MODE_TEXT[command.mode]}*.`);
  },
});
