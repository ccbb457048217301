import { isProjectCategory } from '../../core/categories';
import type { Verdict } from '../../core/types';
import { verdictInWords, workInWords } from '../../core/verdict-wording';

/** A person-readable account of a verdict, for `/lane check`: the same plain words as `lanekeeper check`. */
export function renderVerdict(verdict: Verdict, roleKnown?: (userId: string) => boolean): string {
  const words = verdictInWords(verdict, { person: (id) => `<@${id}>`, roleKnown });
  const lines = [`*This is:* ${words.kind}   *Work:* ${words.work}   *Confidence:* ${Math.round(verdict.confidence * 100)}%`];
  if (verdict.assignees.length > 0) lines.push(`*Asked:* ${words.asked}`);
  if (verdict.phrase && verdict.categories.some(isProjectCategory)) lines.push(`*Noticed:* “${verdict.phrase}”`);
  if (verdict.items) lines.push(`*Status update:* ${verdict.items.length} items, ${Math.round((verdict.projectShare ?? 0) * 100)}% project-management work`);
  for (const item of verdict.items ?? []) lines.push(`• ${item.text} (${workInWords(item.work, item.categories)})`);
  if (words.reasons.length > 0) lines.push(`*Why:* ${words.reasons.join('; ')}`);
  lines.push(`*Nudge:* ${words.nudge}`);
  return lines.join('\n');
}
