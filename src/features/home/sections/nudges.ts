import type { KnownBlock } from '@slack/web-api';
import { plain } from '../../block-kit';
import { PERSONAL_DELIVERY_TEXT } from '../../lane/subcommands/delivery';
import { HOME_ACTIONS, type HomeSection, type HomeViewInput } from '../section';

const MUTED_CHANNELS_LISTED = 20;

/** Whether nudges are on, snoozed or off, how they reach the person, buttons to change it, and the channels muted. */
export const nudges: HomeSection = (input) => {
  const { settings } = input;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*Nudges:* ${nudgeStatus(input)}` } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `They reach you ${PERSONAL_DELIVERY_TEXT[settings.delivery ?? 'channel']}. Change it with \`/lane delivery ephemeral\`, \`dm\` or \`channel\`.` }],
    },
  ];
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
  return blocks;
};

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
