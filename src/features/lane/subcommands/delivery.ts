import { PERSONAL_DELIVERY_MODES, type PersonalDelivery } from '../../../core/records';
import { clip, parsed, reply, subcommand, usageError } from '../subcommand';

const USAGE = '`/lane delivery <ephemeral|dm|channel>` (how your own nudges reach you; `channel`: as each channel is set)';

/** How a personal choice reads in replies and on the Home tab. */
export const PERSONAL_DELIVERY_TEXT: Record<PersonalDelivery | 'channel', string> = {
  ephemeral: 'privately, in the thread (only you see them)',
  dm: 'by direct message',
  channel: 'as each channel is set (privately in the thread, unless an admin chose otherwise)',
};

/** `/lane delivery [ephemeral|dm|channel]`: the caller's own delivery, which comes before the channel's. */
export const delivery = subcommand<{ name: 'delivery'; choice?: PersonalDelivery | 'channel' }>({
  words: ['delivery'],
  usage: USAGE,
  parse({ args }) {
    const choice = args[0]?.toLowerCase();
    if (args.length === 0) return parsed({ name: 'delivery' });
    if (args.length === 1 && (choice === 'channel' || (PERSONAL_DELIVERY_MODES as readonly string[]).includes(choice))) {
      return parsed({ name: 'delivery', choice: choice as PersonalDelivery | 'channel' });
    }
    return usageError(`\`${clip(args.join(' '))}\` is not a delivery you can choose for yourself.`, USAGE);
  },
  async run({ choice }, { teamId, userId }, lane) {
    if (choice === undefined) {
      const current = (await lane.deps.settings.person(teamId, userId)).delivery ?? 'channel';
      return reply(`Your nudges reach you *${PERSONAL_DELIVERY_TEXT[current]}*. Change it with ${USAGE}.`);
    }
    await lane.deps.settings.setDelivery(teamId, userId, choice === 'channel' ? undefined : choice);
    return reply(`Your nudges will reach you *${PERSONAL_DELIVERY_TEXT[choice]}*.`);
  },
});
