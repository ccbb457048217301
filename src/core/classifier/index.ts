import { isProjectCategory, isProductCategory, type Category } from '../categories';
import type { Classifier, ClassifyInput, StandupItem, ThreadParent, Verdict, WorkKind, WorkspaceWords } from '../types';
import { clauseCues, PUT_FORWARD, redirectsAfterAway, retracts, type Actor, type ClauseCues } from './cues';
import type { Hit } from './matcher';
import { normalize, type Normalized } from './normalize';
import { MAX_JUDGED_CHARS, renderMessage, resolveNames } from './slack-content';
import { parseStandup, standupSubject } from './standup';
import {
  addReason,
  categoryOfReason,
  categoryReasons,
  cleanPhrase,
  MAX_REASONS,
  round2,
  strongestProjectPhrase,
  summarize,
  tidyReasons,
  unlistedReasons,
  WEAK,
  type WorkSummary,
} from './summary';
import { carriesWords, maskTicketTitles, personalText, trackerAssignee, trackerAssignsUnnamed, withoutLayoutLabels } from './tracker';
import { TYPOS } from './typos';
import { scoreText, surfaceOf, type ScorerModel } from './scorer';
import { SCORER_MODEL } from './scorer-model.gen';
import { scoreCandidates, type Candidate, type FlagContext, type FlaggerModel } from './flagger';
import { FLAGGER_MODEL } from './flagger-model.gen';
import { asksAnyone, saysYes } from './thread-reply';
import { isLexiconScan, scanWith, type Scan } from './word-lists';

export { mentionedUsers } from './normalize';
export { MAX_REASONS } from './summary';
export { naiveClassify } from './naive';

/** The reason of a verdict where nobody is asked anything: the pipeline reads it to decide whether a thread reply needs its parent. */
export const NOBODY_ASKED_REASON = 'nobody is asked to do anything';

/**
 * The rule classifier. Pure and deterministic: the same input always gives the same verdict.
 *
 * Steps: normalise the Slack text; recognise standups; otherwise cut the message into clauses, find
 * who each clause asks to do something (or who volunteers), and read the kind of work from the
 * phrases in the clauses that are about them. See docs/classifier.md for the reasoning.
 */

interface Clause {
  text: string;
  question: boolean;
  cues: ClauseCues;
  hits: Hit<Category>[];
}


/** Splits lines into clauses at sentence ends, semicolons, commas, "but", and "and" before a hand-over ("… and hand it to @pj"). */
function splitClauses(norm: Normalized): Array<{ text: string; question: boolean; afterComma: boolean }> {
  const out: Array<{ text: string; question: boolean; afterComma: boolean }> = [];
  for (const line of norm.lines) {
    const parts = line.text.split(/([.!?;]+(?=\s|$)|,\s+|\s+but\s+|\s+-\s+(?=(?:and|also|then|can|could|pls|please)\b)|\s+and\s+(?=(?:then\s+)?(?:hand|pass|delegate|transfer)\b))/);
    for (let i = 0; i < parts.length; i += 2) {
      const text = parts[i].trim();
      const delimiter = parts[i + 1] ?? '';
      if (text.length === 0) continue;
      out.push({ text, question: delimiter.includes('?'), afterComma: i > 0 && /^,/.test(parts[i - 1] ?? '') });
    }
  }
  return out;
}

function chatterVerdict(summary: WorkSummary, reasons: string[], confidence: number): Verdict {
  const listed = unlistedReasons(summary.best);
  return {
    kind: 'chatter',
    flag: false,
    assignees: [],
    flagged: [],
    work: summary.work,
    categories: summary.categories,
    confidence,
    reasons: tidyReasons([...reasons, ...categoryReasons(summary), ...listed]),
  };
}

/** An item's text for the verdict: placeholders back to Slack mentions. */
function itemText(item: string, mentions: readonly string[]): string {
  return item.includes('@p') ? item.replace(/@p(\d+)/g, (_m, n: string) => `<@${mentions[Number(n)]}>`) : item;
}

