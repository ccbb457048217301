import { AWAY_USAGE, currentAbsence, parseAwayCommand } from '../../../core/time/absence';
import { ownTimeZone } from '../zone';
import { clip, parsed, reply, subcommand, usageError } from '../subcommand';

type AwayCommand = { name: 'away.show' } | { name: 'away.set'; text: string };

const USAGE = '`/lane away until 2026-12-24` (no nudges, the digest waits; back the day after) or `/lane away off`';

/**
 * `/lane away until <date>`: an absence set by hand, on top of the one a Slack status announces.
 * The date is read in the person's own timezone, known only when running, so `parse` checks the
 * form and `run` reads the date.
 */
export const away = subcommand<AwayCommand>({
  words: ['away'],
  usage: USAGE,
  parse({ args, rest }) {
    if (args.length === 0) return parsed({ name: 'away.show' });
    const first = args[0]!.toLowerCase();
    if ((first === 'off' || first === 'back') && args.length === 1) return parsed({ name: 'away.set', text: rest });
    if (first === 'until' && args.length === 2) return parsed({ name: 'away.set', text: rest });
    return usageError(`\`${clip(rest)}\` is not an absence.`, AWAY_USAGE);
  },
  async run(command, invocation, lane) {
    const { teamId, userId } = invocation;
    const store = lane.deps.timePreferences;
    const now = lane.now();
    if (command.name === 'away.show') {
      const [preferences, profile] = await Promise.all([store.person(teamId, userId), lane.deps.profiles.get(teamId, userId).catch(() => undefined)]);
      const absence = currentAbsence({ manual: preferences.away, status: profile, nowMs: now });
      if (!absence) return reply(`You are not away: nudges reach you in your working hours. Set an absence with ${AWAY_USAGE}.`);
      if (absence.source === 'status') return reply('Your Slack status says you are away: nudges wait, and your digest waits until you are back.');
      return reply(`You are away until the end of ${preferences.away!.lastDay}. \`/lane away off\` ends it.`);
    }
    // The date is a day of the person's own calendar.
    const timeZone = await ownTimeZone(lane, teamId, userId);
    const result = parseAwayCommand(command.text, { nowMs: now, timeZone });
    if (!result.ok) return reply(result.error);
    if (result.value.kind === 'off') {
      await store.setAway(teamId, userId, undefined);
      await lane.refreshHome(invocation);
      return reply('Welcome back: nudges reach you again in your working hours (unless your Slack status says you are away).');
    }
    await store.setAway(teamId, userId, result.value.absence);
    await lane.refreshHome(invocation);
    return reply(
      `Away until the end of ${result.value.absence.lastDay} (${timeZone}): no nudges until then, and your digest waits until you are back. \`/lane away off\` ends it early.`,
    );
  },
});
