import { randomUUID } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { KeySpace } from './redis';
import { UndecryptableRecord, type TokenCipher } from './token-cipher';
import { storeUnavailable } from '../errors';

/**
 * The installations of lanekeeper (multi-workspace mode), one per workspace, or one per
 * Enterprise Grid org for an org-wide install, kept in Redis and encrypted at rest.
 *
 * Bolt uses it as its `installationStore` (`storeInstallation`, `fetchInstallation`,
 * `deleteInstallation`); the Slack port's installation implementation uses `botFor`.
 *
 * Token rotation is this store's job, not Bolt's: a bot token that expires soon is refreshed here,
 * under a Redis lock, before it is handed out, so that several web and worker processes refresh it
 * once (a refresh token works once). The records handed to Bolt carry no refresh token, which
 * keeps Bolt's own unlocked refresh in `authorize` from ever running.
 */

/** Exchanges a refresh token for a new token pair (`oauth.v2.access` with `grant_type=refresh_token`). */
export type RefreshBotToken = (refreshToken: string) => Promise<{ token: string; refreshToken: string; expiresInSeconds: number }>;

/** The bot of one installation, as the Slack port needs it. */
export interface BotCredentials {
  token: string;
  botUserId: string;
  botId: string;
  /** Absent for an org-wide install (it covers every workspace of the org). */
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

/** Who an installation belongs to: a workspace, or an org for an org-wide install. */
export type InstallationOwner = { kind: 'team'; teamId: string } | { kind: 'org'; enterpriseId: string };

/** No installation answers for a request's workspace (never installed, or uninstalled). */
export class InstallationNotFound extends Error {
  constructor(what: string) {
    super(`no installation for ${what}`);
    this.name = 'InstallationNotFound';
  }
}

/** The installation's token could not be refreshed and has expired: Slack will refuse it. */
export class TokenRefreshFailed extends Error {
  constructor(owner: InstallationOwner, options?: { cause?: unknown }) {
    super(`the bot token of ${ownerLabel(owner)} expired and could not be refreshed`, options);
    this.name = 'TokenRefreshFailed';
  }
}

export interface InstallationStoreOptions {
  /** Any client with these commands: a single Redis or a Cluster (each call touches one key). */
  redis: Pick<Redis, 'get' | 'set' | 'del' | 'eval' | 'sadd' | 'smembers'>;
  keys: KeySpace;
  cipher: TokenCipher;
  refreshBotToken: RefreshBotToken;
  logger: Logger;
  /**
   * Refresh a token with less than this left. Default 2 h 15 min: Bolt refreshes tokens with less
   * than 2 h left, so this store always goes first.
   */
  refreshAheadMs?: number;
  /** How long a refresh may hold the lock before another process may take over. Default 15 s. */
  lockTtlMs?: number;
  /** How often a process waiting for another's refresh (of an expired token) looks again. Default 50 ms. */
  pollMs?: number;
  /** After a failed refresh, no process tries again for this long. Default 30 s. */
  refreshRetryMs?: number;
  now?: () => number;
}

export interface InstallationRepository extends Required<InstallationStore> {
  /**
   * The bot for work in `teamId`: the workspace's own installation, else the org-wide install of
   * its org. Undefined when neither exists (never installed, or uninstalled).
   */
  botFor(teamId: string, enterpriseId?: string): Promise<BotCredentials | undefined>;
  /** Removes one installation; true when there was one. */
  remove(owner: InstallationOwner): Promise<boolean>;
  /** The workspaces of an org that lanekeeper has served through its org-wide install. */
  workspacesOfOrg(enterpriseId: string): Promise<string[]>;
}

type StoredInstallation = Installation<'v1' | 'v2', boolean>;

// Deletes the lock only when it is still ours (it may have expired and been taken by another process).
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export function createInstallationStore(options: InstallationStoreOptions): InstallationRepository {
  const { redis, keys, cipher, refreshBotToken, logger } = options;
  const refreshAheadMs = options.refreshAheadMs ?? (2 * 60 + 15) * 60 * 1000;
  const lockTtlMs = options.lockTtlMs ?? 15000;
  const pollMs = options.pollMs ?? 50;
  const refreshRetryMs = options.refreshRetryMs ?? 30000;
  const now = options.now ?? Date.now;

  // Both live in the owner's own key space (`keys.team`), so on a Redis Cluster an installation and
  // its lock share the owner's slot. Enterprise ids (E…) and team ids (T…) never collide.
  const recordKey = (owner: InstallationOwner) => installationKeys(keys, ownerId(owner)).record;
  const lockKey = (owner: InstallationOwner) => installationKeys(keys, ownerId(owner)).refreshLock;
  const failedKey = (owner: InstallationOwner) => installationKeys(keys, ownerId(owner)).refreshFailed;
  // Which org a workspace belongs to, learnt from Bolt's lookups: work queued without the org
  // (a profile lookup, a digest) still finds the org-wide install. Forgotten with the workspace.
  // Written on every lookup, not once per process: forgetting the workspace's data deletes the
  // link, and a later event must bring it back.
  const orgOfTeamKey = (teamId: string) => keys.team(teamId, 'org');
  // The other way round, which workspaces of an org lanekeeper has served: an org-wide uninstall
  // forgets each of them. Removed with the org's installation.
  const workspacesOfOrgKey = (enterpriseId: string) => keys.team(enterpriseId, 'workspaces');
  const rememberOrgMember = async (teamId: string, enterpriseId: string): Promise<void> => {
    await Promise.all([redis.set(orgOfTeamKey(teamId), enterpriseId), redis.sadd(workspacesOfOrgKey(enterpriseId), teamId)]);
  };

  const read = async (owner: InstallationOwner): Promise<StoredInstallation | undefined> => {
    const key = recordKey(owner);
    const sealed = await redis.get(key);
    return sealed === null ? undefined : (JSON.parse(cipher.open(sealed, key)) as StoredInstallation);
  };

  const write = async (owner: InstallationOwner, installation: StoredInstallation, onlyIfPresent = false): Promise<void> => {
    const key = recordKey(owner);
    const sealed = cipher.seal(JSON.stringify(installation), key);
    // A refresh must not bring back an installation removed meanwhile (an uninstall): XX.
    if (onlyIfPresent) await redis.set(key, sealed, 'XX');
    else await redis.set(key, sealed);
  };

  const expiresSoon = (installation: StoredInstallation): boolean => {
    const { bot } = installation;
    return Boolean(bot?.refreshToken && bot.expiresAt !== undefined && bot.expiresAt * 1000 - now() < refreshAheadMs);
  };
  const expired = (installation: StoredInstallation): boolean => {
    const expiresAt = installation.bot?.expiresAt;
    return expiresAt !== undefined && expiresAt * 1000 <= now();
  };

  /** Refreshes the bot token as the lock holder; the record is read again under the lock. */
  const refreshHoldingLock = async (owner: InstallationOwner): Promise<StoredInstallation | undefined> => {
    const current = await read(owner);
    if (!current?.bot?.refreshToken || !expiresSoon(current)) return current;
    const rotated = await refreshBotToken(current.bot.refreshToken);
    const refreshed: StoredInstallation = {
      ...current,
      bot: { ...current.bot, token: rotated.token, refreshToken: rotated.refreshToken, expiresAt: Math.floor(now() / 1000) + rotated.expiresInSeconds },
    };
    await write(owner, refreshed, true);
    logger.info({ ...ownerFields(owner) }, 'bot token refreshed');
    return refreshed;
  };

  /**
   * The installation with a bot token good for a while. One process refreshes (the one that takes
   * the lock). This runs inside Bolt's `authorize`, within Slack's 3 seconds, so the others do not
   * wait while the current token still works: they use it. Only a token that has expired makes
   * them wait for the refresh. A holder that crashed leaves a lock that expires after `lockTtlMs`,
   * and the next caller takes over. A failed refresh is not tried again by everyone at once: a
   * short-lived marker tells the others it failed (see `refreshRetryMs`).
   */
  const current = async (owner: InstallationOwner): Promise<StoredInstallation | undefined> => {
    const giveUpAt = now() + lockTtlMs * 2;
    for (;;) {
      const installation = await read(owner);
      if (!installation || !expiresSoon(installation)) return installation;
      if ((await redis.get(failedKey(owner))) !== null) {
        if (!expired(installation)) return installation;
        throw new TokenRefreshFailed(owner);
      }
      const lockValue = randomUUID();
      if ((await redis.set(lockKey(owner), lockValue, 'PX', lockTtlMs, 'NX')) === 'OK') {
        try {
          return await refreshHoldingLock(owner);
        } catch (error) {
          await redis.set(failedKey(owner), '1', 'PX', refreshRetryMs);
          // Still usable for a while: serve it and let a later call try again.
          const stale = await read(owner);
          if (stale && !expired(stale)) {
            logger.warn({ ...ownerFields(owner), err: { message: (error as Error).message } }, 'bot token refresh failed; the current token is still valid');
            return stale;
          }
          throw new TokenRefreshFailed(owner, { cause: error });
        } finally {
          await redis.eval(RELEASE_LOCK, 1, lockKey(owner), lockValue);
        }
      }
      // Another process is refreshing.
      if (!expired(installation)) return installation;
      if (now() > giveUpAt) throw new TokenRefreshFailed(owner);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };

  const ownerOfQuery = (query: InstallationQuery<boolean>): InstallationOwner | undefined => {
    if (query.isEnterpriseInstall && query.enterpriseId) return { kind: 'org', enterpriseId: query.enterpriseId };
    return query.teamId ? { kind: 'team', teamId: query.teamId } : undefined;
  };

  return {
    async storeInstallation(installation) {
      const owner = ownerOfInstallation(installation);
      await write(owner, installation as StoredInstallation);
      logger.info({ ...ownerFields(owner) }, 'installation stored');
    },

    async fetchInstallation(query) {
      const owner = ownerOfQuery(query);
      let installation: StoredInstallation | undefined;
      try {
        installation = owner ? await current(owner) : undefined;
        // A workspace of an org with an org-wide install: Bolt may ask by team first.
        if (!installation && !query.isEnterpriseInstall && query.enterpriseId) installation = await current({ kind: 'org', enterpriseId: query.enterpriseId });
      } catch (error) {
        // Redis did not answer: the request must be retried by Slack, not dropped as uninstalled.
        if (error instanceof TokenRefreshFailed || error instanceof UndecryptableRecord) throw error;
        throw storeUnavailable(error);
      }
      if (!installation) throw new InstallationNotFound(owner ? ownerLabel(owner) : 'an unnamed workspace');
      if (installation.isEnterpriseInstall && installation.enterprise?.id && query.teamId) await rememberOrgMember(query.teamId, installation.enterprise.id);
      return withoutRotation(installation);
    },

    async deleteInstallation(query) {
      const owner = ownerOfQuery(query);
      if (owner) await this.remove(owner);
    },

    async botFor(teamId, enterpriseId) {
      let installation = await current({ kind: 'team', teamId });
      const org = enterpriseId ?? (installation ? undefined : await redis.get(orgOfTeamKey(teamId)));
      if (!installation && org) {
        installation = await current({ kind: 'org', enterpriseId: org });
        if (installation && enterpriseId) await rememberOrgMember(teamId, enterpriseId);
      }
      const bot = installation?.bot;
      if (!installation || !bot) return undefined;
      return {
        token: bot.token,
        botUserId: bot.userId,
        botId: bot.id,
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
      };
    },

    async workspacesOfOrg(enterpriseId) {
      return redis.smembers(workspacesOfOrgKey(enterpriseId));
    },

    async remove(owner) {
      if (owner.kind === 'org') await redis.del(workspacesOfOrgKey(owner.enterpriseId));
      const removed = (await redis.del(recordKey(owner))) > 0;
      if (removed) logger.info({ ...ownerFields(owner) }, 'installation removed');
      return removed;
    },
  };
}

/**
 * Where the installation of a workspace (or, for an org-wide install, of an org) and its refresh
 * lock are kept. Only an uninstall removes them: forgetting a workspace's data leaves them alone,
 * since by the time the cleanup runs the workspace may have installed lanekeeper again.
 */
export function installationKeys(keys: KeySpace, teamOrEnterpriseId: string): { record: string; refreshLock: string; refreshFailed: string } {
  return {
    record: keys.team(teamOrEnterpriseId, 'installation'),
    refreshLock: keys.team(teamOrEnterpriseId, 'installation', 'refresh-lock'),
    refreshFailed: keys.team(teamOrEnterpriseId, 'installation', 'refresh-failed'),
  };
}

export function ownerOfInstallation(installation: { isEnterpriseInstall?: boolean; enterprise?: { id: string }; team?: { id: string } }): InstallationOwner {
  if (installation.isEnterpriseInstall && installation.enterprise?.id) return { kind: 'org', enterpriseId: installation.enterprise.id };
  if (installation.team?.id) return { kind: 'team', teamId: installation.team.id };
  throw new Error('an installation names neither its workspace nor, for an org-wide install, its org');
}

function ownerId(owner: InstallationOwner): string {
  return owner.kind === 'org' ? owner.enterpriseId : owner.teamId;
}

function ownerLabel(owner: InstallationOwner): string {
  return owner.kind === 'org' ? `org ${owner.enterpriseId}` : `workspace ${owner.teamId}`;
}

function ownerFields(owner: InstallationOwner): { team?: string; enterprise?: string } {
  return owner.kind === 'org' ? { enterprise: owner.enterpriseId } : { team: owner.teamId };
}

/** The record as handed to Bolt: no refresh token or expiry, so Bolt never refreshes on its own (see above). */
function withoutRotation(installation: StoredInstallation): StoredInstallation {
  const copy: StoredInstallation = { ...installation, user: { ...installation.user, refreshToken: undefined, expiresAt: undefined } };
  if (installation.bot) copy.bot = { ...installation.bot, refreshToken: undefined, expiresAt: undefined };
  return copy;
}
