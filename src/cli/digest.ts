import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config';
import { createDigestService, TICK_WINDOW_MS } from '../digest/digest-service';
import { createLogger } from '../logger';
import { closeQueues, createQueues } from '../queue/queues';
import { createSlackGateway, createWebClient } from '../slack/gateway';
import { createStores } from '../store';
import { createRedis, KeySpace } from '../store/redis';
import { EXIT_USAGE, write, type CliIo } from './io';

/**
 * `lanekeeper digest send --at <time>`: runs one digest tick for a chosen time, queueing the same
 * jobs (same ids) as the hourly scheduler, so running it twice, or next to the scheduler, sends
 * nothing twice. The bot's workers send them.
 * `lanekeeper digest preview --user U123 [--team T123] [--week 2026-W47]`: prints a digest without sending.
 * Both read the bot's environment (see .env.example).
 */
export const DIGEST_USAGE = [
  'usage: lanekeeper digest send --at <ISO time, e.g. 2026-11-23T09:05:00-05:00>',
  '       lanekeeper digest preview --user <U…> [--team <T…>] [--week <2026-W47>] [--json]',
].join('\n');

export async function runDigest(args: readonly string[], io: CliIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const [action, ...rest] = args;
  let options: { at?: string; user?: string; team?: string; week?: string; json?: boolean };
  try {
    options = parseArgs({
      args: [...rest],
      options: { at: { type: 'string' }, user: { type: 'string' }, team: { type: 'string' }, week: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    await write(io.stderr, `lanekeeper digest: ${(error as Error).message}\n${DIGEST_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (action === 'send' && !options.at) return usageError(io, '--at is required');
  if (action === 'preview' && !options.user) return usageError(io, '--user is required');
  if (action !== 'send' && action !== 'preview') return usageError(io, action ? `unknown action "${action}"` : 'say send or preview');
  const atMs = options.at ? Date.parse(options.at) : Date.now();
  if (Number.isNaN(atMs)) return usageError(io, `--at "${options.at}" is not a date and time`);
  if (options.week && !/^\d{4}-W\d{2}$/.test(options.week)) return usageError(io, `--week "${options.week}" is not an ISO week such as 2026-W47`);

  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) await write(io.stderr, `lanekeeper: config: ${problem}\n`);
    return EXIT_USAGE;
  }

  const logger = createLogger({ level: 'warn', destination: { write: (line: string) => io.stderr.write(line) } });
  const redis = createRedis(config.redis.url, 'store');
  const keys = new KeySpace(config.redis.prefix);
  const queues = createQueues(redis, config.redis.prefix);
  const slack = createSlackGateway(createWebClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl, logger }));
  const stores = createStores({ redis, keys, slack, profileTtlSeconds: config.profileCacheTtlSeconds });
  const workspaceUrl = (await slack.workspaceUrl().catch(() => undefined)) ?? 'https://slack.com/';
  const digests = createDigestService({ ...stores, queues, logger, workspaceUrl: () => workspaceUrl });
  try {
    if (action === 'send') {
      const result = await digests.enqueueDue(atMs, TICK_WINDOW_MS);
      await write(io.stdout, `digest tick at ${new Date(atMs).toISOString()}: ${result.people} people looked at, ${result.queued} digests queued\n`);
      return 0;
    }
    const teams = options.team ? [options.team] : await stores.records.teams();
    if (teams.length !== 1) return usageError(io, teams.length === 0 ? 'no workspace has records yet' : 'several workspaces have records: pass --team');
    const user = options.user ?? '';
    const week = options.week ?? (await digests.currentWeek(teams[0], user, atMs));
    const digest = await digests.compose(teams[0], user, week, { force: true });
    await write(io.stdout, options.json ? `${JSON.stringify(digest)}\n` : `${digest?.text ?? 'nothing to report'}\n`);
    return 0;
  } finally {
    await closeQueues(queues);
    await redis.quit();
  }
}

async function usageError(io: CliIo, problem: string): Promise<number> {
  await write(io.stderr, `lanekeeper digest: ${problem}\n${DIGEST_USAGE}\n`);
  return EXIT_USAGE;
}
