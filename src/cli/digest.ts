import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config';
import { weekLabel } from '../core/digest/compose';
import { digestToTerminal } from '../core/digest/terminal';
import { createDigestService, DigestTickIncomplete, TICK_WINDOW_MS } from '../features/digests/digest-service';
import { createLogger } from '../logger';
import { closeQueues, createQueues, jobQueueOver } from '../queue/queues';
import { workspaceUrlOf } from '../slack/gateway';
import { workspacesFor } from '../slack/workspaces-for-mode';
import { createStores } from '../store';
import { createRedis, KeySpace } from '../store/redis';
import { EXIT_USAGE, write, type CliIo } from './io';

/**
 * `lanekeeper digest send --at <time>`: runs one digest tick for a chosen time, queueing the same
 * jobs (same ids) as the hourly scheduler, so running it twice, or next to the scheduler, sends
 * nothing twice. The bot's workers send them.
 * `lanekeeper digest preview --user U123 [--team T123] [--week 2026-W47] [--at <time>] [--json]`: prints
 * the whole digest a tick now (or at `--at`) would send the person — the week before their current
 * week, in their timezone — without sending it; `--week` picks another week.
 * Both read the bot's environment (see .env.example).
 */
export const DIGEST_USAGE = [
  'usage: lanekeeper digest send --at <ISO time, e.g. 2026-11-23T09:05:00-05:00>',
  '       lanekeeper digest preview --user <U…> [--team <T…>] [--week <2026-W47> | --at <ISO time>] [--json]',
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
  const redis = createRedis(config.redis, 'store');
  const keys = new KeySpace(config.redis.prefix);
  const queues = createQueues(redis, config.redis.prefix);
  let workspaceUrl = 'https://slack.com/';
  const mode = workspacesFor(config.slack.install, { apiUrl: config.slack.apiUrl, timeoutMs: config.slack.apiTimeoutMs, redis, keys, logger, workspaceUrl: () => workspaceUrl });
  if (mode.kind === 'single') workspaceUrl = (await workspaceUrlOf(mode.client).catch(() => undefined)) ?? workspaceUrl;
  const { workspaces } = mode;
  const stores = createStores({ redis, keys, workspaces, profileTtlSeconds: config.profileCacheTtlSeconds });
  const digests = createDigestService({ ...stores, jobs: jobQueueOver(queues), workspaces, logger });
  try {
    if (action === 'send') {
      try {
        const result = await digests.enqueueDue(atMs, TICK_WINDOW_MS);
        await write(io.stdout, `digest tick at ${new Date(atMs).toISOString()}: ${tickSummary(result)}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof DigestTickIncomplete)) throw error;
        await write(io.stderr, `lanekeeper digest: ${error.message}\n`);
        return 1;
      }
    }
    const teams = options.team ? [options.team] : await stores.records.teams();
    if (teams.length !== 1) return usageError(io, teams.length === 0 ? 'no workspace has records yet' : 'several workspaces have records: pass --team');
    const team = teams[0];
    const user = options.user ?? '';
    const sentWeek = await digests.sentWeek(team, user, atMs);
    const week = options.week ?? sentWeek;
    // Worded as the person would read it at that time: the week just ended, the one in progress, or an older one.
    const period = week === sentWeek ? 'last-week' : week > sentWeek ? 'so-far' : 'past-week';
    const [digest, wouldSend, settings] = await Promise.all([
      digests.compose(team, user, week, { force: true, period }),
      digests.compose(team, user, week, { period }),
      stores.settings.person(team, user),
    ]);
    if (options.json) {
      await write(io.stdout, `${JSON.stringify({ team, user, week, digest })}\n`);
      return 0;
    }
    const which =
      week === sentWeek
        ? `the week a digest sent ${options.at ? `at ${new Date(atMs).toISOString()}` : 'now'} would cover`
        : 'chosen with --week';
    const notes = [
      ...(settings.digest.enabled ? [] : ['Their weekly digest is off (`/lane digest off`): none would be sent.']),
      ...(wouldSend ? [] : ['Nothing to report that week: no digest would be sent. Shown anyway.']),
    ];
    const heading = `Digest for ${user} in ${team} · ${week} (${weekLabel(week)}), ${which}`;
    await write(io.stdout, `${heading}\n${notes.map((note) => `${note}\n`).join('')}\n`);
    await write(io.stdout, digest ? digestToTerminal(digest, { color: Boolean((io.stdout as { isTTY?: boolean }).isTTY) }) : 'nothing to report\n');
    return 0;
  } finally {
    await closeQueues(queues);
    await redis.quit();
  }
}

function tickSummary({ people, queued }: { people: number; queued: number }): string {
  return `${people} ${people === 1 ? 'person' : 'people'} looked at, ${queued} ${queued === 1 ? 'digest' : 'digests'} queued`;
}

async function usageError(io: CliIo, problem: string): Promise<number> {
  await write(io.stderr, `lanekeeper digest: ${problem}\n${DIGEST_USAGE}\n`);
  return EXIT_USAGE;
}
