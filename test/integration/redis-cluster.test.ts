import { messageEvent } from '../../scripts/local-slack/requests';
import { parseConfig } from '../../src/config';
import { createRedis, redisReady } from '../../src/store/redis';
import { BOT_TOKEN, CAST, SIGNING_SECRET, startHarness, waitFor, type Harness } from '../support/harness';
import { startRedisCluster, waitForClusterOk, type LocalRedisCluster } from '../support/redis-processes';

/**
 * The bot on a real Redis Cluster (3 masters, each with a replica) started for this suite: the
 * whole pipeline over signed HTTP, its keys spread over every master, and a master killed.
 */
jest.setTimeout(60000);

const projectWork = (team: string) =>
  messageEvent({ team, channel: `C${team.slice(2)}`, user: CAST.lead.id, text: `<@${CAST.ana.id}> can you book the room for the retro and send the invites?` });

/** Sends like Slack: a non-2xx answer is retried (here every 300 ms, with Slack's retry headers). */
async function deliverLikeSlack(h: Harness, envelope: object, timeoutMs = 20000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let retryNum = 0; ; retryNum++) {
    const answer = await h.sender.sendEvent(envelope, retryNum ? { retryNum, retryReason: 'http_error' } : {}).catch(() => ({ status: 0 }));
    if (answer.status === 200) return retryNum;
    if (Date.now() > deadline) throw new Error(`Slack's retries ran out (last status ${answer.status})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let h: Harness;
  /** Two workspaces per master, chosen by the slot of their hash tag `{t:<team>}`. */
  const teamsByMaster = new Map<number, string[]>();

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    const probe = cluster.connect(cluster.nodes[0].port);
    for (let i = 0; [...teamsByMaster.values()].flat().length < 6; i++) {
      const team = `T_C${i}`;
      const slot = Number(await probe.call('CLUSTER', 'KEYSLOT', `{t:${team}}`));
      const master = await cluster.masterOfSlot(slot);
      const teams = teamsByMaster.get(master) ?? [];
      if (teams.length < 2) teamsByMaster.set(master, [...teams, team]);
    }
    probe.disconnect();
    h = await startHarness({ env: { REDIS_CLUSTER_NODES: cluster.seeds } });
  });

  afterAll(async () => {
    await h?.close();
    await cluster?.stop();
  });

  it('runs the pipeline for workspaces on every master, each workspace’s keys in one slot', async () => {
    const teams = [...teamsByMaster.values()].flat();
    for (const team of teams) expect((await h.sender.sendEvent(projectWork(team))).status).toBe(200);
    const nudges = await h.slack.waitForCalls('chat.postEphemeral', teams.length, undefined, 20000);
    expect(nudges.map((call) => call.params.channel).sort()).toEqual(teams.map((team) => `C${team.slice(2)}`).sort());

    for (const [masterPort, masterTeams] of teamsByMaster) {
      const node = cluster.connect(masterPort);
      for (const team of masterTeams) {
        const keys = await node.keys(`${h.prefix}:{t:${team}}:*`);
        // Settings, records, caches: every key about the workspace, on this master and in one slot.
        expect(keys.length).toBeGreaterThan(2);
        const slots = await Promise.all(keys.map((key) => node.call('CLUSTER', 'KEYSLOT', key)));
        expect(new Set(slots).size).toBe(1);
      }
      node.disconnect();
    }
    // Each queue in a slot of its own.
    const probe = cluster.connect(cluster.nodes[0].port);
    const queueSlots = await Promise.all(Object.values(h.app.queues).map((queue) => probe.call('CLUSTER', 'KEYSLOT', queue.toKey('wait'))));
    probe.disconnect();
    expect(new Set(queueSlots).size).toBe(Object.keys(h.app.queues).length);
  });

  it('refuses a single-node connection to a cluster node, saying so, instead of failing later with MOVED', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, REDIS_URL: `redis://127.0.0.1:${cluster.nodes[0].port}` });
    const redis = createRedis(config.redis, 'store');
    await expect(redisReady(redis, 5000)).rejects.toThrow(/Redis Cluster node .*MOVED.*REDIS_CLUSTER_NODES/);
    redis.disconnect();
  });

  it('carries on when a master dies: its replica takes over and events for its workspaces are nudged', async () => {
    // The master of the analyze queue: the workers blocked on it must find its successor too.
    const probe = cluster.connect(cluster.nodes[0].port);
    const victimPort = await cluster.masterOfSlot(Number(await probe.call('CLUSTER', 'KEYSLOT', h.app.queues.analyze.toKey('wait'))));
    probe.disconnect();
    const victimTeams = teamsByMaster.get(victimPort)!;
    const victim = cluster.nodes.find(({ port }) => port === victimPort)!;
    const before = h.slack.callsTo('chat.postEphemeral').length;
    victim.kill();

    // Slack keeps retrying what was not accepted; each event is taken once the replica serves the slot.
    const event = projectWork(victimTeams[0]);
    const other = projectWork([...teamsByMaster.entries()].find(([port]) => port !== victimPort)![1][0]);
    await Promise.all([deliverLikeSlack(h, event), deliverLikeSlack(h, other)]);
    await h.slack.waitForCalls('chat.postEphemeral', before + 2, undefined, 20000);

    const survivors = cluster.nodes.filter((node) => node !== victim).map(({ port }) => port);
    await waitForClusterOk(cluster, survivors);
    expect(await cluster.masterPorts()).not.toContain(victimPort);
    expect((await cluster.masterPorts()).length).toBe(3);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${h.port}/readyz`)).ok, 'readiness after the failover');
  });
});
