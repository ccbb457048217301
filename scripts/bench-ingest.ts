/**
 * `npm run bench:ingest`: how fast lanekeeper acknowledges Slack events, next to a bare Bolt app
 * that only acknowledges, measured in the same run on the same machine.
 *
 * For each target it sends signed `message` events at a fixed rate (default 300/s for 10 s) and
 * reports ack latency p50/p99/max and the achieved rate, then drives it as fast as a fixed number
 * of connections allows, at each of several numbers, to find its ack throughput: the best of those
 * levels. A target that answers only once the event is stored (lanekeeper) spends part of each
 * request waiting on Redis, so it needs more requests in flight than one that answers at once (bare
 * Bolt) to be kept busy; comparing each at its own best level compares capacities, not round trips.
 * Every level's figures are printed. Figures only: no pass/fail.
 *
 * Two cores are shared by the load generator, the target and Redis, so single runs are noisy: the
 * throughput phase runs ROUNDS times per target, targets interleaved, and the median is reported.
 *
 * Options: --rate 300 --seconds 10 --burst-seconds 5 --connections 32,128 --rounds 3
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { Redis } from 'ioredis';
import { messageEvent } from './local-slack/requests';
import { signSlackRequest } from './local-slack/signing';
import { startLocalSlack } from './local-slack/web-api';

const SIGNING_SECRET = 'bench-signing-secret';
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const RATE = Number(args.get('rate') ?? 300);
const SECONDS = Number(args.get('seconds') ?? 10);
const BURST_SECONDS = Number(args.get('burst-seconds') ?? 5);
const CONNECTION_LEVELS = (args.get('connections') ?? '32,128').split(',').map(Number);
const ROUNDS = Number(args.get('rounds') ?? 3);
const WARM_UP_SECONDS = 3;
/** Run only the targets whose name contains this (e.g. --only web). */
const ONLY = args.get('only');
/** Extra node flags for the targets, e.g. --node-flags --cpu-prof */
const NODE_FLAGS = (args.get('node-flags') ?? '').split(' ').filter(Boolean);

interface Target {
  name: string;
  port: number;
  child: ChildProcess;
}

async function startTarget(name: string, argv: string[]): Promise<Target> {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', path.join(__dirname, 'bench', 'ingest-target.ts'), ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /READY (\d+)/.exec(buffered);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, port, child };
}

async function stopTarget(target: Target): Promise<void> {
  const exited = new Promise((resolve) => target.child.once('exit', resolve));
  target.child.kill('SIGTERM');
  await exited;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...CONNECTION_LEVELS) });

function sendOne(port: number, sequence: number): Promise<{ status: number; ms: number }> {
  const envelope = messageEvent({
    team: 'T_BENCH',
    channel: 'C_BENCH',
    user: 'U_LEAD',
    text: `<@U_ANA> can you book the retro room and update the timeline? #${sequence}`,
  });
  const body = JSON.stringify(envelope);
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...signSlackRequest(SIGNING_SECRET, body) };
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    request.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    request.end(body);
  });
}

interface Figures {
  sent: number;
  ok: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

function summarize(results: { status: number; ms: number }[], elapsedMs: number): Figures {
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    sent: results.length,
    ok: results.filter((r) => r.status === 200).length,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    perSecond: (results.length / elapsedMs) * 1000,
  };
}

/** Open-loop load: one request every 1000/RATE ms, whatever the answers do. */
async function fixedRate(port: number): Promise<Figures> {
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const pending: Promise<{ status: number; ms: number }>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(sendOne(port, i));
  }
  const results = await Promise.all(pending);
  return summarize(results, performance.now() - started);
}

/** Closed-loop load: `connections` requests in flight for `seconds`, to find the ceiling. */
async function throughput(port: number, connections: number, seconds = BURST_SECONDS): Promise<Figures> {
  const results: { status: number; ms: number }[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let sequence = 1_000_000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) results.push(await sendOne(port, (sequence += 1)));
    }),
  );
  return summarize(results, performance.now() - started);
}

