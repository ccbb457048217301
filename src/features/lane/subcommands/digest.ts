import { WEEKDAYS, type DigestSlot } from '../../../core/records';
import { clip, parsed, reply, subcommand, usageError } from '../subcommand';

type DigestCommand = { name: 'digest.preview' } | { name: 'digest.set'; enabled: boolean; slot?: DigestSlot; alwaysSend?: boolean };

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const USAGE = '`/lane digest` (preview), `/lane digest day <weekday> <hour>`, `/lane digest off`, `/lane digest on` (weeks with something to report), `/lane digest always` (every week)';

/** `/lane digest`: a preview of the week so far, or the weekly digest's settings. */
export const digest = subcommand<DigestCommand>({
  words: ['digest'],
  usage: USAGE,
  parse({ args }) {
    if (args.length === 0) return parsed({ name: 'digest.preview' });
    const sub = args[0].toLowerCase();
    if (sub === 'off' && args.length === 1) return parsed({ name: 'digest.set', enabled: false });
    // `on`: a digest in weeks with something to report; `always`: every week, even a quiet one.
    if ((sub === 'on' || sub === 'always') && args.length === 1) return parsed({ name: 'digest.set', enabled: true, alwaysSend: sub === 'always' });
    if (sub === 'day') {
      const weekday = WEEKDAYS.findIndex((day) => day.startsWith((args[1] ?? '').toLowerCase().slice(0, 3)) && (args[1] ?? '').length >= 3);
      const hour = Number(args[2]?.replace(/:00$/, ''));
      if (weekday >= 0 && args.length === 3 && Number.isInteger(hour) && hour >= 0 && hour <= 23) {
        return parsed({ name: 'digest.set', enabled: true, slot: { isoWeekday: weekday + 1, hour } });
      }
      return usageError('Give a weekday and an hour from 0 to 23.', USAGE);
    }
    return usageError(`\`${clip(args.join(' '))}\` is not a digest setting.`, USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    const { deps } = lane;
    if (command.name === 'digest.preview') {
      const week = await deps.digests.currentWeek(teamId, userId, lane.now());
      const preview = await deps.digests.compose(teamId, userId, week, { force: true, period: 'so-far' });
      return preview ? { response_type: 'ephemeral', text: preview.text, blocks: preview.blocks } : reply('Nothing to show yet this week.');
    }
    await deps.settings.setDigest(teamId, userId, { enabled: command.enabled, slot: command.slot, alwaysSend: command.alwaysSend });
    // Someone who asks for a digest every week is a digest candidate even before any record.
    if (command.alwaysSend) await deps.records.enrol(teamId, userId);
    if (!command.enabled) return reply('Weekly digest off. `/lane digest on` brings it back.');
    if (command.slot) return reply(`Your weekly digest now comes on ${WEEKDAY_NAMES[command.slot.isoWeekday - 1]}s at ${String(command.slot.hour).padStart(2, '0')}:00, your time.`);
    return reply(command.alwaysSend ? 'Weekly digest on, every week, even when there is nothing to report.' : 'Weekly digest on, in weeks with something to report.');
  },
});
