import { clip, parsed, reply, subcommand, usageError } from '../subcommand';

type SnoozeCommand = { name: 'snooze'; durationMs: number; label: string } | { name: 'snooze.off' };

const DURATION = /^(\d{1,3})\s*(m|min|mins|h|hr|hrs|hours?|d|days?|w|wk|weeks?)$/i;
const MAX_SNOOZE_MS = 90 * 24 * 3600 * 1000;

const USAGE = '`/lane snooze <duration>` (e.g. `2h`, `3d`, `1w`) or `/lane snooze off`';

/** `/lane snooze <duration>` and `/lane snooze off`. */
export const snooze = subcommand<SnoozeCommand>({
  words: ['snooze'],
  usage: USAGE,
  parse({ args }) {
    if (args.length === 1 && args[0].toLowerCase() === 'off') return parsed({ name: 'snooze.off' });
    const match = DURATION.exec(args.join(''));
    if (!match) return usageError(args.length ? `\`${clip(args.join(' '))}\` is not a duration.` : 'Say for how long.', USAGE);
    const amount = Number(match[1]);
    const unit = match[2].toLowerCase()[0] as 'm' | 'h' | 'd' | 'w';
    const durationMs = amount * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[unit];
    if (amount === 0 || durationMs > MAX_SNOOZE_MS) return usageError('A snooze lasts from a minute to 90 days.', USAGE);
    const words = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[unit];
    return parsed({ name: 'snooze', durationMs, label: `${amount} ${words}${amount === 1 ? '' : 's'}` });
  },
  async run(command, { teamId, userId }, lane) {
    if (command.name === 'snooze.off') {
      await lane.deps.settings.snoozeUntil(teamId, userId, 0);
      return reply('Snooze ended: nudges are back on.');
    }
    await lane.deps.settings.snoozeUntil(teamId, userId, lane.now() + command.durationMs);
    return reply(`Snoozed for ${command.label}. \`/lane snooze off\` ends it early.`);
  },
});