function standupVerdict(author: string | undefined, roles: Readonly<Record<string, string>>, items: string[], format: string, norm: Normalized, scan: Scan, scorer: ScorerModel | null): Verdict {
  const judged: StandupItem[] = [];
  // Each item is scanned once; the whole update's summary reuses the items' hits (scan is pure).
  const allHits: Hit<Category>[] = [];
  const counts: Record<WorkKind, number> = { project: 0, product: 0, other: 0 };
  for (const item of items) {
    let hits = scan(item);
    // An item no phrase names ("ran the cutover log on the bridge") is weighed by its words.
    if (!namesWork(hits)) {
      const learned = learnedHit(scorer, item);
      if (learned) hits = hits.concat(learned.hit);
    }
    for (const hit of hits) allHits.push(hit);
    const s = summarize(hits);
    counts[s.work]++;
    judged.push({ text: itemText(item, norm.mentions), work: s.work, categories: s.categories });
  }
  const all = summarize(allHits);
  const projectShare = judged.length === 0 ? 0 : Math.round((counts.project / judged.length) * 100) / 100;
  const work: WorkKind =
    judged.length > 0 && counts.project / judged.length >= 0.5
      ? 'project'
      : counts.product >= counts.other && counts.product >= counts.project && counts.product > 0
        ? 'product'
        : counts.project > counts.other
          ? 'project'
          : counts.other > 0
            ? 'other'
            : all.work;
  const categories = [...all.categories].sort((a, b) => Number(isPrimary(b, work)) - Number(isPrimary(a, work)));
  const isPm = author !== undefined && roles[author] === 'product';
  const flag = isPm && judged.length > 0 && counts.project > 0 && counts.project / judged.length >= 0.5;
  const reasons = [`standup (${format}): ${counts.project} of ${judged.length} items are project work`, ...categoryReasons(all)];
  return {
    kind: 'standup',
    flag,
    assignees: author ? [author] : [],
    flagged: flag && author ? [author] : [],
    work,
    categories,
    confidence: round2(judged.length === 0 ? 0.5 : Math.min(0.95, 0.6 + Math.abs(counts.project / judged.length - 0.5) * 0.6 + Math.min(judged.length, 5) * 0.02)),
    reasons: tidyReasons(reasons),
    phrase: flag ? strongestProjectPhrase(all) : undefined,
    items: judged,
    projectShare,
  };
}

/** The clauses' phrase hits, in order. (A loop: `flatMap` is markedly slower in V8.) */
function hitsOf(clauses: readonly Clause[]): Hit<Category>[] {
  const out: Hit<Category>[] = [];
  for (const clause of clauses) for (const hit of clause.hits) out.push(hit);
  return out;
}

/** A category of the standup's own kind of work. */
function isPrimary(cat: Category, work: WorkKind): boolean {
  return work === 'project' ? isProjectCategory(cat) : work === 'product' ? isProductCategory(cat) : false;
}

/** What a message talks about (for chatter): its own words plus quoted lines and link labels. */
function topicOf(ownHits: readonly Hit<Category>[], norm: Normalized, scan: Scan): WorkSummary {
  const hits = ownHits.slice();
  for (const text of norm.quoted) for (const hit of scan(text)) hits.push(hit);
  for (const text of norm.linkLabels) for (const hit of scan(text)) hits.push(hit);
  return summarize(hits, 'heavier');
}

function resolveActor(actor: Actor, norm: Normalized, author: string | undefined): string | undefined {
  if (actor === 'author') return author;
  return norm.mentions[actor];
}

/** How much heavier product work must be than a weak project word to be what is handed over. */
const PRODUCT_LEADS = 1.5;

/** Kinds of work an answer can take: finding out what was spent, or who is free. */
const ANSWER_IS_WORK: ReadonlySet<Category> = new Set<Category>(['budget_tracking', 'resourcing']);
/** Questions whose answer is an amount or a list of people, not a date or a place ("when is it due?"). */
const ANSWER_QUESTION = /\b(?:what|how much|how many|who|whether|if)\b/;

/** Offers that take no work on: reviewing, helping, presenting. */
const NOT_TAKING = /\b(?:review|reviewing|look at|take a look|have a look|help|helping|answer|comment on|give feedback|read|present|join|attend|listen|focus on|focus)\b/;

/** A request that points back at something said before it ("approve it", "tag them up"). */
const POINTS_BACK = /\b(?:it|them|this|that|these|those|this one|that one)\b/;

/** "it", "this", "this one": what a reply refers to when it names no work. */
const PRONOUN = /\b(?:this one|that one|it|this|that)\b/;

/** True when the hits name work strongly enough to stand alone (a lone weak word does not). */
function namesWork(hits: readonly Hit<Category>[]): boolean {
  return hits.some((h) => h.cat !== null && h.weight >= WEAK);
}

/** What a reply's parent says about work, read only when the reply itself names none (see {@link judgeText}). */
interface ParentContext {
  /** The parent's work phrases, normalised. */
  hits: () => Hit<Category>[];
  /** The parent's first sentence, normalised: what "it" stands for in "can you book it?". */
  gist: () => string;
  /** The parent's author: the person a reply's bare "can you own this?" is addressed to. */
  author?: string;
}

