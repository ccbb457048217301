import { jobIdFrom } from '../../ports/jobs';
import type { LaneCommandDeps, LaneTools } from './subcommand';

/** How long a command may wait for Slack profile lookups before it answers with what it has. */
const PROFILE_LOOKUP_TIMEOUT_MS = 1500;

/** The helpers every subcommand's `run` shares, over one handler's dependencies. */
export function createLaneTools(deps: LaneCommandDeps): LaneTools {
  const tools: LaneTools = {
    deps,
    now: deps.now ?? Date.now,
    async withinLookupTime<T>(lookup: Promise<T>): Promise<T | undefined> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), PROFILE_LOOKUP_TIMEOUT_MS);
      });
      try {
        return await Promise.race([lookup, timeout]);
      } catch {
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    },
    async roleOf(teamId, userId) {
      return (await tools.withinLookupTime(deps.lookup.people.roleOf(teamId, userId))) ?? (await deps.people.roleOf(teamId, userId));
    },
    async isAdmin(teamId, userId) {
      const profile = await tools.withinLookupTime(deps.lookup.profile(teamId, userId));
      return profile === undefined ? undefined : profile.isAdmin;
    },
    async timeZoneOf(teamId, userId) {
      const cached = await deps.profiles.get(teamId, userId).catch(() => undefined);
      return cached?.tz ?? 'UTC';
    },
    async refreshHome({ teamId, enterpriseId, userId }) {
      const jobId = jobIdFrom('home', teamId, userId, 'lane', String(tools.now()));
      // The change itself is saved; a tab that could not be queued is rebuilt the next time it is opened.
      await deps.jobs.add('publish-home', { teamId, enterpriseId, userId }, { jobId }).catch(() => undefined);
    },
  };
  return tools;
}
