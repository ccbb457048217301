import { delegateOf } from '../../../core/policy';
import { MENTION, notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

type DelegateCommand =
  | { name: 'delegate.show' }
  | { name: 'delegate.set'; delegateId: string | undefined }
  | { name: 'delegate.default'; delegateId: string | undefined };

const USAGE = '`/lane delegate @someone`, `/lane delegate none`, or `/lane delegate default @someone` (admins)';

/** `/lane delegate`: who a product manager hands project work to; admins set the workspace default. */
export const delegate = subcommand<DelegateCommand>({
  words: ['delegate'],
  usage: USAGE,
  parse({ args }) {
    if (args.length === 0) return parsed({ name: 'delegate.show' });
    if (args[0].toLowerCase() === 'default') {
      if (args[1]?.toLowerCase() === 'none' && args.length === 2) return parsed({ name: 'delegate.default', delegateId: undefined });
      const mention = args.length === 2 ? MENTION.exec(args[1]) : null;
      return mention ? parsed({ name: 'delegate.default', delegateId: mention[1] }) : usageError('Name one person with @.', USAGE);
    }
    if (args[0].toLowerCase() === 'none' && args.length === 1) return parsed({ name: 'delegate.set', delegateId: undefined });
    const mention = args.length === 1 ? MENTION.exec(args[0]) : null;
    return mention ? parsed({ name: 'delegate.set', delegateId: mention[1] }) : usageError('Name one person with @.', USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    const { settings } = lane.deps;
    switch (command.name) {
      case 'delegate.show': {
        const [mine, workspace] = await Promise.all([settings.person(teamId, userId), settings.workspace(teamId)]);
        // The same rule as nudges, the Home tab and digests: never yourself as the default.
        const current = delegateOf(userId, mine, workspace);
        if (!current) return reply(`Nobody yet. ${USAGE}.`);
        return reply(`You hand project work to <@${current.id}>${current.isDefault ? ' (the workspace default)' : ''}.`);
      }
      case 'delegate.set':
        if (command.delegateId === userId) return reply('Pick someone other than yourself: the point is to hand the work over.');
        await settings.setDelegate(teamId, userId, command.delegateId);
        return reply(command.delegateId ? `Got it: tips will suggest handing project work to <@${command.delegateId}>.` : 'Your delegate is cleared.');
      case 'delegate.default': {
        const admin = await lane.isAdmin(teamId, userId);
        if (admin !== true) return notAdmin('set the workspace’s default delegate', admin);
        await settings.setDefaultDelegate(teamId, command.delegateId);
        return reply(command.delegateId ? `<@${command.delegateId}> is now the default delegate for everyone without their own.` : 'The workspace default delegate is cleared.');
      }
    }
  },
});
