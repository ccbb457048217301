import { z } from 'zod';
import { drainOnSignals, processIo, type ProcessIo } from '../shutdown';
import { ConfigError, parseConfig } from '../config';
import { createLogger } from '../logger';
import { noSlackConfigured, SLACK_VARIABLES } from '../start-mode';
import { sandboxBanner, startSandbox, type Sandbox } from './index';

/**
 * Runs the sandbox as a process: reads its few settings from the environment, prints one loud
 * line, and drains on SIGTERM/SIGINT. `src/sandbox/main.ts` calls it (through `runSandboxCommand`); so does `src/main.ts` when
 * no Slack variable is set (see `src/start-mode.ts`). Exit codes as the bot's: 0 clean stop, 1 failed
 * start or overrun drain, 2 invalid configuration.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const environmentSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int('must be a whole number').min(0).max(65535).default(3000)),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).default('redis://127.0.0.1:6379')),
  REDIS_PREFIX: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^[A-Za-z0-9_{}.-]+$/, 'may hold only letters, digits, _ . - and a {hash tag} (no ":")').default('lanekeeper-sandbox'),
  ),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

/** Longest drain before the process gives up and exits 1. */
const STOP_TIMEOUT_MS = 25000;

export interface RunIo extends ProcessIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const runIo: RunIo = { ...processIo, stdout: process.stdout, stderr: process.stderr };

/**
 * `npm run sandbox` (`src/sandbox/main.ts`): the sandbox when not one Slack variable is set, as
 * `npm start` decides. Any Slack variable makes it a Slack configuration: a partial one gets the
 * bot's own config errors (one line per problem, exit 2), and a complete one is refused (exit 2)
 * rather than ignored, since the sandbox would not use it and the bot would.
 */
export async function runSandboxCommand(env: Readonly<Record<string, string | undefined>>, io: RunIo = runIo): Promise<void> {
  if (noSlackConfigured(env)) return runSandbox(env, io);
  let problems: string[];
  try {
    parseConfig(env);
    const set = SLACK_VARIABLES.filter((name) => (env[name] ?? '') !== '');
    problems = [`${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set: the sandbox starts only when no SLACK_* variable is set (unset them, or run the bot against Slack with npm start)`];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems = error.problems;
  }
  for (const problem of problems) io.stderr.write(`lanekeeper: config: ${problem}\n`);
  io.exit(2);
}

export async function runSandbox(env: Readonly<Record<string, string | undefined>>, io: RunIo = runIo): Promise<void> {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.stderr.write(`lanekeeper sandbox: config: ${issue.path.join('.')} ${issue.message}\n`);
    io.exit(2);
  }
  const settings = parsed.data;
  const logger = createLogger({ level: settings.LOG_LEVEL });

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ port: settings.PORT, redisUrl: settings.REDIS_URL, redisPrefix: settings.REDIS_PREFIX, logger });
  } catch (error) {
    logger.fatal({ err: { message: (error as Error).message } }, 'sandbox failed to start');
    io.stderr.write(`lanekeeper sandbox: ${(error as Error).message}\n`);
    io.exit(1);
  }
  io.stdout.write(`${sandboxBanner(sandbox.url)}\n`);

  drainOnSignals({ stop: () => sandbox.stop(), timeoutMs: STOP_TIMEOUT_MS, logger, io });
}
