import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/**
 * Real Redis topologies on loopback, from Debian's `redis-server` binary: a Redis Cluster and a
 * Sentinel setup, each on free ports of its own, started and stopped by the test (or benchmark)
 * that uses them. Nothing here touches the shared Redis on 6379.
 */

export interface RedisProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** SIGKILL: the server vanishes as in a crash, without a chance to hand over. */
  kill(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `redis-server` binary, or a clear failure naming the package that brings it. */
export function redisServerBinary(): string {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('redis-server is not installed: these tests start their own Redis Cluster and Sentinels from it (Debian: apt-get install redis-server)');
  }
  return 'redis-server';
}

/** A port that is free now, and whose cluster bus port (+10000) is free too. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await listenOnce(0);
    if (port + 10000 < 65536 && (await listenOnce(port + 10000).then(() => true, () => false))) return port;
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

async function startServer(dir: string, args: string[], port: number, password?: string): Promise<RedisProcess> {
  const child = spawn(redisServerBinary(), args, { cwd: dir, stdio: 'ignore' });
  const probe = new Redis({ port, host: '127.0.0.1', password, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // refused until the server listens: expected
  try {
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited with ${child.exitCode}`);
      const up = await probe.connect().then(
        () => probe.ping().then(() => true),
        () => false,
      );
      if (up) break;
      if (attempt > 100) throw new Error(`redis-server on port ${port} did not answer`);
      await sleep(50);
    }
  } finally {
    probe.disconnect();
  }
  return { port, child, kill: () => child.kill('SIGKILL') };
}

function stopAll(processes: RedisProcess[], dir: string): Promise<void> {
  return Promise.all(
    processes.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  ).then(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Loopback only, nothing on disk, and replicas synced at once: by default a master waits 5 s
 * for more replicas before a full sync, and a replica that never synced cannot take over.
 */
const SERVER_BASICS = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--repl-diskless-sync-delay', '0'];

