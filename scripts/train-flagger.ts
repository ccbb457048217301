/**
 * `npx tsx scripts/train-flagger.ts [--cv] [--only-cv] [--exclude BATCH ...]`: trains the classifier's learned flagger (see
 * src/core/classifier/flagger.ts) on the labelled corpus and writes
 * src/core/classifier/flagger-model.gen.ts.
 *
 * Examples: every product manager a message involves (author, people named, the thread's starter),
 * in every batch of test/fixtures/corpus/ except the held-out part, which is never trained on. Label:
 * whether the line's label flags that person. Features: the rules' verdict (with the naive Bayes
 * scorer off, so the flagger learns from the rules and the words, not from another learned model)
 * and the words around the person (flagger.ts).
 *
 * `--cv` first runs cross-validation by batch (train on all batches but one, score the one left out)
 * for each regularisation, threshold and veto, and keeps the one with the best mean F1 over the left-out
 * batches whose chatter false positives stay at or under 1% on every batch (half the 2% target). Only the batches the rules were never
 * tuned on say anything about new text; the table prints them all.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClassifier, flagContextOf } from '../src/core/classifier';
import { inputOf, score, type CorpusLine } from '../src/core/classifier/evaluation';
import { featuresFor, candidatesOf, sigmoid, type FlaggerModel } from '../src/core/classifier/flagger';
import type { Classifier } from '../src/core/types';
import { SCORER_MODEL } from '../src/core/classifier/scorer-model.gen';
import { batches, trainScorer } from './scorer-training';
import { seededRandom } from './seeded-random';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'src', 'core', 'classifier', 'flagger-model.gen.ts');
const EPOCHS = 25;
const LEARNING_RATE = 0.2;
/** A weight smaller than this is dropped from the generated model. */
const MIN_WEIGHT = 0.005;
const L2 = (process.env.FLAGGER_L2 ?? '0.0003,0.001,0.003').split(',').map(Number);
const THRESHOLDS = (process.env.FLAGGER_THRESHOLDS ?? '0.5,0.6,0.7,0.8,0.9').split(',').map(Number);
const VETOES = (process.env.FLAGGER_VETOES ?? 'none,0.05,0.1,0.2').split(',').map((v) => (v === 'none' ? undefined : Number(v)));

interface Example {
  features: string[];
  label: number;
}

interface Batch {
  name: string;
  lines: CorpusLine[];
  examples: Example[];
}

const rules: Classifier = createClassifier({ scorer: null, flagger: null });

function examplesOf(line: CorpusLine): Example[] {
  const input = inputOf(line);
  const ctx = flagContextOf(input, rules(input), rules);
  const pms = candidatesOf(ctx).filter((id) => ctx.roles[id] === 'product');
  const positives = new Set(line.expect.flag ? line.expect.assignees : []);
  return [...featuresFor(ctx, pms)].map(([id, features]) => ({ features, label: positives.has(id) ? 1 : 0 }));
}

function loadBatches(): Batch[] {
  return batches().map((b) => ({ ...b, examples: b.lines.flatMap(examplesOf) }));
}

/** A feature seen in fewer examples than this is noise, and is left out of the model. */
const MIN_COUNT = 2;

/** Logistic regression by AdaGrad with L2, in a seeded order: the same corpus always gives the same model. */
function train(all: readonly Example[], l2: number, threshold: number): FlaggerModel {
  const seen = new Map<string, number>();
  for (const { features } of all) for (const f of features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const examples = all.map(({ features, label }) => ({ features: features.filter((f) => (seen.get(f) ?? 0) >= MIN_COUNT), label }));
  const weights = new Map<string, number>();
  const squares = new Map<string, number>();
  let bias = 0;
  let biasSquares = 0;
  const random = seededRandom(7);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const { features, label } = examples[index];
      let z = bias;
      for (const f of features) z += weights.get(f) ?? 0;
      const gradient = sigmoid(z) - label;
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        const g = gradient + l2 * w;
        const s = (squares.get(f) ?? 0) + g * g;
        squares.set(f, s);
        weights.set(f, w - (LEARNING_RATE * g) / Math.sqrt(s + 1e-8));
      }
      biasSquares += gradient * gradient;
      bias -= (LEARNING_RATE * gradient) / Math.sqrt(biasSquares + 1e-8);
    }
  }
  const kept: Record<string, number> = {};
  for (const [f, w] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(w) >= MIN_WEIGHT) kept[f] = Math.round(w * 10000) / 10000;
  return { bias: Math.round(bias * 10000) / 10000, weights: kept, threshold };
}

