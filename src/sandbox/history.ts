import { isoWeekOf, isoWeekMonday, previousIsoWeek } from '../core/digest/calendar';
import type { RecordsStore } from '../store/records';

/**
 * Weeks a workspace's product manager "had" before the visitor arrived, so the digest and the Home
 * tab show a trend at once rather than a single week. Oldest first; counts of project and product
 * work seen reaching them, in one of that workspace's channels.
 */
export interface SeededHistory {
  personId: string;
  channelId: string;
  weeks: readonly { project: number; product: number }[];
}

/** Acme's Ana: her share of project work falls from 75% to 40% over seven weeks. */
export const SEED_HISTORY: SeededHistory = {
  personId: 'U01ANA',
  channelId: 'C01PLANNING',
  weeks: [
    { project: 6, product: 2 },
    { project: 7, product: 3 },
    { project: 6, product: 4 },
    { project: 5, product: 3 },
    { project: 4, product: 4 },
    { project: 4, product: 5 },
    { project: 2, product: 3 },
  ],
};

/** Writes one workspace's seeded weeks through the bot's own records store, ending with last week. */
export async function seedHistory(
  records: Pick<RecordsStore, 'recordProjectWork' | 'recordProductWork'>,
  teamId: string,
  { personId, channelId, weeks }: SeededHistory,
  nowMs: number,
  tz: string,
): Promise<void> {
  let week = isoWeekOf(nowMs, tz);
  const ids: string[] = [];
  for (let i = 0; i < weeks.length; i += 1) ids.unshift((week = previousIsoWeek(week)));
  for (const [index, id] of ids.entries()) {
    const { project, product } = weeks[index]!;
    const monday = isoWeekMonday(id);
    const base = Math.floor(Date.UTC(monday.year, monday.month - 1, monday.day, 10) / 1000);
    for (let n = 0; n < project; n += 1) {
      const ts = `${base + n * 3600}.000100`;
      const ref = { channelId, ts, threadTs: ts, categories: ['status_reporting'], phrase: 'send the status report', source: 'assignment' as const, at: (base + n * 3600) * 1000 };
      await records.recordProjectWork(teamId, personId, id, { categories: ['status_reporting'], source: 'assignment', ref });
    }
    if (product > 0) await records.recordProductWork(teamId, personId, id, `${channelId}-${base}.000200`, product);
  }
}
