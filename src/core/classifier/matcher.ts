/**
 * A small phrase matcher: patterns written in a word-level notation are compiled once into sticky
 * regexes and indexed by the first three letters of their first word. Scanning a clause looks up only
 * the rules that can start at each word, so the cost grows with the text, not with the rule count.
 *
 * Pattern notation (tokens separated by one space):
 * - `word`        the word itself, whole (never inside a longer word)
 * - `a|b|c`       any of the alternatives; `status_report` inside a token means "status report"
 * - `word~`       the word and its regular inflections (`book~` = book, books, booked, booking)
 * - `tok?`        the token is optional
 * - `*2`          up to two words of anything (not across a sentence end)
 * - `DET`         up to two determiners or possessives (the, a, our, next week's …), optional
 * - `@`           a mentioned person (`@p0`)
 */

export interface Rule<C extends string> {
  /** The category this phrase signals; null for a phrase that must *not* signal anything. */
  cat: C | null;
  pattern: string;
  /** How strongly the phrase signals its category (default 1). */
  weight?: number;
  /** Higher wins when several rules can start at the same word (default 0). */
  prio?: number;
}

export interface Hit<C extends string> {
  cat: C | null;
  weight: number;
  start: number;
  end: number;
  phrase: string;
}

interface CompiledRule<C extends string> {
  cat: C | null;
  weight: number;
  prio: number;
  order: number;
  re: RegExp;
}

const SEP = `[ ,:"'()/&+-]+`;
const WORD = `[a-z0-9@#']+`;
const DETERMINERS =
  "the|a|an|our|this|that|these|those|my|your|his|her|their|its|some|all|any|next|new|upcoming|weekly|monthly|quarterly|today's|tomorrow's|next_week's|this_week's|friday's|monday's|q[1-4]";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()[\]\\]/g, '\\$&');
}

function inflect(word: string): string {
  const w = escape(word);
  if (word.endsWith('e')) {
    const stem = escape(word.slice(0, -1));
    return `${stem}(?:e|es|ed|ing)`;
  }
  if (word.endsWith('y') && !/[aeiou]y$/.test(word)) {
    const stem = escape(word.slice(0, -1));
    return `${stem}(?:y|ies|ied|ying)`;
  }
  const last = word[word.length - 1];
  const doubled = /[bdgklmnprt]$/.test(word) && /[aeiou][bdgklmnprt]$/.test(word) ? `|${w}${escape(last)}(?:ed|ing)` : '';
  return `${w}(?:s|es|ed|ing)?${doubled}`;
}

function literal(alt: string): string {
  if (alt.endsWith('~')) return inflect(alt.slice(0, -1));
  return alt
    .split('_')
    .map((part) => (part === 'q[1-4]' ? 'q[1-4]' : escape(part)))
    .join(SEP);
}

/** The lookup key of a word: its first three letters (or the whole word when shorter). */
export function keyOf(word: string): string {
  return word.length < 3 ? word : word.slice(0, 3);
}

interface Piece {
  source: string;
  keys: string[] | null;
  /** Optional pieces bring their own separator. */
  optional: boolean;
}

function compileToken(token: string): Piece {
  let optional = false;
  let body = token;
  if (body.length > 1 && body.endsWith('?')) {
    optional = true;
    body = body.slice(0, -1);
  }
  if (body === 'DET') {
    const det = DETERMINERS.split('|').map(literal).join('|');
    return { source: `(?:${SEP}(?:${det})){0,2}`, keys: null, optional: true };
  }
  const gap = /^\*(\d)$/.exec(body);
  if (gap) return { source: `(?:${SEP}${WORD}){0,${gap[1]}}`, keys: null, optional: true };
  let source: string;
  let keys: string[];
  if (body === '@') {
    source = '@p\\d+';
    keys = ['@p'];
  } else {
    const alts = body.split('|');
    // Longest first: a regex alternation takes the first alternative that fits, not the longest.
    const ordered = [...alts].sort((a, b) => b.length - a.length);
    source = `(?:${ordered.map(literal).join('|')})`;
    keys = alts.map((a) => keyOf(a.replace(/~$/, '').split('_')[0]));
  }
  if (optional) return { source: `(?:${SEP}${source})?`, keys: null, optional: true };
  return { source, keys, optional: false };
}

function compilePattern(pattern: string): { re: RegExp; keys: string[] } {
  const pieces = pattern.trim().split(/ +/).map(compileToken);
  const first = pieces[0];
  if (first.optional || first.keys === null) throw new Error(`pattern must start with a required word: ${pattern}`);
  let source = first.source;
  for (const piece of pieces.slice(1)) source += piece.optional ? piece.source : `${SEP}${piece.source}`;
  return { re: new RegExp(`${source}(?![a-z0-9])`, 'y'), keys: first.keys };
}

/** A compiled set of rules that scans text for non-overlapping phrase hits. */
export class PhraseMatcher<C extends string> {
  private readonly index = new Map<string, CompiledRule<C>[]>();

  constructor(rules: ReadonlyArray<Rule<C>>) {
    rules.forEach((rule, order) => {
      const { re, keys } = compilePattern(rule.pattern);
      const compiled: CompiledRule<C> = { cat: rule.cat, weight: rule.weight ?? 1, prio: rule.prio ?? 0, order, re };
      for (const key of new Set(keys)) {
        const bucket = this.index.get(key) ?? [];
        bucket.push(compiled);
        this.index.set(key, bucket);
      }
    });
    for (const bucket of this.index.values()) bucket.sort((a, b) => b.prio - a.prio || a.order - b.order);
  }

  /** Leftmost hits first; at one word the highest-priority (then longest) match wins and its words are consumed. */
  scan(text: string): Hit<C>[] {
    const hits: Hit<C>[] = [];
    const words = /[a-z0-9@#'&%][a-z0-9@#'.&]*/g;
    let consumedTo = 0;
    for (let m = words.exec(text); m !== null; m = words.exec(text)) {
      const start = m.index;
      if (start < consumedTo) continue;
      const word = m[0];
      const bucket = this.index.get(keyOf(word.startsWith('@p') ? '@p' : word));
      if (!bucket) continue;
      // The highest priority wins; among rules of that priority, the longest match.
      let best: { rule: CompiledRule<C>; phrase: string } | undefined;
      for (const rule of bucket) {
        if (best !== undefined && rule.prio < best.rule.prio) break;
        rule.re.lastIndex = start;
        const found = rule.re.exec(text);
        if (found && (best === undefined || found[0].length > best.phrase.length)) best = { rule, phrase: found[0] };
      }
      if (best !== undefined) {
        const end = start + best.phrase.length;
        hits.push({ cat: best.rule.cat, weight: best.rule.weight, start, end, phrase: best.phrase });
        consumedTo = end;
        words.lastIndex = end;
      }
    }
    return hits;
  }
}
