import { createHmac, randomBytes } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { KeySpace } from './redis';

/**
 * The OAuth `state` of installs in progress, kept in Redis. Each state is a random value that is
 * good for one completed install within `ttlSeconds`: verifying takes it out (GETDEL), so a
 * replayed redirect, or a state this app never handed out, is refused. Bolt also checks that the
 * state matches the cookie set on the install page (the same browser started the install).
 * Redis holds only a keyed hash of each state (SLACK_STATE_SECRET), so someone who can read Redis
 * still cannot complete an install started by someone else.
 */

/** The state was never issued, has expired, or was used already. */
export class InvalidOAuthState extends Error {
  readonly code = 'slack_oauth_invalid_state';
  constructor() {
    super('the install link has expired or was used already');
    this.name = 'InvalidOAuthState';
  }
}

export interface OAuthStateStoreOptions {
  redis: Pick<Redis, 'set' | 'getdel' | 'incr' | 'expire'>;
  keys: KeySpace;
  /** SLACK_STATE_SECRET. */
  secret: string;
  /** How long an install may take from the install page to the redirect. Default 10 minutes (Bolt's cookie lasts as long). */
  ttlSeconds?: number;
  /**
   * Install pages served per minute, across every process. Anyone may open the install page, and
   * each one stores a state for `ttlSeconds`: the cap bounds what strangers can make Redis hold.
   * Default 120 (no organisation installs that often).
   */
  maxStartsPerMinute?: number;
  now?: () => number;
}

export interface OAuthStateStore extends StateStore {
  /** Counts one install start; false when this minute's cap is reached (serve no state then). */
  admitInstallStart(): Promise<boolean>;
}

export function createOAuthStateStore({ redis, keys, secret, ttlSeconds = 600, maxStartsPerMinute = 120, now = Date.now }: OAuthStateStoreOptions): OAuthStateStore {
  const keyOf = (state: string) => keys.key('oauth-state', createHmac('sha256', secret).update(state).digest('base64url'));
  return {
    async admitInstallStart() {
      const key = installStartsKey(keys, now());
      const starts = await redis.incr(key);
      if (starts === 1) await redis.expire(key, 120);
      return starts <= maxStartsPerMinute;
    },
    async generateStateParam(installOptions: InstallURLOptions) {
      const state = randomBytes(24).toString('base64url');
      await redis.set(keyOf(state), JSON.stringify(installOptions), 'EX', ttlSeconds);
      return state;
    },
    async verifyStateParam(_now: Date, state: string) {
      if (!/^[A-Za-z0-9_-]{1,100}$/.test(state)) throw new InvalidOAuthState();
      const stored = await redis.getdel(keyOf(state));
      if (stored === null) throw new InvalidOAuthState();
      return JSON.parse(stored) as InstallURLOptions;
    },
  };
}

/** The counter of install starts in the minute of `atMs`. */
export function installStartsKey(keys: KeySpace, atMs: number): string {
  return keys.key('oauth-state-starts', String(Math.floor(atMs / 60000)));
}
