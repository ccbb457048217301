import { dueDigest, isoWeekOf, previousIsoWeek } from '../../core/digest/calendar';
import { composeDigest, composeTeamDigest, DEFAULT_MIN_GROUP_SIZE, type DigestMessage, type DigestPeriod } from '../../core/digest/compose';
import { delegateOf } from '../../core/policy';
import type { Logger } from '../../logger';
import { jobIdFrom, type JobQueue } from '../../ports/jobs';
import type { SlackWorkspaces } from '../../ports/slack';
import { classifySlackFailure, isSlackApiError } from '../../ports/slack-errors';
import type { PeopleDirectory } from '../../store/people';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore, WorkspaceSettings } from '../../store/settings';
import type { TipHistory } from '../../store/tip-history';

/**
 * Weekly digests: finding who is due at a tick, and composing one person's (or a team's) digest
 * from the records. The scheduler's hourly tick, an operator's `digest send --at`, the sandbox's
 * "run now" button and `/lane digest` all come through here.
 */
export interface DigestServiceDeps {
  records: RecordsStore;
  settings: SettingsStore;
  profiles: ProfileCache;
  people: PeopleDirectory;
  tipHistory: TipHistory;
  jobs: JobQueue;
  /** For message links: each workspace builds its own. */
  workspaces: SlackWorkspaces;
  logger: Logger;
  /** The clock, for telling the week in progress from a past one. Default `Date.now`. */
  now?: () => number;
}

export interface ComposeOptions {
  /** Compose even when there is nothing to report (a preview). Default false. */
  force?: boolean;
  /**
   * How the week is spoken of. Default: from `week` and the person's own current week at the
   * time of composing — the week in progress is `'so-far'`, the week before it `'last-week'`,
   * anything older `'past-week'`. Pass it when known, to spare the timezone lookup.
   */
  period?: DigestPeriod;
}

export const TICK_WINDOW_MS = 3600 * 1000;
/** A digest job id stays claimed this long, so no tick (repeated, late or manual) sends it twice. */
export const DIGEST_DEDUPLICATION_MS = 8 * 24 * 3600 * 1000;
/** People looked at in parallel during a tick (bounded, so a cold profile cache is not a burst of lookups). */
const TICK_BATCH = 50;

/** Some people could not be looked up: the tick must run again (everyone else is already queued). */
export class DigestTickIncomplete extends Error {
  constructor(readonly unresolved: number) {
    super(`${unresolved} ${unresolved === 1 ? 'person' : 'people'} could not be looked up in Slack; run the tick again (queued digests are not sent twice)`);
    this.name = 'DigestTickIncomplete';
  }
}

export interface TickResult {
  people: number;
  queued: number;
}

