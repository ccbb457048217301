/**
 * Dev-time helper (used by typo-exceptions.gen.ts and a unit test, never by the classifier): the
 * English words one edit away from a lexicon keyword, per wink-eng-lite-web-model's lexicon.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { lexiconKeywords } from './typos';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function edits(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail.length > 0) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

export function realWordsNearKeywords(): string[] {
  const nlp = winkNLP(model);
  const its = nlp.its;
  const idOf = (w: string): number => nlp.readDoc(w).tokens().itemAt(0).out(its.uniqueId) as number;
  // Words outside the lexicon get ids from here upwards.
  const firstUnknown = idOf('qzxjvqzxjv');
  const keywords = lexiconKeywords();
  const found = new Set<string>();
  for (const keyword of keywords) {
    for (const candidate of edits(keyword)) {
      if (candidate.length < 5 || keywords.has(candidate) || found.has(candidate)) continue;
      if (idOf(candidate) < firstUnknown) found.add(candidate);
    }
  }
  return [...found].sort();
}
