import { rootCertificates } from 'node:tls';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisNode, RedisSettings } from '../config';

/** A connection to one Redis (possibly found through Sentinel) or to a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/**
 * Opens an ioredis connection. BullMQ needs `maxRetriesPerRequest: null` on the connections its
 * workers block on; for the receive path we want the opposite (fail fast, so Slack can be told to
 * retry instead of the request hanging past Slack's 3-second limit).
 */
export type RedisPurpose = 'queue-blocking' | 'fail-fast' | 'store';

const RETRIES_PER_REQUEST: Record<RedisPurpose, number | null> = {
  // BullMQ workers block on this connection and must wait out outages.
  'queue-blocking': null,
  // The receive path: an answer within Slack's 3 seconds matters more than this one write.
  'fail-fast': 0,
  // Workers' own reads and writes: a short outage is ridden out, a long one fails the job (retried).
  store: 3,
};

/**
 * The longest the receive path waits for one Redis command. Slack gives 3 seconds for the whole
 * answer; past this the event counts as not stored and Slack is asked to retry (the job id makes a
 * late success harmless).
 */
export const RECEIVE_COMMAND_TIMEOUT_MS = 1500;

/** The longest pause between two reconnect attempts. */
export const MAX_RECONNECT_DELAY_MS = 2000;

// Reconnect forever with a capped delay: Redis coming back must heal the process by itself.
const retryStrategy = (attempt: number) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS);

/**
 * Opens a connection of the given purpose to the Redis `settings` describe: one server, the master
 * Sentinel names, or a Redis Cluster. A bare URL is one server.
 */
export function createRedis(url: string, purpose: RedisPurpose): Redis;
export function createRedis(settings: RedisSettings, purpose: RedisPurpose): RedisClient;
export function createRedis(target: RedisSettings | string, purpose: RedisPurpose): RedisClient {
  const settings: RedisSettings = typeof target === 'string' ? { url: target, prefix: '', topology: { kind: 'single' } } : target;
  const server = serverOptions(settings);
  const perConnection: RedisOptions = {
    ...server.credentials,
    commandTimeout: purpose === 'fail-fast' ? RECEIVE_COMMAND_TIMEOUT_MS : undefined,
    maxRetriesPerRequest: RETRIES_PER_REQUEST[purpose],
    connectTimeout: 2000,
    retryStrategy,
  };
  const behaviour = {
    enableOfflineQueue: purpose !== 'fail-fast',
    // Commands issued in the same tick go out in one write: under load the receive path otherwise
    // spends much of its time in socket writes, one per queued event.
    enableAutoPipelining: purpose !== 'queue-blocking',
    lazyConnect: false,
  };
  const { topology } = settings;
  if (topology.kind === 'cluster') {
    const options: ClusterOptions = {
      ...behaviour,
      // Node connections keep ioredis's own reconnect and queueing rules; `commandTimeout` still
      // bounds each command of the receive path.
      redisOptions: perConnection,
      clusterRetryStrategy: retryStrategy,
      slotsRefreshTimeout: 2000,
      // Managed clusters announce nodes by address while their certificates name the host; keep
      // the name given so TLS can check it.
      dnsLookup: (address, callback) => callback(null, address),
    };
    return new Cluster(topology.nodes.map(({ host, port }) => ({ host, port })), options);
  }
  if (topology.kind === 'sentinel') {
    return new Redis({
      ...perConnection,
      ...behaviour,
      db: server.db,
      sentinels: topology.sentinels.map(({ host, port }) => ({ host, port })),
      name: topology.name,
      sentinelRetryStrategy: retryStrategy,
      // A master that died drops the connection, and the client asks the sentinels again. One that
      // was demoted (a planned failover) answers writes with READONLY: reconnect then too.
      // (ioredis's `failoverDetector` would hear failovers sooner, but its sentinel subscriptions
      // outlive `quit()` and keep the process alive after a drain.)
      reconnectOnError: (error: Error) => error.message.startsWith('READONLY'),
      ...(perConnection.tls ? { enableTLSForSentinelMode: true, sentinelTLS: perConnection.tls } : {}),
    });
  }
  return new Redis({ ...perConnection, ...behaviour, host: server.host.host, port: server.host.port, db: server.db });
}

/** What REDIS_URL says: the server (single mode), credentials, database and TLS. */
function serverOptions(settings: RedisSettings): { host: RedisNode; db: number; credentials: Pick<RedisOptions, 'username' | 'password' | 'tls'> } {
  const url = new URL(settings.url);
  const secure = url.protocol === 'rediss:';
  return {
    host: { host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(url.port || 6379) },
    db: Number(url.pathname.slice(1) || 0) || 0,
    credentials: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      // A private CA is trusted besides the usual public ones (Node's `ca` replaces them otherwise).
      tls: secure ? (settings.tlsCa ? { ca: [...rootCertificates, settings.tlsCa] } : {}) : undefined,
    },
  };
}

/**
 * Remembers every copy BullMQ makes of `redis` (`duplicate()`): its workers block on such copies,
 * and the drain needs to see them (see `settleReconnects`).
 */
export function trackDuplicates<C extends RedisClient>(redis: C, copies: RedisClient[]): C {
  const original = redis.duplicate.bind(redis) as (...args: unknown[]) => RedisClient;
  (redis as { duplicate: (...args: unknown[]) => RedisClient }).duplicate = (...args: unknown[]) => {
    const copy = original(...args);
    copies.push(copy);
    return copy;
  };
  return redis;
}