export function createDigestService(deps: DigestServiceDeps) {
  const now = deps.now ?? Date.now;
  const timeZoneOf = async (teamId: string, userId: string) => (await deps.profiles.get(teamId, userId))?.tz ?? 'UTC';

  /**
   * Whether a person may get the team view: a product lead, or a workspace admin (Slack's
   * `is_admin`/`is_owner`, from the cached profile or one lookup). Checked at every tick and again
   * when the DM is sent, so removing a lead stops their weekly team view. Throws when Slack cannot
   * say (the caller retries); a person Slack does not know is not an admin.
   */
  const mayReadTeamView = async (teamId: string, userId: string, workspace?: WorkspaceSettings): Promise<boolean> => {
    const settings = workspace ?? (await deps.settings.workspace(teamId));
    if (settings.productLeads.includes(userId)) return true;
    return (await deps.profiles.get(teamId, userId))?.isAdmin === true;
  };

  /**
   * Logs a failed lookup and says whether retrying is pointless: Slack answered with a permanent
   * error (the user is hidden from the bot, the token is revoked…). Such a person gets no digest
   * this tick, instead of failing every tick from now on; anything else (a 429, an outage, Redis)
   * makes the tick run again.
   */
  const cannotEverLookUp = (error: unknown, teamId: string, userId: string, what: string): boolean => {
    const failure = isSlackApiError(error) ? classifySlackFailure(error) : undefined;
    const fields = { team: teamId, user: userId, code: failure?.code, err: { message: (error as Error).message } };
    if (failure?.kind === 'permanent') {
      deps.logger.warn(fields, `${what} cannot be looked up in Slack; no digest for them this tick`);
      return true;
    }
    deps.logger.warn(fields, `${what} not resolved; the digest tick will run again`);
    return false;
  };

  /** How `week` is spoken of when the reader's week in progress is `current`. */
  const periodAgainst = (week: string, current: string): DigestPeriod =>
    week >= current ? 'so-far' : week === previousIsoWeek(current) ? 'last-week' : 'past-week';
  /** The period a week is for someone right now, in their own timezone. */
  const periodOf = async (teamId: string, userId: string, week: string): Promise<DigestPeriod> =>
    periodAgainst(week, isoWeekOf(now(), await timeZoneOf(teamId, userId)));

  /** The team view's input: the workspace's product managers' weeks (see `composeTeamDigest`). */
  const teamViewInput = async (teamId: string, week: string, people: PeopleDirectory, period: DigestPeriod) => {
    const members = await deps.records.people(teamId);
    const roles = await people.rolesOf(teamId, members);
    const weeks = await Promise.all(
      members
        .filter((id) => roles[id] === 'product')
        .map(async (personId) => ({
          personId,
          thisWeek: await deps.records.week(teamId, personId, week),
          lastWeek: await deps.records.week(teamId, personId, previousIsoWeek(week)),
        })),
    );
    return { people: weeks, minGroupSize: DEFAULT_MIN_GROUP_SIZE, week, period };
  };

  return {
    /**
     * Queues one digest job per person whose slot falls in (tickMs - windowMs, tickMs]. A person
     * whose profile or role Slack cannot give now (a 429 on a cold cache, an outage) is not guessed
     * at: once everyone else is queued, the tick fails with `DigestTickIncomplete`, so it is run
     * again, and a scheduler tick's look-back keeps that slot in the next tick's window.
     */
    async enqueueDue(tickMs: number, windowMs: number = TICK_WINDOW_MS): Promise<TickResult> {
      let people = 0;
      let queued = 0;
      let unresolved = 0;
      for (const teamId of await deps.records.teams()) {
        const [members, workspace] = await Promise.all([deps.records.people(teamId), deps.settings.workspace(teamId)]);
        const candidates = [...new Set([...members, ...workspace.teamDigestSubscribers])];
        for (let start = 0; start < candidates.length; start += TICK_BATCH) {
          const results = await Promise.all(
            candidates.slice(start, start + TICK_BATCH).map(async (userId) => {
              let settings, timeZone, role;
              try {
                [settings, timeZone, role] = await Promise.all([
                  deps.settings.person(teamId, userId),
                  timeZoneOf(teamId, userId),
                  deps.people.roleOf(teamId, userId),
                ]);
              } catch (error) {
                if (cannotEverLookUp(error, teamId, userId, 'person')) return 0;
                unresolved += 1;
                return 0;
              }
              const due = dueDigest({ slot: settings.digest.slot, timeZone, tickMs, windowMs });
              if (!due) return 0;
              let count = 0;
              if (settings.digest.enabled && role.role === 'product' && members.includes(userId)) {
                await deps.jobs.add('send-digest', { teamId, userId, week: due.week }, {
                  jobId: jobIdFrom('digest', teamId, userId, due.week),
                  deduplicateForMs: DIGEST_DEDUPLICATION_MS,
                });
                count += 1;
              }
              let mayRead = false;
              if (workspace.teamDigestSubscribers.includes(userId)) {
                try {
                  mayRead = await mayReadTeamView(teamId, userId, workspace);
                } catch (error) {
                  if (!cannotEverLookUp(error, teamId, userId, 'team-view access')) unresolved += 1;
                }
              }
              if (mayRead) {
                await deps.jobs.add('send-team-digest', { teamId, userId, week: due.week }, {
                  jobId: jobIdFrom('teamdigest', teamId, userId, due.week),
                  deduplicateForMs: DIGEST_DEDUPLICATION_MS,
                });
                count += 1;
              }
              return count;
            }),
          );
          people += results.length;
          queued += results.reduce((sum, n) => sum + n, 0);
        }
      }
      deps.logger.info({ tickMs, windowMs, people, queued, unresolved }, 'digest tick');
      if (unresolved > 0) throw new DigestTickIncomplete(unresolved);
      return { people, queued };
    },

    /**
     * One person's digest for `week` (compared with the week before), or undefined when there is
     * nothing to say. `/lane digest` passes the week in progress with `{ force: true }` (and may pass
     * `period: 'so-far'`); the scheduled DM passes the week before its slot with `period: 'last-week'`.
     */
    async compose(teamId: string, userId: string, week: string, options: ComposeOptions = {}): Promise<DigestMessage | undefined> {
      const [thisWeek, lastWeek, settings, workspace, previousTipId, period] = await Promise.all([
        deps.records.week(teamId, userId, week),
        deps.records.week(teamId, userId, previousIsoWeek(week)),
        deps.settings.person(teamId, userId),
        deps.settings.workspace(teamId),
        deps.tipHistory.lastTipId(teamId, userId),
        options.period ?? periodOf(teamId, userId, week),
      ]);
      const slack = await deps.workspaces.forTeam(teamId);
      const permalinks = Object.fromEntries(thisWeek.flagged.map((ref) => [`${ref.channelId}/${ref.ts}`, slack.permalink(ref)]));
      // The person's own choice, else the workspace's default, but never the person themselves
      // (a workspace's default delegate gets digests too): the same rule as the nudges'.
      const delegateId = delegateOf(userId, settings, workspace)?.id;
      return composeDigest({
        personId: userId,
        thisWeek,
        lastWeek,
        settings,
        delegateId,
        permalinks,
        previousTipId,
        force: options.force,
        period,
      });
    },

    /**
     * The team view over the workspace's product managers for `week`, always a message (it says
     * why when there are too few people to show figures): `/lane team`. Pass `people` to read roles
     * another way, e.g. from cached profiles only, so the command never waits on Slack lookups.
     */
    async composeTeam(teamId: string, week: string, people: PeopleDirectory = deps.people, period?: DigestPeriod): Promise<DigestMessage> {
      return composeTeamDigest(await teamViewInput(teamId, week, people, period ?? periodAgainst(week, isoWeekOf(now(), 'UTC'))));
    },

    /**
     * The weekly team-view DM for one subscriber, or undefined when it must not be sent: they
     * unsubscribed, are no longer a product lead nor an admin, or there is nothing to show (fewer
     * than 3 product managers with project work that week).
     */
    async composeTeamDigestFor(teamId: string, userId: string, week: string): Promise<DigestMessage | undefined> {
      const workspace = await deps.settings.workspace(teamId);
      if (!workspace.teamDigestSubscribers.includes(userId)) return undefined;
      if (!(await mayReadTeamView(teamId, userId, workspace))) return undefined;
      return composeTeamDigest({ ...(await teamViewInput(teamId, week, deps.people, 'last-week')), skipWhenEmpty: true });
    },

    mayReadTeamView,

    /** The ISO week a digest sent now would report on, for a person: the week before their current one. */
    async sentWeek(teamId: string, userId: string, nowMs: number): Promise<string> {
      return previousIsoWeek(isoWeekOf(nowMs, await timeZoneOf(teamId, userId)));
    },

    /** The ISO week a preview shows for a person right now: the week so far, in their timezone. */
    async currentWeek(teamId: string, userId: string, nowMs: number): Promise<string> {
      return isoWeekOf(nowMs, await timeZoneOf(teamId, userId));
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
