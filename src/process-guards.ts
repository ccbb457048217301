import type { Logger } from './logger';
import type { ProcessIo } from './shutdown';
import { processIo } from './shutdown';

/**
 * What the process does with an error nobody caught, so that one bad request can never stop it
 * without a word (Node's default for both is to print a stack to stderr and exit 1):
 *
 * - a rejected promise nobody handles is logged and the process carries on: it is one request's
 *   or one job's failure, and every other request is still answered;
 * - an uncaught exception leaves the process in an unknown state, so it is logged, the process
 *   drains as on SIGTERM, and exits 1 for the orchestrator to start a fresh one.
 *
 * Messages go through the logger's scrubber (see scrubErrorText): a library's error may quote a body.
 */
export function guardProcess({ logger, stop, timeoutMs, io = processIo }: { logger: Logger; stop: () => Promise<void>; timeoutMs: number; io?: ProcessIo }): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: describe(reason) }, 'a failure nobody handled; carrying on');
  });
  let exiting = false;
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: describe(error) }, 'uncaught exception; draining and exiting');
    if (exiting) return;
    exiting = true;
    setTimeout(() => io.exit(1), timeoutMs).unref();
    void stop()
      .catch(() => undefined)
      .finally(() => io.exit(1));
  });
}

function describe(reason: unknown): { message: string; name?: string; stack?: string } {
  if (reason instanceof Error) return { message: reason.message, name: reason.name, stack: reason.stack };
  return { message: typeof reason === 'string' ? reason : `a non-error value (${typeof reason})` };
}
