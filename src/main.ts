import { createApp } from './app';
import { ConfigError, parseConfig } from './config';
import { createLogger } from './logger';

/**
 * Reads the environment, starts lanekeeper, and drains on SIGTERM/SIGINT.
 * Exit codes: 0 clean stop, 1 failed start or a drain that overran, 2 bad configuration.
 */
async function main(): Promise<void> {
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

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'drain took too long; exiting anyway');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    app.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: { message: error.message } }, 'error while draining');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.start();
  } catch (error) {
    logger.fatal({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'failed to start');
    await app.stop().catch((stopError: Error) => logger.warn({ err: { message: stopError.message } }, "cleanup after a failed start failed"));
    process.exit(1);
  }
}

void main();
