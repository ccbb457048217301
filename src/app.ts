import type { Server } from 'node:http';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import { classify as defaultClassifier } from './core/classifier';
import type { Classifier } from './core/types';
import { closeServer, createHttpServer, listen } from './http/server';
import { scrubMessageContent } from './ports/jobs';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { DIGEST_TICK_JOB_OPTIONS } from './features/digests/digest-tick';
import { analyzeProcessors, deliverProcessors, type ProcessorDeps } from './queue/job-table';
import { closeQueues, createQueues, jobQueueOver, type Queues } from './queue/queues';
import { QUEUE_NAMES } from './queue/registry';
import { createWorker } from './queue/worker-factory';
import { authenticateBot, type BotAuth } from './slack/auth';
import { createBoltApp, type BoltApp } from './slack/bolt-app';
import { workspacesFor } from './slack/workspaces-for-mode';
import { createOAuthStateStore } from './store/oauth-states';
import { slackRoutes } from './slack/http-edge';
import { createStores } from './store';
import { createRedis, KeySpace, MAX_RECONNECT_DELAY_MS, redisReady, settleReconnects, trackDuplicates } from './store/redis';
import { createDigestService, TICK_WINDOW_MS, type TickResult } from './features/digests/digest-service';

/**
 * Builds the whole process from its config: the HTTP server, the Bolt app (unless this is a
 * worker-only process), the queues and the workers (unless this is a web-only process).
 * `main.ts` only reads the environment and calls this; tests call it with their own config.
 */
export interface AppDependencies {
  config: Config;
  logger: Logger;
  /** The judgement used by the analyze worker and `/lane check`. Default: the rule classifier. */
  classifier?: Classifier;
  /** Collect Node's process metrics too (off in tests, where several apps share a process). */
  processMetrics?: boolean;
  /** Interface the HTTP server listens on. Default: every interface (a deployment's load balancer reaches it). */
  listenHost?: string;
}

export interface LanekeeperApp {
  /** Connects to Slack and Redis, starts listening and working. Resolves with the HTTP port. */
  start(): Promise<{ port: number }>;
  /** Drains: stops taking new work, finishes active jobs, closes Redis. */
  stop(): Promise<void>;
  /** Queues the digests due at `atMs` (the same path as `lanekeeper digest send --at`). */
  runDigestTick(atMs: number): Promise<TickResult>;
  readonly metrics: Metrics;
  readonly queues: Queues;
}

/** The hourly digest tick (a BullMQ job scheduler: one per Redis, however many workers run). */
export const DIGEST_SCHEDULER_ID = 'digest-hourly';

