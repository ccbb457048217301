import { isProjectCategory, isProductCategory, type Category } from '../categories';
import type { Classifier, ClassifyInput, StandupItem, Verdict, WorkKind } from '../types';
import { clauseCues, maskTicketTitles, trackerAssignee, trackerAssignsUnnamed, type Actor, type ClauseCues } from './cues';
import { LEXICON } from './lexicon';
import type { Hit } from './matcher';
import { normalize, type Normalized } from './normalize';
import { parseStandup, standupSubject } from './standup';
import { TYPOS } from './typos';

export { mentionedUsers } from './normalize';
export { naiveClassify } from './naive';

/**
 * The rule classifier. Pure and deterministic: the same input always gives the same verdict.
 *
 * Steps: normalise the Slack text; recognise standups; otherwise cut the message into clauses, find
 * who each clause asks to do something (or who volunteers), and read the kind of work from the
 * phrases in the clauses that are about them. See docs/classifier.md for the reasoning.
 */

/** A phrase hit counts only when at least this heavy, unless nothing heavier was found. */
const WEAK = 1;
const MAX_PHRASE = 79;
/** At most this many reasons per verdict; a message that repeats a request still gives each reason once. */
export const MAX_REASONS = 12;

/** Reasons without repeats, capped at {@link MAX_REASONS} (the last slot says how many were left out). */
function tidyReasons(reasons: readonly string[]): string[] {
  const unique: string[] = [];
  for (const reason of reasons) if (!unique.includes(reason)) unique.push(reason);
  if (unique.length <= MAX_REASONS) return unique;
  return [...unique.slice(0, MAX_REASONS - 1), `and ${unique.length - (MAX_REASONS - 1)} more`];
}

/** Adds a reason once; a list never grows past one more than the cap (enough to say "and N more"). */
function addReason(list: string[], reason: string): void {
  if (list.length <= MAX_REASONS && !list.includes(reason)) list.push(reason);
}

interface Clause {
  text: string;
  question: boolean;
  cues: ClauseCues;
  hits: Hit<Category>[];
}

interface WorkSummary {
  work: WorkKind;
  categories: Category[];
  project: number;
  product: number;
  /** The best hit of each category, strongest category first. */
  best: Map<Category, Hit<Category>>;
}

/**
 * Sums phrase weights per category. `mixed` says how to call work when both kinds appear: a request
 * that hands over any project work is project work (corpus rule); a topic is whichever weighs more.
 */
