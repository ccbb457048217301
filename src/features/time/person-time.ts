import { currentAbsence } from '../../core/time/absence';
import type { PersonTime } from '../../core/time/delivery';
import { holidayCheck, NO_HOLIDAYS, type HolidayRegion } from '../../core/time/holidays';
import { effectiveWorkingHours } from '../../core/time/working-hours';
import type { SlackProfile } from '../../ports/slack';
import type { ProfileCache } from '../../store/profile-cache';
import type { PersonTimePreferences, TimePreferencesStore, WorkspaceTimeDefaults } from '../../store/time-preferences';

/**
 * When one person may be reached right now: their working hours (their own, else the workspace's,
 * else the default), an absence in force (`/lane away` or an away Slack status) and the public
 * holidays they keep (their own region, else the workspace's), in their Slack timezone. What the
 * nudge sender, the digest sender and the Home tab all read before deciding anything.
 */
export interface PersonTimeDeps {
  timePreferences: TimePreferencesStore;
  profiles: ProfileCache;
}

export interface PersonTimeNow extends PersonTime {
  timeZone: string;
  preferences: PersonTimePreferences;
  workspace: WorkspaceTimeDefaults;
  /** The holiday region in force and whether it is the workspace's. */
  holidays?: { region: HolidayRegion; isWorkspaceDefault: boolean };
  profile?: SlackProfile;
}

export async function personTimeNow(
  deps: PersonTimeDeps,
  teamId: string,
  userId: string,
  nowMs: number,
  options: { freshStatus?: boolean } = {},
): Promise<PersonTimeNow> {
  const [preferences, workspace] = await Promise.all([deps.timePreferences.person(teamId, userId), deps.timePreferences.workspace(teamId)]);
  const profile = options.freshStatus ? await freshProfile(deps.profiles, teamId, userId) : await deps.profiles.get(teamId, userId);
  const timeZone = profile?.tz ?? 'UTC';
  // Their own choice, `none` included, outranks the workspace's.
  const region = preferences.holidays === NO_HOLIDAYS ? undefined : (preferences.holidays ?? workspace.holidays);
  return {
    hours: effectiveWorkingHours(preferences.hours, workspace.hours),
    timeZone,
    absence: currentAbsence({ manual: preferences.away, status: profile, nowMs }),
    isDayOff: holidayCheck(region, timeZone),
    preferences,
    workspace,
    holidays: region ? { region, isWorkspaceDefault: !preferences.holidays } : undefined,
    profile,
  };
}

/**
 * The profile as Slack has it now. A cached profile can be hours older than the status it holds
 * (someone set `:palm_tree:` after it was cached, or came back), and a nudge or a digest about to
 * go out is rare enough (a few a day per person) to be worth one `users.info`. When Slack cannot
 * answer, the cached profile is better than nothing.
 */
async function freshProfile(profiles: ProfileCache, teamId: string, userId: string): Promise<SlackProfile | undefined> {
  const cached = await profiles.peek(teamId, userId);
  try {
    await profiles.forget(teamId, userId);
    return await profiles.get(teamId, userId);
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
}

/** The person's time as `decideNudge` reads it (`NudgeCheck`'s time fields). */
export function nudgeTimeOf(person: PersonTimeNow): { timeZone: string; workingHours: PersonTimeNow['hours']; absence: PersonTimeNow['absence']; isDayOff: PersonTimeNow['isDayOff'] } {
  return { timeZone: person.timeZone, workingHours: person.hours, absence: person.absence, isDayOff: person.isDayOff };
}
