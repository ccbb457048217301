import { NUDGE_DELIVERY_MODES, WEEKDAYS, type DeliveryMode, type DigestSlot } from '../../core/records';
import { ROLES, type Role } from '../../core/types';

/**
 * Parses the text of `/lane …` into a command, or a message saying what was wrong and the right
 * form. Pure, so every bad input can be tested without Slack.
 */
export type LaneCommand =
  | { name: 'help' }
  | { name: 'check'; text: string }
  | { name: 'role.show'; userId?: string }
  | { name: 'role.set'; userId?: string; role: Role | 'auto' }
  | { name: 'delegate.show' }
  | { name: 'delegate.set'; delegateId: string | undefined }
  | { name: 'delegate.default'; delegateId: string | undefined }
  | { name: 'snooze'; durationMs: number; label: string }
  | { name: 'snooze.off' }
  | { name: 'mute' }
  | { name: 'unmute' }
  | { name: 'nudges'; on: boolean }
  | { name: 'restore' }
  | { name: 'channel'; mode: DeliveryMode }
  | { name: 'stats'; days: 7 | 30 }
  | { name: 'digest.preview' }
  | { name: 'digest.set'; enabled: boolean; slot?: DigestSlot; alwaysSend?: boolean }
  | { name: 'team'; subscribe?: boolean }
  | { name: 'lead'; userId: string; lead: boolean };

export type ParseResult = { ok: true; command: LaneCommand } | { ok: false; error: string };

export const USAGE: Record<string, string> = {
  help: '`/lane help`',
  check: '`/lane check <text>`, e.g. `/lane check @ana can you book the retro room?`',
  role: '`/lane role` to see yours, `/lane role <product|project|engineering|design|other|auto>`, or `/lane role @someone <role>` (admins)',
  delegate: '`/lane delegate @someone`, `/lane delegate none`, or `/lane delegate default @someone` (admins)',
  snooze: '`/lane snooze <duration>` (e.g. `2h`, `3d`, `1w`) or `/lane snooze off`',
  mute: '`/lane mute` / `/lane unmute` (this channel)',
  nudges: '`/lane off` / `/lane on` (all nudges)',
  restore: '`/lane restore` (nudge me again about phrases I marked "not project work")',
  channel: '`/lane channel <ephemeral|thread|dm|off>` (how nudges are delivered in this channel)',
  stats: '`/lane stats [7d|30d]`',
  digest: '`/lane digest` (preview), `/lane digest day <weekday> <hour>`, `/lane digest off`, `/lane digest on` (weeks with something to report), `/lane digest always` (every week)',
  team: '`/lane team` (admins and product leads), `/lane team subscribe` / `unsubscribe` for a weekly DM',
  lead: '`/lane lead @someone` / `/lane lead remove @someone` (admins)',
};

const MENTION = /^<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>$/;
const DURATION = /^(\d{1,3})\s*(m|min|mins|h|hr|hrs|hours?|d|days?|w|wk|weeks?)$/i;
const MAX_SNOOZE_MS = 90 * 24 * 3600 * 1000;

