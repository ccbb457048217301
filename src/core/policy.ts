import { isProjectCategory } from './categories';
import type { WorkSource } from './records';
import type { Verdict } from './types';

/**
 * Who should hear about a flagged message, and as what. Pure: the analyze worker applies the
 * person's settings (opt-outs, caps, working hours) after this.
 */
export type NudgeSource = WorkSource;

export interface NudgeCandidate {
  recipientId: string;
  /** The person who handed the work over; absent when it was volunteered or reported. */
  assignerId?: string;
  source: NudgeSource;
  /** Project-management categories only, strongest first. */
  categories: string[];
  phrase: string;
}

export function nudgeCandidates(verdict: Verdict, authorId: string | undefined): NudgeCandidate[] {
  if (!verdict.flag) return [];
  const categories = verdict.categories.filter(isProjectCategory);
  if (categories.length === 0) return [];
  const phrase = verdict.phrase ?? categories[0];
  return verdict.flagged.map((recipientId) => {
    const source: NudgeSource =
      verdict.kind === 'standup' ? 'standup' : recipientId === authorId ? 'self_assigned' : 'assignment';
    return {
      recipientId,
      assignerId: source === 'assignment' ? authorId : undefined,
      source,
      categories,
      phrase,
    };
  });
}

/**
 * The person a product manager hands project work to: their own delegate, else the workspace's
 * default, but never themselves (a default delegate who is a product manager too).
 */
export function delegateOf(
  personId: string,
  settings: { delegateId?: string },
  workspace: { defaultDelegateId?: string },
): { id: string; isDefault: boolean } | undefined {
  if (settings.delegateId && settings.delegateId !== personId) return { id: settings.delegateId, isDefault: false };
  if (workspace.defaultDelegateId && workspace.defaultDelegateId !== personId) return { id: workspace.defaultDelegateId, isDefault: true };
  return undefined;
}
