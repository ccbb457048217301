/**
 * `npm run eval [-- --part NAME ...] [--file PATH ...] [--misses]`: scores the classifier and the naive
 * keyword baseline on each batch of the labelled corpus (test/fixtures/corpus/*.jsonl), one table per
 * batch: flag precision, recall, F1, chatter false positives, work accuracy, the naive rule beside them.
 * `--file` scores any other batch file (a new batch at first sight). `--misses` lists the classifier's
 * misses, except on the held-out part, whose misses are never printed (it must not be tuned on).
 * A report, not a test: it exits non-zero only when it cannot run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, naiveClassify } from '../src/core/classifier';
import { loadCorpus, score, type CorpusLine, type Scores } from '../src/core/classifier/evaluation';

const CORPUS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'corpus');
/** Scored, never listed: see test/fixtures/corpus/README.md. */
const HELD_OUT = 'heldout';

interface Args {
  parts: string[];
  files: string[];
  misses: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { parts: [], files: [], misses: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--part') args.parts.push(value());
    else if (arg === '--file') args.files.push(value());
    else if (arg === '--misses') args.misses = true;
    else if (arg === '--quiet') args.misses = false;
    else throw new Error(`unknown argument ${arg} (use --part NAME, --file PATH, --misses)`);
  }
  return args;
}

function pct(x: number): string {
  return Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function row(label: string, ours: number, naive: number): string {
  return `${label.padEnd(28)} ${pct(ours).padStart(9)} ${pct(naive).padStart(9)}`;
}

function report(name: string, lines: readonly CorpusLine[], ours: Scores, naive: Scores): void {
  console.log(`\n${name}: ${lines.length} messages (${ours.counts.flagPositives} should flag, ${ours.counts.chatter} chatter)`);
  console.log(`${''.padEnd(28)} ${'ours'.padStart(9)} ${'naive'.padStart(9)}`);
  console.log(row('flag precision', ours.precision, naive.precision));
  console.log(row('flag recall', ours.recall, naive.recall));
  console.log(row('flag F1', ours.f1, naive.f1));
  console.log(row('chatter flagged (FP rate)', ours.chatterFpRate, naive.chatterFpRate));
  console.log(row('kind accuracy', ours.kindAccuracy, naive.kindAccuracy));
  console.log(row('work accuracy', ours.workAccuracy, naive.workAccuracy));
  console.log(row('assignees exact', ours.assigneeAccuracy, naive.assigneeAccuracy));
}

function batches(args: Args): Array<{ name: string; file: string }> {
  const all = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => ({ name: f.replace(/\.jsonl$/, ''), file: path.join(CORPUS_DIR, f) }));
  for (const part of args.parts) if (!all.some((b) => b.name === part)) throw new Error(`no batch "${part}" (have: ${all.map((b) => b.name).join(', ')})`);
  const chosen = args.parts.length > 0 ? all.filter((b) => args.parts.includes(b.name)) : args.files.length > 0 ? [] : all;
  return chosen.concat(args.files.map((file) => ({ name: path.basename(file).replace(/\.jsonl$/, ''), file })));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  for (const { name, file } of batches(args)) {
    const lines = loadCorpus(readFileSync(file, 'utf8'));
    const ours = score(lines, classify);
    report(name, lines, ours, score(lines, naiveClassify));
    if (!args.misses || name === HELD_OUT) continue;
    console.log(`\nmisses in ${name}, ${ours.misses.length}:`);
    for (const miss of ours.misses) {
      console.log(`- ${miss.id} [${miss.fields.join(', ')}] expected ${miss.expected} | got ${miss.got}`);
      console.log(`    ${JSON.stringify(miss.text.slice(0, 300))}`);
    }
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
