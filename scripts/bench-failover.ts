/**
 * `npm run bench:failover`: what a Redis failover costs the receive path, and what `WAIT 1` would
 * buy. Replication is asynchronous: an event stored on the master and acknowledged to Slack may
 * not have reached the replica when the master dies, and is then gone for good (Slack does not
 * send an acknowledged event again).
 *
 * For each mode (no WAIT; `WAIT 1` after every store) it starts a master, its replica and two
 * sentinels on free ports, queues events through the receive path's own connection and enqueue
 * (as the HTTP listener does) at a steady rate, SIGKILLs the master mid-stream, and once the
 * sentinels have promoted the replica counts the acknowledged events that are missing. It also
 * prints the store-to-acknowledge time before the kill, and, measured one event at a time before the
 * stream (alternating with and without WAIT, so both see the same machine), what WAIT adds to one
 * acknowledgement. Figures only: no pass/fail.
 *
 * Options: --rate 1000 (events/s) --seconds 4 --kill-at 2 --runs 3
 */
import { createQueues, closeQueues, enqueue } from '../src/queue/queues';
import { jobIdFrom } from '../src/ports/jobs';
import { parseConfig } from '../src/config';
import { createRedis, redisReady } from '../src/store/redis';
import { startSentinelSetup } from '../test/support/redis-processes';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const RATE = Number(args.get('rate') ?? 1000);
const SECONDS = Number(args.get('seconds') ?? 4);
const KILL_AT_MS = Number(args.get('kill-at') ?? 2) * 1000;
const RUNS = Number(args.get('runs') ?? 3);
const TICK_MS = 10;
const WAIT_TIMEOUT_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface RunResult {
  /** One event at a time before the stream: ack ms without WAIT and with it. */
  alone: { plain: number[]; waited: number[] };
  sent: number;
  acked: number;
  lost: number;
  ackMs: number[];
}

async function run(waitForReplica: boolean): Promise<RunResult> {
  const setup = await startSentinelSetup('bench');
  try {
    const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', REDIS_SENTINELS: setup.seeds, REDIS_SENTINEL_NAME: setup.name, REDIS_PREFIX: 'lkbench' };
    const { redis: settings } = parseConfig(env);
    const connection = createRedis(settings, 'fail-fast');
    connection.on('error', () => undefined);
    await redisReady(connection);
    const queues = createQueues(connection, settings.prefix);

    const alone = { plain: [] as number[], waited: [] as number[] };
    for (let n = 0; n < 400; n++) {
      const waited = n % 2 === 1;
      const at = performance.now();
      await enqueue(queues, 'analyze', 'analyze-message', { teamId: 'TBENCH', channelId: 'CALONE', ts: `1600000000.${String(n).padStart(6, '0')}`, userId: 'UBENCH', text: 'x', edited: false, receivedAt: Date.now() }, { jobId: jobIdFrom('alone', String(n)) });
      if (waited) await connection.wait(1, WAIT_TIMEOUT_MS);
      (waited ? alone.waited : alone.plain).push(performance.now() - at);
    }
    alone.plain.sort((a, b) => a - b);
    alone.waited.sort((a, b) => a - b);

    const acked: string[] = [];
    const ackMs: number[] = [];
    let sent = 0;
    const started = performance.now();
    let killed = false;
    const inFlight: Promise<void>[] = [];
    while (performance.now() - started < SECONDS * 1000) {
      if (!killed && performance.now() - started >= KILL_AT_MS) {
        setup.master.kill();
        killed = true;
      }
      for (let i = 0; i < (RATE * TICK_MS) / 1000; i++) {
        const n = sent++;
        const ts = `1700000000.${String(n).padStart(6, '0')}`;
        const jobId = jobIdFrom('msg', 'TBENCH', 'CBENCH', ts);
        const at = performance.now();
        const beforeKill = !killed;
        inFlight.push(
          (async () => {
            await enqueue(queues, 'analyze', 'analyze-message', { teamId: 'TBENCH', channelId: 'CBENCH', ts, userId: 'UBENCH', text: 'x', edited: false, receivedAt: Date.now() }, { jobId });
            if (waitForReplica) await connection.wait(1, WAIT_TIMEOUT_MS);
            acked.push(jobId);
            if (beforeKill) ackMs.push(performance.now() - at);
          })().catch(() => undefined),
        );
      }
      await sleep(TICK_MS);
    }
    await Promise.all(inFlight);

    const deadline = Date.now() + 20000;
    while ((await setup.currentMasterPort()) !== setup.replica.port && Date.now() < deadline) await sleep(200);
    const check = createRedis(settings, 'store');
    await redisReady(check);
    const present = await Promise.all(acked.map((jobId) => check.exists(queues.analyze.toKey(jobId))));
    await closeQueues(queues).catch(() => undefined);
    connection.disconnect();
    check.disconnect();
    return { alone, sent, acked: acked.length, lost: present.filter((n) => n === 0).length, ackMs: ackMs.sort((a, b) => a - b) };
  } finally {
    await setup.stop();
  }
}

async function main(): Promise<void> {
  console.log(`bench:failover  ${RATE} events/s for ${SECONDS} s, master SIGKILLed at ${KILL_AT_MS / 1000} s, ${RUNS} runs per mode (node ${process.version})`);
  for (const waitForReplica of [false, true]) {
    const mode = waitForReplica ? `WAIT 1 (timeout ${WAIT_TIMEOUT_MS} ms)` : 'no WAIT';
    for (let i = 0; i < RUNS; i++) {
      const { alone, sent, acked, lost, ackMs } = await run(waitForReplica);
      console.log(
        `${mode.padEnd(24)} run ${i + 1}: sent ${sent}, acknowledged ${acked}, acknowledged but lost ${lost}; ` +
          `ack ms under load p50 ${percentile(ackMs, 50).toFixed(2)} p95 ${percentile(ackMs, 95).toFixed(2)} p99 ${percentile(ackMs, 99).toFixed(2)}; ` +
          `one at a time p50/p95 without WAIT ${percentile(alone.plain, 50).toFixed(2)}/${percentile(alone.plain, 95).toFixed(2)}, with WAIT 1 ${percentile(alone.waited, 50).toFixed(2)}/${percentile(alone.waited, 95).toFixed(2)}`,
      );
    }
  }
  process.exit(0);
}

void main();
