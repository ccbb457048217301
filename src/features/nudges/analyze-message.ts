import { mentionedUsers } from '../../core/classifier';
import { isoWeekOf } from '../../core/digest/calendar';
import { decideNudge } from '../../core/nudge-policy';
import { delegateOf, nudgeCandidates, type NudgeCandidate } from '../../core/policy';
import type { Classifier, Role, Verdict } from '../../core/types';
import type { Logger } from '../../logger';
import type { PeopleDirectory } from '../../store/people';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import { DEDUPLICATION_TTL_MS, jobIdFrom, type AnalyzeMessagePayload, type SendNudgePayload } from '../../ports/jobs';

/**
 * The `analyze-message` job: resolve the people involved, classify the message, record what
 * reached each product manager, and queue one nudge per product manager who should hear about it.
 * No message text leaves this function: records and nudges carry only the matched phrase.
 */
export interface AnalyzeDeps {
  people: PeopleDirectory;
  profiles: ProfileCache;
  settings: SettingsStore;
  records: RecordsStore;
  classify: Classifier;
  queueNudge(payload: SendNudgePayload, options: { jobId: string; deduplicateForMs: number; delayMs?: number }): Promise<void>;
  now?: () => number;
}

export interface AnalyzeOutcome {
  kind: string;
  flag: boolean;
  nudgesQueued: number;
}

export async function analyzeMessage(deps: AnalyzeDeps, message: AnalyzeMessagePayload, logger: Logger): Promise<AnalyzeOutcome> {
  const involved = mentionedUsers(message.text);
  if (message.userId) involved.push(message.userId);
  const roles = await deps.people.rolesOf(message.teamId, involved);

  const verdict = deps.classify({ text: message.text, author: message.userId, roles, fromBot: message.botId !== undefined });
  const candidates = nudgeCandidates(verdict, message.userId);
  logger.info(
    { kind: verdict.kind, work: verdict.work, flag: verdict.flag, categories: verdict.categories, candidates: candidates.length },
    'message analyzed',
  );

  await recordBalance(deps, message, verdict, roles);
  let nudgesQueued = 0;
  for (const candidate of candidates) {
    if (await planNudge(deps, message, candidate, roles[candidate.recipientId] ?? 'product', logger)) nudgesQueued += 1;
  }
  return { kind: verdict.kind, flag: verdict.flag, nudgesQueued };
}

/** Epoch milliseconds of a Slack ts ("1700000000.000100"). */
export function tsToMs(ts: string): number {
  return Math.floor(Number(ts) * 1000);
}

async function timeZoneOf(deps: AnalyzeDeps, teamId: string, userId: string): Promise<string> {
  return (await deps.profiles.get(teamId, userId))?.tz ?? 'UTC';
}

/** Product work and standups count towards the person's weekly balance even when nobody is nudged. */
async function recordBalance(deps: AnalyzeDeps, message: AnalyzeMessagePayload, verdict: Verdict, roles: Record<string, Role>) {
  const messageKey = `${message.channelId}-${message.ts}`;
  const messageAt = tsToMs(message.ts);
  // A standup is its reporter's: the author, or the person a standup app's post names.
  const reporter = verdict.kind === 'standup' ? (verdict.assignees[0] ?? message.userId) : undefined;
  if (reporter && roles[reporter] === 'product' && verdict.items) {
    const projectItems = verdict.items.filter((item) => item.work === 'project').length;
    const productItems = verdict.items.filter((item) => item.work === 'product').length;
    const week = isoWeekOf(messageAt, await timeZoneOf(deps, message.teamId, reporter));
    await deps.records.recordStandup(message.teamId, reporter, week, messageKey, verdict.items.length, projectItems);
    if (productItems > 0) await deps.records.recordProductWork(message.teamId, reporter, week, messageKey, productItems);
    return;
  }
  if (verdict.kind === 'assignment' && verdict.work === 'product') {
    for (const assignee of verdict.assignees.filter((id) => roles[id] === 'product')) {
      const week = isoWeekOf(messageAt, await timeZoneOf(deps, message.teamId, assignee));
      await deps.records.recordProductWork(message.teamId, assignee, week, messageKey, 1);
    }
  }
}

async function planNudge(
  deps: AnalyzeDeps,
  message: AnalyzeMessagePayload,
  candidate: NudgeCandidate,
  recipientRole: Role,
  logger: Logger,
): Promise<boolean> {
  const now = (deps.now ?? Date.now)();
  const { teamId, channelId } = message;
  const recipientId = candidate.recipientId;
  const messageAt = tsToMs(message.ts);
  const threadTs = message.threadTs ?? message.ts;
  const timeZone = await timeZoneOf(deps, teamId, recipientId);

  await deps.records.recordProjectWork(teamId, recipientId, isoWeekOf(messageAt, timeZone), {
    categories: candidate.categories,
    source: candidate.source,
    ref: { channelId, ts: message.ts, threadTs, categories: candidate.categories, phrase: candidate.phrase, source: candidate.source, assignerId: candidate.assignerId, at: messageAt },
  });

  const [settings, workspace, channelMode] = await Promise.all([
    deps.settings.person(teamId, recipientId),
    deps.settings.workspace(teamId),
    deps.settings.channelMode(teamId, channelId),
  ]);
  const decision = decideNudge({ settings, channelId, channelMode, phrase: candidate.phrase, messageAt, now, timeZone });
  if (decision.action === 'skip') {
    logger.info({ recipient: recipientId, reason: decision.reason }, 'nudge not sent');
    return false;
  }

  // The tip is chosen when the nudge is sent (send-nudge): this one may be held, folded or dropped.
  const delegateId = delegateOf(recipientId, settings, workspace)?.id;
  await deps.queueNudge(
    {
      teamId,
      enterpriseId: message.enterpriseId,
      channelId,
      messageTs: message.ts,
      threadTs,
      messageAt,
      recipientId,
      assignerId: candidate.assignerId,
      mode: decision.mode,
      categories: candidate.categories,
      phrase: candidate.phrase,
      source: candidate.source,
      delegateId,
      recipientRole,
    },
    {
      // At most one nudge per thread per person, however many messages or edits flag them there.
      jobId: jobIdFrom('nudge', teamId, channelId, threadTs, recipientId),
      deduplicateForMs: DEDUPLICATION_TTL_MS * 30,
      delayMs: decision.action === 'defer' ? decision.untilMs - now : undefined,
    },
  );
  if (decision.action === 'defer') logger.info({ recipient: recipientId, untilMs: decision.untilMs }, 'nudge waits for working hours');
  return true;
}
