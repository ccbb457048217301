import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createOAuthStateStore, InvalidOAuthState } from '../../src/store/oauth-states';
import { KeySpace } from '../../src/store/redis';
import { REDIS_URL, deleteKeys } from '../support/harness';

describe('the OAuth state store', () => {
  const redis = new Redis(REDIS_URL);
  let prefix: string;

  beforeEach(() => {
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('admits so many install starts a minute, across processes, and more again the next minute', async () => {
    let clock = Date.parse('2026-11-30T10:00:10Z');
    const process = () => createOAuthStateStore({ redis, keys: new KeySpace(prefix), secret: 'state-secret', maxStartsPerMinute: 3, now: () => clock });
    const [one, two] = [process(), process()];
    const admitted = [await one.admitInstallStart(), await two.admitInstallStart(), await one.admitInstallStart(), await two.admitInstallStart()];
    expect(admitted).toEqual([true, true, true, false]);
    clock += 60000;
    expect(await one.admitInstallStart()).toBe(true);
  });

  it('accepts a state it issued once, and refuses it when replayed', async () => {
    const states = createOAuthStateStore({ redis, keys: new KeySpace(prefix), secret: 'state-secret' });
    const options = { scopes: ['chat:write'], metadata: 'm' };
    const state = await states.generateStateParam(options, new Date());
    expect(await states.verifyStateParam(new Date(), state)).toEqual(options);
    await expect(states.verifyStateParam(new Date(), state)).rejects.toBeInstanceOf(InvalidOAuthState);
  });

  it('refuses a state it never issued, an expired one, and one issued under another secret', async () => {
    const keys = new KeySpace(prefix);
    const states = createOAuthStateStore({ redis, keys, secret: 'state-secret', ttlSeconds: 1 });
    await expect(states.verifyStateParam(new Date(), 'made-up')).rejects.toBeInstanceOf(InvalidOAuthState);
    await expect(states.verifyStateParam(new Date(), '../../etc')).rejects.toBeInstanceOf(InvalidOAuthState);

    const other = createOAuthStateStore({ redis, keys, secret: 'another-secret' });
    await expect(states.verifyStateParam(new Date(), await other.generateStateParam({ scopes: [] }, new Date()))).rejects.toBeInstanceOf(InvalidOAuthState);

    const expiring = await states.generateStateParam({ scopes: [] }, new Date());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(states.verifyStateParam(new Date(), expiring)).rejects.toBeInstanceOf(InvalidOAuthState);
  });

  it('keeps only a keyed hash of the state in Redis', async () => {
    const states = createOAuthStateStore({ redis, keys: new KeySpace(prefix), secret: 'state-secret' });
    const state = await states.generateStateParam({ scopes: [] }, new Date());
    const stored = await redis.keys(`${prefix}:*`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(state);
  });
});
