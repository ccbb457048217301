import { isProjectCategory, type Category } from '../categories';

/**
 * A learned scorer for the one question the rules leave open most often on unseen text: a person is
 * clearly asked to do something, but no phrase in the lexicon names the work ("can you sort the Berlin
 * crew out", "pin down who's on what"). It is a multinomial naive Bayes over word stems and word pairs,
 * trained on the labelled corpus (scripts/train-scorer.ts writes scorer-model.gen.ts), that says how
 * likely the words are to be project-management work, and which project category fits best.
 *
 * It only ever fills that gap: the rules decide who is asked, negation, questions and every case
 * where a phrase names the work. Its reason names the words that weighed most.
 */

export interface ScorerModel {
  /** Log prior odds of project work. */
  prior: number;
  /** Per feature: log-likelihood ratio (project vs not), and the best project category's index. */
  features: Readonly<Record<string, readonly [number, number]>>;
  /** Project category ids, indexed by the features' second number. */
  categories: readonly string[];
  /** Log-odds above which the words count as project work (chosen by cross-validation by batch). */
  threshold: number;
}

export interface ScorerVerdict {
  /** Log-odds of project work. */
  logOdds: number;
  project: boolean;
  category?: Category;
  /** The features that weighed most towards project work, for reasons. */
  evidence: string[];
}

const STOP_WORDS =
  'a an the to of for and or in on at by with from is are be been it this that these those i you we he she they me us my your our their its can could would will please pls just so if as do does did have has had was were not no yes ok hi hey thanks thank thx ty cheers';

/** A crude English stem: enough to fold "booking", "booked", "books" into "book". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ings?|ed|es|s)$/, '').replace(/(?:ies)$/, 'y');
}

/** Stop words as written and as stemmed: features are stems, so "thanks" must also stop as "thank". */
const STOP = new Set(STOP_WORDS.split(' ').flatMap((w) => [w, stem(w)]));

/** The words of a normalised text the features are made of (mentions and placeholders dropped). */
function wordsOf(text: string): string[] {
  return text
    .replace(/@p\d+|@group|@all/g, ' ')
    .split(/[^a-z0-9']+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

/** Word stems and adjacent pairs of a normalised text (mentions and placeholders dropped). */
export function featuresOf(text: string): string[] {
  const words = wordsOf(text).map(stem);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!STOP.has(words[i])) out.push(words[i]);
    if (i + 1 < words.length && !(STOP.has(words[i]) && STOP.has(words[i + 1]))) out.push(`${words[i]}_${words[i + 1]}`);
  }
  return out;
}

export function scoreText(model: ScorerModel, text: string): ScorerVerdict {
  let logOdds = model.prior;
  const votes = new Map<number, number>();
  const weighed: Array<[string, number]> = [];
  for (const feature of new Set(featuresOf(text))) {
    const entry = model.features[feature];
    if (entry === undefined) continue;
    logOdds += entry[0];
    weighed.push([feature, entry[0]]);
    if (entry[0] > 0) votes.set(entry[1], (votes.get(entry[1]) ?? 0) + entry[0]);
  }
  let best = -1;
  let bestVote = 0;
  for (const [index, vote] of votes) if (vote > bestVote) [best, bestVote] = [index, vote];
  const category = best >= 0 ? model.categories[best] : undefined;
  weighed.sort((a, b) => b[1] - a[1]);
  return {
    logOdds,
    project: logOdds > model.threshold,
    category: category !== undefined && isProjectCategory(category) ? category : undefined,
    evidence: weighed.filter(([, w]) => w > 0).slice(0, 3).map(([f]) => f.replace(/_/g, ' ')),
  };
}

/**
 * A feature as the text wrote it: "dat" is "dates", "sign off" is "sign-off" or "signed off". The
 * feature itself when the text does not hold it.
 */
export function surfaceOf(text: string, feature: string): string {
  const stems = feature.split(/[ _]/);
  const words = wordsOf(text);
  for (let i = 0; i + stems.length <= words.length; i++) {
    if (stems.every((s, j) => stem(words[i + j]) === s)) return words.slice(i, i + stems.length).join(' ');
  }
  return feature;
}
