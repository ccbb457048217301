import { isoWeekOf, nextIsoWeek, slotInstant } from '../core/digest/calendar';
import type { SettingsStore } from '../store/settings';
import { jobIdFrom } from '../ports/jobs';
import type { SandboxPerson } from './directory';

/**
 * "Run the weekly digest now": the digest tick that `lanekeeper digest send --at` runs, at the
 * moment each person's digest is next due. A tick at the real "now" would find nobody (digests go
 * out at each person's slot, Monday 09:00 their time by default) and would report last week, which
 * the sandbox never saw; the next slot reports this week, the one the visitor just played.
 */
export type DigestTicker = (atMs: number) => Promise<{ queued: number }>;

export type DigestRunResult =
  | { available: false }
  | {
      available: true;
      /** What the tick reports: digests it asked the queue for, including ones the queue already had. */
      queued: number;
      /** Of those, digests queued for the first time by this press. */
      fresh: number;
      /** Of those, digests an earlier press (or tick) already queued for the same week: not sent twice. */
      repeated: number;
      ticks: { atMs: number; people: string[] }[];
    };

/**
 * Which of these digest job ids the queue has already claimed (its de-duplication keeps an id for
 * eight days, so a second tick for the same week queues nothing new). Absent: every id counts as new.
 */
export type ClaimedDigests = (jobIds: string[]) => Promise<Set<string>>;

/** Minutes after the slot the tick runs, as an hourly scheduler would shortly after the hour. */
const AFTER_SLOT_MS = 5 * 60 * 1000;

/** The app's digest tick, when this build of lanekeeper has one. */
export function digestTickerOf(app: object): DigestTicker | undefined {
  const candidate = (app as { runDigestTick?: unknown }).runDigestTick;
  return typeof candidate === 'function' ? (atMs: number) => (candidate as DigestTicker).call(app, atMs) : undefined;
}

export interface DigestNowDeps {
  ticker: DigestTicker | undefined;
  settings: Pick<SettingsStore, 'person'>;
  /**
   * Every workspace's people: the tick is the deployment's, as the hourly scheduler's, so it sends
   * the digests of every workspace due at that moment, and the press reports them all.
   */
  workspaces: () => { teamId: string; people: SandboxPerson[] }[];
  claimed?: ClaimedDigests;
  now?: () => number;
}

export async function runWeeklyDigestNow(deps: DigestNowDeps): Promise<DigestRunResult> {
  if (!deps.ticker) return { available: false };
  const now = (deps.now ?? Date.now)();
  const ticks = new Map<number, string[]>();
  const jobIds: string[] = [];
  for (const { teamId, people } of deps.workspaces()) {
    for (const person of people) {
      const { slot } = (await deps.settings.person(teamId, person.id)).digest;
      const week = isoWeekOf(now, person.tz);
      const atMs = slotInstant(nextIsoWeek(week), slot, person.tz) + AFTER_SLOT_MS;
      ticks.set(atMs, [...(ticks.get(atMs) ?? []), person.id]);
      // The ids the bot gives this week's digests (the slot of next week reports this one).
      jobIds.push(jobIdFrom('digest', teamId, person.id, week), jobIdFrom('teamdigest', teamId, person.id, week));
    }
  }
  const claimedBefore = deps.claimed ? await deps.claimed(jobIds) : new Set<string>();
  let queued = 0;
  const ran: { atMs: number; people: string[] }[] = [];
  for (const [atMs, people] of [...ticks].sort((a, b) => a[0] - b[0])) {
    queued += (await deps.ticker(atMs)).queued;
    ran.push({ atMs, people });
  }
  const claimedAfter = deps.claimed ? await deps.claimed(jobIds) : new Set<string>();
  const fresh = deps.claimed ? Math.min(queued, jobIds.filter((id) => claimedAfter.has(id) && !claimedBefore.has(id)).length) : queued;
  return { available: true, queued, fresh, repeated: queued - fresh, ticks: ran };
}
