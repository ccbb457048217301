import { formatWorkingHours } from '../../../core/time/working-hours';
import { plain } from '../../block-kit';
import { currentHoursPreset, HOURS_PRESETS } from '../hours-presets';
import { HOME_ACTIONS, type HomeSection, type HomeViewInput } from '../section';

/**
 * When nudges and the digest may reach the person: working hours (with a menu of common ones), an
 * absence (with "I'm back" when it was set with `/lane away`), public holidays, and the commands
 * that change them. Three blocks at most, whatever is set.
 */
export const time: HomeSection = (input) => {
  if (!input.time) return [];
  const { hours, hoursSource, holidays, absence } = input.time;
  const whose = { own: 'yours', workspace: 'the workspace’s', default: 'the default' }[hoursSource];
  const options = HOURS_PRESETS.map((preset) => ({ text: plain(preset.label), value: preset.value }));
  const current = currentHoursPreset(hoursSource === 'own' ? hours : undefined);
  const initial = options.find((option) => option.value === current?.value);
  const awayAndHolidays = [
    `*Away:* ${awayText(input)}`,
    `*Public holidays:* ${holidays ? `${holidays.name}${holidays.isWorkspaceDefault ? ' (the workspace’s)' : ''}: nothing is sent on them.` : 'none kept.'}`,
  ].join('\n');
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Working hours:* ${formatWorkingHours(hours)}, your time (${input.timeZone}), ${whose}. Nudges and your digest wait for them.` },
      accessory: {
        type: 'static_select',
        action_id: HOME_ACTIONS.hoursPreset,
        placeholder: plain('Pick working hours'),
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: awayAndHolidays },
      // Only an absence set here can be ended here; a Slack status is cleared in Slack.
      ...(absence?.source === 'manual' ? { accessory: { type: 'button', action_id: HOME_ACTIONS.awayOff, text: plain('I’m back') } } : {}),
    },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Other hours with `/lane hours 7:30-16 mon-thu`; `/lane away until 2026-12-24` (or `/lane away off`) and `/lane holidays GB`.' },
      ],
    },
  ];
};

function awayText({ time }: HomeViewInput): string {
  const absence = time?.absence;
  if (!absence) return 'no: nudges reach you in your working hours.';
  if (absence.source === 'status') return 'your Slack status says so: nudges and your digest wait until you are back.';
  return `until the end of ${absence.lastDay ?? 'the day you set'}: nudges and your digest wait until then.`;
}