function judgeText(text: string, input: ClassifyInput, scan: Scan, parent: ParentContext | undefined, scorer: ScorerModel | null, normalized?: Normalized): Verdict {
  const norm = normalized ?? normalize(text, TYPOS);
  const roles = input.roles ?? {};
  const fromBot = input.fromBot === true;

  // Some standup apps quote each answer ("> What did you do yesterday?"): in an app's post the quote is
  // the update itself, not someone's earlier words.
  const standup = parseStandup(fromBot && norm.quoted.length > 0 ? norm.lines.concat(norm.quoted.map((text) => ({ text, bullet: false, leadEmoji: [] }))) : norm.lines, fromBot);
  if (standup) {
    // A standup app posts on someone's behalf: the update is theirs, not the app's.
    const subject = fromBot ? standupSubject(norm.lines) : undefined;
    const author = subject !== undefined ? norm.mentions[subject] : input.author;
    return standupVerdict(author, roles, standup.items, standup.format, norm, scan, scorer);
  }

  if (fromBot) {
    // The work is read without the app's layout labels ("Status: To Do", "Due date").
    const topic = topicOf(scan(withoutLayoutLabels(norm.text)), norm, scan);
    // The notification's own words decide; the ticket title only says what the work is.
    const untitled = normalize(maskTicketTitles(text)).lines.map((l) => l.text);
    // Structure is read on the words as written: typo repair is for work words, not field labels.
    const tracked = trackerAssignee(normalize(text).lines.map((l) => l.text), untitled);
    // The post read as a person's words (a comment, an update, a relayed mail): a request in it is one.
    const personsWords = (): Verdict | undefined => {
      const words = personalText(text);
      const said = words === undefined ? undefined : judgeText(words, { ...input, author: undefined, fromBot: false }, scan, parent, scorer);
      return said?.kind === 'assignment' ? { ...said, reasons: tidyReasons(["a person's words in an app post", ...said.reasons]) } : undefined;
    };
    const holders = tracked ? tracked.actors.map((a) => norm.mentions[a]).filter((id): id is string => id !== undefined) : [];
    // A post that carries someone's words ("@lee wrote an update: "@ana can you …"") is read as those
    // words first: the layout's "Person: @lee" is the writer, not who is asked.
    if (tracked && holders.length > 0 && carriesWords(text)) {
      const said = personsWords();
      if (said?.flag === true) return said;
    }
    if (!tracked || holders.length === 0) {
      // A comment, a relayed email or a note in the post is a person's words: a request in it is one.
      const said = personsWords();
      if (said !== undefined && said.assignees.length > 0) return said;
      // "You've been assigned …" names nobody: the recipient is whoever the app wrote to, which the
      // text does not say (and the author is the app). Nobody can be nudged, so it stays chatter.
      const why = trackerAssignsUnnamed(untitled) ? 'app assignment to an unnamed recipient ("you")' : 'app notification, not an assignment';
      return chatterVerdict(topic, [why], 0.8);
    }
    // Nothing in the lexicon names the work: the learned scorer may (see scorer.ts).
    const learned = topic.project < WEAK ? learnedHit(scorer, withoutLayoutLabels(norm.text)) : undefined;
    if (learned) Object.assign(topic, summarize([learned.hit], 'heavier'));
    const canFlag = topic.work === 'project' && topic.project >= WEAK;
    const flagged = canFlag ? holders.filter((id) => roles[id] === 'product') : [];
    const cue = cleanPhrase(tracked.cue);
    return {
      kind: 'assignment',
      flag: flagged.length > 0,
      assignees: holders,
      flagged,
      work: topic.work,
      categories: topic.categories,
      confidence: round2(Math.min(0.95, 0.65 + Math.min(topic.project + topic.product, 3) * 0.1)),
      reasons: tidyReasons([
        ...(learned ? [learned.reason] : []),
        ...holders.map((id) => (tracked.how === 'due' ? `app reminder of work <@${id}> holds: "${cue}"` : `assigned by an app to <@${id}>: "${cue}"`)),
        ...categoryReasons(topic),
      ]),
      phrase: flagged.length > 0 ? strongestProjectPhrase(topic) : undefined,
    };
  }

  const clauses: Clause[] = splitClauses(norm).map(({ text, question, afterComma }) => {
    let cues = clauseCues(text, question);
    // A name alone after a comma closes the sentence before it ("can you tell me when it's due, @ana?"): it addresses, it does not put anyone forward.
    if (afterComma && cues.cue === PUT_FORWARD) cues = { actors: [], toAddressees: false, vocatives: cues.vocatives, blocked: 'question', cue: text };
    return { text, question, cues, hits: scan(text) };
  });

  // "@ana is out this week, ping @ben for anything on the portal": after someone is away, pointing
  // people to someone else is a notice, not a request.
  // A clause that takes back what came before ("… ignore this ^, Ben is doing travel now") cancels
  // the requests before it.
  let retraction = -1;
  clauses.forEach((clause, i) => {
    if (retracts(clause.text)) retraction = i;
  });
  for (let i = 0; i < retraction; i++) clauses[i].cues = { actors: [], toAddressees: false, vocatives: clauses[i].cues.vocatives, blocked: 'negated', cue: clauses[retraction].text.split(' ').slice(0, 3).join(' ') };
  let awaySeen = false;
  for (const clause of clauses) {
    if (clause.cues.blocked === 'away') awaySeen = true;
    else if (awaySeen && redirectsAfterAway(clause.text)) clause.cues = { actors: [], toAddressees: false, vocatives: clause.cues.vocatives, blocked: 'away', cue: clause.text.split(' ').slice(0, 2).join(' ') };
  }

  // "Can you tell me what we've burned so far?": an answer that takes project work to give (spend,
  // who is free, where things stand) is that work, asked as a question.
  for (const clause of clauses) {
    if (clause.cues.info === true && ANSWER_QUESTION.test(clause.text) && clause.hits.some((h) => h.cat !== null && h.weight >= WEAK && ANSWER_IS_WORK.has(h.cat))) {
      const { vocatives } = clause.cues;
      clause.cues = { actors: vocatives, toAddressees: vocatives.length === 0, vocatives, cue: clause.cues.cue };
    }
  }

  // The message's addressees: whoever is named at the start of the first clause that names anyone.
  const addressees: Actor[] = clauses.find((c) => c.cues.vocatives.length > 0)?.cues.vocatives ?? [];
  // A reply that names nobody ("can you own this?") is addressed to whoever started the thread.
  const parentAuthor = parent?.author !== undefined && parent.author !== input.author ? parent.author : undefined;

  // Who each clause hands work to.
  const byActor = new Map<string, Clause[]>();
  const cueReasons: string[] = [];
  const blockReasons: string[] = [];
  for (const clause of clauses) {
    const { cues } = clause;
    if (cues.blocked) {
      const cue = cleanPhrase(cues.cue ?? '');
      const why = cues.info === true ? 'information' : cues.blocked;
      addReason(blockReasons, cue.length > 0 ? `not a request (${why}): "${cue}"` : `not a request (${why})`);
      continue;
    }
    const actors: Actor[] = cues.toAddressees ? addressees : cues.actors;
    const ids = actors.map((actor) => resolveActor(actor, norm, input.author));
    // (Only a real request: a bare "give me till 3" is not addressed to the thread's author.)
    if (cues.toAddressees && addressees.length === 0 && parentAuthor !== undefined && cues.bare !== true) ids.push(parentAuthor);
    for (const id of ids) {
      if (id === undefined) continue;
      const list = byActor.get(id) ?? [];
      list.push(clause);
      byActor.set(id, list);
      // "Leave the status roll-up with me": the author volunteers; nobody asked them.
      const cue = cleanPhrase(cues.cue ?? '');
      addReason(cueReasons, id === input.author ? `<@${id}> takes it on: "${cue}"` : `asks <@${id}>: "${cue}"`);
    }
  }

  if (byActor.size === 0) {
    const topic = topicOf(hitsOf(clauses), norm, scan);
    return chatterVerdict(topic, blockReasons.length > 0 ? blockReasons.slice(0, 6) : [NOBODY_ASKED_REASON], blockReasons.length > 0 ? 0.85 : 0.75);
  }

  // Clauses that ask nobody in particular ("the gantt is out of date") give context to every actor.
  const context = clauses.filter(
    (c) => (c.cues.blocked === undefined || c.cues.blocked === 'question') && c.cues.actors.length === 0 && !c.cues.toAddressees,
  );
  // A report of how things stand ("we've had three invoices from Brightwave") is what "can you approve
  // them?" refers to, when the request points back with a pronoun.
  const situation = clauses.filter((c) => c.cues.blocked === 'done');
  const assignees = [...byActor.keys()];
  const flagged: string[] = [];
  const allHits: Hit<Category>[] = [];
  const flaggedHits: Hit<Category>[] = [];
  const parentReasons: string[] = [];
  for (const [id, own] of byActor) {
    // An actor's own clauses decide their work; "can you own that?" borrows it from the context,
    // and in a thread reply that names no work at all, from the thread's parent.
    const ownHits = hitsOf(own);
    // "happy to review before it goes out" takes nothing on: it borrows no work from elsewhere.
    const borrows = !own.every((c) => NOT_TAKING.test(c.text));
    let hits = namesWork(ownHits) || !borrows ? ownHits : ownHits.concat(hitsOf(context));
    if (borrows && !namesWork(hits) && own.some((c) => POINTS_BACK.test(c.text))) hits = hits.concat(hitsOf(situation));
    // "> can someone update the timeline? / @ana that's you this week": the quoted ask is what is handed over.
    if (borrows && !namesWork(hits) && norm.quoted.length > 0) for (const quote of norm.quoted) hits = hits.concat(scan(quote));
    if (borrows && parent !== undefined && !namesWork(hits)) {
      // "can you book it?": the reply's verb applied to what the parent talks about, plus the parent's own work.
      const fromParent = parent.hits().concat(...own.map((c) => scan(c.text.replace(PRONOUN, ` ${parent.gist()} `))));
      const work = summarize(fromParent, 'heavier');
      // The parent's main kind of work is what is handed over: a ticket about customer interviews is discovery.
      // (A tie is not project work: "pricing for a 300-seat deal" is pricing, whatever "seats" says.)
      const projectLed = work.work === 'project' && work.project > work.product;
      const handed = projectLed ? fromParent : fromParent.filter((h) => h.cat === null || !isProjectCategory(h.cat));
      hits = hits.concat(handed);
      if (work.categories.length > 0) addReason(parentReasons, `work named in the thread's parent: "${cleanPhrase(work.best[0].phrase)}"`);
    }
    // A phrase the workspace lists as not project work names the work: the scorer is not asked to overrule it.
    if (!namesWork(hits) && !hits.some((h) => h.listed === 'not-project')) {
      // The scorer reads what this person is asked for (and the clauses that ask nobody), not the
      // whole message: "I'll review for customer impact" is not the logistics asked of someone else.
      const learned = learnedHit(scorer, own.concat(context).map((c) => c.text).join('\n'));
      if (learned) {
        hits = hits.concat(learned.hit);
        addReason(parentReasons, learned.reason);
      }
    }
    const scoped = summarize(hits);
    allHits.push(...hits);
    // A lone weak word ("risk", "scope", "sprint") is topic, not enough to nudge anyone.
    // A lone project noun beside product work that outweighs it ("the PRD for the rebooking MVP") is
    // the product's subject, not work handed over.
    const productLed = scoped.product >= PRODUCT_LEADS * scoped.project && scoped.project < 2;
    if (roles[id] === 'product' && scoped.project >= WEAK && !productLed) {
      flagged.push(id);
      flaggedHits.push(...hits);
    }
  }
  const summary = summarize(allHits);
  const flag = flagged.length > 0;
  const spread = summary.project + summary.product;
  const confidence = Math.min(0.97, 0.6 + Math.min(spread, 3) * 0.1 - (summary.project > 0 && summary.product > 0 ? 0.1 : 0) + (cueReasons.length > 0 ? 0.05 : 0));
  return {
    kind: 'assignment',
    flag,
    assignees,
    flagged,
    work: summary.work,
    categories: summary.categories,
    confidence: round2(confidence),
    // Who was asked and what work decided it come first, so the cap only ever drops repeats of kind.
    reasons: tidyReasons(cueReasons.slice(0, 6).concat(parentReasons, categoryReasons(summary), unlistedReasons(allHits), blockReasons)),
    // The phrase is about the work that landed on the product managers, not on anyone else.
    phrase: flag ? strongestProjectPhrase(summarize(flaggedHits)) : undefined,
  };
}

