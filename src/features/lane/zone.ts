import type { LaneTools } from './subcommand';

/**
 * The person's Slack timezone, for commands that read or show times of their own day (`/lane hours`,
 * `/lane away`): asked of Slack within the lookup budget when their profile is not cached yet, so a
 * newcomer's hours are not read in UTC.
 */
export async function ownTimeZone(lane: LaneTools, teamId: string, userId: string): Promise<string> {
  const looked = await lane.withinLookupTime(lane.deps.lookup.profile(teamId, userId));
  return looked?.tz ?? (await lane.timeZoneOf(teamId, userId));
}
