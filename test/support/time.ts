import { parseHoursCommand, type WorkingHours } from '../../src/core/time/working-hours';

/** An instant from a UTC wall-clock reading: `utc('2026-11-30T10:00')`. */
export const utc = (iso: string): number => Date.parse(`${iso}Z`);

/** Working hours as a person would type them after `/lane hours`; throws on anything else. */
export function hoursFrom(text: string): WorkingHours {
  const parsed = parseHoursCommand(text);
  if (!parsed.ok || parsed.value.kind !== 'set') throw new Error(`expected hours from ${JSON.stringify(text)}: ${JSON.stringify(parsed)}`);
  return parsed.value.hours;
}
