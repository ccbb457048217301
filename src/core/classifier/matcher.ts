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
  /** Set when the phrase comes from a workspace's own word list rather than the lexicon. */
  listed?: 'project' | 'not-project';
}

interface CompiledRule<C extends string> {
  cat: C | null;
  weight: number;
  prio: number;
  order: number;
  re: RegExp;
}

/**
 * The rules filed under one lookup key, split once more by the character that follows the key in the
 * text. A rule's match begins with one of its first word's prefixes ({@link literalPrefix}); when every
 * such prefix is longer than the key, the character after the key must be the prefix's next one, so
 * the rule is filed only under those characters. Other rules (a prefix no longer than the key) are
 * filed under every character. Each list keeps the bucket's order (priority, then rule order).
 */
interface Bucket<C extends string> {
  keyLength: number;
  /** Rules to try when the character after the key has this code (below 128; a sparse array). */
  byNext: Array<CompiledRule<C>[] | undefined>;
  /** Rules to try after any other character: those that can start at any word with this key. */
  anyNext: CompiledRule<C>[];
}

const SEP = `[ ,:"'()/&+-]+`;
const WORD = `[a-z0-9@#']+`;
const DETERMINERS =
  "the|a|an|our|this|that|these|those|my|your|his|her|their|its|some|all|any|next|new|upcoming|weekly|monthly|quarterly|today's|tomorrow's|next_week's|this_week's|friday's|monday's|everyone's|everybody's|people's|the_team's|each|every|q[1-4]";

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
  /** For a required word: the literal text each alternative's match begins with (see {@link literalPrefix}). */
  prefixes: string[] | null;
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
    return { source: `(?:${SEP}(?:${det})){0,2}`, keys: null, prefixes: null, optional: true };
  }
  const gap = /^\*(\d)$/.exec(body);
  if (gap) return { source: `(?:${SEP}${WORD}){0,${gap[1]}}`, keys: null, prefixes: null, optional: true };
  let source: string;
  let keys: string[];
  let prefixes: string[];
  if (body === '@') {
    source = '@p\\d+';
    keys = ['@p'];
    prefixes = ['@p'];
  } else {
    const alts = body.split('|');
    // Longest first: a regex alternation takes the first alternative that fits, not the longest.
    const ordered = [...alts].sort((a, b) => b.length - a.length);
    source = `(?:${ordered.map(literal).join('|')})`;
    keys = alts.map((a) => keyOf(a.replace(/~$/, '').split('_')[0]));
    prefixes = alts.map(literalPrefix);
  }
  if (optional) return { source: `(?:${SEP}${source})?`, keys: null, prefixes: null, optional: true };
  return { source, keys, prefixes, optional: false };
}

/**
 * The fixed text that every match of {@link literal}(alt) starts with: the word up to the part that
 * {@link inflect} varies (`book~` → "book", `schedule~` → "schedul", `copy~` → "cop"), or the first
 * word of a multi-word alternative (`status_report` → "status"; `q[1-4]` → "q", the one part that is
 * a character class). {@link escape} makes every other character literal, so the raw text is the prefix.
 */
function literalPrefix(alt: string): string {
  if (alt.endsWith('~')) {
    const word = alt.slice(0, -1);
    if (word.endsWith('e')) return word.slice(0, -1);
    if (word.endsWith('y') && !/[aeiou]y$/.test(word)) return word.slice(0, -1);
    return word;
  }
  const first = alt.split('_')[0];
  return first === 'q[1-4]' ? 'q' : first;
}

/**
 * The characters (codes) that can follow `key` in the text where a rule with these prefixes matches,
 * or null when there is no such constraint. The text at a word with this key starts with the key (a
 * word's key is its own start), and a match starts with one of the prefixes, so the shorter of the two
 * is a prefix of the longer. A prefix no longer than the key constrains nothing (null); a longer one
 * must start with the key, and then the text's next character is the prefix's character after the key.
 */
function nextCharsAfter(prefixes: readonly string[], key: string): Set<number> | null {
  if (prefixes.some((p) => key.startsWith(p))) return null;
  return new Set(prefixes.filter((p) => p.startsWith(key)).map((p) => p.charCodeAt(key.length)));
}

function compilePattern(pattern: string): { re: RegExp; keys: string[]; prefixes: string[] } {
  const pieces = pattern.trim().split(/ +/).map(compileToken);
  const first = pieces[0];
  if (first.optional || first.keys === null) throw new Error(`pattern must start with a required word: ${pattern}`);
  let source = first.source;
  for (const piece of pieces.slice(1)) source += piece.optional ? piece.source : `${SEP}${piece.source}`;
  return { re: new RegExp(`${source}(?![a-z0-9])`, 'y'), keys: first.keys, prefixes: first.prefixes ?? [''] };
}

/*
 * The words a scan steps through are what /[a-z0-9@#'&%][a-z0-9@#'.&]*\/g matches; rules are tried
 * only where one starts. The scan walks the character codes itself and looks buckets up by a number
 * made of the key's codes, which saves a match array, two substrings and a string hash per word.
 */
const WORD_START = charSet("abcdefghijklmnopqrstuvwxyz0123456789@#'&%");
const WORD_PART = charSet("abcdefghijklmnopqrstuvwxyz0123456789@#'.&");

