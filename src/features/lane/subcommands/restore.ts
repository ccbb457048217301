import { parsed, reply, subcommand, usageError } from '../subcommand';

const USAGE = '`/lane restore` (nudge me again about phrases I marked "not project work")';

/** `/lane restore`: forget the caller's "not project work" answers. */
export const restore = subcommand<{ name: 'restore' }>({
  words: ['restore'],
  usage: USAGE,
  parse({ args }) {
    return args.length === 0 ? parsed({ name: 'restore' }) : usageError('`/lane restore` takes no arguments.', USAGE);
  },
  async run(_command, { teamId, userId }, lane) {
    const count = await lane.deps.settings.restorePhrases(teamId, userId);
    return reply(count > 0 ? `I'll nudge you again about the ${count} phrase${count === 1 ? '' : 's'} you marked "not project work".` : 'There was nothing to restore.');
  },
});
