import { RULES } from './lexicon';
import { REAL_WORDS_NEAR_KEYWORDS } from './typo-exceptions';

/**
 * Typo tolerance: a word one edit (insert, delete, substitute, swap) away from a lexicon word is read
 * as that word ("stauts" → "status", "shedule" → "schedule"), unless it is itself an English word.
 *
 * The English words one edit away from a keyword ("states" from "status", "scheduler" from
 * "schedule") are listed in typo-exceptions.ts, generated from wink-eng-lite-web-model's lexicon by
 * `npx tsx src/core/classifier/typo-exceptions.gen.ts`; a unit test fails when that list is stale.
 * Only words of five letters or more are considered: short words are too close to each other.
 */

const MIN_LENGTH = 5;

function inflections(word: string): string[] {
  const out = [word, `${word}s`];
  if (word.endsWith('e')) out.push(`${word}d`, `${word.slice(0, -1)}ing`);
  else if (word.endsWith('y')) out.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`, `${word}ing`);
  else out.push(`${word}ed`, `${word}ing`, `${word}es`);
  return out;
}

/** The words the lexicon is written in, with their regular inflections. */
export function lexiconKeywords(): Set<string> {
  const words = new Set<string>();
  for (const rule of RULES) {
    for (const token of rule.pattern.split(/[\s|_]+/)) {
      const inflected = token.endsWith('~');
      const word = token.replace(/[~?]+$/, '');
      if (!/^[a-z]+$/.test(word)) continue;
      for (const form of inflected ? inflections(word) : [word]) if (form.length >= MIN_LENGTH) words.add(form);
    }
  }
  for (const extra of ['please', 'update', 'updated', 'updating', 'schedule', 'reschedule', 'calendar', 'everyone', 'tomorrow', 'thursday', 'prioritise', 'prioritised', 'prioritize', 'prioritized']) {
    words.add(extra);
  }
  return words;
}

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b are at most one insert, delete, substitution or adjacent swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Likelier typos first: swapped letters, then a dropped letter, an extra letter, a wrong letter. */
function editRank(typo: string, word: string): number {
  if (typo.length === word.length) return [...typo].sort().join('') === [...word].sort().join('') ? 0 : 3;
  return typo.length < word.length ? 1 : 2;
}

export class TypoCorrector {
  private readonly keywords: Set<string>;
  private readonly byDelete = new Map<string, string[]>();
  private readonly exceptions: Set<string>;
  private readonly cache = new Map<string, string>();

  constructor(keywords: Iterable<string>, exceptions: Iterable<string>) {
    this.keywords = new Set(keywords);
    this.exceptions = new Set(exceptions);
    for (const word of this.keywords) {
      for (const key of [word, ...deletes(word)]) {
        const list = this.byDelete.get(key) ?? [];
        list.push(word);
        this.byDelete.set(key, list);
      }
    }
  }

  /** The keyword a misspelt word stands for, or the word itself. */
  correctWord(word: string): string {
    if (word.length < MIN_LENGTH || this.keywords.has(word) || this.exceptions.has(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let best: string | undefined;
    let bestRank = Infinity;
    for (const key of [word, ...deletes(word)]) {
      for (const candidate of this.byDelete.get(key) ?? []) {
        if (!withinOneEdit(word, candidate)) continue;
        const rank = editRank(word, candidate);
        if (rank < bestRank || (rank === bestRank && best !== undefined && candidate < best)) {
          best = candidate;
          bestRank = rank;
        }
      }
    }
    const result = best ?? word;
    // Bounded: a long-running worker sees an open-ended vocabulary.
    if (this.cache.size < 20_000) this.cache.set(word, result);
    return result;
  }

  correct(text: string): string {
    return text.replace(/[a-z]{5,}/g, (word) => this.correctWord(word));
  }
}

export const TYPOS = new TypoCorrector(lexiconKeywords(), REAL_WORDS_NEAR_KEYWORDS);
