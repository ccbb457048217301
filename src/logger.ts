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
  // Whole request bodies, whatever shape they come in.
  'body',
  'rawBody',
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
      formatters: { level: (label) => ({ level: label }), log: scrubErrorFields },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * Error messages are written by others (Bolt, the Slack SDKs, ioredis, JSON.parse) and may quote
 * what they failed on: `Unexpected token 'M', "{"text":"Meet…" is not valid JSON` quotes a request
 * body, a form body parsed as JSON quotes its `token=` field. So every error text that reaches the
 * log loses what it quotes, any token-shaped word and any `token=` value, and is cut short.
 */
export function scrubErrorText(text: string): string {
  return (
    text
      // A double-quoted span, from the first quote to the last (JSON.parse quotes JSON inside quotes),
      // or everything after a lone opening quote.
      .replace(/"[^]*"/, '"…"')
      .replace(/^([^"]*)"[^"]*$/, '$1"…')
      .replace(/'[^'\n]*'/g, "'…'")
      .replace(/\bx(?:ox[a-z]|app)-[\w-]+/gi, '[token]')
      .replace(/\b(token|secret|password)=[^&\s]*/gi, '$1=[redacted]')
      .slice(0, 300)
  );
}

/** pino's `formatters.log`: the error fields of a line go through {@link scrubErrorText}. */
function scrubErrorFields(fields: Record<string, unknown>): Record<string, unknown> {
  const err = fields.err as { message?: unknown; stack?: unknown } | undefined;
  if (!err || typeof err !== 'object') return fields;
  const scrubbed: Record<string, unknown> = { ...err };
  if (typeof err.message === 'string') scrubbed.message = scrubErrorText(err.message);
  // A stack's first line repeats the message; the frames are kept.
  if (typeof err.stack === 'string') scrubbed.stack = err.stack.split('\n').map((line, i) => (i === 0 ? scrubErrorText(line) : line)).join('\n');
  return { ...fields, err: scrubbed };
}

/**
 * Adapts pino to the Logger interface of Bolt and the Slack SDKs. Their debug output includes
 * request bodies (message text), which a string log line cannot redact, so debug lines are dropped.
 */
export function slackLoggerFrom(logger: Logger, component: string): SlackLogger {
  const child = logger.child({ component });
  let level: LogLevel = LogLevel.INFO;
  // Their lines are free text that may quote a request (see scrubErrorText).
  const join = (parts: unknown[]) => scrubErrorText(parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' '));
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
