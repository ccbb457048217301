/**
 * Judges the nudges the local Slack received against the ones the traffic predicted: latency of
 * the first arrival, lost, doubled. Pure, so the rules are read in one place.
 */
import type { NudgeKey } from './soak-traffic';

export interface ExpectedNudge {
  /** When the first event calling for this nudge was sent (epoch ms). */
  sentAt: number;
  /** Whether one of those events got a 200 in time; if not, Slack would still send it again. */
  acknowledged: boolean;
}

export interface NudgeJudgement {
  /** First-arrival latencies (ms) of nudges whose event was sent after the warm-up. */
  latencies: number[];
  warmUpLatencies: number[];
  /** Latencies by the 10 s of sending their event fell in: steady state, or a backlog growing. */
  latencyWindows: number[][];
  /** Expected nudges of acknowledged events that never arrived. */
  lost: number;
  /** Second (and later) posts of one nudge. */
  doubled: number;
  /** Expected nudges that did not arrive for events never acknowledged. */
  missingOfUnacknowledged: number;
  lostExamples: string[];
  doubledExamples: string[];
}

export function judgeNudges(expected: ReadonlyMap<NudgeKey, ExpectedNudge>, deliveredAt: ReadonlyMap<NudgeKey, number[]>, measuredFrom: number): NudgeJudgement {
  const latencies: number[] = [];
  const warmUpLatencies: number[] = [];
  const latencyWindows: number[][] = [];
  let lost = 0;
  let doubled = 0;
  const lostExamples: string[] = [];
  const doubledExamples: string[] = [];
  let missingOfUnacknowledged = 0;
  for (const [key, { sentAt, acknowledged }] of expected) {
    const arrivals = deliveredAt.get(key) ?? [];
    if (arrivals.length === 0) {
      // An event never acknowledged is Slack's to send again (its last retry comes after 5 minutes).
      if (!acknowledged) {
        missingOfUnacknowledged += 1;
        continue;
      }
      lost += 1;
      if (lostExamples.length < 5) lostExamples.push(key);
      continue;
    }
    if (sentAt < measuredFrom) {
      warmUpLatencies.push(arrivals[0] - sentAt);
    } else {
      latencies.push(arrivals[0] - sentAt);
      (latencyWindows[Math.floor((sentAt - measuredFrom) / 10_000)] ??= []).push(arrivals[0] - sentAt);
    }
    if (arrivals.length > 1) {
      doubled += arrivals.length - 1;
      if (doubledExamples.length < 5) doubledExamples.push(`${key} x${arrivals.length} (${arrivals.map((at) => at - arrivals[0]).join(', ')} ms apart)`);
    }
  }
  return { latencies, warmUpLatencies, latencyWindows, lost, doubled, missingOfUnacknowledged, lostExamples, doubledExamples };
}

/** The value at quantile q (0..1) of unsorted figures; NaN when there are none. */
export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
