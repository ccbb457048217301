/**
 * A picture instead of counts: the share of project work over the last weeks as a row of block
 * characters (`▁▂▃▅▇`), with the first and last values and the change from last week; and, for
 * the team view, how that share spreads across product managers, drawn the same way. Short lines
 * that read on a phone; characters every Slack client shows. Pure: the caller passes the records.
 */
import { isIsoWeek, isoWeekMonday, previousIsoWeek } from './calendar';
import type { WeeklyRecord } from '../records';

/** The share of project work (0..1) in one week, or undefined when nothing was recorded. */
export interface WeeklyShare {
  week: string;
  share: number | undefined;
}

export const TREND_WEEKS = 8;
/** From an empty week (0%) to a full one (100%): the scale is absolute, so a flat 50% looks flat. */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** A week with nothing recorded: a gap, not a zero. */
const NO_DATA = '·';

/** Project work as a share of all work seen (project and product), or undefined for an empty week. */
export function projectShare(week: Pick<WeeklyRecord, 'projectItems' | 'productItems'>): number | undefined {
  const project = Math.max(0, week.projectItems || 0);
  const total = project + Math.max(0, week.productItems || 0);
  return total === 0 ? undefined : project / total;
}

/**
 * The `count` weeks ending with `lastWeek`, oldest first, each with its share of project work.
 * Records of several people for the same week are added up first (the team's share), and weeks
 * with no record are gaps.
 */
export function weeklyShares(records: readonly WeeklyRecord[], lastWeek: string, count = TREND_WEEKS): WeeklyShare[] {
  if (!isIsoWeek(lastWeek)) throw new RangeError(`not an ISO week id (like 2026-W47): ${JSON.stringify(lastWeek)}`);
  const totals = new Map<string, { projectItems: number; productItems: number }>();
  for (const record of records) {
    const total = totals.get(record.week) ?? { projectItems: 0, productItems: 0 };
    total.projectItems += record.projectItems || 0;
    total.productItems += record.productItems || 0;
    totals.set(record.week, total);
  }
  const weeks = [lastWeek];
  while (weeks.length < count) weeks.unshift(previousIsoWeek(weeks[0]!));
  return weeks.map((week) => {
    const total = totals.get(week);
    return { week, share: total ? projectShare(total) : undefined };
  });
}

/** One block character per value (0..1), a dot for a gap. */
export function sparkline(values: readonly (number | undefined)[]): string {
  return values.map((value) => (value === undefined ? NO_DATA : BARS[Math.min(BARS.length - 1, Math.floor(clamp01(value) * BARS.length))]!)).join('');
}

const percent = (share: number) => Math.round(clamp01(share) * 100);

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/**
 * The trend as Slack mrkdwn lines, e.g.
 * ```
 * `▂▃▃▅▄▆▇▇` 18% → 62%
 * Up 4 points from last week.
 * ```
 * With no week recorded it says so; with one, it shows that week alone. `whose` words the
 * sentence: 'your' for a person, 'the team’s' for the team view.
 */
export function renderShareTrend(shares: readonly WeeklyShare[], whose: 'your' | 'the team’s' = 'your'): string {
  const recorded = shares.filter((week): week is { week: string; share: number } => week.share !== undefined);
  if (recorded.length === 0) return `No work recorded yet: ${whose} trend starts after the first week.`;
  // Leading gaps say nothing (the bot was not there yet); gaps between weeks stay as dots.
  const firstIndex = shares.findIndex((week) => week.share !== undefined);
  const shown = shares.slice(firstIndex);
  const first = recorded[0]!;
  const last = recorded.at(-1)!;
  const project = `${whose === 'your' ? 'Your' : 'The team’s'} project-work share`;
  if (recorded.length === 1) return `\`${sparkline([first.share])}\` ${percent(first.share)}%, week of ${shortDate(first.week)}\n${project}; the trend shows from next week.`;

  const lines = [`\`${sparkline(shown.map((week) => week.share))}\` ${percent(first.share)}% → ${percent(last.share)}%`];
  const lastWeek = shares.at(-1);
  const weekBefore = shares.at(-2);
  if (lastWeek?.share !== undefined && weekBefore?.share !== undefined) {
    const change = percent(lastWeek.share) - percent(weekBefore.share);
    const points = `${Math.abs(change)} point${Math.abs(change) === 1 ? '' : 's'}`;
    lines.push(change === 0 ? 'Same as last week.' : `${change > 0 ? 'Up' : 'Down'} ${points} from last week.`);
  }
  lines.push(`${project}, ${shown.length} weeks.`);
  return lines.join('\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `23 Nov`: the Monday of an ISO week, short enough for a phone. */
function shortDate(week: string): string {
  const monday = isoWeekMonday(week);
  return `${monday.day} ${MONTHS[monday.month - 1]}`;
}

/** Bands of project-work share for the team view: 0–19%, 20–39%, … 80–100%. */
const BANDS = 5;

/**
 * How project-work share spreads across product managers in one week, drawn as one bar per band
 * (low share on the left), e.g.
 * ```
 * `▂▇▅▁▁` 0% … 100%
 * Middle 34%, from 12% to 71%, 7 people.
 * ```
 * Never names anyone; with fewer than `minGroupSize` people it shows no figure, since a bar could
 * point at one person.
 */
export function renderTeamDistribution(shares: readonly (number | undefined)[], minGroupSize = 3): string {
  const values = shares.filter((share): share is number => share !== undefined && Number.isFinite(share)).map(clamp01).sort((a, b) => a - b);
  if (values.length === 0) return 'No product manager had work recorded this week.';
  if (values.length < Math.max(1, minGroupSize)) return `Too few product managers with recorded work to show the spread (fewer than ${minGroupSize}).`;
  const counts = new Array<number>(BANDS).fill(0);
  for (const value of values) counts[Math.min(BANDS - 1, Math.floor(value * BANDS))]! += 1;
  const most = Math.max(...counts);
  const bars = counts.map((count) => (count === 0 ? BARS[0] : BARS[Math.max(1, Math.ceil((count / most) * (BARS.length - 1)))]!)).join('');
  const middle = values.length % 2 ? values[(values.length - 1) / 2]! : (values[values.length / 2 - 1]! + values[values.length / 2]!) / 2;
  return [
    `\`${bars}\` 0% … 100%`,
    `Middle ${percent(middle)}%, from ${percent(values[0]!)}% to ${percent(values.at(-1)!)}%, ${values.length} people.`,
  ].join('\n');
}
