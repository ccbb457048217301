import type { Logger } from './logger';

/** How a process exits and hears signals: the real process in production, a stand-in in tests. */
export interface ProcessIo {
  exit(code: number): never;
  onSignal(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
}

export const processIo: ProcessIo = {
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => {
    process.on(signal, handler);
  },
};

/**
 * On SIGTERM or SIGINT, runs `stop` once and exits 0 when it finishes, or 1 when it fails or takes
 * longer than `timeoutMs` (a stuck drain must not keep an orchestrator waiting forever).
 */
export function drainOnSignals({ stop, timeoutMs, logger, io = processIo }: { stop: () => Promise<void>; timeoutMs: number; logger: Logger; io?: ProcessIo }): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'drain took too long; exiting anyway');
      io.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => io.exit(0),
      (error: Error) => {
        logger.error({ err: { message: error.message } }, 'error while draining');
        io.exit(1);
      },
    );
  };
  io.onSignal('SIGTERM', () => shutdown('SIGTERM'));
  io.onSignal('SIGINT', () => shutdown('SIGINT'));
}
