/**
 * Public holidays: on those days nothing is sent. The rules come from `date-holidays` (a maintained
 * set of rules for about 200 countries and their states, bundled with the package, so no network
 * is needed), not from a table of our own that would go out of date.
 * Only `public` holidays count: observances (Valentine's Day) and optional or school days do not.
 */
import Holidays from 'date-holidays';
import { localParts } from '../digest/calendar';
import type { ParseOutcome } from './working-hours';

/** `GB`, `US`, or a country with a state or region: `DE-BY`, `US-CA`. */
export interface HolidayRegion {
  country: string;
  state?: string;
}

const DAY_MS = 86_400_000;

let countryNames: Record<string, string> | undefined;
function knownCountries(): Record<string, string> {
  countryNames ??= new Holidays().getCountries('en');
  return countryNames;
}

/** The region's English name (`United Kingdom`, `Germany / Bayern`), or undefined when the library does not know it. */
export function regionName(region: HolidayRegion): string | undefined {
  const country = knownCountries()[region.country];
  if (!country || !region.state) return country;
  const state = new Holidays().getStates(region.country, 'en')?.[region.state];
  return state ? `${country} / ${state}` : undefined;
}

export function formatRegion(region: HolidayRegion): string {
  return region.state ? `${region.country}-${region.state}` : region.country;
}

// Building a year's holidays walks every rule of the country; a tick asks for the same few regions
// for thousands of people. The cache holds one small set of dates per region and year.
const publicDays = new Map<string, Map<string, string>>();

function publicHolidaysOf(region: HolidayRegion, year: number): Map<string, string> {
  const key = `${formatRegion(region)}:${year}`;
  let days = publicDays.get(key);
  if (!days) {
    days = new Map();
    // No timezone given to the library: its dates are then civil dates, compared below with the
    // person's own local date.
    const rules = region.state ? new Holidays(region.country, region.state, { languages: ['en'] }) : new Holidays(region.country, { languages: ['en'] });
    for (const holiday of rules.getHolidays(year) || []) {
      if (holiday.type !== 'public') continue;
      const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < length; i += 1) days.set(new Date(first + i * DAY_MS).toISOString().slice(0, 10), holiday.name);
    }
    publicDays.set(key, days);
  }
  return days;
}

/** The public holiday on the local date at `instantMs` in `timeZone`, by name, or undefined. */
export function publicHolidayOn(region: HolidayRegion, instantMs: number, timeZone: string | undefined): string | undefined {
  if (!knownCountries()[region.country]) return undefined;
  const { year, month, day } = localParts(instantMs, timeZone);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return publicHolidaysOf(region, year).get(date);
}

/** Whether the person's local date at `instantMs` is a public holiday in their region. */
export function isHoliday(region: HolidayRegion, instantMs: number, timeZone: string | undefined): boolean {
  return publicHolidayOn(region, instantMs, timeZone) !== undefined;
}

/**
 * A day-off check for one person, for the delivery decisions: never a holiday without a region.
 * Their own region wins over the workspace's.
 */
export function holidayCheck(region: HolidayRegion | undefined, timeZone: string | undefined): (instantMs: number) => boolean {
  return region ? (instantMs) => isHoliday(region, instantMs, timeZone) : () => false;
}

/** A person's choice to keep no public holidays, even where the workspace keeps some. */
export const NO_HOLIDAYS = 'none' as const;

/** `off`: keep none (a person: even where the workspace keeps some); `default`: a person follows the workspace again. */
export type HolidaysCommand = { kind: 'set'; region: HolidayRegion; name: string } | { kind: 'off' } | { kind: 'default' };

export const HOLIDAYS_USAGE =
  '`/lane holidays GB` (a two-letter country code), `/lane holidays DE-BY` (with a state), `/lane holidays off` (none) or `/lane holidays default` (the workspace’s)';

// Codes people write that are not ISO 3166 codes, with the one they mean.
const CODES_PEOPLE_MEAN: Record<string, string> = { UK: 'GB', EL: 'GR' };

/** Parses what follows `/lane holidays`. */
export function parseHolidaysCommand(raw: string): ParseOutcome<HolidaysCommand> {
  const text = raw.trim();
  const fail = (what: string): ParseOutcome<HolidaysCommand> => ({ ok: false, error: `${what} Use ${HOLIDAYS_USAGE}.` });
  if (text === '') return fail('Say which country’s public holidays to follow.');
  if (/^(off|none)$/i.test(text)) return { ok: true, value: { kind: 'off' } };
  if (/^default$/i.test(text)) return { ok: true, value: { kind: 'default' } };
  const match = /^([a-z]{2})(?:[-_ ]([a-z0-9]{1,3}))?$/i.exec(text);
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  if (!match) return fail(`\`${shown}\` is not a country code.`);
  const region: HolidayRegion = { country: match[1]!.toUpperCase(), ...(match[2] ? { state: match[2].toUpperCase() } : {}) };
  const meant = CODES_PEOPLE_MEAN[region.country];
  if (meant) return fail(`\`${region.country}\` is not a country code here: ${knownCountries()[meant]} is \`${meant}\`, as in \`/lane holidays ${meant}\`.`);
  if (!knownCountries()[region.country]) return fail(`I do not know the public holidays of \`${region.country}\`.`);
  const name = regionName(region);
  if (!name) return fail(`\`${region.state}\` is not a state or region of ${knownCountries()[region.country]} that I know.`);
  return { ok: true, value: { kind: 'set', region, name } };
}

/** `DE-BY` → `{ country: 'DE', state: 'BY' }`; for values read back from storage. */
export function parseRegion(value: string | undefined): HolidayRegion | undefined {
  if (!value) return undefined;
  const [country, state] = value.split('-');
  if (!country || !/^[A-Z]{2}$/.test(country)) return undefined;
  return state ? { country, state } : { country };
}
