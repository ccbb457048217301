import { formatRegion, HOLIDAYS_USAGE, parseHolidaysCommand, regionName, type HolidayRegion } from '../../../core/time/holidays';
import { settingScope } from '../scope';
import { notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

type HolidaysCommand =
  | { name: 'holidays.show' }
  /** `region` undefined: none of one's own (the workspace's apply), or none for the workspace. */
  | { name: 'holidays.set'; scope: 'person' | 'workspace'; region: HolidayRegion | undefined; regionName?: string };

const USAGE = '`/lane holidays GB` (skip a country’s public holidays; `DE-BY` with a state, `off`), admins: `/lane holidays workspace GB`';

const describe = (region: HolidayRegion) => `${regionName(region) ?? formatRegion(region)} (\`${formatRegion(region)}\`)`;

/** `/lane holidays …`: whose public holidays pause nudges and digests, for a person or the workspace. */
export const holidays = subcommand<HolidaysCommand>({
  words: ['holidays'],
  usage: USAGE,
  parse({ args, rest }) {
    if (args.length === 0) return parsed({ name: 'holidays.show' });
    const { scope, text } = settingScope(args, rest);
    if (scope === 'workspace' && text === '') return usageError('Say which country’s public holidays the workspace keeps.', HOLIDAYS_USAGE);
    const result = parseHolidaysCommand(text);
    if (!result.ok) return { ok: false, error: result.error };
    return result.value.kind === 'off'
      ? parsed({ name: 'holidays.set', scope, region: undefined })
      : parsed({ name: 'holidays.set', scope, region: result.value.region, regionName: result.value.name });
  },
  async run(command, { teamId, userId }, lane) {
    const store = lane.deps.timePreferences;
    if (command.name === 'holidays.show') {
      const [own, workspace] = await Promise.all([store.person(teamId, userId), store.workspace(teamId)]);
      if (own.holidays) return reply(`Nothing is sent to you on the public holidays of ${describe(own.holidays)}.`);
      if (workspace.holidays) return reply(`Nothing is sent to you on the public holidays of ${describe(workspace.holidays)}, the workspace’s choice. Choose your own with ${HOLIDAYS_USAGE}.`);
      return reply(`No public holidays are kept for you. Choose them with ${HOLIDAYS_USAGE}.`);
    }
    if (command.scope === 'workspace') {
      const admin = await lane.isAdmin(teamId, userId);
      if (admin !== true) return notAdmin('set the workspace’s public holidays', admin);
      await store.setWorkspaceHolidays(teamId, command.region);
      return reply(
        command.region
          ? `The workspace now keeps the public holidays of ${describe(command.region)}: nothing is sent on them, except to people who chose their own.`
          : 'The workspace keeps no public holidays now; people who chose their own keep theirs.',
      );
    }
    await store.setHolidays(teamId, userId, command.region);
    if (command.region) return reply(`Nothing is sent to you on the public holidays of ${describe(command.region)}.`);
    const workspace = await store.workspace(teamId);
    return reply(workspace.holidays ? `You now follow the workspace’s public holidays: ${describe(workspace.holidays)}.` : 'No public holidays are kept for you now.');
  },
});
