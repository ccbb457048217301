import { dueDigest, isoWeekOf, previousIsoWeek } from '../core/digest/calendar';
import { composeDigest, composeTeamDigest, type DigestMessage } from '../core/digest/compose';
import type { Logger } from '../logger';
import { enqueue, type Queues } from '../queue/queues';
import { jobIdFrom } from '../queue/registry';
import { permalinkFor } from '../slack/permalinks';
import type { PeopleDirectory } from '../store/people';
import type { ProfileCache } from '../store/profile-cache';
import type { RecordsStore } from '../store/records';
import type { SettingsStore } from '../store/settings';
import type { TipHistory } from '../store/tip-history';

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
  queues: Queues;
  logger: Logger;
  /** The workspace's base URL, for message links (known once the bot has authenticated). */
  workspaceUrl: () => string;
}

export const TICK_WINDOW_MS = 3600 * 1000;
/** A digest job id stays claimed this long, so no tick (repeated, late or manual) sends it twice. */
export const DIGEST_DEDUPLICATION_MS = 8 * 24 * 3600 * 1000;
/** People looked at in parallel during a tick (bounded, so a cold profile cache is not a burst of lookups). */
const TICK_BATCH = 50;

export interface TickResult {
  people: number;
  queued: number;
}

export function createDigestService(deps: DigestServiceDeps) {
  const timeZoneOf = async (teamId: string, userId: string) => (await deps.profiles.get(teamId, userId))?.tz ?? 'UTC';
  /**
   * For the tick: the cached profile, else one lookup; if Slack cannot answer now (a 429 on a cold
   * cache), UTC for this tick rather than failing the whole tick for everyone.
   */
  const tickTimeZoneOf = async (teamId: string, userId: string) => {
    const cached = await deps.profiles.peek(teamId, userId);
    if (cached) return cached.tz ?? 'UTC';
    try {
      return await timeZoneOf(teamId, userId);
    } catch (error) {
      deps.logger.warn({ team: teamId, user: userId, err: { message: (error as Error).message } }, 'profile unavailable; using UTC for this digest tick');
      return 'UTC';
    }
  };

  return {
    /** Queues one digest job per person whose slot falls in (tickMs - windowMs, tickMs]. */
    async enqueueDue(tickMs: number, windowMs: number = TICK_WINDOW_MS): Promise<TickResult> {
      let people = 0;
      let queued = 0;
      for (const teamId of await deps.records.teams()) {
        const [members, workspace] = await Promise.all([deps.records.people(teamId), deps.settings.workspace(teamId)]);
        const candidates = [...new Set([...members, ...workspace.teamDigestSubscribers])];
        for (let start = 0; start < candidates.length; start += TICK_BATCH) {
          const results = await Promise.all(
            candidates.slice(start, start + TICK_BATCH).map(async (userId) => {
              const [settings, timeZone, role] = await Promise.all([
                deps.settings.person(teamId, userId),
                tickTimeZoneOf(teamId, userId),
                deps.people.roleOf(teamId, userId).catch((error: Error) => {
                  deps.logger.warn({ team: teamId, user: userId, err: { message: error.message } }, 'role unknown; no digest this tick');
                  return { role: undefined };
                }),
              ]);
              const due = dueDigest({ slot: settings.digest.slot, timeZone, tickMs, windowMs });
              if (!due) return 0;
              let count = 0;
              if (settings.digest.enabled && role.role === 'product' && members.includes(userId)) {
                await enqueue(deps.queues, 'deliver', 'send-digest', { teamId, userId, week: due.week }, {
                  jobId: jobIdFrom('digest', teamId, userId, due.week),
                  deduplicateForMs: DIGEST_DEDUPLICATION_MS,
                });
                count += 1;
              }
              if (workspace.teamDigestSubscribers.includes(userId)) {
                await enqueue(deps.queues, 'deliver', 'send-team-digest', { teamId, userId, week: due.week }, {
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
      deps.logger.info({ tickMs, windowMs, people, queued }, 'digest tick');
      return { people, queued };
    },

    /** One person's digest for `week` (compared with the week before), or undefined when there is nothing to say. */
    async compose(teamId: string, userId: string, week: string, options: { force?: boolean } = {}): Promise<DigestMessage | undefined> {
      const [thisWeek, lastWeek, settings, workspace, previousTipId] = await Promise.all([
        deps.records.week(teamId, userId, week),
        deps.records.week(teamId, userId, previousIsoWeek(week)),
        deps.settings.person(teamId, userId),
        deps.settings.workspace(teamId),
        deps.tipHistory.lastTipId(teamId, userId),
      ]);
      const permalinks = Object.fromEntries(thisWeek.flagged.map((ref) => [`${ref.channelId}/${ref.ts}`, permalinkFor(deps.workspaceUrl(), ref)]));
      return composeDigest({
        personId: userId,
        thisWeek,
        lastWeek,
        settings,
        delegateId: settings.delegateId ?? workspace.defaultDelegateId,
        permalinks,
        previousTipId,
        force: options.force,
      });
    },

    /** The team view over the workspace's product managers for `week`. */
    async composeTeam(teamId: string, week: string): Promise<DigestMessage> {
      const members = await deps.records.people(teamId);
      const roles = await deps.people.rolesOf(teamId, members);
      const people = await Promise.all(
        members
          .filter((id) => roles[id] === 'product')
          .map(async (personId) => ({
            personId,
            thisWeek: await deps.records.week(teamId, personId, week),
            lastWeek: await deps.records.week(teamId, personId, previousIsoWeek(week)),
          })),
      );
      return composeTeamDigest({ people, minGroupSize: 3, week });
    },

    /** The ISO week a preview shows for a person right now: the week so far, in their timezone. */
    async currentWeek(teamId: string, userId: string, nowMs: number): Promise<string> {
      return isoWeekOf(nowMs, await timeZoneOf(teamId, userId));
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
