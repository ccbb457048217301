import { isProjectCategory } from '../categories';
import type { Role, Verdict } from '../types';
import type { Normalized } from './normalize';
import { featuresOf, stem } from './scorer';

/**
 * The learned second opinion on one question: is project-management work landing on this product
 * manager? The rules read who is asked and what the work is, phrase by phrase; on text nobody here
 * wrote they miss requests in forms they do not know ("Tomek, I need you to present…", "sure, sending
 * after lunch" under a request, "do me a favor and update…"). This model weighs, for each product
 * manager the message involves, what the rules concluded together with the words around that person,
 * the message's words and, in a thread, what the parent asked of them. It is a logistic regression
 * trained on the labelled corpus (scripts/train-flagger.ts writes flagger-model.gen.ts) and chosen by
 * cross-validation over whole batches, so that its figures describe batches it was not trained on.
 *
 * It adds a product manager the rules did not flag, or takes away one they flagged when it finds
 * that very unlikely (the model's veto); what it may not overrule is in withSecondOpinion (index.ts).
 */

export interface FlaggerModel {
  bias: number;
  weights: Readonly<Record<string, number>>;
  /** Probability at or above which a product manager counts as handed project work. */
  threshold: number;
  /** Probability under which a product manager the rules flagged is not flagged after all (none: the rules' flags stand). */
  veto?: number;
}

/** What the model reads of one message: the rules' verdicts and the normalised texts. */
export interface FlagContext {
  norm: Normalized;
  author?: string;
  roles: Readonly<Record<string, Role>>;
  fromBot: boolean;
  verdict: Verdict;
  parent?: { norm: Normalized; verdict: Verdict; author?: string };
}

/** A product manager the message involves and how likely project work lands on them. */
export interface Candidate {
  id: string;
  probability: number;
  /** The features that weighed most towards a flag, for reasons. */
  evidence: string[];
}

const MAX_WORD_FEATURES = 300;
const WINDOW_AFTER = 4;
const WINDOW_BEFORE = 2;
const BLOCKED = /^not a request \(([a-z -]+)\)/;

