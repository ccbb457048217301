import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  blockActionPayload,
  slashCommandPayload,
  urlVerificationBody,
  type BlockActionFields,
  type SlashCommandFields,
} from './payloads';
import { signSlackRequest } from './signing';

export * from './payloads';
export { signSlackRequest, type SlackSignatureHeaders } from './signing';

/**
 * Sends signed requests into a Bolt app over HTTP, as Slack does: events as JSON, slash commands
 * and interactivity as `application/x-www-form-urlencoded` (interactivity in one `payload` field
 * holding JSON). Bolt's HTTPReceiver compares the content type exactly, so no `charset` is added.
 */

export interface SendOptions {
  /** Sets `x-slack-retry-num` (1–3 on Slack). */
  retryNum?: number;
  /** Sets `x-slack-retry-reason`. Default `http_timeout` when `retryNum` is given. */
  retryReason?: string;
  /** Signature timestamp in seconds. Default now. */
  timestamp?: number;
  /** Sign with the wrong secret (Bolt answers 401). */
  badSignature?: boolean;
  /** Default `/slack/events`. */
  path?: string;
  /** Abort the request after this long. Default 10 000 ms. */
  timeoutMs?: number;
}

export interface SlackResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body parsed, when it is JSON. */
  json?: unknown;
  elapsedMs: number;
}

export interface SlackRequestSenderOptions {
  /** The app's origin, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  signingSecret: string;
  /** Mints `response_url`s for slash commands and block actions that give none, e.g. `() => local.responseUrl()`. */
  responseUrlFor?: () => string;
}

export class SlackRequestSender {
  constructor(private readonly options: SlackRequestSenderOptions) {}

  /** Posts an Events API body (see `messageEvent` and friends). */
  sendEvent(envelope: object, opts: SendOptions = {}): Promise<SlackResponse> {
    return this.sendRaw(JSON.stringify(envelope), 'application/json', opts);
  }

  sendUrlVerification(challenge: string, opts: SendOptions = {}): Promise<SlackResponse> {
    return this.sendEvent(urlVerificationBody(challenge), opts);
  }

  sendSlashCommand(fields: SlashCommandFields, opts: SendOptions = {}): Promise<SlackResponse> {
    const payload = slashCommandPayload({ ...fields, responseUrl: fields.responseUrl ?? this.options.responseUrlFor?.() });
    return this.sendRaw(new URLSearchParams(payload).toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** Posts an interactivity payload (block_actions, view_submission, …) as `payload=<JSON>`. */
  sendInteraction(payload: object, opts: SendOptions = {}): Promise<SlackResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.sendRaw(body, 'application/x-www-form-urlencoded', opts);
  }

  /** Builds a realistic `block_actions` payload for {@link sendInteraction}. */
  blockAction(fields: BlockActionFields): Record<string, unknown> {
    return blockActionPayload({ ...fields, responseUrl: fields.responseUrl ?? this.options.responseUrlFor?.() });
  }

  /** Signs and posts any body with the given content type. */
  sendRaw(body: string, contentType: string, opts: SendOptions = {}): Promise<SlackResponse> {
    const secret = opts.badSignature ? `${this.options.signingSecret}-wrong` : this.options.signingSecret;
    const headers: Record<string, string> = {
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...signSlackRequest(secret, body, opts.timestamp),
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = opts.retryReason ?? 'http_timeout';
    } else if (opts.retryReason !== undefined) {
      headers['x-slack-retry-reason'] = opts.retryReason;
    }
    const url = new URL(opts.path ?? '/slack/events', this.options.baseUrl);
    return post(url, headers, body, opts.timeoutMs ?? 10000);
  }
}

function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SlackResponse> {
  const started = performance.now();
  return new Promise<SlackResponse>((resolve, reject) => {
    // agent: false = one connection per request, closed afterwards, so nothing keeps the test
    // process (or the app's server.close()) waiting on an idle keep-alive socket.
    const req = request(url, { method: 'POST', headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const responseHeaders: Record<string, string> = {};
        for (const [key, value] of Object.entries(res.headers)) {
          if (value !== undefined) responseHeaders[key] = Array.isArray(value) ? value.join(', ') : value;
        }
        let json: unknown;
        if (text.length > 0) {
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: responseHeaders, body: text, json, elapsedMs: performance.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.href} within ${timeoutMs}ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
