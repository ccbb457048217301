import { createApp } from './app';
import { ConfigError, parseConfig } from './config';
import { createLogger } from './logger';
import { guardProcess } from './process-guards';
import { drainOnSignals } from './shutdown';
import { SLACK_SETUP_HINT, startModeOf } from './start-mode';

/**
 * Reads the environment, starts lanekeeper, and drains on SIGTERM/SIGINT. With no Slack variable
 * at all, starts the local sandbox instead (docs/sandbox.md), except with NODE_ENV=production,
 * where a missing configuration is an error.
 * Exit codes: 0 clean stop, 1 failed start or a drain that overran, 2 bad configuration.
 */
async function main(): Promise<void> {
  const mode = startModeOf(process.env);
  if (mode.run === 'refuse') {
    process.stderr.write(`lanekeeper: config: ${mode.problem}\n`);
    process.exit(2);
  }
  if (mode.run === 'sandbox') return startSandboxFromClone();
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`lanekeeper: config: ${problem}\n`);
      process.exit(2);
    }
    throw error;
  }

  const logger = createLogger({ level: config.logLevel });
  const app = createApp({ config, logger });

  drainOnSignals({ stop: () => app.stop(), timeoutMs: config.shutdownTimeoutMs, logger });
  guardProcess({ stop: () => app.stop(), timeoutMs: config.shutdownTimeoutMs, logger });

  try {
    await app.start();
  } catch (error) {
    logger.fatal({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'failed to start');
    await app.stop().catch((stopError: Error) => logger.warn({ err: { message: stopError.message } }, "cleanup after a failed start failed"));
    process.exit(1);
  }
}

void main();

/**
 * The sandbox, loaded only in sandbox mode, so the bot never loads it or the local Slack. Named by
 * path, not imported: a production build leaves src/sandbox/ out (tsconfig.build.json).
 */
function startSandboxFromClone(): Promise<void> {
  let sandbox: { runSandbox(env: NodeJS.ProcessEnv): Promise<void> };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see above
    sandbox = require('./sandbox/run');
  } catch (error) {
    const missing = (error as { code?: string }).code === 'MODULE_NOT_FOUND' && (error as Error).message.includes('sandbox/run');
    if (!missing) throw error;
    process.stderr.write(`lanekeeper: config: no Slack variable is set, and this build has no sandbox: ${SLACK_SETUP_HINT}\n`);
    process.exit(2);
  }
  return sandbox.runSandbox(process.env);
}
