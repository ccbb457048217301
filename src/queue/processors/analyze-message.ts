import { mentionedUsers } from '../../core/classifier';
import { nudgeCandidates } from '../../core/policy';
import { pickTip } from '../../core/tips';
import type { Classifier } from '../../core/types';
import type { Logger } from '../../logger';
import type { PeopleDirectory } from '../../store/people';
import type { TipHistory } from '../../store/tip-history';
import { DEDUPLICATION_TTL_MS, jobIdFrom, type AnalyzeMessagePayload, type SendNudgePayload } from '../registry';

/**
 * The `analyze-message` job: resolve the people involved, classify the message, and queue one
 * nudge per product manager it flags. No message text leaves this function: nudges carry only
 * the matched phrase.
 */
export interface AnalyzeDeps {
  people: PeopleDirectory;
  classify: Classifier;
  tipHistory: TipHistory;
  queueNudge(payload: SendNudgePayload, options: { jobId: string; deduplicateForMs: number }): Promise<void>;
}

export interface AnalyzeOutcome {
  kind: string;
  flag: boolean;
  nudgesQueued: number;
}

export async function analyzeMessage(
  deps: AnalyzeDeps,
  message: AnalyzeMessagePayload,
  logger: Logger,
): Promise<AnalyzeOutcome> {
  const involved = mentionedUsers(message.text);
  if (message.userId) involved.push(message.userId);
  const roles = await deps.people.rolesOf(message.teamId, involved);

  const verdict = deps.classify({
    text: message.text,
    author: message.userId,
    roles,
    fromBot: message.botId !== undefined,
  });
  const candidates = nudgeCandidates(verdict, message.userId);
  logger.info(
    { kind: verdict.kind, work: verdict.work, flag: verdict.flag, categories: verdict.categories, nudges: candidates.length },
    'message analyzed',
  );

  const threadTs = message.threadTs ?? message.ts;
  for (const candidate of candidates) {
    const previousTipId = await deps.tipHistory.lastTipId(message.teamId, candidate.recipientId);
    const tip = pickTip({ category: candidate.categories[0], previousTipId });
    await deps.tipHistory.remember(message.teamId, candidate.recipientId, tip.id);
    await deps.queueNudge(
      {
        teamId: message.teamId,
        channelId: message.channelId,
        messageTs: message.ts,
        threadTs,
        recipientId: candidate.recipientId,
        assignerId: candidate.assignerId,
        mode: 'ephemeral',
        categories: candidate.categories,
        phrase: candidate.phrase,
        source: candidate.source,
        tip,
        recipientRole: roles[candidate.recipientId] ?? 'product',
      },
      {
        // At most one nudge per thread per person, however many messages or edits flag them there.
        jobId: jobIdFrom('nudge', message.teamId, message.channelId, threadTs, candidate.recipientId),
        deduplicateForMs: DEDUPLICATION_TTL_MS * 30,
      },
    );
  }
  return { kind: verdict.kind, flag: verdict.flag, nudgesQueued: candidates.length };
}
