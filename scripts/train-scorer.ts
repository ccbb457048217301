/**
 * `npx tsx scripts/train-scorer.ts [--cv]`: trains the classifier's learned scorer (see
 * src/core/classifier/scorer.ts) on the labelled corpus and writes src/core/classifier/scorer-model.gen.ts.
 *
 * Training lines: requests (kind `assignment`) in every batch of test/fixtures/corpus/ except the
 * held-out part, which is never trained on. Label: whether the work handed over is project work.
 * `--cv` first runs cross-validation by batch (train on all batches but one, score the one left out),
 * which is how the threshold is chosen: the lowest log-odds that keeps the left-out batches' flag
 * precision, then recall, best. Run it again after adding a batch.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isProjectCategory } from '../src/core/categories';
import { createClassifier } from '../src/core/classifier';
import { inputOf, loadCorpus, score, type CorpusLine } from '../src/core/classifier/evaluation';
import { normalize } from '../src/core/classifier/normalize';
import { featuresOf, type ScorerModel } from '../src/core/classifier/scorer';
import { renderMessage, resolveNames } from '../src/core/classifier/slack-content';

const ROOT = path.join(__dirname, '..');
const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'corpus');
const OUT = path.join(ROOT, 'src', 'core', 'classifier', 'scorer-model.gen.ts');
const HELD_OUT = 'heldout';
/** A feature seen fewer times than this is noise. */
const MIN_COUNT = 2;
const THRESHOLDS = [1, 2, 3, 4, 5, 6];

function batches(): Array<{ name: string; lines: CorpusLine[] }> {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.jsonl') && f !== `${HELD_OUT}.jsonl`)
    .sort()
    .map((f) => ({ name: f.replace(/\.jsonl$/, ''), lines: loadCorpus(readFileSync(path.join(CORPUS_DIR, f), 'utf8')) }));
}

function textOf(line: CorpusLine): string {
  return normalize(resolveNames(renderMessage(inputOf(line)).text, line.names)).text;
}

function train(lines: readonly CorpusLine[], threshold: number): ScorerModel {
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

function crossValidate(all: ReturnType<typeof batches>): number {
  const results: Array<{ threshold: number; f1: number }> = [];
  for (const threshold of THRESHOLDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const rows: string[] = [];
    for (const left of all) {
      const model = train(all.filter((b) => b !== left).flatMap((b) => b.lines), threshold);
      const s = score(left.lines, createClassifier({ scorer: model }));
      const base = score(left.lines, createClassifier({ scorer: null }));
      tp += s.counts.tp;
      fp += s.counts.fp;
      fn += s.counts.fn;
      rows.push(`${left.name} F1 ${(s.f1 * 100).toFixed(1)} (rules alone ${(base.f1 * 100).toFixed(1)}) chatter FP ${(s.chatterFpRate * 100).toFixed(1)}%`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(`threshold ${threshold}: pooled P ${(precision * 100).toFixed(1)} R ${(recall * 100).toFixed(1)} F1 ${(f1 * 100).toFixed(1)} | ${rows.join(' | ')}`);
    results.push({ threshold, f1: precision >= 0.95 ? f1 : f1 - 1 });
  }
  // Precision first (a nudge that should not have come costs more than one missed), then F1; among
  // thresholds within 0.2 points of the best, the most cautious.
  const best = Math.max(...results.map((r) => r.f1));
  return Math.max(...results.filter((r) => r.f1 >= best - 0.002).map((r) => r.threshold));
}

function main(): void {
  const all = batches();
  const threshold = process.argv.includes('--cv') ? crossValidate(all) : Number(process.env.SCORER_THRESHOLD ?? 2);
  const model = train(all.flatMap((b) => b.lines), threshold);
  const body = JSON.stringify(model);
  writeFileSync(
    OUT,
    `// Generated by scripts/train-scorer.ts from the labelled corpus (not the held-out part). Do not edit.\nimport type { ScorerModel } from './scorer';\n\nexport const SCORER_MODEL: ScorerModel = ${body};\n`,
  );
  console.log(`wrote ${OUT}: ${Object.keys(model.features).length} features, threshold ${threshold}`);
}

main();
