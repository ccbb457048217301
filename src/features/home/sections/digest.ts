import { WEEKDAYS } from '../../../core/records';
import { plain } from '../../block-kit';
import { HOME_ACTIONS, type HomeSection } from '../section';

/** The weekly digest's day and hour, with a button to turn it on or off. */
export const digest: HomeSection = ({ settings, timeZone }) => {
  const { slot, enabled } = settings.digest;
  const day = WEEKDAYS[slot.isoWeekday - 1] ?? 'monday';
  const digestText = enabled
    ? `*Weekly digest:* every ${capitalize(day)} at ${String(slot.hour).padStart(2, '0')}:00 your time (${timeZone}). Change it with \`/lane digest day <weekday> <hour>\`.`
    : '*Weekly digest:* off.';
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: digestText },
      accessory: enabled
        ? { type: 'button', action_id: HOME_ACTIONS.digestOff, text: plain('Turn digest off') }
        : { type: 'button', action_id: HOME_ACTIONS.digestOn, text: plain('Turn digest on') },
    },
  ];
};

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
