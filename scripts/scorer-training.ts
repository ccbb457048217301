/**
 * Training the classifier's naive Bayes scorer (src/core/classifier/scorer.ts) on the labelled corpus:
 * shared by scripts/train-scorer.ts, which writes the model, and scripts/train-flagger.ts, whose
 * cross-validation trains a scorer without each left-out batch (so that no figure of a left-out
 * batch comes from a model that saw it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isProjectCategory } from '../src/core/categories';
import { inputOf, loadCorpus, type CorpusLine } from '../src/core/classifier/evaluation';
import { normalize } from '../src/core/classifier/normalize';
import { featuresOf, type ScorerModel } from '../src/core/classifier/scorer';
import { renderMessage, resolveNames } from '../src/core/classifier/slack-content';

export const CORPUS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'corpus');
/** Never trained on: see test/fixtures/corpus/README.md. */
export const HELD_OUT = 'heldout';

/** A feature seen fewer times than this is noise. */
const MIN_COUNT = 2;

/**
 * `--exclude NAME` (repeatable) on either training script: a batch left out of training, so that it
 * can be scored as unseen (the last sealed pair stays in the corpus without being trained on).
 */
export function excludedBatches(argv: readonly string[] = process.argv): string[] {
  return argv.flatMap((arg, i) => (arg === '--exclude' && argv[i + 1] !== undefined ? [argv[i + 1]] : []));
}

/** The corpus batches training may use: every one but the held-out part and any `--exclude`d batch. */
export function batches(exclude: readonly string[] = excludedBatches()): Array<{ name: string; lines: CorpusLine[] }> {
  const known = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));
  for (const name of exclude) if (!known.includes(name)) throw new Error(`--exclude ${name}: no such batch in ${CORPUS_DIR}`);
  return known
    .filter((name) => name !== HELD_OUT && !exclude.includes(name))
    .sort()
    .map((name) => ({ name, lines: loadCorpus(readFileSync(path.join(CORPUS_DIR, `${name}.jsonl`), 'utf8')) }));
}

function textOf(line: CorpusLine): string {
  return normalize(resolveNames(renderMessage(inputOf(line)).text, line.names)).text;
}

export function trainScorer(lines: readonly CorpusLine[], threshold: number): ScorerModel {
  const categories: string[] = [];
  const counts = new Map<string, { project: number; other: number; cats: Map<number, number> }>();
  let projectDocs = 0;
  let otherDocs = 0;
  let projectTokens = 0;
  let otherTokens = 0;
  for (const line of lines) {
    if (line.expect.kind !== 'assignment') continue;
    const project = line.expect.work === 'project';
    const cat = line.expect.categories.find(isProjectCategory);
    let catIndex = -1;
    if (project && cat !== undefined) {
      catIndex = categories.indexOf(cat);
      if (catIndex < 0) catIndex = categories.push(cat) - 1;
    }
    if (project) projectDocs++;
    else otherDocs++;
    for (const f of new Set(featuresOf(textOf(line)))) {
      const c = counts.get(f) ?? { project: 0, other: 0, cats: new Map<number, number>() };
      if (project) {
        c.project++;
        projectTokens++;
        if (catIndex >= 0) c.cats.set(catIndex, (c.cats.get(catIndex) ?? 0) + 1);
      } else {
        c.other++;
        otherTokens++;
      }
      counts.set(f, c);
    }
  }
  const vocabulary = [...counts.values()].filter((c) => c.project + c.other >= MIN_COUNT).length;
  const features: Record<string, [number, number]> = {};
  for (const [f, c] of counts) {
    if (c.project + c.other < MIN_COUNT) continue;
    // Laplace-smoothed log-likelihood ratio, rounded to keep the generated file small.
    const ratio = Math.log((c.project + 1) / (projectTokens + vocabulary)) - Math.log((c.other + 1) / (otherTokens + vocabulary));
    let best = -1;
    let bestCount = 0;
    for (const [i, n] of c.cats) if (n > bestCount) [best, bestCount] = [i, n];
    features[f] = [Math.round(ratio * 1000) / 1000, best];
  }
  return { prior: Math.log((projectDocs + 1) / (otherDocs + 1)), features, categories, threshold };
}

