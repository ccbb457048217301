import { categoryLabel } from '../../../core/categories';
import type { WeeklyRecord } from '../../../core/records';
import { pieces } from '../../../core/wording';
import type { HomeSection } from '../section';

/** This week's balance of project and product work, with the top categories. */
export const balance: HomeSection = ({ week }) => [{ type: 'section', text: { type: 'mrkdwn', text: balanceText(week) } }];

function balanceText(week: WeeklyRecord): string {
  const total = week.projectItems + week.productItems;
  if (total === 0) return `*This week (${week.week}):* no project or product work seen reaching you yet.`;
  const share = Math.round((week.projectItems / total) * 100);
  const top = Object.entries(week.projectByCategory)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([id, count]) => `${categoryLabel(id)} ${count}`)
    .join(', ');
  return `*This week (${week.week}):* ${pieces(week.projectItems)} of project work and ${week.productItems} of product work reached you (${share}% project).${top ? `\nMost of it: ${top}.` : ''}`;
}