function summarize(hits: readonly Hit<Category>[], mixed: 'project-wins' | 'heavier' = 'project-wins'): WorkSummary {
  const usable = hits.filter((h): h is Hit<Category> & { cat: Category } => h.cat !== null);
  const strong = usable.some((h) => h.weight >= WEAK) ? usable.filter((h) => h.weight >= WEAK) : usable;
  const score = new Map<Category, number>();
  const best = new Map<Category, Hit<Category>>();
  const order = new Map<Category, number>();
  for (const hit of strong) {
    score.set(hit.cat, (score.get(hit.cat) ?? 0) + hit.weight);
    const prev = best.get(hit.cat);
    if (!prev || hit.weight > prev.weight) best.set(hit.cat, hit);
    if (!order.has(hit.cat)) order.set(hit.cat, order.size);
  }
  let project = 0;
  let product = 0;
  for (const [cat, s] of score) {
    if (isProjectCategory(cat)) project += s;
    else if (isProductCategory(cat)) product += s;
  }
  const work: WorkKind =
    mixed === 'project-wins'
      ? project > 0 ? 'project' : product > 0 ? 'product' : 'other'
      : project === 0 && product === 0 ? 'other' : project >= product ? 'project' : 'product';
  const rank = (cat: Category): number => (isProjectCategory(cat) === (work === 'project') ? 0 : 1);
  const categories = [...score.keys()].sort(
    (a, b) => rank(a) - rank(b) || (score.get(b) ?? 0) - (score.get(a) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  const sortedBest = new Map<Category, Hit<Category>>();
  for (const cat of categories) sortedBest.set(cat, best.get(cat) as Hit<Category>);
  return { work, categories, project, product, best: sortedBest };
}

function round2(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

function cleanPhrase(phrase: string): string {
  const text = phrase.replace(/@p\d+/g, '@someone').replace(/\s+/g, ' ').trim();
  return text.length > MAX_PHRASE ? `${text.slice(0, MAX_PHRASE - 1).trimEnd()}…` : text;
}

function categoryReasons(summary: WorkSummary): string[] {
  return [...summary.best].map(([cat, hit]) => `${cat}: "${cleanPhrase(hit.phrase)}"`);
}

function strongestProjectPhrase(summary: WorkSummary): string | undefined {
  for (const [cat, hit] of summary.best) if (isProjectCategory(cat)) return cleanPhrase(hit.phrase);
  return undefined;
}

/** Splits lines into clauses at sentence ends, semicolons, commas, "but", and "and" before a hand-over ("… and hand it to @pj"). */
function splitClauses(norm: Normalized): Array<{ text: string; question: boolean }> {
  const out: Array<{ text: string; question: boolean }> = [];
  for (const line of norm.lines) {
    const parts = line.text.split(/([.!?;]+(?=\s|$)|,\s+|\s+but\s+|\s+-\s+(?=(?:and|also|then|can|could|pls|please)\b)|\s+and\s+(?=(?:then\s+)?(?:hand|pass|delegate|transfer)\b))/);
    for (let i = 0; i < parts.length; i += 2) {
      const text = parts[i].trim();
      const delimiter = parts[i + 1] ?? '';
      if (text.length === 0) continue;
      out.push({ text, question: delimiter.includes('?') });
    }
  }
  return out;
}

function chatterVerdict(summary: WorkSummary, reasons: string[], confidence: number): Verdict {
  return {
    kind: 'chatter',
    flag: false,
    assignees: [],
    flagged: [],
    work: summary.work,
    categories: summary.categories,
    confidence,
    reasons: tidyReasons([...reasons, ...categoryReasons(summary)]),
  };
}

function standupVerdict(author: string | undefined, roles: Readonly<Record<string, string>>, items: string[], format: string, norm: Normalized): Verdict {
  const judged: StandupItem[] = items.map((item) => {
    const s = summarize(LEXICON.scan(item));
    return { text: item.replace(/@p(\d+)/g, (_m, n: string) => `<@${norm.mentions[Number(n)]}>`), work: s.work, categories: s.categories };
  });
  const all = summarize(items.flatMap((i) => LEXICON.scan(i)));
  const count = (w: WorkKind): number => judged.filter((i) => i.work === w).length;
  const projectShare = judged.length === 0 ? 0 : Math.round((count('project') / judged.length) * 100) / 100;
  const work: WorkKind =
    judged.length > 0 && count('project') / judged.length >= 0.5
      ? 'project'
      : count('product') >= count('other') && count('product') >= count('project') && count('product') > 0
        ? 'product'
        : count('project') > count('other')
          ? 'project'
          : count('other') > 0
            ? 'other'
            : all.work;
  const primary = (cat: Category): boolean => (work === 'project' ? isProjectCategory(cat) : work === 'product' ? isProductCategory(cat) : false);
  const categories = [...all.categories].sort((a, b) => Number(primary(b)) - Number(primary(a)));
  const isPm = author !== undefined && roles[author] === 'product';
  const flag = isPm && judged.length > 0 && count('project') > 0 && count('project') / judged.length >= 0.5;
  const reasons = [`standup (${format}): ${count('project')} of ${judged.length} items are project work`, ...categoryReasons(all)];
  return {
    kind: 'standup',
    flag,
    assignees: author ? [author] : [],
    flagged: flag && author ? [author] : [],
    work,
    categories,
    confidence: round2(judged.length === 0 ? 0.5 : Math.min(0.95, 0.6 + Math.abs(count('project') / judged.length - 0.5) * 0.6 + Math.min(judged.length, 5) * 0.02)),
    reasons: tidyReasons(reasons),
    phrase: flag ? strongestProjectPhrase(all) : undefined,
    items: judged,
    projectShare,
  };
}

function resolveActor(actor: Actor, norm: Normalized, author: string | undefined): string | undefined {
  if (actor === 'author') return author;
  return norm.mentions[actor];
}

export const classify: Classifier = (input: ClassifyInput): Verdict => {
  const norm = normalize(input.text, TYPOS);
  const roles = input.roles ?? {};
  const fromBot = input.fromBot === true;

  const standup = parseStandup(norm.lines, fromBot);
  if (standup) {
    // A standup app posts on someone's behalf: the update is theirs, not the app's.
    const subject = fromBot ? standupSubject(norm.lines) : undefined;
    const author = subject !== undefined ? norm.mentions[subject] : input.author;
    return standupVerdict(author, roles, standup.items, standup.format, norm);
  }

  // What the message talks about (for chatter): its own words plus quoted lines and link labels.
  const topicOf = (ownHits: readonly Hit<Category>[]): WorkSummary =>
    summarize([...ownHits, ...[...norm.quoted, ...norm.linkLabels].flatMap((t) => LEXICON.scan(t))], 'heavier');

  if (fromBot) {
    const topic = topicOf(LEXICON.scan(norm.text));
    // The notification's own words decide; the ticket title only says what the work is.
    const untitled = normalize(maskTicketTitles(input.text)).lines.map((l) => l.text);
    const tracked = trackerAssignee(norm.lines.map((l) => l.text), untitled);
    const assignee = tracked ? norm.mentions[tracked.actor] : undefined;
    if (!tracked || assignee === undefined) {
      // "You've been assigned …" names nobody: the recipient is whoever the app wrote to, which the
      // text does not say (and the author is the app). Nobody can be nudged, so it stays chatter.
      const why = trackerAssignsUnnamed(untitled) ? 'app assignment to an unnamed recipient ("you")' : 'app notification, not an assignment';
      return chatterVerdict(topic, [why], 0.8);
    }
    const isPm = roles[assignee] === 'product';
    const flag = isPm && topic.work === 'project' && topic.project >= WEAK;
    return {
      kind: 'assignment',
      flag,
      assignees: [assignee],
      flagged: flag ? [assignee] : [],
      work: topic.work,
      categories: topic.categories,
      confidence: round2(Math.min(0.95, 0.65 + Math.min(topic.project + topic.product, 3) * 0.1)),
      reasons: tidyReasons([`assigned by an app to <@${assignee}>: "${cleanPhrase(tracked.cue)}"`, ...categoryReasons(topic)]),
      phrase: flag ? strongestProjectPhrase(topic) : undefined,
    };
  }

  const clauses: Clause[] = splitClauses(norm).map(({ text, question }) => ({
    text,
    question,
    cues: clauseCues(text, question),
    hits: LEXICON.scan(text),
  }));

  // The message's addressees: whoever is named at the start of the first clause that names anyone.
  const addressees = clauses.find((c) => c.cues.vocatives.length > 0)?.cues.vocatives ?? [];

  // Who each clause hands work to.
  const byActor = new Map<string, Clause[]>();
  const cueReasons: string[] = [];
  const blockReasons: string[] = [];
  for (const clause of clauses) {
    const { cues } = clause;
    if (cues.blocked) {
      const cue = cleanPhrase(cues.cue ?? '');
      addReason(blockReasons, cue.length > 0 ? `not a request (${cues.blocked}): "${cue}"` : `not a request (${cues.blocked})`);
      continue;
    }
    const actors: Actor[] = cues.toAddressees ? addressees : cues.actors;
    for (const actor of actors) {
      const id = resolveActor(actor, norm, input.author);
      if (id === undefined) continue;
      const list = byActor.get(id) ?? [];
      list.push(clause);
      byActor.set(id, list);
      addReason(cueReasons, `asks <@${id}>: "${cleanPhrase(cues.cue ?? '')}"`);
    }
  }

  if (byActor.size === 0) {
    const topic = topicOf(clauses.flatMap((c) => c.hits));
    return chatterVerdict(topic, blockReasons.length > 0 ? blockReasons.slice(0, 6) : ['nobody is asked to do anything'], blockReasons.length > 0 ? 0.85 : 0.75);
  }

  // Clauses that ask nobody in particular ("the gantt is out of date") give context to every actor.
  const context = clauses.filter(
    (c) => (c.cues.blocked === undefined || c.cues.blocked === 'question') && c.cues.actors.length === 0 && !c.cues.toAddressees,
  );
  const assignees = [...byActor.keys()];
  const flagged: string[] = [];
  const allHits: Hit<Category>[] = [];
  const flaggedHits: Hit<Category>[] = [];
  for (const [id, own] of byActor) {
    // An actor's own clauses decide their work; "can you own that?" borrows it from the context.
    const ownHits = own.flatMap((c) => c.hits);
    const hits = ownHits.some((h) => h.cat !== null) ? ownHits : [...ownHits, ...context.flatMap((c) => c.hits)];
    const scoped = summarize(hits);
    allHits.push(...hits);
    // A lone weak word ("risk", "scope", "sprint") is topic, not enough to nudge anyone.
    if (roles[id] === 'product' && scoped.project >= WEAK) {
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
    reasons: tidyReasons(cueReasons.slice(0, 6).concat(categoryReasons(summary), blockReasons)),
    // The phrase is about the work that landed on the product managers, not on anyone else.
    phrase: flag ? strongestProjectPhrase(summarize(flaggedHits)) : undefined,
  };
};
