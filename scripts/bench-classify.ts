/**
 * `npm run bench:classify [-- --rounds N] [--wink]`: classifies the whole labelled corpus many times
 * on one core (this process's only thread) and prints throughput and per-message latency.
 * `--wink` also times wink-nlp's tokenising + lemmatising of the same texts, the cost a lemma-based
 * rule set would add. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, naiveClassify } from '../src/core/classifier';
import { loadCorpus } from '../src/core/classifier/evaluation';
import type { ClassifyInput } from '../src/core/types';

function parseArgs(argv: readonly string[]): { rounds: number; wink: boolean } {
  let rounds = 50;
  let wink = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') rounds = Number(argv[++i]);
    else if (argv[i] === '--wink') wink = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
  return { rounds, wink };
}

function measure(name: string, inputs: readonly ClassifyInput[], rounds: number, run: (input: ClassifyInput) => unknown): void {
  // Warm-up: let V8 optimise the hot paths before timing.
  for (let i = 0; i < 20; i++) for (const input of inputs) run(input);
  const latencies = new BigInt64Array(inputs.length * rounds);
  const roundRates: number[] = [];
  let n = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const roundStart = process.hrtime.bigint();
    for (const input of inputs) {
      const t0 = process.hrtime.bigint();
      run(input);
      latencies[n++] = process.hrtime.bigint() - t0;
    }
    roundRates.push((inputs.length / Number(process.hrtime.bigint() - roundStart)) * 1e9);
  }
  const elapsedNs = Number(process.hrtime.bigint() - start);
  latencies.sort();
  roundRates.sort((a, b) => a - b);
  const overall = Math.round((n / elapsedNs) * 1e9);
  // The median round is less sensitive to other processes on a shared machine than the overall rate.
  const medianRound = Math.round(roundRates[Math.floor(roundRates.length / 2)]);
  const us = (ns: number): string => (ns / 1000).toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(22)} ${String(overall).padStart(9)} msg/s (median round ${String(medianRound).padStart(9)})   p50 ${us(Number(latencies[Math.floor(n / 2)]))} µs   p99 ${us(Number(latencies[Math.min(n - 1, Math.ceil(n * 0.99) - 1)]))} µs   max ${us(Number(latencies[n - 1]))} µs`,
  );
}

async function main(): Promise<void> {
  const { rounds, wink } = parseArgs(process.argv.slice(2));
  const dir = path.join(__dirname, '..', 'test', 'fixtures', 'corpus');
  const lines = ['dev.jsonl', 'heldout.jsonl'].flatMap((f) => loadCorpus(readFileSync(path.join(dir, f), 'utf8')));
  const inputs: ClassifyInput[] = lines.map((l) => ({ text: l.text, author: l.author, roles: l.roles, fromBot: l.fromBot }));
  console.log(`corpus: ${inputs.length} messages x ${rounds} rounds, node ${process.version}, one thread`);
  measure('rules (classify)', inputs, rounds, classify);
  measure('naive keyword rule', inputs, rounds, naiveClassify);
  if (wink) {
    // Loaded only on request: the classifier itself never uses wink.
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    measure('wink-nlp lemmas only', inputs, Math.max(1, Math.floor(rounds / 5)), (input) =>
      // wink's typings for its.lemma do not fit out()'s signature; the call is the documented one.
      nlp.readDoc(input.text).tokens().out(its.lemma as unknown as typeof its.value),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
