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

function isLowerAsciiLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

export class TypoCorrector {
  private readonly byDelete = new Map<string, string[]>();
  /**
   * Known answers: every keyword and exception maps to itself, and repaired (or unrepairable) words
   * seen so far map to their reading, so one lookup answers most words. The learnt part is bounded:
   * a long-running worker sees an open-ended vocabulary.
   */
  private readonly memo = new Map<string, string>();
  private learnt = 0;

  constructor(keywords: Iterable<string>, exceptions: Iterable<string>) {
    const words = new Set(keywords);
    for (const word of words) this.memo.set(word, word);
    for (const word of exceptions) this.memo.set(word, word);
    for (const word of words) {
      for (const key of [word, ...deletes(word)]) {
        const list = this.byDelete.get(key) ?? [];
        list.push(word);
        this.byDelete.set(key, list);
      }
    }
  }

  /** The keyword a misspelt word stands for, or the word itself. */
  correctWord(word: string): string {
    if (word.length < MIN_LENGTH) return word;
    const known = this.memo.get(word);
    if (known !== undefined) return known;
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
    if (this.learnt < 20_000) {
      this.memo.set(word, result);
      this.learnt++;
    }
    return result;
  }

  /**
   * Repairs every run of five or more letters a-z (what `/[a-z]{5,}/g` would match). A hand-written
   * scan rather than `replace` with a callback: most lines need no repair and are returned as they are,
   * without a callback per word.
   */
  correct(text: string): string {
    let out = '';
    // text before `copied` is already in `out` (with its repairs)
    let copied = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (!isLowerAsciiLetter(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < n && isLowerAsciiLetter(text.charCodeAt(i))) i++;
      if (i - start < MIN_LENGTH) continue;
      const word = text.slice(start, i);
      const fixed = this.correctWord(word);
      if (fixed !== word) {
        out += text.slice(copied, start) + fixed;
        copied = i;
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}

export const TYPOS = new TypoCorrector(lexiconKeywords(), REAL_WORDS_NEAR_KEYWORDS);