/** Options of {@link createClassifier}. */
export interface ClassifierOptions {
  /** The workspace's word lists, used when an input carries none of its own. */
  words?: WorkspaceWords;
  /** The learned scorer's model (default: the one trained on the corpus); null turns it off. */
  scorer?: ScorerModel | null;
  /** The learned flagger's model (default: the one trained on the corpus); null leaves the rules alone. */
  flagger?: FlaggerModel | null;
}

/** Mentions and placeholders, which mean nothing to the person reading the phrase. */
const PLACEHOLDER = /@p\d+|@someone|@group|@all/;
const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, 'g');
const PLACEHOLDERS_AT_ENDS = new RegExp(`^(?:[\\s+&,:]*(?:${PLACEHOLDER.source}))+[\\s+&,:]*|(?:[\\s+&,]*(?:${PLACEHOLDER.source}))+\\s*$`, 'g');
/** The request's opening ("can you", "pls could you also"): the phrase is the work, not the asking. */
const ASKING = /^(?:(?:hey|hi|pls|plz|please|can|could|would|will|you|u|also|maybe|mind)\s+)+/;
const MAX_QUOTED = 60;

/**
 * The clause of `text` around a feature's first word (a stem such as "chang" reads badly alone),
 * without placeholders or the asking, at most 60 characters: the phrase is all the bot stores.
 */