function tokens(text: string): string[] {
  return text.split(/[^a-z0-9'@]+/).filter((t) => t.length > 0);
}

/** Features of the message as a whole, the same for every candidate. */
function messageFeatures(ctx: FlagContext, words: readonly string[]): string[] {
  const { verdict, norm } = ctx;
  const out = [`k:${verdict.kind}`, `wk:${verdict.work}`];
  for (const cat of verdict.categories.slice(0, 2)) out.push(`c:${cat}`);
  for (const reason of verdict.reasons) {
    const blocked = BLOCKED.exec(reason);
    if (blocked) out.push(`blk:${blocked[1]}`);
  }
  if (ctx.fromBot) out.push('bot');
  if (ctx.parent) out.push('thr');
  if (norm.text.includes('?')) out.push('q');
  out.push(`len:${Math.min(6, Math.floor(Math.log2(words.length + 1)))}`);
  for (let i = 0; i < Math.min(3, words.length); i++) out.push(`s${i}:${stem(words[i])}`);
  const wordFeatures = featuresOf(norm.text);
  for (let i = 0; i < Math.min(MAX_WORD_FEATURES, wordFeatures.length); i++) out.push(`w:${wordFeatures[i]}`);
  if (verdict.projectShare !== undefined) out.push(`su:${Math.round(verdict.projectShare * 4)}`);
  // A few cues that decide most requests, and their pairs with project work in view: the regression
  // weighs them together, which a phrase list cannot.
  const topic = verdict.categories.some(isProjectCategory) ? 'pj' : verdict.categories.length > 0 ? 'pd' : 'none';
  out.push(`topic:${topic}`);
  for (const [name, re] of CUES) if (re.test(norm.text)) out.push(`cue:${name}`, `cue:${name}&${topic}`, `cue:${name}&${verdict.kind}`);
  return out;
}

/** Cues of asking, owning, volunteering, reporting and asking for information. */
const CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ['you', /\b(?:you|u|ya|your|ur|yours|you'?re|you'?ll|you'?ve|you'?d|yourself)\b/],
  ['youOwn', /\b(?:you|u)(?:'re| are| r)? (?:own|owning|on|up|facilitating|running|leading|chairing|hosting|doing|taking|covering|handling|the one|the right|best placed|good for)\b|\b(?:yours|on you|with you|to you)\b/],
  ['canYou', /\b(?:can|could|would|will|cn|cd|wd|cud)\s+(?:you|u)\b|\bany chance\b|\b(?:are|r) (?:you|u) (?:ok|okay|able|free|happy)\b|\bmind\b/],
  ['please', /\b(?:please|pls|plz|kindly|pretty please)\b/],
  ['needYou', /\b(?:need|want|like)\s+(?:you|u)\b|\bneeds? (?:your|ur|an owner|someone|a volunteer)\b/],
  ['self', /\b(?:i'?ll|i will|i can|i'?m going to|i'?m gonna|leave it with me|i'?ve got it|i got it|i'?m on it|on it|i'?ll take|i'?ll be the)\b/],
  ['infoQ', /(?:^|[.!?]\s+)(?:when|where|what|who|how|why|which|is|are|did|does|has|have)\b[^.!?]*\?/],
  ['endsQ', /\?\s*$/],
  ['done', /\b(?:already|done|sent|booked|finished|completed|wrapped up|went out)\b/],
  ['neg', /\b(?:no need|don'?t|do not|not needed|never ?mind|nvm|ignore|cancel(?:led)?|hold off)\b/],
  ['thanks', /\b(?:thanks|thank you|thx|ty|cheers|kudos|great job|well done|congrats)\b/],
  ['fyi', /\b(?:fyi|heads up|heads-up|just so you know|for visibility|psa)\b/],
  ['group', /@group|@all|\b(?:someone|anyone|somebody|anybody|everyone|folks|team)\b/],
  ['imperative', /(?:^|\n|@p\d+[ ,:]+)(?:pls |please )?(?:book|send|update|chase|schedule|prep|prepare|set up|sort|organi[sz]e|arrange|collect|track|log|draft|circulate|run|own|take|handle|get|raise|renew|follow up|reconcile|file|fill in|cover)\b/],
];

const MAX_PARENT_WORDS = 40;

function parentWords(text: string): string[] {
  return [...new Set(featuresOf(text).filter((f) => !f.includes('_')))].slice(0, MAX_PARENT_WORDS);
}

/** Features of one candidate: how the message and its thread involve them. */
function candidateFeatures(ctx: FlagContext, id: string, words: readonly string[], parentWordsOfThread: readonly string[]): string[] {
  const { verdict, norm, parent } = ctx;
  const out: string[] = [];
  const isAuthor = id === ctx.author;
  const mentionIndex = norm.mentions.indexOf(id);
  if (isAuthor) out.push('r:author');
  if (mentionIndex >= 0) out.push('r:mention', `nm:${Math.min(3, norm.mentions.length)}`);
  if (mentionIndex === 0) out.push('r:first');
  if (parent?.author === id) out.push('r:parentAuthor');
  const assigned = verdict.assignees.includes(id);
  if (assigned) out.push('ra', `ra:${verdict.kind}`, `ra:wk:${verdict.work}`);
  else out.push(`na:${verdict.kind}`);
  if (verdict.flagged.includes(id)) out.push('rf');
  if (isAuthor) {
    for (let i = 0; i < Math.min(5, words.length); i++) out.push(`au:${stem(words[i])}`);
    if (!assigned) out.push(`au:na:${verdict.kind}`);
  }
  if (mentionIndex >= 0) {
    const placeholder = new Set(norm.mentions.flatMap((m, i) => (m === id ? [`@p${i}`] : [])));
    words.forEach((word, at) => {
      if (!placeholder.has(word)) return;
      if (at <= 1) out.push('pos:start');
      for (let j = 1; j <= WINDOW_AFTER && at + j < words.length; j++) {
        const w = stem(words[at + j]);
        out.push(`n:${w}`);
        if (j <= 2) out.push(`n${j}:${w}`);
      }
      for (let j = 1; j <= WINDOW_BEFORE && at - j >= 0; j++) out.push(`b:${stem(words[at - j])}`);
    });
  }
  if (parent) {
    const pv = parent.verdict;
    out.push(`p:k:${pv.kind}`, `p:wk:${pv.work}`);
    for (const cat of pv.categories.slice(0, 2)) out.push(`p:c:${cat}`);
    if (pv.assignees.includes(id)) out.push('p:ra', `p:ra:wk:${pv.work}`);
    if (pv.flagged.includes(id)) out.push('p:rf');
    if (parent.norm.mentions.includes(id)) out.push('p:mention');
    if (isAuthor) out.push(`p:au:${pv.kind}`, `p:au:wk:${pv.work}`);
    for (const word of parentWordsOfThread) out.push(`pw:${word}`);
  }
  return out;
}

/** Named as the one who needs or asked for something ("@ana and @ben will need it"): not who does it. */
const NEEDS_IT = /^(?:\s*(?:,|and|&)\s*@p\d+)*\s+(?:will need|would need|need|needs|needed|want|wants|wanted|would like|asked for|requested|is waiting for|are waiting for|is expecting|are expecting)\b/;

function onlyNeedsIt(ctx: FlagContext, id: string): boolean {
  const text = ctx.norm.text;
  const at = ctx.norm.mentions.flatMap((m, i) => (m === id ? [i] : []));
  if (at.length === 0) return false;
  return at.every((i) => {
    const re = new RegExp(`@p${i}(?!\\d)`, 'g');
    let all = true;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) if (!NEEDS_IT.test(text.slice(m.index + m[0].length))) all = false;
    return all;
  });
}

/** Everyone the message involves who could be handed work: its author, the people it names, the thread's starter. */
export function candidatesOf(ctx: FlagContext): string[] {
  const ids = new Set<string>();
  if (ctx.author !== undefined && !ctx.fromBot) ids.add(ctx.author);
  for (const id of ctx.norm.mentions) ids.add(id);
  if (ctx.parent?.author !== undefined) ids.add(ctx.parent.author);
  for (const id of ctx.verdict.assignees) ids.add(id);
  return [...ids];
}

/** The features the model reads for each candidate (also what the training script learns from). */
export function featuresFor(ctx: FlagContext, ids: readonly string[]): Map<string, string[]> {
  // The message's and the parent's words are read once, for every candidate.
  const words = tokens(ctx.norm.text);
  // What the parent talks about, word by word, when the rules found no work in it.
  const parentWordsOfThread = ctx.parent && !ctx.parent.verdict.categories.some(isProjectCategory) ? parentWords(ctx.parent.norm.text) : [];
  const shared = messageFeatures(ctx, words);
  const cues = shared.filter((f) => f.startsWith('cue:') && !f.includes('&'));
  const topic = shared.find((f) => f.startsWith('topic:')) ?? 'topic:none';
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const own = candidateFeatures(ctx, id, words, parentWordsOfThread);
    // How this person is involved, paired with the cues and the topic: "you" means them when they are the one addressed.
    const relations = own.filter((f) => f === 'r:author' || f === 'r:first' || f === 'r:mention' || f === 'r:parentAuthor' || f === 'pos:start' || f === 'ra' || f === 'p:ra');
    const pairs: string[] = [];
    for (const relation of relations) {
      pairs.push(`${relation}&${topic}`);
      for (const cue of cues) pairs.push(`${relation}&${cue}`);
    }
    out.set(id, [...new Set(shared.concat(own, pairs))]);
  }
  return out;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The product managers the message involves, each with the model's probability that project work lands on them. */
export function scoreCandidates(model: FlaggerModel, ctx: FlagContext): Candidate[] {
  const pms = candidatesOf(ctx).filter((id) => ctx.roles[id] === 'product' && !onlyNeedsIt(ctx, id));
  if (pms.length === 0) return [];
  const out: Candidate[] = [];
  for (const [id, features] of featuresFor(ctx, pms)) {
    let z = model.bias;
    const weighed: Array<[string, number]> = [];
    for (const f of features) {
      const w = model.weights[f];
      if (w === undefined) continue;
      z += w;
      if (f.startsWith('w:') && w > 0) weighed.push([f.slice(2), w]);
    }
    weighed.sort((a, b) => b[1] - a[1]);
    out.push({ id, probability: sigmoid(z), evidence: weighed.slice(0, 3).map(([f]) => f.replace(/_/g, ' ')) });
  }
  return out;
}
