/**
 * `npm run eval [-- --part dev|heldout] [--quiet]`: scores the rule classifier and the naive keyword
 * baseline against the labelled corpus (test/fixtures/corpus/) and lists the rule classifier's misses.
 * A report, not a test: it exits non-zero only when it cannot run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, naiveClassify } from '../src/core/classifier';
import { loadCorpus, score, type CorpusLine, type Scores } from '../src/core/classifier/evaluation';
import type { Classifier } from '../src/core/types';

function parseArgs(argv: readonly string[]): { part: 'dev' | 'heldout'; quiet: boolean } {
  let part: 'dev' | 'heldout' = 'heldout';
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--part') {
      const value = argv[++i];
      if (value !== 'dev' && value !== 'heldout') throw new Error(`--part must be dev or heldout, got ${value}`);
      part = value;
    } else if (arg === '--quiet') {
      quiet = true;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return { part, quiet };
}

function pct(x: number): string {
  return Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function row(label: string, ours: number, naive: number): string {
  return `${label.padEnd(28)} ${pct(ours).padStart(9)} ${pct(naive).padStart(9)}`;
}

function report(name: string, lines: readonly CorpusLine[], ours: Scores, naive: Scores): void {
  console.log(`\n${name}: ${lines.length} messages (${ours.counts.flagPositives} should flag, ${ours.counts.chatter} chatter)`);
  console.log(`${''.padEnd(28)} ${'rules'.padStart(9)} ${'naive'.padStart(9)}`);
  console.log(row('flag precision', ours.precision, naive.precision));
  console.log(row('flag recall', ours.recall, naive.recall));
  console.log(row('flag F1', ours.f1, naive.f1));
  console.log(row('chatter flagged (FP rate)', ours.chatterFpRate, naive.chatterFpRate));
  console.log(row('kind accuracy', ours.kindAccuracy, naive.kindAccuracy));
  console.log(row('work accuracy', ours.workAccuracy, naive.workAccuracy));
  console.log(row('assignees exact', ours.assigneeAccuracy, naive.assigneeAccuracy));
}

function main(): void {
  const { part, quiet } = parseArgs(process.argv.slice(2));
  const file = path.join(__dirname, '..', 'test', 'fixtures', 'corpus', `${part}.jsonl`);
  const lines = loadCorpus(readFileSync(file, 'utf8'));
  const run = (c: Classifier): Scores => score(lines, c);
  const ours = run(classify);
  const naive = run(naiveClassify);
  report(part, lines, ours, naive);
  if (quiet) return;
  console.log(`\nmisses (rules), ${ours.misses.length}:`);
  for (const miss of ours.misses) {
    console.log(`- ${miss.id} [${miss.fields.join(', ')}] expected ${miss.expected} | got ${miss.got}`);
    console.log(`    ${JSON.stringify(miss.text)}`);
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
