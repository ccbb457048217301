import { mentionedUsers } from '../../core/classifier';
import { resolveNames } from '../../core/classifier/slack-content';
import { isoWeekOf } from '../../core/digest/calendar';
import { decideNudge } from '../../core/nudge-policy';
import { delegateOf, nudgeCandidates, type NudgeCandidate } from '../../core/policy';
import type { Classifier, ClassifyInput, MessageContent, Role, Verdict } from '../../core/types';
import type { Logger } from '../../logger';
import type { NameDirectory } from '../../store/name-directory';
import type { ThreadParents } from '../../store/thread-parents';
import type { TicketReminders } from '../../store/ticket-reminders';
import type { WordListsStore } from '../../store/word-lists';
import type { PeopleDirectory } from '../../store/people';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { TimePreferencesStore } from '../../store/time-preferences';
import { nudgeTimeOf, personTimeNow } from '../time/person-time';
import { DEDUPLICATION_TTL_MS, jobIdFrom, type AnalyzeMessagePayload, type SendNudgePayload } from '../../ports/jobs';
import { mayNameSomeone } from '../../core/classifier/slack-content';
import { needsThreadParent, noteOfParent, renderedText, ticketOf } from './message-context';

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
  timePreferences: TimePreferencesStore;
  classify: Classifier;
  /** The workspace's directory of names, read only when a message may name someone by plain name. */
  names: NameDirectory;
  /** Thread parents, read only when a reply asks something but names no work (once per thread). */
  threadParents: ThreadParents;
  /** The first reminder of a ticket to a person counts and may nudge; its repeats do neither. */
  reminders: TicketReminders;
  /** The workspace's `/lane words` lists. */
  wordLists: WordListsStore;
  queueNudge(payload: SendNudgePayload, options: { jobId: string; deduplicateForMs: number; delayMs?: number }): Promise<void>;
  now?: () => number;
}

export interface AnalyzeOutcome {
  kind: string;
  flag: boolean;
  nudgesQueued: number;
}

export async function analyzeMessage(deps: AnalyzeDeps, message: AnalyzeMessagePayload, logger: Logger): Promise<AnalyzeOutcome> {
  const content = { text: message.text, blocks: message.blocks, attachments: message.attachments };
  const rendered = renderedText(content);
  const { verdict, roles, readParent, directory } = await judge(deps, message, content, rendered);
  // An app that posts a notification did not hand the work over itself: it names no assigner.
  const all = nudgeCandidates(verdict, message.botId === undefined ? message.userId : undefined);
  logger.info(
    { kind: verdict.kind, work: verdict.work, flag: verdict.flag, categories: verdict.categories, candidates: all.length, readParent, directory },
    'message analyzed',
  );
  const candidates = await firstNoticesOfTicket(deps, message, verdict, all, ticketOf(content, rendered), logger);

  await recordBalance(deps, message, verdict, roles);
  let nudgesQueued = 0;
  for (const candidate of candidates) {
    if (await planNudge(deps, message, candidate, roles[candidate.recipientId] ?? 'product', logger)) nudgesQueued += 1;
  }
  return { kind: verdict.kind, flag: verdict.flag, nudgesQueued };
}

/**
 * Whether the event alone shows the recipient is not in the conversation: a DM with the bot holds
 * only the bot and its author. Other conversations are not looked up: Slack refuses an ephemeral
 * message for someone outside them (`user_not_in_channel`), and the nudge then goes by DM.
 */
function outsideConversation(message: AnalyzeMessagePayload, recipientId: string): boolean {
  return message.channelType === 'im' && message.userId !== recipientId;
}

/**
 * Classifies the message with what it needs: the roles of the people it involves, the workspace's
 * word lists, the directory when it may name someone by plain name, and, for a reply that asks a
 * product manager something without naming work, its thread's parent (judged first without it).
 */