export interface LocalRedisCluster {
  readonly nodes: RedisProcess[];
  /** `host:port,…` of every node, for REDIS_CLUSTER_NODES. */
  readonly seeds: string;
  /** A plain connection to one node (for looking at what it holds). */
  connect(port: number): Redis;
  /** The ports of the nodes that are masters now, as the surviving nodes see it. */
  masterPorts(): Promise<number[]>;
  /** The port of the master serving `slot` now. */
  masterOfSlot(slot: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of `masters` masters, each with one replica, with a short node timeout so a
 * killed master's replica takes over within a few seconds.
 */
export async function startRedisCluster(masters = 3): Promise<LocalRedisCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lk-cluster-'));
  const nodes: RedisProcess[] = [];
  try {
    for (let i = 0; i < masters * 2; i++) {
      const port = await freePort();
      const args = ['--port', String(port), ...SERVER_BASICS, '--cluster-enabled', 'yes'];
      args.push('--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '1000', '--dir', dir, '--logfile', `redis-${port}.log`);
      nodes.push(await startServer(dir, args, port));
    }
    const addresses = nodes.map(({ port }) => `127.0.0.1:${port}`);
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'], { encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    const cluster = clusterHandle(nodes, dir);
    await waitForClusterOk(cluster, nodes.map(({ port }) => port));
    const masterPorts = await cluster.masterPorts();
    for (const { port } of nodes) if (!masterPorts.includes(port)) await waitForReplicaInSync(port);
    return cluster;
  } catch (error) {
    await stopAll(nodes, dir);
    throw error;
  }
}

function clusterHandle(nodes: RedisProcess[], dir: string): LocalRedisCluster {
  const connect = (port: number) => new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: () => null }).on('error', () => undefined);
  const alive = () => nodes.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  const slotsTable = async () => {
    const client = connect(alive()[0].port);
    try {
      return (await client.call('CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
    } finally {
      client.disconnect();
    }
  };
  return {
    nodes,
    seeds: nodes.map(({ port }) => `127.0.0.1:${port}`).join(','),
    connect,
    async masterPorts() {
      return [...new Set((await slotsTable()).map(([, , [, port]]) => port))].sort();
    },
    async masterOfSlot(slot) {
      const range = (await slotsTable()).find(([from, to]) => slot >= from && slot <= to);
      if (!range) throw new Error(`no master serves slot ${slot}`);
      return range[2][1];
    },
    stop: () => stopAll(nodes, dir),
  };
}

/** Waits until every given node reports `cluster_state:ok` (after creation, or after a failover). */
export async function waitForClusterOk(cluster: Pick<LocalRedisCluster, 'connect'>, ports: number[], timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    const client = cluster.connect(port);
    try {
      while (!/cluster_state:ok/.test(String(await client.call('CLUSTER', 'INFO').catch(() => '')))) {
        if (Date.now() > deadline) throw new Error(`cluster not ok on ${port} after ${timeoutMs} ms`);
        await sleep(100);
      }
    } finally {
      client.disconnect();
    }
  }
}

export interface LocalSentinelSetup {
  readonly master: RedisProcess;
  readonly replica: RedisProcess;
  readonly sentinels: RedisProcess[];
  /** The name the sentinels monitor, for REDIS_SENTINEL_NAME. */
  readonly name: string;
  /** `host:port,…` of the sentinels, for REDIS_SENTINELS. */
  readonly seeds: string;
  /** The port of the master as the sentinels see it now. */
  currentMasterPort(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A master, its replica, and two sentinels watching them (quorum 1, so either can start a
 * failover; both must agree to run it). A killed master is replaced within a few seconds.
 */
export async function startSentinelSetup(name = 'lanekeeper'): Promise<LocalSentinelSetup> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lk-sentinel-'));
  const processes: RedisProcess[] = [];
  try {
    const base = [...SERVER_BASICS, '--dir', dir];
    const masterPort = await freePort();
    const master = await startServer(dir, ['--port', String(masterPort), ...base], masterPort);
    processes.push(master);
    const replicaPort = await freePort();
    const replica = await startServer(dir, ['--port', String(replicaPort), '--replicaof', '127.0.0.1', String(masterPort), ...base], replicaPort);
    processes.push(replica);
    await waitForReplicaInSync(replicaPort);
    const sentinels: RedisProcess[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const conf = path.join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      const sentinel = await startServer(dir, [conf, '--sentinel'], port);
      processes.push(sentinel);
      sentinels.push(sentinel);
    }
    const currentMasterPort = async () => {
      const client = new Redis({ port: sentinels[0].port, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: () => null });
      try {
        const [, port] = (await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as [string, string];
        return Number(port);
      } finally {
        client.disconnect();
      }
    };
    // The sentinels must know each other and the replica before a failover can happen.
    const deadline = Date.now() + 15000;
    for (;;) {
      const client = new Redis({ port: sentinels[0].port, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: () => null });
      const info = (await client.call('SENTINEL', 'MASTER', name).catch(() => [])) as string[];
      client.disconnect();
      const field = (key: string) => Number(info[info.indexOf(key) + 1]);
      if (field('num-other-sentinels') >= 1 && field('num-slaves') >= 1) break;
      if (Date.now() > deadline) throw new Error('the sentinels did not find each other and the replica');
      await sleep(200);
    }
    return {
      master,
      replica,
      sentinels,
      name,
      seeds: sentinels.map(({ port }) => `127.0.0.1:${port}`).join(','),
      currentMasterPort,
      stop: () => stopAll(processes, dir),
    };
  } catch (error) {
    await stopAll(processes, dir);
    throw error;
  }
}

async function waitForReplicaInSync(port: number): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    const deadline = Date.now() + 10000;
    while (!/master_link_status:up/.test(await client.info('replication'))) {
      if (Date.now() > deadline) throw new Error(`replica on ${port} did not sync`);
      await sleep(100);
    }
  } finally {
    client.disconnect();
  }
}

export interface LocalTlsRedis {
  readonly port: number;
  /** The server's self-signed certificate: the CA file a client must be given to trust it. */
  readonly certificateFile: string;
  stop(): Promise<void>;
}

/** A Redis that speaks only TLS, with a self-signed certificate for 127.0.0.1 and a password. */
export async function startTlsRedis(password: string): Promise<LocalTlsRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lk-tls-'));
  const processes: RedisProcess[] = [];
  try {
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.crt', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (made.error || made.status !== 0) throw new Error(`openssl could not make a test certificate (Debian: apt-get install openssl): ${made.error?.message ?? made.stderr}`);
    const [plainPort, tlsPort] = [await freePort(), await freePort()];
    // The plain port is bound to loopback only for the readiness probe; clients use the TLS port.
    const args = ['--port', String(plainPort), '--tls-port', String(tlsPort), '--tls-cert-file', 'server.crt', '--tls-key-file', 'server.key', '--tls-auth-clients', 'no', '--requirepass', password, ...SERVER_BASICS, '--dir', dir];
    processes.push(await startServer(dir, args, plainPort, password));
    return { port: tlsPort, certificateFile: path.join(dir, 'server.crt'), stop: () => stopAll(processes, dir) };
  } catch (error) {
    await stopAll(processes, dir);
    throw error;
  }
}
