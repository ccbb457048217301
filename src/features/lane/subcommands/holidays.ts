import { formatRegion, HOLIDAYS_USAGE, NO_HOLIDAYS, parseHolidaysCommand, regionName, type HolidayRegion } from '../../../core/time/holidays';
import { settingScope } from '../scope';
import { notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

type HolidaysCommand =
  | { name: 'holidays.show' }
  /**
   * `region` for a person: a region, `none` (none at all, whatever the workspace keeps) or undefined
   * (the workspace's again). For the workspace, `none` and undefined both mean none.
   */
  | { name: 'holidays.set'; scope: 'person' | 'workspace'; region: HolidayRegion | typeof NO_HOLIDAYS | undefined };

const USAGE =
  '`/lane holidays GB` (skip a country’s public holidays; `DE-BY` with a state, `off` for none, `default` for the workspace’s), admins: `/lane holidays workspace GB`';

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
    const choice = result.value;
    return parsed({ name: 'holidays.set', scope, region: choice.kind === 'set' ? choice.region : choice.kind === 'off' ? NO_HOLIDAYS : undefined });
  },
  async run(command, invocation, lane) {
    const { teamId, userId } = invocation;
    const store = lane.deps.timePreferences;
    if (command.name === 'holidays.show') {
      const [own, workspace] = await Promise.all([store.person(teamId, userId), store.workspace(teamId)]);
      if (own.holidays === NO_HOLIDAYS) return reply(`You keep no public holidays (you chose so). \`/lane holidays default\` follows the workspace’s again.`);
      if (own.holidays) return reply(`Nothing is sent to you on the public holidays of ${describe(own.holidays)}.`);
      if (workspace.holidays) return reply(`Nothing is sent to you on the public holidays of ${describe(workspace.holidays)}, the workspace’s choice. Choose your own with ${HOLIDAYS_USAGE}.`);
      return reply(`No public holidays are kept for you. Choose them with ${HOLIDAYS_USAGE}.`);
    }
    if (command.scope === 'workspace') {
      const admin = await lane.isAdmin(teamId, userId);
      if (admin !== true) return notAdmin('set the workspace’s public holidays', admin);
      const region = command.region === NO_HOLIDAYS ? undefined : command.region;
      await store.setWorkspaceHolidays(teamId, region);
      await lane.refreshHome(invocation);
      return reply(
        region
          ? `The workspace now keeps the public holidays of ${describe(region)}: nothing is sent on them, except to people who chose their own.`
          : 'The workspace keeps no public holidays now; people who chose their own keep theirs.',
      );
    }
    await store.setHolidays(teamId, userId, command.region);
    await lane.refreshHome(invocation);
    if (command.region === NO_HOLIDAYS) return reply('No public holidays are kept for you now, whatever the workspace keeps. `/lane holidays default` follows the workspace’s again.');
    if (command.region) return reply(`Nothing is sent to you on the public holidays of ${describe(command.region)}.`);
    const workspace = await store.workspace(teamId);
    return reply(workspace.holidays ? `You now follow the workspace’s public holidays: ${describe(workspace.holidays)}.` : 'You follow the workspace’s public holidays: it keeps none now.');
  },
});
