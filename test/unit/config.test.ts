import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';

const minimal = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' };

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig(minimal);
    expect(config).toMatchObject({
      slack: { apiUrl: 'https://slack.com/api/', appToken: undefined },
      redis: { url: 'redis://127.0.0.1:6379', prefix: 'lanekeeper' },
      port: 3000,
      logLevel: 'info',
      role: 'all',
    });
    expect(Object.isFrozen(config.slack)).toBe(true);
  });

  it('adds the trailing slash the Web API client needs', () => {
    expect(parseConfig({ ...minimal, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('refuses a hash tag in the prefix: it would put every key in one Cluster slot', () => {
    expect(() => parseConfig({ ...minimal, REDIS_PREFIX: '{lanekeeper}' })).toThrow(/REDIS_PREFIX .*no braces/);
  });

  it('reads a Redis Cluster, a Sentinel setup and a private CA', () => {
    expect(parseConfig({ ...minimal, REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001' }).redis.topology).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-b', port: 7001 },
      ],
    });
    expect(parseConfig({ ...minimal, REDIS_SENTINELS: 's1:26379,[::1]:26380', REDIS_SENTINEL_NAME: 'main' }).redis.topology).toEqual({
      kind: 'sentinel',
      name: 'main',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: '::1', port: 26380 },
      ],
    });
    expect(parseConfig(minimal).redis.topology).toEqual({ kind: 'single' });
    expect(parseConfig({ ...minimal, REDIS_TLS_CA_FILE: __filename }).redis.tlsCa).toContain('private CA');
  });

  it('says what is wrong with the Redis topology variables', () => {
    expect(() => parseConfig({ ...minimal, REDIS_CLUSTER_NODES: 'redis-a' })).toThrow('REDIS_CLUSTER_NODES must be a comma-separated list of host:port');
    expect(() => parseConfig({ ...minimal, REDIS_SENTINELS: 's1:26379' })).toThrow('REDIS_SENTINEL_NAME is required with REDIS_SENTINELS');
    expect(() => parseConfig({ ...minimal, REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2', REDIS_SENTINEL_NAME: 'm' })).toThrow(/REDIS_SENTINELS cannot be combined/);
    expect(() => parseConfig({ ...minimal, REDIS_TLS_CA_FILE: '/nonexistent/ca.pem' })).toThrow('REDIS_TLS_CA_FILE cannot be read (ENOENT)');
  });

  it('needs no signing secret in Socket Mode or for a worker-only process', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-t', SLACK_APP_TOKEN: 'xapp-1' })).not.toThrow();
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-t', ROLE: 'worker' })).not.toThrow();
  });

  it('lists every problem, one per variable, without echoing values', () => {
    let caught: unknown;
    try {
      parseConfig({ SLACK_BOT_TOKEN: 'not-a-token-secretvalue', PORT: 'eighty', ROLE: 'boss', REDIS_URL: 'http://x', REDIS_PREFIX: 'a:b' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN must start with xoxb-',
      'REDIS_URL must be a redis:// or rediss:// URL',
      'REDIS_PREFIX may hold only letters, digits, _ . - (no ":" and no braces: lanekeeper sets its own hash tags)',
      'PORT must be a whole number from 0 to 65535',
      'ROLE must be one of all, web, worker',
    ]);
    expect(problems.join('\n')).not.toContain('secretvalue');
  });

  it('requires the signing secret when receiving over HTTP', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-t' })).toThrow(/SLACK_SIGNING_SECRET is required in HTTP mode/);
  });

  it('stops the process with exit code 2 and one line per problem', () => {
    const root = path.resolve(__dirname, '../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'nope', PORT: '-1' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'lanekeeper: config: SLACK_BOT_TOKEN must start with xoxb-',
      'lanekeeper: config: PORT must be at least 0',
      'lanekeeper: config: SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN for Socket Mode instead)',
    ]);
  });

  it('stops with exit code 2 and one clear line when both a bot token and OAuth credentials are set', () => {
    const root = path.resolve(__dirname, '../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-secret-value',
        SLACK_SIGNING_SECRET: 'signing-secret-value',
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: 'client-secret-value',
        SLACK_STATE_SECRET: 'state-secret-value',
        INSTALLATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'lanekeeper: config: SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET (and no SLACK_BOT_TOKEN) for many',
    ]);
    expect(result.stderr).not.toMatch(/secret-value/);
  });

  it('reads multi-workspace mode, the encryption key included', () => {
    const key = randomBytes(32);
    const config = parseConfig({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'ss', INSTALLATION_ENCRYPTION_KEY: key.toString('base64'), SLACK_SIGNING_SECRET: 'x' });
    expect(config.slack.install.kind).toBe('multi');
    expect(config.slack.install.kind === 'multi' && config.slack.install.encryptionKey.equals(key)).toBe(true);
    expect(() => parseConfig({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'ss', INSTALLATION_ENCRYPTION_KEY: 'short', SLACK_SIGNING_SECRET: 'x' })).toThrow(
      /INSTALLATION_ENCRYPTION_KEY must be 32 bytes in base64/,
    );
  });
});
