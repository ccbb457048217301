import type { Classifier, ClassifyInput, Verdict } from '../types';
import { mentionedUsers } from './normalize';
import { renderMessage } from './slack-content';

/**
 * The baseline the issue asks us to beat: flag when a product manager is mentioned and any word from
 * a short project-management list appears anywhere in the text. No notion of who is asked, of
 * negation, questions, quotes or standups.
 */
const PROJECT_WORDS =
  /\b(schedule|timeline|deadline|milestone|gantt|status report|status update|budget|invoice|invites?|meeting|room|minutes|vendor|contract|jira|tickets?|sprint|risk|raid|follow up|chase|capacity|resourcing|change request|timesheets?)\b/i;

export const naiveClassify: Classifier = (input: ClassifyInput): Verdict => {
  // It reads what the classifier reads (text, blocks, attachments), so the comparison is fair.
  const { text } = renderMessage(input);
  const mentioned = mentionedUsers(text);
  const pms = mentioned.filter((id) => input.roles?.[id] === 'product');
  const hit = PROJECT_WORDS.exec(text);
  const flag = pms.length > 0 && hit !== null;
  const word = hit?.[0].toLowerCase();
  return {
    kind: mentioned.length > 0 ? 'assignment' : 'chatter',
    flag,
    assignees: mentioned,
    flagged: flag ? pms : [],
    work: word ? 'project' : 'other',
    categories: [],
    confidence: 0.5,
    reasons: word ? [`project word: "${word}"`] : [],
    phrase: flag ? word : undefined,
  };
};
