/**
 * `npm run bench:soak`: lanekeeper deployed as it would be in production (one `ROLE=web` process
 * and two `ROLE=worker` processes, each `src/main.ts` configured through its environment) under
 * steady mixed traffic from many workspaces, against the local Slack on loopback and a Redis
 * prefix of its own on 127.0.0.1:6379 (deleted afterwards).
 *
 * Prints: event-to-nudge latency (the local Slack's arrival time of the nudge minus the time the
 * event was sent) p50/p95/p99, the largest queue backlog and how long it took to drain once the
 * traffic stopped, the RSS of each process, Redis memory per workspace, and nudges lost, doubled
 * or unexpected against the nudges the traffic predicts (see bench/soak-traffic.ts). Figures only:
 * nothing is asserted. Stops by itself; its processes are stopped on exit or Ctrl-C.
 *
 * Options: --seconds 60 --rate 300 --workspaces 200 --workers 2 --seed 12 --warm-up 5 --drain-timeout 180
 * (--warm-up: seconds of the same traffic first, whose nudges are checked but not timed).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { queuePrefix } from '../src/queue/queues';
import { deleteKeys, zoneWhereItIsHour } from '../test/support/harness';
import { SlackRequestSender } from './local-slack/requests';
import { startLocalSlack, type RecordedCall } from './local-slack/web-api';
import { cpuSeconds, describeExit, residentBytes, startAppProcess, stopAppProcess, type AppProcess } from './bench/soak-processes';
import { judgeNudges, percentile, type ExpectedNudge } from './bench/soak-judge';
import { sendAsSlackDoes, type AckFigures } from './bench/slack-like-sender';
import { benchWorkspaces, createSoakTraffic, nudgeKey, TRAFFIC_MIX, type NudgeKey } from './bench/soak-traffic';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const SECONDS = Number(args.get('seconds') ?? 60);
const RATE = Number(args.get('rate') ?? 300);
const WORKSPACES = Number(args.get('workspaces') ?? 200);
const WORKERS = Number(args.get('workers') ?? 2);
const SEED = Number(args.get('seed') ?? 12);
const DRAIN_TIMEOUT_MS = Number(args.get('drain-timeout') ?? 180) * 1000;
/** Traffic sent first at the same rate, its nudges checked but not timed: a deployed bot is warm. */
const WARM_UP_SECONDS = Number(args.get('warm-up') ?? 5);

const REDIS_URL = 'redis://127.0.0.1:6379';
const SIGNING_SECRET = 'soak-signing-secret';
const BOT_TOKEN = 'xoxb-soak-bench';
const SAMPLE_EVERY_MS = 250;
const MB = 1024 * 1024;

const processes: AppProcess[] = [];
const track = (app: AppProcess) => processes.push(app);
let cleanup: (() => Promise<void>) | undefined;

