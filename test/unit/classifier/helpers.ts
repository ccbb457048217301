import { classify } from '../../../src/core/classifier';
import type { Role, Verdict } from '../../../src/core/types';

/** The cast of the corpus (test/fixtures/corpus/README.md). */
export const ROLES_MAP: Record<string, Role> = {
  U_ANA: 'product',
  U_BEN: 'product',
  U_RAJ: 'project',
  U_PJ: 'project',
  U_LEAD: 'engineering',
  U_DEV1: 'engineering',
  U_DES: 'design',
  U_OPS: 'other',
};

export function judge(text: string, options: { author?: string; fromBot?: boolean; roles?: Record<string, Role> } = {}): Verdict {
  return classify({ text, author: options.author ?? 'U_LEAD', roles: options.roles ?? ROLES_MAP, fromBot: options.fromBot });
}
