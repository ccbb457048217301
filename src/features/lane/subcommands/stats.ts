import { categoryLabel } from '../../../core/categories';
import { isoWeekOf, previousIsoWeek } from '../../../core/digest/calendar';
import { sumWeeks, type WeeklyRecord } from '../../../core/records';
import { pieces } from '../../../core/wording';
import { clip, parsed, reply, subcommand, usageError, type LaneTools } from '../subcommand';

const USAGE = '`/lane stats [7d|30d]`';

/** `/lane stats [7d|30d]`: the caller's balance of project and product work, with the trend. */
export const stats = subcommand<{ name: 'stats'; days: 7 | 30 }>({
  words: ['stats'],
  usage: USAGE,
  parse({ args }) {
    if (args.length === 0 || args[0] === '7d') return args.length <= 1 ? parsed({ name: 'stats', days: 7 }) : usageError('Too many arguments.', USAGE);
    return args[0] === '30d' && args.length === 1 ? parsed({ name: 'stats', days: 30 }) : usageError(`\`${clip(args.join(' '))}\` is not a period.`, USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    return reply(await statsText(lane, teamId, userId, command.days));
  },
});

async function weeksBack(lane: LaneTools, teamId: string, userId: string, count: number): Promise<WeeklyRecord[]> {
  let week = isoWeekOf(lane.now(), await lane.timeZoneOf(teamId, userId));
  const weeks: string[] = [];
  for (let i = 0; i < count; i += 1) {
    weeks.push(week);
    week = previousIsoWeek(week);
  }
  return Promise.all(weeks.map((w) => lane.deps.records.week(teamId, userId, w)));
}

async function statsText(lane: LaneTools, teamId: string, userId: string, days: 7 | 30): Promise<string> {
  const span = days === 7 ? 1 : 5;
  const weeks = await weeksBack(lane, teamId, userId, span * 2);
  const current = sumWeeks(weeks.slice(0, span));
  const previous = sumWeeks(weeks.slice(span));
  const period = days === 7 ? 'this week' : 'the last 5 weeks';
  const total = current.projectItems + current.productItems;
  if (total === 0) return `Nothing seen reaching you ${period}. (lanekeeper only sees channels it was invited to.)`;
  const share = Math.round((current.projectItems / total) * 100);
  const lines = [`*Your balance, ${period}:* ${pieces(current.projectItems)} of project work and ${current.productItems} of product work (${share}% project).`];
  const byCategory = Object.entries(current.projectByCategory).sort((a, b) => b[1] - a[1]);
  if (byCategory.length) lines.push(`*By category:* ${byCategory.map(([id, n]) => `${categoryLabel(id)} ${n}`).join(', ')}`);
  const sources = current.projectBySource;
  lines.push(`*By source:* assigned by others ${sources.assignment ?? 0}, volunteered ${sources.self_assigned ?? 0}, in your standups ${sources.standup ?? 0}`);
  const trend = current.projectItems - previous.projectItems;
  lines.push(`*Trend:* ${trend === 0 ? 'the same as' : trend > 0 ? `${trend} more than` : `${-trend} fewer than`} the period before (${previous.projectItems}).`);
  return lines.join('\n');
}