const format = (f: Figures) =>
  `${f.sent.toString().padStart(6)} sent ${f.ok.toString().padStart(6)} ok   p50 ${f.p50.toFixed(2).padStart(6)} ms   p99 ${f.p99.toFixed(2).padStart(6)} ms   max ${f.max.toFixed(1).padStart(6)} ms   ${f.perSecond.toFixed(0).padStart(5)}/s`;

async function main(): Promise<void> {
  const slack = await startLocalSlack({ teamId: 'T_BENCH' });
  const prefix = `lkbench-${randomUUID().slice(0, 8)}`;
  const redis = new Redis('redis://127.0.0.1:6379');
  console.log(`bench:ingest  rate ${RATE}/s for ${SECONDS}s, then ${CONNECTION_LEVELS.join(' and ')} connections for ${BURST_SECONDS}s each  (node ${process.version})`);
  const targets = (
    [
      ['bare Bolt (ack only)', ['bare', slack.url, SIGNING_SECRET, prefix]],
      ['lanekeeper ROLE=web', ['lanekeeper', slack.url, SIGNING_SECRET, `${prefix}-web`, 'web']],
      ['lanekeeper ROLE=all', ['lanekeeper', slack.url, SIGNING_SECRET, `${prefix}-all`, 'all']],
    ] as const
  ).filter(([name]) => !ONLY || name.includes(ONLY));
  // One target runs at a time (a ROLE=all target keeps working its backlog after its turn, which
  // would slow the others down); each round starts the targets afresh in a rotated order.
  const rows: { name: string; rate?: Figures; bursts: Figures[][] }[] = targets.map(([name]) => ({ name, bursts: CONNECTION_LEVELS.map(() => []) }));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const index = (step + round) % targets.length;
      const [name, argv] = targets[index];
      const target = await startTarget(name, [...argv]);
      // Warm up (JIT, connection pools) with a discarded burst, so every round measures a warm process.
      await throughput(target.port, CONNECTION_LEVELS[0], WARM_UP_SECONDS);
      if (round === 0) rows[index].rate = await fixedRate(target.port);
      for (const [level, connections] of CONNECTION_LEVELS.entries()) rows[index].bursts[level].push(await throughput(target.port, connections));
      await stopTarget(target);
      // Each round starts from an empty queue: a backlog left by the last round is not what is measured.
      await clearPrefix(redis, `${argv[3]}:*`);
    }
  }

  const median = (bursts: Figures[]) => [...bursts].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(bursts.length / 2)];
  /** A target's ack throughput: the best of its per-level medians. */
  const ceiling = (row: (typeof rows)[number]) => Math.max(...row.bursts.map((bursts) => median(bursts).perSecond));
  for (const row of rows) {
    if (row.rate) console.log(`${row.name.padEnd(22)} fixed rate: ${format(row.rate)}`);
    for (const [level, bursts] of row.bursts.entries()) {
      const label = `${CONNECTION_LEVELS[level]} conn (median of ${ROUNDS}):`;
      console.log(`${''.padEnd(22)} ${label.padEnd(24)} ${format(median(bursts))}   rounds: ${bursts.map((b) => b.perSecond.toFixed(0)).join(', ')}/s`);
    }
  }
  const bare = rows.find((row) => row.name.startsWith('bare'));
  for (const row of rows.filter((r) => !r.name.startsWith('bare'))) {
    const share = (ours: number, theirs: number) => `${((ours / theirs) * 100).toFixed(0)}%`;
    const perLevel = bare ? row.bursts.map((bursts, level) => `${CONNECTION_LEVELS[level]} conn ${share(median(bursts).perSecond, median(bare.bursts[level]).perSecond)}`).join(', ') : '';
    const best = bare ? share(ceiling(row), ceiling(bare)) : 'n/a';
    console.log(`${row.name}: ack throughput ${ceiling(row).toFixed(0)}/s, ${best} of bare Bolt's ${bare ? ceiling(bare).toFixed(0) : '?'}/s (each at its best level; same level: ${perLevel}); p99 at ${RATE}/s ${row.rate?.p99.toFixed(2)} ms`);
  }
  await redis.quit();
  agent.destroy();
  await slack.close();
}

async function clearPrefix(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

void main();
