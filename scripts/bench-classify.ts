/**
 * `npm run bench:classify [-- --rounds N] [--in-process]`: measures the classifier end to end through
 * `lanekeeper classify` (JSON lines in, JSON lines out), the way other tools call it.
 *
 * - Throughput: every labelled corpus line (test/fixtures/corpus/*.jsonl: text, blocks, attachments,
 *   threads) streamed `--rounds` times through one `lanekeeper classify` process (one thread), timed
 *   from the first line written to the last verdict read.
 * - Latency: one line at a time, each written only after the previous verdict came back: the time
 *   from writing a line to reading its verdict, p50/p99/max over the whole corpus.
 * `--in-process` also times the classifier function alone, without JSON or pipes, and each message's
 * best of 5 runs (robust to other work on a shared machine).
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { classify } from '../src/core/classifier';
import { inputOf, loadCorpus } from '../src/core/classifier/evaluation';

const ROOT = path.join(__dirname, '..');
const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'corpus');

function parseArgs(argv: readonly string[]): { rounds: number; inProcess: boolean } {
  let rounds = 10;
  let inProcess = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') rounds = Number(argv[++i]);
    else if (argv[i] === '--in-process') inProcess = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
  return { rounds, inProcess };
}

/** The corpus as `lanekeeper classify` input lines (the labels left out). */
function inputLines(): string[] {
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl')).sort();
  return files.flatMap((f) => loadCorpus(readFileSync(path.join(CORPUS_DIR, f), 'utf8')).map((line) => JSON.stringify({ id: line.id, ...inputOf(line) })));
}

function start(): { child: ChildProcessWithoutNullStreams; out: Interface } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lanekeeper.js'), 'classify'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.pipe(process.stderr);
  return { child, out: createInterface({ input: child.stdout, crlfDelay: Infinity }) };
}

async function throughput(lines: readonly string[], rounds: number): Promise<void> {
  const { child, out } = start();
  const total = lines.length * rounds;
  let read = 0;
  let errors = 0;
  const done = new Promise<void>((resolve) => {
    out.on('line', (line) => {
      if (line.includes('"error"')) errors++;
      if (++read === total) resolve();
    });
  });
  // Warm-up round, not timed: start-up and V8's first compilation are not the steady rate.
  const warm = new Promise<void>((resolve) => {
    let seen = 0;
    const onLine = (): void => {
      if (++seen === lines.length) {
        out.off('line', onLine);
        resolve();
      }
    };
    out.on('line', onLine);
  });
  read = -lines.length;
  child.stdin.write(`${lines.join('\n')}\n`);
  await warm;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    if (!child.stdin.write(`${lines.join('\n')}\n`)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  await done;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  child.stdin.end();
  console.log(`throughput: ${total} messages in ${seconds.toFixed(2)} s = ${Math.round(total / seconds).toLocaleString('en-US')} messages/s (${errors} error lines)`);
}

async function latency(lines: readonly string[]): Promise<void> {
  const { child, out } = start();
  const iterator = out[Symbol.asyncIterator]();
  // Warm-up: the first lines pay for start-up and compilation.
  for (const line of lines.slice(0, 200)) {
    child.stdin.write(`${line}\n`);
    await iterator.next();
  }
  const times: number[] = [];
  for (const line of lines) {
    const t0 = process.hrtime.bigint();
    child.stdin.write(`${line}\n`);
    await iterator.next();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  child.stdin.end();
  times.sort((a, b) => a - b);
  const at = (q: number): string => `${times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)].toFixed(2)} ms`;
  console.log(`latency, one line at a time (write → verdict read): p50 ${at(0.5)}   p99 ${at(0.99)}   max ${times[times.length - 1].toFixed(2)} ms`);
}

function inProcessRate(lines: readonly string[], rounds: number): void {
  const inputs = lines.map((l) => JSON.parse(l) as Parameters<typeof classify>[0]);
  for (const input of inputs) classify(input);
  const times: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t = process.hrtime.bigint();
      classify(input);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  times.sort((a, b) => a - b);
  const p99 = times[Math.ceil(times.length * 0.99) - 1];
  console.log(`in process, classifier alone: ${Math.round((inputs.length * rounds) / seconds).toLocaleString('en-US')} messages/s, p99 ${p99.toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
  // Each message's best of 5 runs: what the classifier costs when the machine is not busy elsewhere
  // (on a shared machine the plain percentiles above mostly measure other processes).
  const best = inputs.map((input) => {
    let min = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      classify(input);
      min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
    }
    return min;
  });
  best.sort((a, b) => a - b);
  console.log(`in process, each message's best of 5: p50 ${best[Math.floor(best.length / 2)].toFixed(3)} ms, p99 ${best[Math.ceil(best.length * 0.99) - 1].toFixed(3)} ms, max ${best[best.length - 1].toFixed(3)} ms`);
}

async function main(): Promise<void> {
  const { rounds, inProcess } = parseArgs(process.argv.slice(2));
  const lines = inputLines();
  console.log(`corpus: ${lines.length} messages, ${rounds} rounds, node ${process.version}, through bin/lanekeeper.js classify`);
  await throughput(lines, rounds);
  await latency(lines);
  if (inProcess) inProcessRate(lines, rounds);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
