import { isProductCategory, isProjectCategory, type Category } from '../categories';
import type { WorkKind } from '../types';
import { isRequestVerb } from './cues';
import type { Hit } from './matcher';

/**
 * What a set of phrase hits says about the work, and how the verdict words it: category scores,
 * the phrase each category is quoted by, and tidy reasons. Pure helpers shared by every kind of verdict.
 */

/** A phrase hit counts only when at least this heavy, unless nothing heavier was found. */
export const WEAK = 1;
export const MAX_PHRASE = 79;
/** Where `/\s+/g` → " " would change a text: a space character other than " ", or two in a row. */
const IRREGULAR_SPACE = /[^\S ]|\s{2}/;
/** At most this many reasons per verdict; a message that repeats a request still gives each reason once. */
export const MAX_REASONS = 12;

/** Reasons without repeats, capped at {@link MAX_REASONS} (the last slot says how many were left out). */
export function tidyReasons(reasons: readonly string[]): string[] {
  const unique: string[] = [];
  for (const reason of reasons) if (!unique.includes(reason)) unique.push(reason);
  if (unique.length <= MAX_REASONS) return unique;
  return [...unique.slice(0, MAX_REASONS - 1), `and ${unique.length - (MAX_REASONS - 1)} more`];
}

/** Adds a reason once; a list never grows past one more than the cap (enough to say "and N more"). */
export function addReason(list: string[], reason: string): void {
  if (list.length <= MAX_REASONS && !list.includes(reason)) list.push(reason);
}


export interface WorkSummary {
  work: WorkKind;
  categories: Category[];
  project: number;
  product: number;
  /** The best hit of each category, in the order of `categories` (strongest category first). */
  best: Hit<Category>[];
}

/**
 * Sums phrase weights per category. `mixed` says how to call work when both kinds appear: a request
 * that hands over any project work is project work (corpus rule); a topic is whichever weighs more.
 *
 * Written with small parallel arrays rather than Maps: it runs several times per message on a
 * handful of hits, where creating Maps costs more than the work. The arrays keep the categories in
 * order of first hit, as a Map's insertion order did.
 */
export function summarize(hits: readonly Hit<Category>[], mixed: 'project-wins' | 'heavier' = 'project-wins'): WorkSummary {
  // Hits with a category; only the strong ones count when there is any strong one.
  let anyStrong = false;
  for (const h of hits) if (h.cat !== null && h.weight >= WEAK) anyStrong = true;
  const cats: Category[] = [];
  const scores: number[] = [];
  const bests: Hit<Category>[] = [];
  for (const hit of hits) {
    if (hit.cat === null || (anyStrong && hit.weight < WEAK)) continue;
    const i = cats.indexOf(hit.cat);
    if (i < 0) {
      cats.push(hit.cat);
      scores.push(hit.weight);
      bests.push(hit);
    } else {
      scores[i] += hit.weight;
      if (quotability(hit) > quotability(bests[i])) bests[i] = hit;
    }
  }
  let project = 0;
  let product = 0;
  for (let i = 0; i < cats.length; i++) {
    if (isProjectCategory(cats[i])) project += scores[i];
    else if (isProductCategory(cats[i])) product += scores[i];
  }
  const work: WorkKind =
    mixed === 'project-wins'
      ? project > 0 ? 'project' : product > 0 ? 'product' : 'other'
      : project === 0 && product === 0 ? 'other' : project >= product ? 'project' : 'product';
  const order = sortCategories(cats, scores, work === 'project');
  return { work, categories: order.map((i) => cats[i]), project, product, best: order.map((i) => bests[i]) };
}

/**
 * The categories' indexes in verdict order: categories of the summary's kind of work first, then
 * heavier first, then in order of first hit (a stable sort of indexes that start in that order).
 */
function sortCategories(cats: readonly Category[], scores: readonly number[], projectFirst: boolean): number[] {
  const order = cats.map((_c, i) => i);
  if (order.length < 2) return order;
  return order.sort(
    (a, b) =>
      (isProjectCategory(cats[a]) === projectFirst ? 0 : 1) - (isProjectCategory(cats[b]) === projectFirst ? 0 : 1) || scores[b] - scores[a],
  );
}

/**
 * How well a hit says what was asked, to choose the phrase a category is quoted by: its weight, and a
 * little more for an action ("log it in the budget sheet") than for a noun ("updated invoice").
 */
export function quotability(hit: Hit<Category>): number {
  const first = /^[a-z'-]+/.exec(hit.phrase)?.[0] ?? '';
  return hit.weight + (hit.phrase.includes(' ') && isRequestVerb(first) ? 0.5 : 0);
}

export function round2(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

export function cleanPhrase(phrase: string): string {
  // The replacements run only when they can change something (most phrases are already clean).
  let text = phrase.includes('@p') ? phrase.replace(/@p\d+/g, '@someone') : phrase;
  if (IRREGULAR_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  return text.length > MAX_PHRASE ? `${text.slice(0, MAX_PHRASE - 1).trimEnd()}…` : text;
}

export function categoryReasons(summary: WorkSummary): string[] {
  return summary.categories.map((cat, i) => {
    const best = summary.best[i];
    return `${cat}${best.listed === 'project' ? ' (workspace word list)' : ''}: "${cleanPhrase(best.phrase)}"`;
  });
}

/** A category reason as {@link categoryReasons} words it: `meeting_logistics: "book the retro room"`. */
const CATEGORY_REASON = /^([a-z_]+)(?: \(workspace word list\))?: "(.+)"$/;

/** The category and phrase a category reason names, or undefined for any other reason. */
export function categoryOfReason(reason: string): { category: string; phrase: string } | undefined {
  const match = CATEGORY_REASON.exec(reason);
  return match === null ? undefined : { category: match[1], phrase: match[2] };
}

/** Phrases the workspace lists as never project work, where they were found. */
export function unlistedReasons(hits: readonly Hit<Category>[]): string[] {
  const out: string[] = [];
  for (const hit of hits) if (hit.listed === 'not-project') out.push(`not project work (workspace word list): "${cleanPhrase(hit.phrase)}"`);
  return out;
}

export function strongestProjectPhrase(summary: WorkSummary): string | undefined {
  const i = summary.categories.findIndex((cat) => isProjectCategory(cat));
  return i < 0 ? undefined : cleanPhrase(summary.best[i].phrase);
}
