import { categoryLabel } from '../../core/categories';
import type { Verdict } from '../../core/types';

/** A person-readable account of a verdict, for `/lane check`. */
export function renderVerdict(verdict: Verdict): string {
  const lines = [
    `*Kind:* ${verdict.kind}   *Work:* ${verdict.work}   *Confidence:* ${Math.round(verdict.confidence * 100)}%`,
    verdict.categories.length > 0 ? `*Categories:* ${verdict.categories.map(categoryLabel).join(', ')}` : '*Categories:* none',
  ];
  if (verdict.assignees.length > 0) lines.push(`*Assigned to:* ${verdict.assignees.map((id) => `<@${id}>`).join(', ')}`);
  if (verdict.projectShare !== undefined) lines.push(`*Project share of the standup:* ${Math.round(verdict.projectShare * 100)}%`);
  if (verdict.reasons.length > 0) lines.push(`*Why:* ${verdict.reasons.join('; ')}`);
  lines.push(verdict.flag ? 'This would nudge the product manager.' : 'This would not nudge anyone.');
  return lines.join('\n');
}
