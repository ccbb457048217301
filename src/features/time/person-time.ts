import { absenceFromStatus, currentAbsence } from '../../core/time/absence';
import type { PersonTime } from '../../core/time/delivery';
import { holidayCheck, type HolidayRegion } from '../../core/time/holidays';
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
  let profile = await deps.profiles.get(teamId, userId);
  // A cached profile can outlive the status it holds: before letting an away status hold something
  // back again, ask Slack once whether the person is still away.
  if (options.freshStatus && profile && absenceFromStatus(profile, nowMs)) {
    await deps.profiles.forget(teamId, userId);
    profile = await deps.profiles.get(teamId, userId);
  }
  const timeZone = profile?.tz ?? 'UTC';
  const region = preferences.holidays ?? workspace.holidays;
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

/** The person's time as `decideNudge` reads it (`NudgeCheck`'s time fields). */
export function nudgeTimeOf(person: PersonTimeNow): { timeZone: string; workingHours: PersonTimeNow['hours']; absence: PersonTimeNow['absence']; isDayOff: PersonTimeNow['isDayOff'] } {
  return { timeZone: person.timeZone, workingHours: person.hours, absence: person.absence, isDayOff: person.isDayOff };
}
