import type { KnownBlock } from '@slack/web-api';
import { categoryLabel } from '../../core/categories';
import { WEEKDAYS, type PersonSettings, type WeeklyRecord } from '../../core/records';
import type { Role } from '../../core/types';
import { pieces } from '../../core/wording';
import { plain } from '../block-kit';

/** The App Home tab: the person's role and delegate, this week's balance, and every setting with a button to change it. */
export const HOME_ACTIONS = {
  nudgesOn: 'home_nudges_on',
  nudgesOff: 'home_nudges_off',
  endSnooze: 'home_end_snooze',
  unmute: 'home_unmute_channel',
  restorePhrases: 'home_restore_phrases',
  digestOn: 'home_digest_on',
  digestOff: 'home_digest_off',
} as const;

const MUTED_CHANNELS_LISTED = 20;

export interface HomeViewInput {
  role?: Role;
  roleSource: 'self' | 'admin' | 'profile' | 'unknown';
  delegate?: { id: string; isDefault: boolean };
  settings: PersonSettings;
  week: WeeklyRecord;
  now: number;
  timeZone: string;
}

const ROLE_NAMES: Record<Role, string> = {
  product: 'product manager',
  project: 'project manager',
  engineering: 'engineering',
  design: 'design',
  other: 'other',
};

const SOURCE_NAMES = { self: 'set by you', admin: 'set by an admin', profile: 'from your Slack title', unknown: '' } as const;

export function buildHomeView(input: HomeViewInput): { type: 'home'; blocks: KnownBlock[] } {
  const { settings, week } = input;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain('lanekeeper') }];

  const role = input.role ? `*${ROLE_NAMES[input.role]}* (${SOURCE_NAMES[input.roleSource]})` : '*not known yet*';
  const delegate = input.delegate
    ? `<@${input.delegate.id}>${input.delegate.isDefault ? ' (the workspace default)' : ''}`
    : 'nobody yet: `/lane delegate @someone`';
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Your role:* ${role}. Change it with \`/lane role <role>\`.\n*You hand project work to:* ${delegate}` } });

  blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: balanceText(week) } });

  blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: `*Nudges:* ${nudgeStatus(input)}` } });
  const nudgeButtons: { type: 'button'; action_id: string; text: ReturnType<typeof plain>; style?: 'primary' }[] = [
    settings.nudgesOff
      ? { type: 'button', action_id: HOME_ACTIONS.nudgesOn, text: plain('Turn nudges on'), style: 'primary' }
      : { type: 'button', action_id: HOME_ACTIONS.nudgesOff, text: plain('Turn nudges off') },
  ];
  if (settings.snoozedUntil > input.now) nudgeButtons.push({ type: 'button', action_id: HOME_ACTIONS.endSnooze, text: plain('End snooze') });
  if (settings.dismissedPhrases.length > 0) {
    nudgeButtons.push({ type: 'button', action_id: HOME_ACTIONS.restorePhrases, text: plain(`Forget my ${answers(settings.dismissedPhrases.length)}`) });
  }
  blocks.push({ type: 'actions', block_id: 'home_nudges', elements: nudgeButtons });
  // A Home tab holds at most 100 blocks: list the first muted channels, and say how to reach the rest.
  for (const channel of settings.mutedChannels.slice(0, MUTED_CHANNELS_LISTED)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `Muted in <#${channel}>` },
      accessory: { type: 'button', action_id: HOME_ACTIONS.unmute, text: plain('Unmute'), value: channel },
    });
  }
  const unlisted = settings.mutedChannels.length - MUTED_CHANNELS_LISTED;
  if (unlisted > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${unlisted} more muted channel${unlisted === 1 ? '' : 's'}: unmute them there with \`/lane unmute\`, or unmute some here to see the rest.` }] });
  }

  const { slot, enabled } = settings.digest;
  const day = WEEKDAYS[slot.isoWeekday - 1] ?? 'monday';
  const digestText = enabled
    ? `*Weekly digest:* every ${capitalize(day)} at ${String(slot.hour).padStart(2, '0')}:00 your time (${input.timeZone}). Change it with \`/lane digest day <weekday> <hour>\`.`
    : '*Weekly digest:* off.';
  blocks.push(
    { type: 'divider' },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: digestText },
      accessory: enabled
        ? { type: 'button', action_id: HOME_ACTIONS.digestOff, text: plain('Turn digest off') }
        : { type: 'button', action_id: HOME_ACTIONS.digestOn, text: plain('Turn digest on') },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'lanekeeper keeps no message text, only the short phrase it matched. `/lane help` lists every command.' }] },
  );
  return { type: 'home', blocks };
}

function balanceText(week: WeeklyRecord): string {
  const total = week.projectItems + week.productItems;
  if (total === 0) return `*This week (${week.week}):* no project or product work seen reaching you yet.`;
  const share = Math.round((week.projectItems / total) * 100);
  const top = Object.entries(week.projectByCategory)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([id, count]) => `${categoryLabel(id)} ${count}`)
    .join(', ');
  return `*This week (${week.week}):* ${pieces(week.projectItems)} of project work and ${week.productItems} of product work reached you (${share}% project).${top ? `\nMost of it: ${top}.` : ''}`;
}

function nudgeStatus({ settings, now, timeZone }: HomeViewInput): string {
  if (settings.nudgesOff) return 'off.';
  if (settings.snoozedUntil > now) {
    const until = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(settings.snoozedUntil);
    return `snoozed until ${until}.`;
  }
  const muted = settings.mutedChannels.length;
  return muted > 0 ? `on, except in ${muted} muted channel${muted === 1 ? '' : 's'}.` : 'on.';
}

function answers(count: number): string {
  return count === 1 ? '"not project work" answer' : `${count} "not project work" answers`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