async function judge(deps: AnalyzeDeps, message: AnalyzeMessagePayload, content: MessageContent, rendered: string) {
  const { teamId } = message;
  const [names, words] = await Promise.all([mayNameSomeone(rendered) ? deps.names.namesOf(teamId) : undefined, deps.wordLists.wordsOf(teamId)]);
  const roles = await deps.people.rolesOf(teamId, involvedPeople(message, rendered, names));

  const input: ClassifyInput = { ...content, author: message.userId, roles, fromBot: message.botId !== undefined, names, words };
  const alone = deps.classify(input);
  const judged = { verdict: alone, roles, readParent: false, directory: names !== undefined };
  if (message.threadTs === undefined || !needsThreadParent(message, alone, roles)) return judged;
  const note = await deps.threadParents.noteFor(teamId, message.channelId, message.threadTs, (root) => noteOfParent(deps.classify, root, { names, words }));
  if (!note || note.work === '') return judged;
  if (note.author && !(note.author in roles)) Object.assign(roles, await deps.people.rolesOf(teamId, [note.author]));
  const verdict = deps.classify({ ...input, roles, parent: { text: note.work, author: note.author, fromBot: note.fromBot } });
  return { ...judged, verdict, readParent: true };
}

/**
 * An app that posts about one ticket again and again (assigned, due tomorrow, due today) tells its
 * holder of one piece of work: only its first post counts and may nudge. Assignments only: two
 * days' standups that name the same ticket are two days' work.
 */
async function firstNoticesOfTicket(
  deps: AnalyzeDeps,
  message: AnalyzeMessagePayload,
  verdict: Verdict,
  candidates: NudgeCandidate[],
  ticket: string | undefined,
  logger: Logger,
): Promise<NudgeCandidate[]> {
  if (message.botId === undefined || verdict.kind !== 'assignment' || ticket === undefined || candidates.length === 0) return candidates;
  const messageKey = `${message.channelId}-${message.ts}`;
  const firsts = await Promise.all(candidates.map((c) => deps.reminders.isFirst(message.teamId, c.recipientId, ticket, messageKey)));
  const repeats = firsts.filter((first) => !first).length;
  if (repeats > 0) logger.info({ repeats }, 'ticket already noted for its holder: not counted or nudged again');
  return candidates.filter((_c, i) => firsts[i]);
}

/** At most this many people's roles are looked up for one message (each may cost a Slack call). */
export const MAX_PEOPLE_LOOKED_UP = 50;

/**
 * The people whose roles the verdict needs: the author, the thread's author, and everyone the text
 * mentions or names, resolved exactly as the classifier resolves them (so "@ana" typed as text is
 * looked up, and "Sample" is not Sam). In the order they appear, at most {@link MAX_PEOPLE_LOOKED_UP}.
 */
function involvedPeople(message: AnalyzeMessagePayload, rendered: string, names: Readonly<Record<string, string>> | undefined): string[] {
  const authors = [message.userId, message.parentUserId].filter((id): id is string => id !== undefined);
  const people = new Set([...authors, ...mentionedUsers(resolveNames(rendered, names))]);
  return [...people].slice(0, MAX_PEOPLE_LOOKED_UP);
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
  let person = await personTimeNow(deps, teamId, recipientId, now);
  const { timeZone } = person;

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
  const decide = () => decideNudge({ settings, channelId, channelMode, phrase: candidate.phrase, messageAt, now, ...nudgeTimeOf(person) });
  let decision = decide();
  // The status above comes from a profile cached for hours. Before a nudge is given up to the digest
  // because of it, Slack is asked once what the status is now (as the sender does): the person may be back.
  if (decision.action === 'skip' && decision.reason === 'stale' && person.absence?.source === 'status') {
    person = await personTimeNow(deps, teamId, recipientId, now, { freshStatus: true });
    decision = decide();
  }
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
      ...(outsideConversation(message, recipientId) ? { recipientOutsideConversation: true } : {}),
    },
    {
      // At most one nudge per thread per person, however many messages or edits flag them there.
      jobId: jobIdFrom('nudge', teamId, channelId, threadTs, recipientId),
      deduplicateForMs: DEDUPLICATION_TTL_MS * 30,
      delayMs: decision.action === 'defer' ? decision.untilMs - now : undefined,
    },
  );
  if (decision.action === 'defer') {
    logger.info({ recipient: recipientId, untilMs: decision.untilMs, away: person.absence !== undefined }, 'nudge waits for the person’s working time');
  }
  return true;
}
