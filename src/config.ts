import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readInstallMode, type InstallMode } from './install-mode';

/**
 * The whole environment of the bot, validated once at start. Nothing else reads `process.env`.
 * Every variable is documented in `.env.example`.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const PROCESS_ROLES = ['all', 'web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const integerFrom = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const hostPort = /^[A-Za-z0-9_.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;
/** `host:port,host:port` (an IPv6 address in brackets) into a list, or undefined when unset. */
const hostPortList = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .refine((parts) => parts.length > 0 && parts.every((part) => hostPort.test(part)), 'must be a comma-separated list of host:port')
    .transform((parts) =>
      parts.map((part) => {
        const at = part.lastIndexOf(':');
        return { host: part.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(part.slice(at + 1)) };
      }),
    )
    .optional(),
);

const environmentSchema = z
  .object({
    // SLACK_BOT_TOKEN, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and
    // INSTALLATION_ENCRYPTION_KEY choose the mode: read by install-mode.ts.
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.preprocess(emptyAsUndefined, z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_API_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
        .default('https://slack.com/api/')
        // The Web API client joins method names onto this URL, so it must end with a slash.
        .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
    ),
    REDIS_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).default('redis://127.0.0.1:6379'),
    ),
    REDIS_PREFIX: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        // BullMQ joins key parts with ':', so the prefix itself must not contain one; and lanekeeper
        // places its own Redis Cluster hash tags (see KeySpace), which a brace here would override.
        .regex(/^[A-Za-z0-9_.-]+$/, 'may hold only letters, digits, _ . - (no ":" and no braces: lanekeeper sets its own hash tags)')
        .default('lanekeeper'),
    ),
    REDIS_CLUSTER_NODES: hostPortList,
    REDIS_SENTINELS: hostPortList,
    REDIS_SENTINEL_NAME: optionalString,
    REDIS_TLS_CA_FILE: optionalString,
    PORT: integerFrom(3000, 0, 65535),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
    ROLE: z.preprocess(emptyAsUndefined, z.enum(PROCESS_ROLES, { error: `must be one of ${PROCESS_ROLES.join(', ')}` }).default('all')),
    WORKER_CONCURRENCY: integerFrom(8, 1, 256),
    SHUTDOWN_TIMEOUT_MS: integerFrom(25000, 1000, 600000),
    PROFILE_CACHE_TTL_SECONDS: integerFrom(6 * 3600, 60, 7 * 24 * 3600),
    JOB_LOCK_MS: integerFrom(30000, 1000, 600000),
    SLACK_API_TIMEOUT_MS: integerFrom(10000, 100, 120000),
  })
  .superRefine((env, ctx) => {
    if (env.REDIS_CLUSTER_NODES && env.REDIS_SENTINELS) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINELS'], message: 'cannot be combined with REDIS_CLUSTER_NODES (a Redis Cluster fails over by itself)' });
    }
    if (env.REDIS_SENTINELS && env.REDIS_SENTINEL_NAME === undefined) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_NAME'], message: 'is required with REDIS_SENTINELS (the master name the sentinels monitor)' });
    }
    if (env.REDIS_TLS_CA_FILE !== undefined && readableFileError(env.REDIS_TLS_CA_FILE) !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_TLS_CA_FILE'], message: `cannot be read (${readableFileError(env.REDIS_TLS_CA_FILE)})` });
    }
    const receivesOverHttp = env.ROLE !== 'worker' && env.SLACK_APP_TOKEN === undefined;
    if (receivesOverHttp && env.SLACK_SIGNING_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required in HTTP mode (set SLACK_APP_TOKEN for Socket Mode instead)',
      });
    }
  });

export interface Config {
  readonly slack: {
    /** Single-workspace (one bot token) or multi-workspace (installed with "Add to Slack"). */
    readonly install: InstallMode;
    readonly signingSecret: string | undefined;
    /** Set: Socket Mode. Unset: events arrive over HTTP at POST /slack/events. */
    readonly appToken: string | undefined;
    readonly apiUrl: string;
    /** How long a Web API call may take before it counts as timed out (its outcome is then unknown). */
    readonly apiTimeoutMs: number;
  };
  readonly redis: RedisSettings;
  readonly port: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** `all`: receive and work; `web`: receive only; `worker`: work the queues only. */
  readonly role: ProcessRole;
  readonly workerConcurrency: number;
  readonly shutdownTimeoutMs: number;
  readonly profileCacheTtlSeconds: number;
  /** How long a worker holds a job before others may take it over (a crashed worker's jobs wait this long). */
  readonly jobLockMs: number;
}

export interface RedisNode {
  readonly host: string;
  readonly port: number;
}

/**
 * Where Redis is. `url` always gives the credentials, the database and TLS (`rediss://`); its host
 * is the server itself only in `single` mode. A Cluster is found from any of `nodes`; with Sentinel,
 * the sentinels name the current master of `name`.
 */
export type RedisTopology =
  | { readonly kind: 'single' }
  | { readonly kind: 'cluster'; readonly nodes: readonly RedisNode[] }
  | { readonly kind: 'sentinel'; readonly sentinels: readonly RedisNode[]; readonly name: string };

export interface RedisSettings {
  readonly url: string;
  readonly prefix: string;
  readonly topology: RedisTopology;
  /** A private CA's certificate(s), PEM, trusted for `rediss://` besides the system's. */
  readonly tlsCa?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen Config, or throws a ConfigError listing every problem. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // The mode is read on its own so its problems are listed even when other variables are wrong too.
  const { mode, problems: modeProblems } = readInstallMode(env);
  const result = environmentSchema.safeParse(env);
  const problems = modeProblems.map((problem) => `${problem.variable} ${problem.message}`);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const variable = issue.path.join('.') || 'environment';
      // Never echo a received value: it may be a secret.
      problems.push(`${variable} ${issue.message}`);
    }
  }
  if (!result.success || !mode || problems.length > 0) throw new ConfigError(problems);
  const e = result.data;
  return deepFreeze({
    slack: {
      install: mode,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      apiTimeoutMs: e.SLACK_API_TIMEOUT_MS,
    },
    redis: {
      url: e.REDIS_URL,
      prefix: e.REDIS_PREFIX,
      topology: topologyOf(e),
      ...(e.REDIS_TLS_CA_FILE ? { tlsCa: readFileSync(e.REDIS_TLS_CA_FILE, 'utf8') } : {}),
    },
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    role: e.ROLE,
    workerConcurrency: e.WORKER_CONCURRENCY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    profileCacheTtlSeconds: e.PROFILE_CACHE_TTL_SECONDS,
    jobLockMs: e.JOB_LOCK_MS,
  });
}

function topologyOf(e: z.infer<typeof environmentSchema>): RedisTopology {
  if (e.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES };
  if (e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME) return { kind: 'sentinel', sentinels: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME };
  return { kind: 'single' };
}

/** Why a file cannot be read (its error code), or undefined when it can. */
function readableFileError(file: string): string | undefined {
  try {
    readFileSync(file);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    // A Buffer (the encryption key) cannot be frozen; it is never handed out for writing.
    if (child !== null && typeof child === 'object' && !ArrayBuffer.isView(child)) deepFreeze(child);
  }
  return Object.freeze(value);
}
