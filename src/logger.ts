import pino, { type DestinationStream, type Logger } from 'pino';
import { LogLevel, type Logger as SlackLogger } from '@slack/logger';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear (up to three levels deep). Message text and Block Kit
 * content are personal data; tokens and secrets are credentials. Neither may reach a log.
 */
const SENSITIVE_KEYS = [
  'token',
  'botToken',
  'appToken',
  'refreshToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'encryptionKey',
  // As the OAuth endpoints name them.
  'access_token',
  'refresh_token',
  'client_secret',
  'authorization',
  'text',
  'blocks',
  'phrase',
  'response_url',
  'responseUrl',
];
export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]).concat([
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
]);

export interface LoggerOptions {
  level: string;
  /** Where JSON lines go; stdout when omitted. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service: 'lanekeeper' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * Adapts pino to the Logger interface of Bolt and the Slack SDKs. Their debug output includes
 * request bodies (message text), which a string log line cannot redact, so debug lines are dropped.
 */
export function slackLoggerFrom(logger: Logger, component: string): SlackLogger {
  const child = logger.child({ component });
  let level: LogLevel = LogLevel.INFO;
  const join = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => child.info(join(msg)),
    warn: (...msg: unknown[]) => child.warn(join(msg)),
    error: (...msg: unknown[]) => child.error(join(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
