import { isoWeekOf, nextIsoWeek, slotInstant } from '../core/digest/calendar';
import type { SettingsStore } from '../store/settings';
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
  | { available: true; queued: number; ticks: { atMs: number; people: string[] }[] };

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
  people: () => SandboxPerson[];
  teamId: string;
  now?: () => number;
}

export async function runWeeklyDigestNow(deps: DigestNowDeps): Promise<DigestRunResult> {
  if (!deps.ticker) return { available: false };
  const now = (deps.now ?? Date.now)();
  const ticks = new Map<number, string[]>();
  for (const person of deps.people()) {
    const { slot } = (await deps.settings.person(deps.teamId, person.id)).digest;
    const atMs = slotInstant(nextIsoWeek(isoWeekOf(now, person.tz)), slot, person.tz) + AFTER_SLOT_MS;
    ticks.set(atMs, [...(ticks.get(atMs) ?? []), person.id]);
  }
  let queued = 0;
  const ran: { atMs: number; people: string[] }[] = [];
  for (const [atMs, people] of [...ticks].sort((a, b) => a[0] - b[0])) {
    queued += (await deps.ticker(atMs)).queued;
    ran.push({ atMs, people });
  }
  return { available: true, queued, ticks: ran };
}
