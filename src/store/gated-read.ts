import { classifySlackFailure, isSlackApiError } from '../ports/slack-errors';
import type { SlackWorkspaces } from '../ports/slack';
import type { DeliveryGuards } from './delivery-guards';
import type { KeySpace, RedisClient } from './redis';

/**
 * A Slack read that helps a judgement but must never hold it up (the directory, a thread's parent):
 * skipped while the workspace's method is rate-limited, and on a Slack failure reported and given up
 * (a 429 holds back every worker's next call until Slack's Retry-After). Redis failures and bugs are
 * thrown as usual, for the job to be retried.
 */
export interface GatedRead {
  guards: DeliveryGuards;
  teamId: string;
  method: string;
  now: () => number;
  onFailure?: (failure: { teamId: string; method: string; code: string }) => void;
}

export type GatedResult<T> = { ok: true; value: T } | { ok: false };

export async function gatedRead<T>({ guards, teamId, method, now, onFailure }: GatedRead, read: () => Promise<T>): Promise<GatedResult<T>> {
  if ((await guards.blockedUntil(teamId, method)) > now()) return { ok: false };
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    const notInstalled = error instanceof Error && error.name === 'WorkspaceNotInstalled';
    if (!isSlackApiError(error) && !notInstalled) throw error;
    const failure = classifySlackFailure(error);
    if (failure.kind === 'rate_limited') await guards.block(teamId, method, now() + failure.retryAfterSeconds * 1000);
    onFailure?.({ teamId, method, code: failure.code });
    return { ok: false };
  }
}

/** What a repository that caches such reads is built with. */
export interface GatedReadStoreOptions {
  redis: RedisClient;
  keys: KeySpace;
  workspaces: SlackWorkspaces;
  guards: DeliveryGuards;
  now?: () => number;
  /** Told about a failed read (no values: the method and Slack's error code). */
  onFailure?: GatedRead['onFailure'];
}