function pct(x: number): string {
  return (x * 100).toFixed(1);
}

function crossValidate(batches: readonly Batch[]): { l2: number; threshold: number; veto: number | undefined } {
  const results: Array<{ l2: number; threshold: number; veto: number | undefined; meanF1: number; worstFp: number }> = [];
  // The naive Bayes scorer inside the rules is trained without the left-out batch too.
  const scorers = new Map(batches.map((left) => [left.name, trainScorer(batches.filter((b) => b !== left).flatMap((b) => b.lines), SCORER_MODEL.threshold)]));
  const rulesAlone = new Map(batches.map((b) => [b.name, score(b.lines, createClassifier({ flagger: null, scorer: scorers.get(b.name) }))]));
  for (const l2 of L2) {
    const models = new Map(batches.map((left) => [left.name, train(batches.filter((b) => b !== left).flatMap((b) => b.examples), l2, 0.5)]));
    for (const threshold of THRESHOLDS) for (const veto of VETOES) {
      const rows: string[] = [];
      let sumF1 = 0;
      let worstFp = 0;
      for (const left of batches) {
        const model = { ...models.get(left.name)!, threshold, veto };
        const s = score(left.lines, createClassifier({ flagger: model, scorer: scorers.get(left.name) }));
        const base = rulesAlone.get(left.name)!;
        sumF1 += s.f1;
        worstFp = Math.max(worstFp, s.chatterFpRate);
        rows.push(`${left.name.replace(/^batch-(\d+).*/, 'b$1')} ${pct(s.f1)} (${pct(base.f1)}) P${pct(s.precision)} R${pct(s.recall)} fp${pct(s.chatterFpRate)}`);
      }
      const meanF1 = sumF1 / batches.length;
      console.log(`l2 ${l2} threshold ${threshold} veto ${veto ?? 'none'}: mean F1 ${pct(meanF1)} | ${rows.join(' | ')}`);
      results.push({ l2, threshold, veto, meanF1, worstFp });
    }
  }
  // Chatter false positives at most 1% on every left-out batch: half the 2% target, as margin for new text.
  const allowed = results.filter((r) => r.worstFp <= 0.01);
  const pool = allowed.length > 0 ? allowed : results;
  const top = Math.max(...pool.map((r) => r.meanF1));
  // As for the scorer: a nudge that should not have come costs more than one missed. Among settings
  // within 0.3 points of the best, the most cautious (highest threshold, then strongest veto, then L2).
  const near = pool.filter((r) => r.meanF1 >= top - 0.003);
  const best = near.reduce((a, b) => (b.threshold > a.threshold || (b.threshold === a.threshold && (b.veto ?? 0) > (a.veto ?? 0)) || (b.threshold === a.threshold && b.veto === a.veto && b.l2 > a.l2) ? b : a));
  console.log(`chosen: l2 ${best.l2}, threshold ${best.threshold}, veto ${best.veto ?? 'none'} (mean left-out F1 ${pct(best.meanF1)})`);
  return best;
}

function main(): void {
  const batches = loadBatches();
  const cv = process.argv.includes('--cv') || process.argv.includes('--only-cv');
  const veto = process.env.FLAGGER_VETO === undefined ? undefined : Number(process.env.FLAGGER_VETO);
  const { l2, threshold, ...rest } = cv ? crossValidate(batches) : { l2: Number(process.env.FLAGGER_L2 ?? 0.001), threshold: Number(process.env.FLAGGER_THRESHOLD ?? 0.7), veto };
  if (process.argv.includes('--only-cv')) return;
  const model = { ...train(batches.flatMap((b) => b.examples), l2, threshold), ...(rest.veto === undefined ? {} : { veto: rest.veto }) };
  writeFileSync(
    OUT,
    `// Generated by scripts/train-flagger.ts from the labelled corpus (not the held-out part). Do not edit.\nimport type { FlaggerModel } from './flagger';\n\nexport const FLAGGER_MODEL: FlaggerModel = ${JSON.stringify(model)};\n`,
  );
  console.log(`wrote ${OUT}: ${Object.keys(model.weights).length} weights, l2 ${l2}, threshold ${threshold}, veto ${model.veto ?? 'none'}`);
}

main();