function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/** Each character a word can contain, numbered from 1 (0 for every other character). */
const DIGIT_OF = new Uint8Array(128);
"abcdefghijklmnopqrstuvwxyz0123456789@#'&%.".split('').forEach((ch, i) => (DIGIT_OF[ch.charCodeAt(0)] = i + 1));
const BASE = 43;

/**
 * {@link keyOf} as a number, to index an array: its characters as digits ({@link DIGIT_OF}) in base 43,
 * a missing one as 0. Undefined for a key with any other character, which no word can have.
 */
function packKey(key: string): number | undefined {
  let packed = 0;
  for (let i = 0; i < 3; i++) {
    const c = i < key.length ? key.charCodeAt(i) : -1;
    const digit = c < 0 ? 0 : c < 128 ? DIGIT_OF[c] : 0;
    if (c >= 0 && digit === 0) return undefined;
    packed = packed * BASE + digit;
  }
  return packed;
}

const AT = 64; // '@'
const P = 112; // 'p'
/** packKey('@p'): every word that starts with "@p" (a mention) looks up this one bucket. */
const MENTION_KEY = (DIGIT_OF[AT] * BASE + DIGIT_OF[P]) * BASE;
/** Beyond the last packed key. */
const KEY_SLOTS = BASE * BASE * BASE;

/** A compiled set of rules that scans text for non-overlapping phrase hits. */
export class PhraseMatcher<C extends string> {
  /** Rules by the packed key of the word they can start at ({@link packKey}): an array lookup per word. */
  private readonly index: Array<Bucket<C> | undefined> = new Array<Bucket<C> | undefined>(KEY_SLOTS).fill(undefined);

  constructor(rules: ReadonlyArray<Rule<C>>) {
    const filed = new Map<string, Array<{ rule: CompiledRule<C>; next: Set<number> | null }>>();
    rules.forEach((rule, order) => {
      const { re, keys, prefixes } = compilePattern(rule.pattern);
      const compiled: CompiledRule<C> = { cat: rule.cat, weight: rule.weight ?? 1, prio: rule.prio ?? 0, order, re };
      for (const key of new Set(keys)) {
        const list = filed.get(key) ?? [];
        list.push({ rule: compiled, next: nextCharsAfter(prefixes, key) });
        filed.set(key, list);
      }
    });
    for (const [key, list] of filed) {
      const packed = packKey(key);
      if (packed === undefined) continue;
      list.sort((a, b) => b.rule.prio - a.rule.prio || a.rule.order - b.rule.order);
      const anyNext = list.filter((e) => e.next === null).map((e) => e.rule);
      const byNext = new Array<CompiledRule<C>[] | undefined>(128).fill(undefined);
      for (const { next } of list) {
        for (const code of next ?? []) {
          // A prefix's characters are the lexicon's (ASCII); no other code is ever looked up.
          if (code < 128 && byNext[code] === undefined) byNext[code] = list.filter((e) => e.next === null || e.next.has(code)).map((e) => e.rule);
        }
      }
      this.index[packed] = { keyLength: key.length, byNext, anyNext };
    }
  }

  /** Leftmost hits first; at one word the highest-priority (then longest) match wins and its words are consumed. */
  scan(text: string): Hit<C>[] {
    const hits: Hit<C>[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const first = text.charCodeAt(i);
      if (first >= 128 || WORD_START[first] === 0) {
        i++;
        continue;
      }
      // A word runs from `start` to `i`.
      const start = i;
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c >= 128 || WORD_PART[c] === 0) break;
        i++;
      }
      // Its key: "@p" for a mention, else its first three characters (or all of it when shorter).
      // (Every character of a word has a digit: the word's characters are all in DIGIT_OF.)
      const second = i - start > 1 ? text.charCodeAt(start + 1) : 0;
      let key: number;
      if (first === AT && second === P) key = MENTION_KEY;
      else if (i - start === 1) key = DIGIT_OF[first] * BASE * BASE;
      else if (i - start === 2) key = (DIGIT_OF[first] * BASE + DIGIT_OF[second]) * BASE;
      else key = (DIGIT_OF[first] * BASE + DIGIT_OF[second]) * BASE + DIGIT_OF[text.charCodeAt(start + 2)];
      const bucket = this.index[key];
      if (bucket === undefined) continue;
      const after = start + bucket.keyLength;
      const next = after < n ? text.charCodeAt(after) : 128;
      const rules = (next < 128 ? bucket.byNext[next] : undefined) ?? bucket.anyNext;
      // The highest priority wins; among rules of that priority, the longest match.
      let bestRule: CompiledRule<C> | undefined;
      let bestPhrase = '';
      // (A rule left out of `rules` could not match here, so leaving it out changes nothing below.)
      for (const rule of rules) {
        if (bestRule !== undefined && rule.prio < bestRule.prio) break;
        rule.re.lastIndex = start;
        const found = rule.re.exec(text);
        if (found && (bestRule === undefined || found[0].length > bestPhrase.length)) {
          bestRule = rule;
          bestPhrase = found[0];
        }
      }
      if (bestRule !== undefined) {
        const end = start + bestPhrase.length;
        hits.push({ cat: bestRule.cat, weight: bestRule.weight, start, end, phrase: bestPhrase });
        // The winner consumes its words: the next word is looked for after it.
        i = end;
      }
    }
    return hits;
  }
}