export function createApp({ config, logger, classifier = defaultClassifier, processMetrics = true, listenHost }: AppDependencies): LanekeeperApp {
  const metrics = createMetrics({ defaultMetrics: processMetrics });
  const keys = new KeySpace(config.redis.prefix);
  const receives = config.role !== 'worker';
  const works = config.role !== 'web';

  // Separate connections by behaviour: the receive path fails fast, workers wait out outages.
  const fastRedis = createRedis(config.redis.url, 'fail-fast');
  const storeRedis = createRedis(config.redis.url, 'store');
  const connections: Redis[] = [fastRedis, storeRedis];
  /** The connections BullMQ's workers block on (copies of the one each worker is given). */
  const blockingCopies: Redis[] = [];
  const logRedisError = (error: Error) => logger.debug({ err: { message: error.message } }, 'redis connection error');
  const queues = createQueues(receives ? fastRedis : storeRedis, config.redis.prefix, logRedisError);
  for (const connection of connections) connection.on('error', logRedisError);

  const jobs = jobQueueOver(queues);

  // Features reach Slack only through `workspaces` (src/ports/slack.ts). Single-workspace mode:
  // SLACK_BOT_TOKEN is one workspace's bot. Multi-workspace mode: each workspace's own installation.
  const { install } = config.slack;
  let auth: BotAuth | undefined;
  const mode = workspacesFor(install, { apiUrl: config.slack.apiUrl, timeoutMs: config.slack.apiTimeoutMs, redis: storeRedis, keys, logger, workspaceUrl: () => auth?.workspaceUrl ?? 'https://slack.com/' });
  const { workspaces } = mode;
  // Bolt looks installations up on the receive path, which fails fast rather than waits on Redis.
  const receiveInstallations = mode.kind === 'multi' ? mode.installationsOver(fastRedis) : undefined;
  // Workers' repositories ride out short Redis outages; the receive path's (`/lane`, clicks) fail fast.
  const stores = createStores({ redis: storeRedis, keys, workspaces, profileTtlSeconds: config.profileCacheTtlSeconds });
  const receiveStores = receives
    ? createStores({ redis: fastRedis, keys, workspaces, profileTtlSeconds: config.profileCacheTtlSeconds, cacheOnlyProfiles: true })
    : stores;
  const digests = createDigestService({ ...stores, jobs, workspaces, logger });
  const processorDeps: ProcessorDeps = {
    ...stores,
    digests,
    redis: storeRedis,
    keys,
    queues,
    jobs,
    classify: classifier,
    workspaces,
    metrics,
    apiTimeoutMs: config.slack.apiTimeoutMs,
    queueNudge: (payload, options) => jobs.add('send-nudge', payload, options),
    reinstalled: mode.kind === 'multi' ? async (teamId) => (await mode.installations.botFor(teamId)) !== undefined : undefined,
  };

  let bolt: BoltApp | undefined;
  let server: Server | undefined;
  let workers: Worker[] = [];
  let stopping = false;

  const readiness = async () => {
    const redisUp = await fastRedis
      .ping()
      .then((answer) => answer === 'PONG')
      .catch(() => false);
    // Multi-workspace mode has no one token to check at start: each request brings its installation.
    const slackAuth = install.kind === 'multi' || auth !== undefined;
    const checks = { redis: redisUp, slackAuth, draining: stopping };
    return { ready: redisUp && slackAuth && !stopping, checks };
  };

  const refreshQueueFigures = async () => {
    await Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const counts = await queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        for (const [state, count] of Object.entries(counts)) metrics.jobsByState.set({ queue: name, state }, count);
      }),
    );
  };

  return {
    metrics,
    queues,
    runDigestTick: (atMs) => digests.enqueueDue(atMs, TICK_WINDOW_MS),
    async start() {
      await redisReady(fastRedis);
      if (mode.kind === 'single') {
        auth = await authenticateBot(mode.client, { logger });
        logger.info({ team: auth.teamId, botUserId: auth.botUserId, role: config.role }, 'authenticated with Slack');
      }

      if (receives) {
        bolt = createBoltApp({
          config,
          logger,
          auth,
          installs:
            install.kind === 'multi' && receiveInstallations
              ? { installationStore: receiveInstallations, stateStore: createOAuthStateStore({ redis: fastRedis, keys, secret: install.stateSecret }) }
              : undefined,
          uninstalled: receiveInstallations,
          queues,
          jobs,
          bot: auth,
          metrics,
          classify: classifier,
          ...receiveStores,
          // `/lane` may ask Slack about the few people a command names, under a timeout; nothing else
          // on the receive path calls Slack.
          lookup: { profile: stores.profiles.get, people: stores.people },
          digests,
        });
      }
      server = createHttpServer({
        logger,
        slackListener: bolt?.httpReceiver && slackRoutes({ boltListener: bolt.httpReceiver.requestListener, signingSecret: config.slack.signingSecret ?? '', logger, metrics }),
        readiness,
        metrics: { registry: metrics.registry, refresh: refreshQueueFigures },
      });
      const port = await listen(server, config.port, listenHost);

      if (works) {
        const options = { connection: trackDuplicates(createRedis(config.redis.url, 'queue-blocking'), blockingCopies), prefix: config.redis.prefix, concurrency: config.workerConcurrency, lockMs: config.jobLockMs, logger, metrics };
        connections.push(options.connection);
        workers = [
          createWorker('analyze', analyzeProcessors(processorDeps), {
            ...options,
            scrubFailedData: scrubMessageContent,
          }),
          createWorker('deliver', deliverProcessors(processorDeps), options),
        ];
        // A tick that could not look everyone up fails and is retried (see DigestTickIncomplete).
        await queues.analyze.upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern: '0 * * * *' }, { name: 'digest-tick', data: {}, opts: DIGEST_TICK_JOB_OPTIONS });
        for (const worker of workers) void worker.run();
        await Promise.all(workers.map((worker) => worker.waitUntilReady()));
      }
      if (bolt?.socketReceiver) await bolt.socketReceiver.start();
      logger.info({ port, mode: config.slack.appToken ? 'socket' : 'http', workspaces: install.kind, role: config.role }, 'lanekeeper started');
      return { port };
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      logger.info('draining: no new work is taken; active jobs finish');
      if (bolt?.socketReceiver) {
        await bolt.socketReceiver.stop().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'socket mode did not close cleanly'));
      }
      // Workers' blocking connections cannot be closed cleanly while they reconnect (see settleReconnects).
      await settleReconnects(blockingCopies, MAX_RECONNECT_DELAY_MS + 500);
      // Requests in flight and active jobs finish side by side.
      await Promise.all([server ? closeServer(server) : undefined, ...workers.map((worker) => worker.close())]);
      await closeQueues(queues);
      await Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
      logger.info('stopped');
    },
  };
}