async function main(): Promise<void> {
  const slack = await startLocalSlack({ botToken: BOT_TOKEN });
  const prefix = `lksoak-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL);
  const workspaces = benchWorkspaces(WORKSPACES, () => BOT_TOKEN);
  const teamOfChannel = new Map(workspaces.flatMap((ws) => ws.channels.map((channel) => [channel, ws.teamId] as const)));
  const traffic = createSoakTraffic({ workspaces, addUser: slack.addUser, timeZone: zoneWhereItIsHour(12), seed: SEED, responseUrl: () => slack.responseUrl() });
  const queues = (['analyze', 'deliver'] as const).map((name) => new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix: queuePrefix(prefix, name) }));

  let cleaned = false;
  cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    const endings = await Promise.all(processes.map(async (app) => `${app.name}: ${await stopAppProcess(app)}`));
    console.log(`stopped: ${endings.join(', ')}`);
    await Promise.all(queues.map((queue) => queue.close()));
    await deleteKeys(redis, prefix);
    await redis.quit();
    await slack.close();
  };

  console.log(
    `bench:soak  ROLE=web + ${WORKERS} ROLE=worker, ${WORKSPACES} workspaces, ${RATE} requests/s for ${SECONDS} s after a ${WARM_UP_SECONDS} s warm-up, seed ${SEED}  (node ${process.version}, prefix ${prefix})`,
  );
  console.log(`load average at start (1/5/15 min): ${loadAverage()}`);
  console.log(`mix %: ${Object.entries(TRAFFIC_MIX).map(([kind, share]) => `${kind} ${share}`).join(', ')}; corpus pools: ${JSON.stringify(traffic.pools)}`);

  const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, REDIS_URL, REDIS_PREFIX: prefix };
  const started = await Promise.all([
    startAppProcess('web', { ...env, ROLE: 'web' }, track),
    ...Array.from({ length: WORKERS }, (_, i) => startAppProcess(`worker-${i + 1}`, { ...env, ROLE: 'worker' }, track)),
  ]);
  const web = started[0];

  // Nudges as the local Slack receives them, identified by the buttons they carry.
  /** The nudges the traffic predicts, from the first time an event that calls for one was sent. */
  const expected = new Map<NudgeKey, ExpectedNudge>();
  const deliveredAt = new Map<NudgeKey, number[]>();
  let unexpected = 0;
  let refusedNudges = 0;
  slack.onCall((call) => {
    if (call.method !== 'chat.postEphemeral' && call.method !== 'chat.postMessage') return;
    const button = nudgeButtonIn(call);
    if (!button) return;
    if ((call.response as { ok?: boolean }).ok !== true) {
      refusedNudges += 1;
      return;
    }
    const key = nudgeKey(button.c, button.t, button.r);
    deliveredAt.set(key, [...(deliveredAt.get(key) ?? []), call.at]);
    if (!expected.has(key)) unexpected += 1;
    const teamId = teamOfChannel.get(button.c);
    const messageTs = (call.response as { message_ts?: string; ts?: string }).message_ts ?? (call.response as { ts?: string }).ts;
    if (teamId && messageTs) traffic.noteDelivered({ teamId, channel: button.c, recipient: button.r, messageTs, buttonValue: button.raw });
  });

  // Samplers: queue backlog and each process's RSS.
  const rss = new Map(processes.map((app) => [app.name, { peak: 0, timeline: [] as { rss: number; heap?: number }[] }]));
  let backlogPeak = { jobs: 0, atMs: 0 };
  let lastBacklog = { jobs: 0, delayed: 0 };
  const runStarted = performance.now();
  const runStartedAt = Date.now();
  const cpuAtStart = new Map(processes.map((app) => [app.name, cpuSeconds(app.child.pid) ?? 0]));
  const benchCpuAtStart = process.cpuUsage();
  let rssSamples = 0;
  /** Every second for the peak; every tenth sample also goes on the printed timeline. */
  const sampleRss = () => {
    for (const app of processes) {
      const bytes = residentBytes(app.child.pid) ?? 0;
      const figures = rss.get(app.name)!;
      figures.peak = Math.max(figures.peak, bytes);
      if (rssSamples % 10 === 0) {
        // The V8 heap in use beside it tells a heap that grows from one that is only not yet collected.
        const entry: { rss: number; heap?: number } = { rss: bytes };
        figures.timeline.push(entry);
        void heapUsedBytes(app.port).then((heap) => (entry.heap = heap));
      }
    }
    rssSamples += 1;
  };
  const sampleBacklog = async () => {
    const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed')));
    const jobs = counts.reduce((sum, c) => sum + c.waiting + c.active + c.prioritized, 0);
    // The analyze queue always holds one delayed job: the hourly digest tick.
    const delayed = counts.reduce((sum, c) => sum + c.delayed, 0) - 1;
    lastBacklog = { jobs, delayed };
    if (jobs + delayed > backlogPeak.jobs) backlogPeak = { jobs: jobs + delayed, atMs: performance.now() - runStarted };
  };
  const rssTimer = setInterval(sampleRss, 1000);
  let sampling = true;
  const backlogLoop = (async () => {
    while (sampling) {
      await sampleBacklog().catch(() => undefined);
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  sampleRss();

  // Open-loop traffic: one request every 1000/RATE ms, whatever the answers do.
  const sender = new SlackRequestSender({ baseUrl: `http://127.0.0.1:${web.port}`, signingSecret: SIGNING_SECRET });
  const acks: Record<string, AckFigures> = {};
  const pending: Promise<void>[] = [];
  let flaggedMessages = 0;
  let messages = 0;
  const total = Math.round(RATE * (WARM_UP_SECONDS + SECONDS));
  for (let i = 0; i < total; i += 1) {
    const wait = runStarted + (i * 1000) / RATE - performance.now();
    if (wait > 1) await sleep(wait);
    const request = traffic.next();
    if (request.kind === 'message' || request.kind === 'standup' || request.kind === 'edit') {
      const sentAt = Date.now();
      for (const key of request.expects) if (!expected.has(key)) expected.set(key, { sentAt, acknowledged: false });
      if (request.kind === 'message') {
        messages += 1;
        if (request.flagged) flaggedMessages += 1;
      }
    }
    const figures = (acks[request.kind] ??= { sent: 0, retries: 0, gaveUp: 0, failures: {}, ms: [] });
    pending.push(
      sendAsSlackDoes(sender, request, figures).then((acknowledged) => {
        if (!acknowledged || !('expects' in request)) return;
        for (const key of request.expects) expected.get(key)!.acknowledged = true;
      }),
    );
  }
  const sendingEndedMs = performance.now() - runStarted;
  await Promise.all(pending);
  const lastAnswerMs = performance.now() - runStarted - sendingEndedMs;
  const rssAtEndOfTraffic = new Map(processes.map((app) => [app.name, residentBytes(app.child.pid) ?? 0]));
  const backlogAtEnd = { ...lastBacklog };

  // Drain: until both queues hold nothing but the digest tick, or the drain timeout.
  let drainedMs: number | undefined;
  while (performance.now() - runStarted - sendingEndedMs < DRAIN_TIMEOUT_MS) {
    await sampleBacklog();
    if (lastBacklog.jobs === 0 && lastBacklog.delayed <= 0) {
      drainedMs = performance.now() - runStarted - sendingEndedMs;
      break;
    }
    await sleep(SAMPLE_EVERY_MS);
  }
  // A late second post (a job taken over after a lost lock) would arrive within a few seconds.
  await sleep(2000);
  sampling = false;
  await backlogLoop;
  clearInterval(rssTimer);
  rssSamples = 0;
  sampleRss();

  const cpuUsed = new Map(processes.map((app) => [app.name, (cpuSeconds(app.child.pid) ?? 0) - (cpuAtStart.get(app.name) ?? 0)]));
  const benchCpu = process.cpuUsage(benchCpuAtStart);
  const { latencies, warmUpLatencies, latencyWindows, lost, doubled, missingOfUnacknowledged, lostExamples, doubledExamples } = judgeNudges(
    expected,
    deliveredAt,
    runStartedAt + WARM_UP_SECONDS * 1000,
  );
  const memory = await redisMemory(redis, prefix);
  const failedJobs = await Promise.all(queues.map(async (queue) => `${queue.name} ${(await queue.getJobCounts('failed')).failed}`));

  const at = (q: number) => percentile(latencies, q);
  const sentTotal = Object.values(acks).reduce((sum, a) => sum + a.sent - a.retries, 0);
  const allAcks = Object.values(acks).flatMap((a) => a.ms);
  const ackAt = (q: number) => percentile(allAcks, q);
  console.log('');
  console.log(`sent: ${sentTotal} requests (warm-up included) in ${(sendingEndedMs / 1000).toFixed(1)} s (${((sentTotal / sendingEndedMs) * 1000).toFixed(0)}/s); ${traffic.people()} people`);
  console.log(`  by kind: ${Object.entries(acks).map(([kind, a]) => `${kind} ${a.sent - a.retries}`).join(', ')}`);
  for (const [kind, a] of Object.entries(acks)) {
    const failures = Object.entries(a.failures);
    if (failures.length === 0) continue;
    console.log(`  ${kind}: not answered 200: ${failures.map(([why, n]) => `${why} x${n}`).join(', ')}; retried ${a.retries}; never acknowledged ${a.gaveUp}`);
  }
  console.log(`  messages flagged: ${flaggedMessages} of ${messages} (${((flaggedMessages / Math.max(1, messages)) * 100).toFixed(0)}%)`);
  console.log(`  ack (requests answered): p50 ${ackAt(0.5).toFixed(1)} ms, p99 ${ackAt(0.99).toFixed(1)} ms, max ${percentile(allAcks, 1).toFixed(0)} ms`);
  console.log(`nudges: ${expected.size} expected, ${latencies.length + warmUpLatencies.length} delivered, lost ${lost}, doubled ${doubled}, unexpected ${unexpected}, refused by Slack ${refusedNudges}`);
  if (missingOfUnacknowledged) console.log(`  not delivered, for events never acknowledged (Slack would retry once more after 5 minutes): ${missingOfUnacknowledged}`);
  if (lostExamples.length) console.log(`  lost, e.g. (channel|thread|person): ${lostExamples.join('; ')}`);
  if (doubledExamples.length) console.log(`  doubled, e.g.: ${doubledExamples.join('; ')}`);
  console.log(`event-to-nudge latency: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${percentile(latencies, 1).toFixed(0)} ms`);
  console.log(`  warm-up (not in the figures above): p95 ${percentile(warmUpLatencies, 0.95).toFixed(0)} ms of ${warmUpLatencies.length} nudges`);
  console.log(`  p95 by 10 s of sending: ${[...latencyWindows].map((window) => (window ? `${percentile(window, 0.95).toFixed(0)}` : '-')).join(', ')} ms`);
  console.log(
    `backlog (jobs waiting, active or delayed): largest ${backlogPeak.jobs} at ${(backlogPeak.atMs / 1000).toFixed(1)} s; ${backlogAtEnd.jobs + Math.max(0, backlogAtEnd.delayed)} when the traffic stopped; ` +
      `the last request answered ${(lastAnswerMs / 1000).toFixed(1)} s after it; ` +
      (drainedMs === undefined ? `NOT drained within ${DRAIN_TIMEOUT_MS / 1000} s (${lastBacklog.jobs} left)` : `drained ${(drainedMs / 1000).toFixed(1)} s after the traffic stopped`),
  );
  console.log(`failed jobs: ${failedJobs.join(', ')}`);
  for (const app of processes) {
    const figures = rss.get(app.name)!;
    console.log(
      `RSS ${app.name.padEnd(9)} peak ${(figures.peak / MB).toFixed(0)} MB, at end of traffic ${((rssAtEndOfTraffic.get(app.name) ?? 0) / MB).toFixed(0)} MB; RSS/heap used every 10 s: ${figures.timeline.map((t) => `${(t.rss / MB).toFixed(0)}/${t.heap === undefined ? '?' : (t.heap / MB).toFixed(0)}`).join(' ')}` +
        (app.exit ? `  EXITED during the run (${describeExit(app)}): ${app.stderrTail.slice(-3).join(' | ')}` : ''),
    );
  }
  console.log(`RSS load generator + local Slack: ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
  const elapsedSeconds = (performance.now() - runStarted) / 1000;
  console.log(
    `CPU seconds from the first request to the end of the drain (${elapsedSeconds.toFixed(0)} s, 2 cores = ${(2 * elapsedSeconds).toFixed(0)} s): ` +
      `${[...cpuUsed].map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`).join(', ')}, load generator + local Slack ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)}`,
  );
  console.log(
    `Redis: ${(memory.total / MB).toFixed(1)} MB in ${memory.keys} keys under the prefix; per workspace ${(memory.total / WORKSPACES / 1024).toFixed(1)} KB ` +
      `(its own records ${(memory.perTeam / WORKSPACES / 1024).toFixed(1)} KB in ${(memory.teamKeys / WORKSPACES).toFixed(0)} keys, plus a share of the queues' ${(memory.shared / MB).toFixed(1)} MB)`,
  );
  const kinds = [...memory.sharedByKind].sort((x, y) => y[1].bytes - x[1].bytes).slice(0, 6);
  console.log(`  shared keys by kind: ${kinds.map(([kind, k]) => `${kind} ${k.keys} keys ${(k.bytes / MB).toFixed(1)} MB`).join(', ')}`);
  for (const app of processes) {
    const notable = [...app.logTally].filter(([label]) => !label.startsWith('info') && !label.startsWith('debug'));
    if (notable.length) console.log(`log ${app.name}: ${notable.map(([label, n]) => `${label} x${n}`).join('; ')}`);
  }
  const nudgeLogs = processes.flatMap((app) => [...app.logTally].filter(([label]) => /nudge (not sent|dropped)|already delivered/.test(label)));
  if (nudgeLogs.length) console.log(`nudges not sent, by reason: ${nudgeLogs.map(([label, n]) => `${label} x${n}`).join('; ')}`);
  console.log(`Slack calls: ${summarizeCalls(slack.calls)}`);
  console.log(`load average at end (1/5/15 min): ${loadAverage()}`);
  await cleanup();
}

/** The value of a nudge button in a posted message (recipient `r`, channel `c`, thread `t`), if it is a nudge. */
function nudgeButtonIn(call: RecordedCall): { r: string; c: string; t: string; raw: string } | undefined {
  const blocks = Array.isArray(call.params.blocks) ? (call.params.blocks as { elements?: unknown }[]) : [];
  for (const block of blocks) {
    if (!Array.isArray(block.elements)) continue;
    for (const element of block.elements as { action_id?: unknown; value?: unknown }[]) {
      if (typeof element.action_id === 'string' && element.action_id.startsWith('nudge_') && typeof element.value === 'string') {
        const value = JSON.parse(element.value) as { r: string; c: string; t: string };
        return { r: value.r, c: value.c, t: value.t, raw: element.value };
      }
    }
  }
  return undefined;
}

/** Memory of every key under the prefix: each workspace's own (`<prefix>:{t:<team>}:…`) and the rest (queues, de-duplication). */
interface RedisMemory {
  total: number;
  perTeam: number;
  shared: number;
  keys: number;
  teamKeys: number;
  /** The shared keys by kind (`analyze:de` = de-duplication markers, `deliver:job` = job hashes kept, …): keys and bytes. */
  sharedByKind: Map<string, { keys: number; bytes: number }>;
}

/** BullMQ's own structures in a queue; any other key there is one job's hash (or its logs). */
const QUEUE_STRUCTURES = new Set(['de', 'id', 'wait', 'paused', 'active', 'completed', 'failed', 'delayed', 'prioritized', 'events', 'meta', 'marker', 'stalled', 'stalled-check', 'limiter', 'pc', 'repeat']);

async function redisMemory(redis: Redis, prefix: string): Promise<RedisMemory> {
  const figures: RedisMemory = { total: 0, perTeam: 0, shared: 0, keys: 0, teamKeys: 0, sharedByKind: new Map() };
  const teamPrefix = `${prefix}:{t:`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key);
    const sizes = (await pipeline.exec()) ?? [];
    keys.forEach((key, index) => {
      const bytes = Number(sizes[index]?.[1] ?? 0);
      figures.total += bytes;
      figures.keys += 1;
      if (key.startsWith(teamPrefix)) {
        figures.perTeam += bytes;
        figures.teamKeys += 1;
      } else {
        figures.shared += bytes;
        // A queue's keys are `<prefix>:{q:<queue>}:<queue>:<part>` (see queuePrefix).
        const [queue = '', part = ''] = key.slice(prefix.length + 1).replace(/^\{q:[^}]*\}:/, '').split(':');
        const inQueue = queue === 'analyze' || queue === 'deliver';
        const kind = inQueue ? `${queue}:${QUEUE_STRUCTURES.has(part) ? part : 'job'}` : `${queue}:…`;
        const entry = figures.sharedByKind.get(kind) ?? { keys: 0, bytes: 0 };
        entry.keys += 1;
        entry.bytes += bytes;
        figures.sharedByKind.set(kind, entry);
      }
    });
  } while (cursor !== '0');
  return figures;
}

/** The machine is shared: how busy it was says how far to trust the figures. */
const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');

function summarizeCalls(calls: RecordedCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
  return [...counts].map(([method, n]) => `${method} ${n}`).join(', ');
}

/** `nodejs_heap_size_used_bytes` from a process's /metrics (with or without the app's metric prefix). */
async function heapUsedBytes(port: number): Promise<number | undefined> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    const match = /^(?:lanekeeper_)?nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Ctrl-C or a kill: stop the bot's processes and delete the prefix; a hard exit still kills them.
// Ctrl-C reaches this process twice (from the terminal and relayed by tsx): the first one cleans up.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    void (cleanup ?? (async () => undefined))()
      .catch((error: Error) => console.error(`cleanup failed: ${error.message}`))
      .finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  for (const app of processes) if (!app.exit) app.child.kill('SIGKILL');
});

main().catch(async (error: Error) => {
  console.error(`bench:soak failed: ${error.message}`);
  await cleanup?.().catch(() => undefined);
  process.exitCode = 1;
});
