import { createApp } from './app';
import { ConfigError, parseConfig } from './config';
import { createLogger } from './logger';
import { drainOnSignals } from './shutdown';
import { noSlackConfigured } from './sandbox/detect';

/**
 * Reads the environment, starts lanekeeper, and drains on SIGTERM/SIGINT. With no Slack variable
 * at all, starts the local sandbox instead (docs/sandbox.md).
 * Exit codes: 0 clean stop, 1 failed start or a drain that overran, 2 bad configuration.
 */
async function main(): Promise<void> {
  if (noSlackConfigured(process.env)) {
    const sandbox = loadSandbox();
    if (sandbox) return sandbox.runSandbox(process.env);
    // A production build has no sandbox: the config check below says which variables are missing.
  }
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

  try {
    await app.start();
  } catch (error) {
    logger.fatal({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'failed to start');
    await app.stop().catch((stopError: Error) => logger.warn({ err: { message: stopError.message } }, "cleanup after a failed start failed"));
    process.exit(1);
  }
}

interface SandboxModule {
  runSandbox(env: NodeJS.ProcessEnv): Promise<void>;
}

/**
 * The sandbox, loaded only when it will run, so a production start never loads it or the local
 * Slack; and absent from the production image altogether (see .dockerignore), hence the path held
 * in a variable: the build must not depend on it.
 */
function loadSandbox(): SandboxModule | undefined {
  const sandboxPath = './sandbox/run';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see above
    return require(sandboxPath) as SandboxModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(sandboxPath)) return undefined;
    throw error;
  }
}

void main();
