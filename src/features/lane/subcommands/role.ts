import { ROLES, type Role } from '../../../core/types';
import { clip, MENTION, notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

type RoleCommand = { name: 'role.show'; userId?: string } | { name: 'role.set'; userId?: string; role: Role | 'auto' };

const USAGE = '`/lane role` to see yours, `/lane role <product|project|engineering|design|other|auto>`, or `/lane role @someone <role>` (admins)';

/** `/lane role`: see or set one's own role; admins set someone else's. */
export const role = subcommand<RoleCommand>({
  words: ['role'],
  usage: USAGE,
  parse({ args }) {
    if (args.length === 0) return parsed({ name: 'role.show' });
    const mention = MENTION.exec(args[0]);
    if (mention) {
      if (args.length === 1) return parsed({ name: 'role.show', userId: mention[1] });
      const value = parseRole(args[1]);
      return value && args.length === 2 ? parsed({ name: 'role.set', userId: mention[1], role: value }) : usageError(`\`${clip(args.slice(1).join(' '))}\` is not a role.`, USAGE);
    }
    const value = parseRole(args[0]);
    return value && args.length === 1 ? parsed({ name: 'role.set', role: value }) : usageError(`\`${clip(args.join(' '))}\` is not a role.`, USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    if (command.name === 'role.show') {
      const who = command.userId ?? userId;
      const { role: known, source } = await lane.roleOf(teamId, who);
      const subject = who === userId ? 'Your role' : `<@${who}>'s role`;
      return reply(known ? `${subject}: *${known}* (${roleSourceText(source)}).` : `${subject} is not known: no \`/lane role\` set and no telling Slack title.`);
    }
    const target = command.userId ?? userId;
    const setBy = target === userId ? 'self' : 'admin';
    if (setBy === 'admin') {
      const admin = await lane.isAdmin(teamId, userId);
      if (admin !== true) return notAdmin('set someone else’s role', admin);
    }
    const chosen = command.role === 'auto' ? undefined : command.role;
    await lane.deps.settings.setRole(teamId, target, chosen, setBy);
    const subject = target === userId ? 'Your role' : `<@${target}>'s role`;
    // The person's own choice outranks an admin's, so say which one now applies.
    const now = await lane.roleOf(teamId, target);
    if (chosen && now.source === 'self' && setBy === 'admin') {
      return reply(`Noted as *${chosen}* from an admin, but <@${target}> set their own role (*${now.role}*), which comes first.`);
    }
    if (chosen) return reply(`${subject} is now *${chosen}*.`);
    return reply(now.role ? `${subject} is now *${now.role}* (${roleSourceText(now.source)}).` : `${subject} is read from the Slack title again.`);
  },
});

function parseRole(word: string | undefined): Role | 'auto' | undefined {
  const value = (word ?? '').toLowerCase();
  if (value === 'auto') return 'auto';
  const aliases: Record<string, Role> = { pm: 'product', po: 'product', tpm: 'project', eng: 'engineering', engineer: 'engineering', designer: 'design' };
  if (aliases[value]) return aliases[value];
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined;
}

function roleSourceText(source: 'self' | 'admin' | 'profile' | 'unknown'): string {
  return { self: 'set with /lane role', admin: 'set by an admin', profile: 'from the Slack title', unknown: 'unknown' }[source];
}
