/**
 * The few coded errors lanekeeper raises itself. Each carries a stable `code` so the one place that
 * handles errors (Bolt's error handler, the workers' `failed` listener) can decide what to do.
 */

export type LanekeeperErrorCode = 'store_unavailable' | 'slack_auth_failed' | 'invalid_job_payload';

export class LanekeeperError extends Error {
  constructor(
    readonly code: LanekeeperErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LanekeeperError';
  }
}

/** Redis could not store an incoming event: Slack must be told to retry (a non-2xx answer). */
export function storeUnavailable(cause: unknown): LanekeeperError {
  return new LanekeeperError('store_unavailable', 'could not queue the event; Slack should retry', { cause });
}

export function isStoreUnavailable(error: unknown): boolean {
  // Bolt wraps listener errors; look through `original` and `cause` chains.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof LanekeeperError && current.code === 'store_unavailable') return true;
    const next = current as { original?: unknown; cause?: unknown; errors?: unknown[] };
    if (Array.isArray(next.errors) && next.errors.some(isStoreUnavailable)) return true;
    current = next.original ?? next.cause;
  }
  return false;
}
