import { randomBytes, randomUUID } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { Redis } from 'ioredis';
import pino from 'pino';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { forgetWorkspace } from '../../src/features/workspace/forget-workspace';
import { createBotTokenRefresher } from '../../src/slack/token-refresh';
import { createInstallationStore, TokenRefreshFailed, type InstallationRepository } from '../../src/store/installations';
import { KeySpace } from '../../src/store/redis';
import { createTokenCipher } from '../../src/store/token-cipher';
import { REDIS_URL, deleteKeys } from '../support/harness';

/**
 * The installation store against the real Redis, refreshing rotated tokens with the local Slack's
 * `oauth.v2.access` (where a refresh token works once, as on Slack).
 */
const OAUTH = { clientId: '111.222', clientSecret: 'local-client-secret' };
const KEY = randomBytes(32);
const quiet = pino({ level: 'silent' });

function teamInstallation(teamId: string, bot: { token: string; refreshToken?: string; expiresAt?: number }, enterpriseId?: string): Installation {
  return {
    team: { id: teamId, name: teamId },
    enterprise: enterpriseId ? { id: enterpriseId, name: enterpriseId } : undefined,
    user: { id: 'U_INSTALLER', token: undefined, scopes: undefined },
    bot: { ...bot, id: `B${teamId}`, userId: `U${teamId}BOT`, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    authVersion: 'v2',
    appId: 'A1',
    tokenType: 'bot',
  };
}

describe('the installation store', () => {
  const connections: Redis[] = [];
  let slack: LocalSlack;
  let prefix: string;
  let keys: KeySpace;

  /** One store per "process": its own Redis connection, the same prefix and key. */
  const storeOfAProcess = (overrides: Partial<Parameters<typeof createInstallationStore>[0]> = {}): InstallationRepository => {
    const redis = new Redis(REDIS_URL);
    connections.push(redis);
    return createInstallationStore({
      redis,
      keys,
      cipher: createTokenCipher(KEY),
      refreshBotToken: createBotTokenRefresher({ apiUrl: slack.url, ...OAUTH, logger: quiet }),
      logger: quiet,
      ...overrides,
    });
  };

  /** Stores an installation whose rotating token Slack issued to live `lifetimeSeconds`. */
  async function storeRotating(store: InstallationRepository, teamId: string, lifetimeSeconds: number): Promise<{ token: string }> {
    slack.setTokenLifetime(lifetimeSeconds);
    const first = slack.mintToken({ teamId }, true);
    slack.setTokenLifetime(43200);
    await store.storeInstallation(teamInstallation(teamId, { token: first.token, refreshToken: first.refreshToken, expiresAt: first.expiresAt }));
    return first;
  }

  /** Another process holds the refresh lock of `teamId`'s installation. */
  async function refreshLockHeldElsewhere(teamId: string, holder: string, ttlMs: number): Promise<void> {
    const raw = new Redis(REDIS_URL);
    connections.push(raw);
    await raw.set(keys.team(teamId, 'installation', 'refresh-lock'), holder, 'PX', ttlMs);
  }

  beforeAll(async () => {
    slack = await startLocalSlack({ oauth: { ...OAUTH, tokenRotation: true } });
    slack.addTeam({ teamId: 'T0AAA', enterpriseId: 'E0ORG' });
    slack.addTeam({ teamId: 'T0BBB', enterpriseId: 'E0ORG' });
  });
  beforeEach(() => {
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
    keys = new KeySpace(prefix);
    slack.reset();
  });
  afterEach(async () => {
    const redis = new Redis(REDIS_URL);
    await deleteKeys(redis, prefix);
    await redis.quit();
    await Promise.all(connections.splice(0).map((c) => c.quit()));
  });
  afterAll(async () => {
    await slack.close();
  });

  it('keeps each workspace its own installation, encrypted at rest', async () => {
    const store = storeOfAProcess();
    await store.storeInstallation(teamInstallation('T0AAA', { token: 'xoxb-aaa-secret' }));
    await store.storeInstallation(teamInstallation('T0BBB', { token: 'xoxb-bbb-secret' }));

    expect((await store.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-aaa-secret');
    expect(await store.botFor('T0BBB')).toMatchObject({ token: 'xoxb-bbb-secret', botUserId: 'UT0BBBBOT', teamId: 'T0BBB', isEnterpriseInstall: false });

    const raw = new Redis(REDIS_URL);
    connections.push(raw);
    const stored = await raw.get(keys.team('T0AAA', 'installation'));
    expect(stored).not.toBeNull();
    expect(stored).not.toContain('xoxb');
    expect(stored).not.toContain('T0AAA');
  });

  it('finds an org-wide install by its enterprise, for every workspace of the org', async () => {
    const store = storeOfAProcess();
    await store.storeInstallation({
      ...teamInstallation('T0AAA', { token: 'xoxb-org-secret' }, 'E0ORG'),
      team: undefined,
      isEnterpriseInstall: true,
    });
    const byEnterprise = await store.fetchInstallation({ teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    expect(byEnterprise.bot?.token).toBe('xoxb-org-secret');
    expect(await store.botFor('T0BBB', 'E0ORG')).toMatchObject({ token: 'xoxb-org-secret', enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    // Outside the org, nothing answers.
    expect(await store.botFor('T0CCC')).toBeUndefined();
  });

  it('learns again which org a workspace belongs to after its data was forgotten', async () => {
    const store = storeOfAProcess();
    const raw = new Redis(REDIS_URL);
    connections.push(raw);
    const orgInstall = { ...teamInstallation('T0AAA', { token: 'xoxb-org-secret' }, 'E0ORG'), team: undefined, isEnterpriseInstall: true };
    const eventFromTheWorkspace = { teamId: 'T0AAA', enterpriseId: 'E0ORG', isEnterpriseInstall: true };
    await store.storeInstallation(orgInstall);
    await store.fetchInstallation(eventFromTheWorkspace);
    expect(await store.workspacesOfOrg('E0ORG')).toEqual(['T0AAA']);
    // The workspace's data is forgotten (the link to its org with it); the org installs again.
    await raw.del(keys.team('T0AAA', 'org'));
    await store.storeInstallation(orgInstall);
    await store.fetchInstallation(eventFromTheWorkspace);
    // Work queued without the org (a profile lookup, a digest) finds the org's token again.
    expect((await store.botFor('T0AAA'))?.token).toBe('xoxb-org-secret');
  });

  it('forgets one installation and leaves the others', async () => {
    const store = storeOfAProcess();
    await store.storeInstallation(teamInstallation('T0AAA', { token: 'xoxb-aaa' }));
    await store.storeInstallation(teamInstallation('T0BBB', { token: 'xoxb-bbb' }));
    await store.deleteInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(store.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no installation for workspace T0AAA/);
    expect(await store.botFor('T0AAA')).toBeUndefined();
    expect((await store.botFor('T0BBB'))?.token).toBe('xoxb-bbb');
  });

  it('keeps a reinstall that lands before the first cleanup pass of the uninstall runs', async () => {
    const store = storeOfAProcess();
    const raw = new Redis(REDIS_URL);
    connections.push(raw);
    // Data of the old installation, then the reinstall, then the queued cleanup of the uninstall.
    await raw.set(keys.team('T0AAA', 'settings'), '{"old":true}');
    await store.storeInstallation(teamInstallation('T0AAA', { token: 'xoxb-reinstalled' }));
    const laterPasses: unknown[] = [];
    await forgetWorkspace(
      { redis: raw, keys, queues: {}, jobs: { add: async (...job: unknown[]) => void laterPasses.push(job) }, reinstalled: async (team) => (await store.botFor(team)) !== undefined },
      { teamId: 'T0AAA', reason: 'app_uninstalled', pass: 1 },
    );
    expect((await store.botFor('T0AAA'))?.token).toBe('xoxb-reinstalled');
    expect(await raw.get(keys.team('T0AAA', 'settings'))).toBeNull();
    expect(laterPasses).toHaveLength(1);
  });

  it('refreshes an expired token once, however many processes ask at the same moment', async () => {
    // Expired: every process needs the new token, so the ones without the lock wait for it.
    slack.setTokenLifetime(0);
    const first = slack.mintToken({ teamId: 'T0AAA' }, true);
    slack.setTokenLifetime(43200);
    const stores = [storeOfAProcess(), storeOfAProcess(), storeOfAProcess()];
    await stores[0].storeInstallation(teamInstallation('T0AAA', { token: first.token, refreshToken: first.refreshToken, expiresAt: first.expiresAt }));

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % 3].botFor('T0AAA')));

    const refreshes = slack.callsTo('oauth.v2.access').filter((call) => call.params.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    const renewed = (refreshes[0].response as { access_token: string }).access_token;
    expect(new Set(answers.map((bot) => bot?.token))).toEqual(new Set([renewed]));
    // The renewed token is good for hours: the next use does not refresh again.
    await stores[1].botFor('T0AAA');
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);
    // Bolt gets no refresh token, so it never refreshes on its own (without the lock).
    const forBolt = await stores[2].fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(forBolt.bot).toMatchObject({ token: renewed, refreshToken: undefined, expiresAt: undefined });
  });

  it('takes over the refresh of an expired token from a process that died holding the lock', async () => {
    const store = storeOfAProcess({ lockTtlMs: 300 });
    const first = await storeRotating(store, 'T0BBB', 0);
    await refreshLockHeldElsewhere('T0BBB', 'a-process-that-died', 300);

    const bot = await store.botFor('T0BBB');
    expect(bot?.token).not.toBe(first.token);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);
  });

  it('serves the still-valid token at once while another process refreshes it', async () => {
    const store = storeOfAProcess({ lockTtlMs: 2000 });
    const first = await storeRotating(store, 'T0AAA', 60);
    await refreshLockHeldElsewhere('T0AAA', 'another-process', 2000);

    // An event's authorize runs inside Slack's 3-second answer: it must not wait for the other refresh.
    const started = Date.now();
    expect((await store.botFor('T0AAA'))?.token).toBe(first.token);
    expect(Date.now() - started).toBeLessThan(500);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('after a failed refresh, the processes waiting for it do not each try again', async () => {
    let refreshes = 0;
    const failingRefresh = async (): Promise<never> => {
      refreshes += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('invalid_refresh_token');
    };
    const stores = [0, 1, 2].map(() => storeOfAProcess({ refreshBotToken: failingRefresh, pollMs: 10 }));
    const expiredAt = Math.floor(Date.now() / 1000) - 1;
    await stores[0].storeInstallation(teamInstallation('T0AAA', { token: 'xoxb-expired', refreshToken: 'xoxe-used-up', expiresAt: expiredAt }));

    const answers = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => stores[i % 3].botFor('T0AAA')));
    expect(answers.map((answer) => answer.status === 'rejected' && answer.reason instanceof TokenRefreshFailed)).toEqual(answers.map(() => true));
    await expect(stores[1].botFor('T0AAA')).rejects.toBeInstanceOf(TokenRefreshFailed);
    expect(refreshes).toBe(1);
  });

  it('serves a still-valid token when the refresh fails, and fails clearly once it has expired', async () => {
    const store = storeOfAProcess();
    const soon = Math.floor(Date.now() / 1000) + 600;
    await store.storeInstallation(teamInstallation('T0AAA', { token: 'xoxb-still-good', refreshToken: 'xoxe-unknown', expiresAt: soon }));
    expect((await store.botFor('T0AAA'))?.token).toBe('xoxb-still-good');

    await store.storeInstallation(teamInstallation('T0BBB', { token: 'xoxb-gone', refreshToken: 'xoxe-unknown', expiresAt: Math.floor(Date.now() / 1000) - 1 }));
    await expect(store.botFor('T0BBB')).rejects.toBeInstanceOf(TokenRefreshFailed);
  });

  it('does not bring back an installation removed while its token was being refreshed', async () => {
    slack.setTokenLifetime(60);
    const first = slack.mintToken({ teamId: 'T0AAA' }, true);
    slack.setTokenLifetime(43200);
    const refresher = createBotTokenRefresher({ apiUrl: slack.url, ...OAUTH, logger: quiet });
    const store: InstallationRepository = storeOfAProcess({
      refreshBotToken: async (refreshToken) => {
        // An uninstall arrives while the refresh is under way.
        await store.remove({ kind: 'team', teamId: 'T0AAA' });
        return refresher(refreshToken);
      },
    });
    await store.storeInstallation(teamInstallation('T0AAA', { token: first.token, refreshToken: first.refreshToken, expiresAt: first.expiresAt }));
    await store.botFor('T0AAA');
    expect(await store.botFor('T0AAA')).toBeUndefined();
  });
});