/**
 * Waits, at most `timeoutMs`, until each of `clients` is connected and ready (or closed).
 * ioredis's `disconnect()` on a client waiting to reconnect never emits `end` (its socket is already
 * gone), and BullMQ's `Worker.close()` waits for that `end`; one caught half-way through
 * reconnecting takes seconds more. So a drain begun during or just after a Redis outage would hang:
 * once Redis answers again, a retry delay later the clients are ready and close at once.
 */
export async function settleReconnects(clients: readonly RedisClient[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const settled = (client: RedisClient) => client.status === 'ready' || client.status === 'end';
  while (!clients.every(settled) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Builds keys under the configured prefix, so several bots can share one Redis.
 *
 * On a Redis Cluster a key's slot comes from its hash tag, the part in braces, and a script or
 * MULTI may only touch keys of one slot. So each workspace's keys share one tag, `{t:<team>}`:
 * everything about one workspace sits in one slot (scripts across its keys work) while different
 * workspaces spread over the masters. Each queue has its own tag too (see `queuePrefix`). Keys
 * without a tag (`teams`, `sent:<job>`) are only ever used one at a time.
 */
export class KeySpace {
  constructor(readonly prefix: string) {}

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** A key holding one workspace's data: `<prefix>:{t:<team>}:<parts>`. */
  team(teamId: string, ...parts: string[]): string {
    return this.key(teamTag(teamId), ...parts);
  }

  /** Matches every key of a workspace, so one that uninstalls the app can be forgotten. */
  teamPattern(teamId: string): string {
    return `${this.key(teamTag(teamId))}:*`;
  }
}

/** Team ids are Slack ids (letters, digits, `_`): nothing in them is special to a SCAN pattern. */
const teamTag = (teamId: string) => `{t:${teamId}}`;

/**
 * Deletes every key matching `pattern` (and `wanted`, when given); on a Cluster, on every master (SCAN sees one node's keys).
 * Keys are deleted one command each: keys found together may sit in different slots.
 */
export async function deleteMatching(redis: RedisClient, pattern: string, wanted: (key: string) => boolean = () => true): Promise<number> {
  const nodes: Redis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      const counts = await Promise.all(found.filter(wanted).map((key) => redis.del(key)));
      deleted += counts.reduce((sum, n) => sum + n, 0);
    } while (cursor !== '0');
  }
  return deleted;
}

/** Why a connection failed, in words an operator can act on (never the URL: it may hold a password). */
export function explainRedisError(error: Error & { code?: string; lastNodeError?: Error }): { reason: string; permanent: boolean } {
  const cause = error.lastNodeError ?? error;
  const code = (cause as { code?: string }).code ?? '';
  const message = cause.message ?? '';
  if (/self[- ]signed|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_|ERR_TLS_CERT/i.test(`${code} ${message}`)) {
    return { reason: `the server's TLS certificate is not trusted (${[code, message].filter(Boolean).join(': ')}): set REDIS_TLS_CA_FILE to the CA that signed it`, permanent: true };
  }
  if (/^(WRONGPASS|NOAUTH|NOPERM)/.test(message) || /invalid password|invalid username-password/i.test(message)) {
    return { reason: `Redis refused the credentials (${message.split(' ')[0]}): check the user and password in REDIS_URL`, permanent: true };
  }
  if (code === 'ECONNREFUSED') return { reason: `nothing answers there (ECONNREFUSED: ${message.replace(/^connect ECONNREFUSED /, '')})`, permanent: false };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: `the host name does not resolve (${code})`, permanent: false };
  if (/ETIMEDOUT|timed? ?out/i.test(`${code} ${message}`)) return { reason: `the connection timed out (${code || 'ETIMEDOUT'})`, permanent: false };
  if (code === 'ECONNRESET' || /Connection is closed|socket hang up/i.test(message)) {
    return { reason: `the server closed the connection (${code || 'closed'}; a TLS port reached with redis://, or a server at its client limit?)`, permanent: false };
  }
  return { reason: message || code || error.name, permanent: false };
}

/**
 * Resolves once the connection is ready and is the kind of Redis configured. The receive path's
 * connection has no offline queue, so the app waits for it before listening. A start that cannot
 * succeed fails with the reason: at once for refused credentials or an untrusted certificate, after
 * `timeoutMs` for a Redis that does not answer (with the last error seen).
 */
export async function redisReady(redis: RedisClient, timeoutMs = 10000): Promise<void> {
  if (redis.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      let lastReason = 'no answer';
      const finish = (error?: Error) => {
        clearTimeout(timer);
        redis.off('ready', onReady);
        redis.off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => finish();
      const onError = (error: Error) => {
        const { reason, permanent } = explainRedisError(error);
        lastReason = reason;
        if (permanent) finish(new Error(`Redis refused the connection: ${reason}`));
      };
      const timer = setTimeout(() => finish(new Error(`Redis was not reachable within ${timeoutMs} ms: ${lastReason}`)), timeoutMs);
      redis.once('ready', onReady);
      redis.on('error', onError);
    });
  }
  if (!(redis instanceof Cluster) && (await isClusterNode(redis))) {
    // A single-node client would get MOVED for every key in another master's slots.
    throw new Error('this Redis is a Redis Cluster node (keys elsewhere answer MOVED): list the cluster nodes in REDIS_CLUSTER_NODES');
  }
}

async function isClusterNode(redis: Redis): Promise<boolean> {
  // Managed services may rename or forbid INFO; then the check is skipped.
  const info = await redis.info('cluster').catch(() => '');
  return /cluster_enabled:1/.test(info);
}
