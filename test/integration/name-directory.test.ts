import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startLocalSlack, type LocalSlack } from '../../scripts/local-slack/web-api';
import { createLogger } from '../../src/logger';
import { createWebApiWorkspace, createWebClient, singleTokenWorkspaces } from '../../src/slack/gateway';
import { createDeliveryGuards } from '../../src/store/delivery-guards';
import { createNameDirectory, type NameDirectory } from '../../src/store/name-directory';
import { KeySpace } from '../../src/store/redis';
import { REDIS_URL, deleteKeys } from '../support/harness';

/**
 * The directory of names as a worker sees it over time: the real store on the real Redis, Slack's
 * users.list answered by the local Slack. Time in the process is a clock the test moves; what Redis
 * expires by itself (the pause between pages, six hours of freshness) is made to pass by deleting it.
 */
const TOKEN = 'xoxb-directory-test';

describe('the directory of names over time', () => {
  let slack: LocalSlack;
  let redis: Redis;
  let prefix: string;
  let clock: number;
  let directory: NameDirectory;

  beforeEach(async () => {
    slack = await startLocalSlack({ botToken: TOKEN });
    for (let i = 0; i < 450; i += 1) slack.addUser({ id: `U_FILL${i}`, name: `fill${i}`, real_name: `Filler Person${i}` });
    slack.addUser({ id: 'U_ZOE', name: 'zoe', real_name: 'Zoe Lima' });
    redis = new Redis(REDIS_URL);
    prefix = `lktest-${randomUUID().slice(0, 8)}`;
    clock = Date.now();
    const keys = new KeySpace(prefix);
    const client = createWebClient({ token: TOKEN, apiUrl: slack.url, logger: createLogger({ level: 'silent' }) });
    const workspaces = singleTokenWorkspaces(createWebApiWorkspace(client, () => 'https://local.slack.com/'));
    directory = createNameDirectory({ redis, keys, workspaces, guards: createDeliveryGuards({ redis, keys }), now: () => clock });
  });

  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
    await slack.close();
  });

  const pauseOver = async () => {
    const pausing = await redis.keys(`${prefix}:*directory:loading`);
    if (pausing.length > 0) await redis.del(...pausing);
  };

  it('reads the directory again from its first page when it is old, using the previous one meanwhile', async () => {
    expect(await directory.namesOf(slack.teamId)).not.toHaveProperty('U_ZOE');
    await pauseOver();
    await directory.namesOf(slack.teamId);
    await pauseOver();
    expect(await directory.namesOf(slack.teamId)).toHaveProperty('U_ZOE', 'Zoe Lima');
    expect(slack.callsTo('users.list')).toHaveLength(3);

    // Six hours on: no longer fresh.
    await redis.del(...(await redis.keys(`${prefix}:*directory:fresh`)));
    clock += 61_000;
    await pauseOver();
    expect(await directory.namesOf(slack.teamId)).toHaveProperty('U_ZOE', 'Zoe Lima');
    const calls = slack.callsTo('users.list');
    expect(calls).toHaveLength(4);
    expect(calls[3].params.cursor).toBeUndefined();
  });
});