export function parseLaneCommand(raw: string): ParseResult {
  const text = raw.trim();
  const [first = '', ...rest] = text.split(/\s+/);
  const name = first.toLowerCase();
  const args = rest.filter(Boolean);
  const fail = (what: string, usage: string): ParseResult => ({ ok: false, error: `${what} Use ${USAGE[usage]}.` });
  const ok = (command: LaneCommand): ParseResult => ({ ok: true, command });

  switch (name) {
    case '':
    case 'help':
      return ok({ name: 'help' });
    case 'check': {
      const body = text.slice(first.length).trim();
      return body ? ok({ name: 'check', text: body }) : fail('Tell me what to check.', 'check');
    }
    case 'role': {
      if (args.length === 0) return ok({ name: 'role.show' });
      const mention = MENTION.exec(args[0]);
      if (mention) {
        if (args.length === 1) return ok({ name: 'role.show', userId: mention[1] });
        const role = parseRole(args[1]);
        return role && args.length === 2 ? ok({ name: 'role.set', userId: mention[1], role }) : fail(`\`${clip(args.slice(1).join(' '))}\` is not a role.`, 'role');
      }
      const role = parseRole(args[0]);
      return role && args.length === 1 ? ok({ name: 'role.set', role }) : fail(`\`${clip(args.join(' '))}\` is not a role.`, 'role');
    }
    case 'delegate': {
      if (args.length === 0) return ok({ name: 'delegate.show' });
      if (args[0].toLowerCase() === 'default') {
        if (args[1]?.toLowerCase() === 'none' && args.length === 2) return ok({ name: 'delegate.default', delegateId: undefined });
        const mention = args.length === 2 ? MENTION.exec(args[1]) : null;
        return mention ? ok({ name: 'delegate.default', delegateId: mention[1] }) : fail('Name one person with @.', 'delegate');
      }
      if (args[0].toLowerCase() === 'none' && args.length === 1) return ok({ name: 'delegate.set', delegateId: undefined });
      const mention = args.length === 1 ? MENTION.exec(args[0]) : null;
      return mention ? ok({ name: 'delegate.set', delegateId: mention[1] }) : fail('Name one person with @.', 'delegate');
    }
    case 'snooze': {
      if (args.length === 1 && args[0].toLowerCase() === 'off') return ok({ name: 'snooze.off' });
      const match = DURATION.exec(args.join(''));
      if (!match) return fail(args.length ? `\`${clip(args.join(' '))}\` is not a duration.` : 'Say for how long.', 'snooze');
      const amount = Number(match[1]);
      const unit = match[2].toLowerCase()[0] as 'm' | 'h' | 'd' | 'w';
      const durationMs = amount * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[unit];
      if (amount === 0 || durationMs > MAX_SNOOZE_MS) return fail('A snooze lasts from a minute to 90 days.', 'snooze');
      const words = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[unit];
      return ok({ name: 'snooze', durationMs, label: `${amount} ${words}${amount === 1 ? '' : 's'}` });
    }
    case 'mute':
    case 'unmute':
      return args.length === 0 ? ok({ name }) : fail(`\`/lane ${name}\` takes no arguments; it applies to this channel.`, 'mute');
    case 'off':
    case 'on':
      return args.length === 0 ? ok({ name: 'nudges', on: name === 'on' }) : fail(`\`/lane ${name}\` takes no arguments.`, 'nudges');
    case 'restore':
      return args.length === 0 ? ok({ name: 'restore' }) : fail('`/lane restore` takes no arguments.', 'restore');
    case 'channel': {
      const mode = args[0]?.toLowerCase();
      return args.length === 1 && (NUDGE_DELIVERY_MODES as readonly string[]).includes(mode)
        ? ok({ name: 'channel', mode: mode as DeliveryMode })
        : fail(args.length ? `\`${clip(args.join(' '))}\` is not a delivery mode.` : 'Say how nudges should be delivered here.', 'channel');
    }
    case 'stats': {
      if (args.length === 0 || args[0] === '7d') return args.length <= 1 ? ok({ name: 'stats', days: 7 }) : fail('Too many arguments.', 'stats');
      return args[0] === '30d' && args.length === 1 ? ok({ name: 'stats', days: 30 }) : fail(`\`${clip(args.join(' '))}\` is not a period.`, 'stats');
    }
    case 'digest': {
      if (args.length === 0) return ok({ name: 'digest.preview' });
      const sub = args[0].toLowerCase();
      if (sub === 'off' && args.length === 1) return ok({ name: 'digest.set', enabled: false });
      // `on`: a digest in weeks with something to report; `always`: every week, even a quiet one.
      if ((sub === 'on' || sub === 'always') && args.length === 1) return ok({ name: 'digest.set', enabled: true, alwaysSend: sub === 'always' });
      if (sub === 'day') {
        const weekday = WEEKDAYS.findIndex((day) => day.startsWith((args[1] ?? '').toLowerCase().slice(0, 3)) && (args[1] ?? '').length >= 3);
        const hour = Number(args[2]?.replace(/:00$/, ''));
        if (weekday >= 0 && args.length === 3 && Number.isInteger(hour) && hour >= 0 && hour <= 23) {
          return ok({ name: 'digest.set', enabled: true, slot: { isoWeekday: weekday + 1, hour } });
        }
        return fail('Give a weekday and an hour from 0 to 23.', 'digest');
      }
      return fail(`\`${clip(args.join(' '))}\` is not a digest setting.`, 'digest');
    }
    case 'team': {
      const sub = args[0]?.toLowerCase();
      if (args.length === 0) return ok({ name: 'team' });
      if (args.length === 1 && (sub === 'subscribe' || sub === 'unsubscribe')) return ok({ name: 'team', subscribe: sub === 'subscribe' });
      return fail(`\`${clip(args.join(' '))}\` is not a team setting.`, 'team');
    }
    case 'lead': {
      const remove = args[0]?.toLowerCase() === 'remove';
      const mention = MENTION.exec(args[remove ? 1 : 0] ?? '');
      return mention && args.length === (remove ? 2 : 1) ? ok({ name: 'lead', userId: mention[1], lead: !remove }) : fail('Name one person with @.', 'lead');
    }
    default:
      return { ok: false, error: `I don't know \`${clip(first)}\`. Try \`/lane help\` for everything I can do.` };
  }
}

function parseRole(word: string | undefined): Role | 'auto' | undefined {
  const value = (word ?? '').toLowerCase();
  if (value === 'auto') return 'auto';
  const aliases: Record<string, Role> = { pm: 'product', po: 'product', tpm: 'project', eng: 'engineering', engineer: 'engineering', designer: 'design' };
  if (aliases[value]) return aliases[value];
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined;
}

function clip(text: string): string {
  const cleaned = text.replace(/`/g, "'");
  return cleaned.length > 40 ? `${cleaned.slice(0, 39)}…` : cleaned;
}