function quotedAround(text: string, feature: string): string {
  const surface = surfaceOf(text, feature.split(' ')[0]);
  const clause = text.split(/[\n.!?;]+|,\s+/).find((c) => new RegExp(`(?:^|[^a-z0-9'])${escapeRegExp(surface)}(?:$|[^a-z0-9'])`).test(c)) ?? text;
  // "report to @p1 from next week": a person in the middle reads as "them".
  let words = clause.trim().replace(PLACEHOLDERS_AT_ENDS, '').replace(PLACEHOLDERS, 'them').replace(/\s+/g, ' ').trim().replace(ASKING, '');
  if (words.length > MAX_QUOTED) {
    // Keep the feature's word in view: start a little before it, end at a word boundary.
    const at = Math.max(0, words.indexOf(surface));
    const from = at > 20 ? words.lastIndexOf(' ', at - 20) + 1 : 0;
    const cut = words.slice(from, from + MAX_QUOTED);
    words = cut.length < words.length - from ? cut.slice(0, Math.max(cut.lastIndexOf(' '), surface.length)) : cut;
  }
  return words.trim().length > 0 ? words.trim() : feature;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A project-work hit from the learned scorer when it finds the words likely project work, with its reason. */
function learnedHit(scorer: ScorerModel | null, text: string): { hit: Hit<Category>; reason: string } | undefined {
  if (scorer === null) return undefined;
  const verdict = scoreText(scorer, text);
  if (!verdict.project || verdict.category === undefined) return undefined;
  // The words as the message wrote them, each once ("the sprint" already says "sprint").
  const shown: string[] = [];
  for (const feature of verdict.evidence) {
    const surface = surfaceOf(text, feature);
    if (!shown.some((s) => ` ${s} `.includes(` ${surface} `))) shown.push(surface);
  }
  return {
    hit: { cat: verdict.category, weight: WEAK, start: 0, end: 0, phrase: quotedAround(text, verdict.evidence[0] ?? '') },
    reason: `likely project work by its words (learned scorer): ${shown.map((w) => `"${w}"`).join(', ')}`,
  };
}

function parentContext(parent: ThreadParent | undefined, names: ClassifyInput['names'], scan: Scan): ParentContext | undefined {
  if (parent === undefined) return undefined;
  let hits: Hit<Category>[] | undefined;
  let normalised: string | undefined;
  const text = (): string =>
    (normalised ??= normalize(resolveNames(renderMessage({ text: parent.text ?? '', blocks: parent.blocks, attachments: parent.attachments }).text, names), TYPOS).text);
  return {
    author: parent.fromBot === true ? undefined : parent.author,
    // Read lazily: most replies name their own work, and then the parent is never rendered.
    hits: () => (hits ??= scan(text())),
    gist: () => text().split(/[.!?\n]/)[0].slice(0, 200),
  };
}

/**
 * A classifier, optionally with a workspace's word lists. Pure: the same input always gives the same
 * verdict. It reads the message's text, blocks and attachments (see slack-content.ts), resolves plain
 * names against `names`, judges at most the first {@link MAX_JUDGED_CHARS} characters (and says so),
 * and reads a thread's parent only when a reply asks for something without naming the work.
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const scorer = options.scorer === undefined ? SCORER_MODEL : options.scorer;
  const flagger = options.flagger === undefined ? FLAGGER_MODEL : options.flagger;
  const rules: Rules = (input, reading) => {
    const scan = scanWith(input.words ?? options.words);
    const rendered = renderMessage(input);
    const text = resolveNames(rendered.text, input.names);
    const norm = normalize(text, TYPOS);
    if (reading) reading.norm = norm;
    let verdict = judgeText(text, input, scan, parentContext(input.parent, input.names, scan), scorer, norm);
    if (verdict.kind === 'chatter' && input.parent !== undefined) verdict = yesToParent(input, text, () => parentReading(input, rules, reading)?.verdict) ?? verdict;
    if (rendered.cutFrom === undefined) return verdict;
    const note = `long message: judged on its first ${MAX_JUDGED_CHARS.toLocaleString('en-US')} of ${rendered.cutFrom.toLocaleString('en-US')} characters`;
    return { ...verdict, reasons: tidyReasons([note, ...verdict.reasons.slice(0, MAX_REASONS - 1)]) };
  };
  if (flagger === null) return (input) => rules(input);
  return (input: ClassifyInput): Verdict => {
    // One reading of the message and its thread's parent, shared by the rules and the flagger.
    const reading: Reading = {};
    const verdict = rules(input, reading);
    return withSecondOpinion(flagger, flagContextOf(input, verdict, rules, reading), verdict, scanWith(input.words ?? options.words));
  };
}

/**
 * What one classification has read so far: the message's normalised text and, for a reply, the
 * parent's verdict and text, so that the flagger reads neither a second time.
 */
export interface Reading {
  norm?: Normalized;
  parent?: { verdict: Verdict; norm: Normalized };
}

/** The rules' classifier, which can record what it read (see {@link Reading}). */
export type Rules = (input: ClassifyInput, reading?: Reading) => Verdict;

/** The parent read as a message of its own, once per classification. */
function parentReading(input: ClassifyInput, rules: Rules, reading: Reading | undefined): Reading['parent'] {
  if (reading?.parent) return reading.parent;
  const asMessage = parentAsMessage(input);
  if (asMessage === undefined) return undefined;
  const parentRead: Reading = {};
  const verdict = rules(asMessage, parentRead);
  const parent = { verdict, norm: parentRead.norm ?? normalizedOf(asMessage) };
  if (reading) reading.parent = parent;
  return parent;
}

/** The parent of a thread, read as a message of its own (with the reply's roles, names and word lists). */
function parentAsMessage(input: ClassifyInput): ClassifyInput | undefined {
  const parent = input.parent;
  if (parent === undefined) return undefined;
  return { ...parent, text: parent.text ?? '', roles: input.roles, names: input.names, words: input.words };
}

/**
 * A reply that says yes ("sure, sending after lunch", "mach ich") to project work the parent asked of
 * its author, or asked of anyone: the parent's work now sits with the one who said yes.
 */
function yesToParent(input: ClassifyInput, replyText: string, parentVerdict: () => Verdict | undefined): Verdict | undefined {
  const author = input.author;
  const asMessage = parentAsMessage(input);
  if (author === undefined || asMessage === undefined || input.fromBot === true || !saysYes(replyText)) return undefined;
  if (input.parent?.author === author) return undefined;
  const parent = parentVerdict();
  if (parent === undefined) return undefined;
  const askedOfAuthor = parent.kind === 'assignment' && parent.assignees.includes(author);
  const askedOfAnyone = parent.kind === 'chatter' && asksAnyone(asMessage.text ?? '');
  if (!askedOfAuthor && !askedOfAnyone) return undefined;
  const project = parent.work === 'project' && parent.categories.some(isProjectCategory);
  if (!project && !askedOfAuthor) return undefined;
  const flag = project && (input.roles ?? {})[author] === 'product';
  const phrase = parent.phrase ?? (project ? phraseFor(parent, parent.categories.find(isProjectCategory) ?? '') : undefined);
  return {
    kind: 'assignment',
    flag,
    assignees: [author],
    flagged: flag ? [author] : [],
    work: parent.work,
    categories: parent.categories,
    confidence: round2(Math.min(0.9, parent.confidence)),
    reasons: tidyReasons([`<@${author}> says yes to what the thread's parent asked${phrase ? `: "${phrase}"` : ''}`, ...parent.reasons.filter((r) => !r.startsWith('asks <@'))]),
    phrase: flag ? phrase : undefined,
  };
}

/** The normalised text the rules read, names resolved. */
function normalizedOf(content: ClassifyInput): Normalized {
  return normalize(resolveNames(renderMessage(content).text, content.names), TYPOS);
}

/**
 * What the learned flagger reads of a message: the rules' verdict on it and, for a thread reply, the
 * rules' verdict on the parent read as a message of its own. Exported for the training script.
 */
export function flagContextOf(input: ClassifyInput, verdict: Verdict, rules: Rules, reading: Reading = {}): FlagContext {
  const parent = parentReading(input, rules, reading);
  const parentAuthor = input.parent?.fromBot === true ? undefined : input.parent?.author;
  return {
    norm: reading.norm ?? normalizedOf(input),
    author: input.author,
    roles: input.roles ?? {},
    fromBot: input.fromBot === true,
    verdict,
    parent: parent === undefined ? undefined : { ...parent, author: parentAuthor },
  };
}

/** Being invited or attending ("put you down as a guest"): not running the thing. */
const ATTENDING = /\b(?:as an? (?:guest|attendee|participant|panell?ist|speaker)|you'?re invited|invited (?:you|u)\b|(?:you|u) (?:should|can|could|might want to) (?:join|attend|come|sit in)|join us|sit in on|just attend|only attend)\b/;
/**
 * What the flagger may not overrule: a request called off, thanks, a laugh, someone away, a question
 * for information. The rules read these from the words themselves; a weighing of words would only
 * blur them. (A workspace's "never project work" phrase is not overruled either.)
 */
const FINAL_BLOCK = /^not a request \((?:negated|thanks|laughter|away|information)\)/;

/**
 * The rules' verdict, with the product managers the learned flagger finds handed project work added
 * to it, or, under the model's veto, a product manager the rules flagged taken away (never in a
 * standup). A product manager is added only when the message or its thread names a kind of project
 * work to quote and tip on.
 */
function withSecondOpinion(model: FlaggerModel, ctx: FlagContext, verdict: Verdict, scan: Scan): Verdict {
  // The whole message's phrases, read only when needed: most messages stop before (a scan is a
  // tenth of the classifier's time), and only a workspace's own lists can say "never project work".
  let hits: Hit<Category>[] | undefined;
  const scanned = (): Hit<Category>[] => (hits ??= scan(ctx.norm.text));
  if (verdict.reasons.some((r) => FINAL_BLOCK.test(r)) || (!isLexiconScan(scan) && scanned().some((h) => h.listed === 'not-project'))) return verdict;
  // Being invited, or going, is not running the thing: "put you down as a guest at the vendor lunch".
  // An app's post is read by its layout (tracker.ts): who holds a ticket is not a matter of weighing words.
  if (ATTENDING.test(ctx.norm.text) || (ctx.fromBot && verdict.kind !== 'standup')) return verdict;
  const candidates = scoreCandidates(model, ctx);
  const doubted = model.veto === undefined || verdict.kind === 'standup' ? [] : candidates.filter((c) => verdict.flagged.includes(c.id) && c.probability < (model.veto ?? 0));
  if (doubted.length > 0) return withoutFlags(verdict, doubted);
  // Where the rules name who is asked, the flagger may only say what the work is, not add someone
  // else: "can you ask @raj to book the room?" hands the room to Raj, whatever the words weigh.
  const open = verdict.assignees.length === 0;
  const added = candidates.filter((c) => c.probability >= model.threshold && !verdict.flagged.includes(c.id) && (open || verdict.assignees.includes(c.id)));
  if (added.length === 0) return verdict;
  // Only work the message or its thread names: a nudge must say what was noticed, and a reply that
  // names nothing is read again with its parent (see needsThreadParent in the nudges feature).
  // The work must be named as clearly as the rules ask before they flag (a lone "vendor" is topic).
  const named = summarize(scanned()).project >= WEAK;
  const category = (named ? verdict.categories.find(isProjectCategory) : undefined) ?? ctx.parent?.verdict.categories.find(isProjectCategory);
  if (category === undefined) return verdict;
  const phrase = verdict.phrase ?? (verdict.categories.includes(category) ? undefined : ctx.parent?.verdict.phrase) ?? phraseFor(verdict, category) ?? quotedAround(ctx.norm.text, added[0].evidence[0] ?? '');
  const flagged = [...verdict.flagged, ...added.map((c) => c.id)];
  const assignees = verdict.kind === 'chatter' ? added.map((c) => c.id) : [...new Set([...verdict.assignees, ...added.map((c) => c.id)])];
  const kind = verdict.kind === 'chatter' ? 'assignment' : verdict.kind;
  const categories = [category, ...verdict.categories.filter((c) => c !== category)];
  const reasons = added.map((c) => `likely project work for <@${c.id}> (learned flagger, ${Math.round(c.probability * 100)}%)${c.evidence.length > 0 ? `: ${c.evidence.map((w) => `"${w}"`).join(', ')}` : ''}`);
  return {
    ...verdict,
    kind,
    flag: true,
    assignees,
    flagged,
    work: 'project',
    categories,
    reasons: tidyReasons([...reasons, ...verdict.reasons]),
    phrase,
  };
}

/** The verdict without the product managers the flagger finds very unlikely to be handed project work. */
function withoutFlags(verdict: Verdict, doubted: readonly Candidate[]): Verdict {
  const flagged = verdict.flagged.filter((id) => !doubted.some((c) => c.id === id));
  const reasons = doubted.map((c) => `not likely project work for <@${c.id}> (learned flagger, ${Math.round(c.probability * 100)}%)`);
  return { ...verdict, flag: flagged.length > 0, flagged, phrase: flagged.length > 0 ? verdict.phrase : undefined, reasons: tidyReasons([...reasons, ...verdict.reasons]) };
}

/** The quoted phrase a verdict's reasons give for a category (`schedule: "update the timeline"`, or from a workspace's word list). */
function phraseFor(verdict: Verdict, category: string): string | undefined {
  for (const reason of verdict.reasons) {
    const named = categoryOfReason(reason);
    if (named?.category === category) return named.phrase;
  }
  return undefined;
}

/** The classifier with the lexicon alone (no workspace word lists). */
export const classify: Classifier = createClassifier();
