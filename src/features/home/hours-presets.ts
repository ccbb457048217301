import { formatWorkingHours, parseHoursCommand, type WorkingHours } from '../../core/time/working-hours';

/**
 * The working hours one can pick on the Home tab, each written as one would type it after
 * `/lane hours`, so the tab and the command read hours the same way. `default` is no hours of
 * one's own: the workspace's, else the built-in 08:00–19:00 every day.
 */
const PRESET_TYPED = ['8-19 daily', '9-17 mon-fri', '9-17 daily', '8-16 mon-fri', 'default'] as const;

export interface HoursPreset {
  /** The option's value: what one would type after `/lane hours`. */
  value: string;
  label: string;
  /** Undefined for `default`: the person's own hours are cleared. */
  hours: WorkingHours | undefined;
}

export const HOURS_PRESETS: readonly HoursPreset[] = PRESET_TYPED.map((typed) => {
  const parsed = parseHoursCommand(typed);
  if (!parsed.ok) throw new Error(`a Home tab hours preset does not parse: ${typed}`);
  if (parsed.value.kind === 'default') return { value: typed, label: 'The workspace’s default', hours: undefined };
  const hours = parsed.value.hours;
  return { value: typed, label: typed === '8-19 daily' ? `Default: ${formatWorkingHours(hours)}` : formatWorkingHours(hours), hours };
});

/** The preset a Home tab selection names; undefined for a value no preset has (a stale or forged click). */
export function hoursPresetOf(value: string | undefined): HoursPreset | undefined {
  return HOURS_PRESETS.find((preset) => preset.value === value);
}

/** The preset that matches the hours in force, if one does: `default` when the person has none of their own. */
export function currentHoursPreset(own: WorkingHours | undefined): HoursPreset | undefined {
  if (!own) return hoursPresetOf('default');
  const shown = formatWorkingHours(own);
  return HOURS_PRESETS.find((preset) => preset.hours && formatWorkingHours(preset.hours) === shown);
}
