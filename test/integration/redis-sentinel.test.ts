import { Redis } from 'ioredis';
import { messageEvent } from '../../scripts/local-slack/requests';
import { CAST, TEAM, startHarness, waitFor, type Harness } from '../support/harness';
import { startSentinelSetup, type LocalSentinelSetup } from '../support/redis-processes';

/**
 * The bot behind Redis Sentinel (a master, its replica, two sentinels) started for this suite:
 * the pipeline over signed HTTP, and a master killed mid-way.
 */
jest.setTimeout(60000);

const projectWork = () => messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?` });

describe('behind Redis Sentinel', () => {
  let setup: LocalSentinelSetup;
  let h: Harness;

  beforeAll(async () => {
    setup = await startSentinelSetup();
    h = await startHarness({ env: { REDIS_SENTINELS: setup.seeds, REDIS_SENTINEL_NAME: setup.name } });
  });

  afterAll(async () => {
    await h?.close();
    await setup?.stop();
  });

  it('runs the pipeline on the master the sentinels name, replicated to its replica', async () => {
    expect((await h.sender.sendEvent(projectWork())).status).toBe(200);
    await h.slack.waitForCall('chat.postEphemeral', undefined, 10000);
    for (const { port } of [setup.master, setup.replica]) {
      const node = new Redis({ port, host: '127.0.0.1' });
      await waitFor(async () => (await node.keys(`${h.prefix}:{t:${TEAM}}:*`)).length > 0, `the workspace's keys on ${port}`);
      node.disconnect();
    }
  });

  it('carries on after the master dies: the sentinels promote the replica and the bot follows', async () => {
    setup.master.kill();
    await waitFor(async () => (await setup.currentMasterPort()) === setup.replica.port, 'the sentinels to promote the replica', 20000);

    // Slack retries events that were not accepted; once the bot follows the new master, they are.
    const event = projectWork();
    await waitFor(async () => (await h.sender.sendEvent(event, { retryNum: 1, retryReason: 'http_error' })).status === 200, 'an event to be accepted again', 20000);
    await h.slack.waitForCalls('chat.postEphemeral', 2, undefined, 20000);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${h.port}/readyz`)).ok, 'readiness after the failover');
  });
});
