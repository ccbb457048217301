import type { Role } from './types';

/**
 * Infers a role from a Slack profile title. Order matters: the "not a product manager" titles that
 * contain the word "product" (Product Designer, Product Marketing Manager) are checked before the
 * product rules, and project titles before engineering ones ("Technical Program Manager").
 */
const TITLE_RULES: ReadonlyArray<readonly [RegExp, Role]> = [
  [/\bproduct\s+(designer|design)\b/, 'design'],
  [/\bproduct\s+marketing\b/, 'other'],
  [/\bproduct\s+(analyst|ops|operations|support|engineer|engineering)\b/, 'other'],
  [/\b(project|program|programme|delivery|release)\s+(manager|lead|coordinator|director|officer)\b/, 'project'],
  [/\b(pmo|scrum\s*master|agile\s+coach|project\s+coordinator)\b/, 'project'],
  [/\b(tpm|technical\s+program(me)?\s+manager)\b/, 'project'],
  [/\bproduct\s+(manager|owner|lead|director|head)\b/, 'product'],
  [/\b(head|vp|vice\s+president|director|chief)\s+of\s+product\b/, 'product'],
  [/\b(cpo|apm|gpm|spm)\b/, 'product'],
  [/\b(engineer|engineering|developer|architect|sre|devops|cto|programmer|qa|tester)\b/, 'engineering'],
  [/\b(designer|design|ux|ui|researcher)\b/, 'design'],
];

/** The role a profile title suggests, or undefined when the title says nothing useful. */
export function roleFromTitle(title: string | undefined | null): Role | undefined {
  if (!title) return undefined;
  const normalized = title.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  for (const [pattern, role] of TITLE_RULES) {
    if (pattern.test(normalized)) return role;
  }
  return undefined;
}
