import { randomBytes, randomUUID } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { Redis } from 'ioredis';
import pino from 'pino';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
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

  it('forgets one installation and leaves the others', async () => {
    const store = storeOfAProcess();
    await store.storeInstallation(teamInstallation('T0AAA', { token: 'xoxb-aaa' }));
    await store.storeInstallation(teamInstallation('T0BBB', { token: 'xoxb-bbb' }));
    await store.deleteInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(store.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no installation for workspace T0AAA/);
    expect(await store.botFor('T0AAA')).toBeUndefined();
    expect((await store.botFor('T0BBB'))?.token).toBe('xoxb-bbb');
  });

  it('refreshes an expiring token once, however many processes ask at the same moment', async () => {
    slack.setTokenLifetime(60);
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

  it('takes over the refresh from a process that died holding the lock', async () => {
    slack.setTokenLifetime(60);
    const first = slack.mintToken({ teamId: 'T0BBB' }, true);
    slack.setTokenLifetime(43200);
    const store = storeOfAProcess({ lockTtlMs: 300 });
    await store.storeInstallation(teamInstallation('T0BBB', { token: first.token, refreshToken: first.refreshToken, expiresAt: first.expiresAt }));
    const raw = new Redis(REDIS_URL);
    connections.push(raw);
    await raw.set(keys.team('T0BBB', 'installation', 'refresh-lock'), 'a-process-that-died', 'PX', 300);

    const bot = await store.botFor('T0BBB');
    expect(bot?.token).not.toBe(first.token);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);
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
