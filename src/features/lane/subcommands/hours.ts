import { effectiveWorkingHours, formatWorkingHours, parseHoursCommand, type WorkingHours } from '../../../core/time/working-hours';
import { settingScope } from '../scope';
import { ownTimeZone } from '../zone';
import { notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

type HoursCommand =
  | { name: 'hours.show' }
  /** `hours` undefined: back to the default (the workspace's, else 08:00–19:00). */
  | { name: 'hours.set'; scope: 'person' | 'workspace'; hours: WorkingHours | undefined };

const USAGE = '`/lane hours 9-17` (your working hours, Mon–Fri; also `7:30-16 mon-thu`, `9-17 daily`, `22-06`, `default`), admins: `/lane hours workspace 9-17`';

/** `/lane hours …`: when nudges and the digest may reach a person, or the workspace's default. */
export const hours = subcommand<HoursCommand>({
  words: ['hours'],
  usage: USAGE,
  parse({ args, rest }) {
    if (args.length === 0) return parsed({ name: 'hours.show' });
    const { scope, text } = settingScope(args, rest);
    if (scope === 'workspace' && text === '') return usageError('Say which hours the workspace works.', USAGE);
    const result = parseHoursCommand(text);
    if (!result.ok) return { ok: false, error: result.error };
    return parsed({ name: 'hours.set', scope, hours: result.value.kind === 'set' ? result.value.hours : undefined });
  },
  async run(command, invocation, lane) {
    const { teamId, userId } = invocation;
    const store = lane.deps.timePreferences;
    const [timeZone, own, workspace] = await Promise.all([ownTimeZone(lane, teamId, userId), store.person(teamId, userId), store.workspace(teamId)]);
    const zone = `your time (${timeZone})`;
    if (command.name === 'hours.show') {
      const source = own.hours ? 'your own' : workspace.hours ? 'the workspace’s' : 'the default';
      return reply(`Your working hours: *${formatWorkingHours(effectiveWorkingHours(own.hours, workspace.hours))}* ${zone}, ${source}. Nudges and your digest wait for them. Change them with \`/lane hours 9-17\`.`);
    }
    if (command.scope === 'workspace') {
      const admin = await lane.isAdmin(teamId, userId);
      if (admin !== true) return notAdmin('set the workspace’s working hours', admin);
      await store.setWorkspaceHours(teamId, command.hours);
      await lane.refreshHome(invocation);
      const shown = formatWorkingHours(effectiveWorkingHours(command.hours, undefined));
      return reply(`The workspace’s working hours are now *${shown}*${command.hours ? '' : ' (the default)'}, in each person’s own timezone. People who set their own keep theirs.`);
    }
    await store.setHours(teamId, userId, command.hours);
    await lane.refreshHome(invocation);
    const now = effectiveWorkingHours(command.hours, workspace.hours);
    const which = command.hours ? '' : workspace.hours ? ' (the workspace’s)' : ' (the default)';
    return reply(`Your working hours are now *${formatWorkingHours(now)}*${which}, ${zone}. Nudges and your digest wait for them.`);
  },
});
