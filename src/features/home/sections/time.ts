import { formatWorkingHours } from '../../../core/time/working-hours';
import type { HomeSection, HomeViewInput } from '../section';

/** When nudges and the digest may reach the person: working hours, an absence, public holidays, and the commands that change them. */
export const time: HomeSection = (input) => {
  if (!input.time) return [];
  const { hours, hoursSource, holidays } = input.time;
  const whose = { own: 'yours', workspace: 'the workspace’s', default: 'the default' }[hoursSource];
  const lines = [
    `*Working hours:* ${formatWorkingHours(hours)} your time (${input.timeZone}), ${whose}. Nudges and your digest wait for them.`,
    `*Away:* ${awayText(input)}`,
    `*Public holidays:* ${holidays ? `${holidays.name}${holidays.isWorkspaceDefault ? ' (the workspace’s)' : ''}: nothing is sent on them.` : 'none kept.'}`,
  ];
  return [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Change them with `/lane hours 9-17`, `/lane away until 2026-12-24` (or `/lane away off`) and `/lane holidays GB`.' }],
    },
  ];
};

function awayText({ time }: HomeViewInput): string {
  const absence = time?.absence;
  if (!absence) return 'no: nudges reach you in your working hours.';
  if (absence.source === 'status') return 'your Slack status says so: nudges and your digest wait until you are back.';
  return `until the end of ${absence.lastDay ?? 'the day you set'}: nudges and your digest wait until then.`;
}
