import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../logger';
import { scrubErrorText } from '../logger';
import type { Metrics } from '../metrics';
import { checkSlackBody, type SlackBodyVerdict, type SlackRequestKind } from './request-shape';

/**
 * The edge in front of Bolt's HTTP receiver on `POST /slack/events`. Every request is answered
 * here or by Bolt, and counted once in `lanekeeper_slack_requests_total`:
 *
 * - a body that is not JSON (or a form) or not an object: 400, `malformed`;
 * - a signed body Bolt or a listener could never process (see request-shape.ts): 200, so Slack does
 *   not retry it, `malformed`;
 * - a bad or missing signature: 401, `unsigned` (checked here for what the edge answers itself, by
 *   Bolt for what it is handed);
 * - anything else goes to Bolt; if Bolt has not answered an event or a click within the ack deadline
 *   (Redis hanging), 503 so Slack retries (a late success is harmless: job ids deduplicate the retry).
 *
 * A rejected request is logged once, as a warning naming what was wrong, never its values.
 */
export interface SlackEdgeOptions {
  /** Bolt's `HTTPReceiver.requestListener`. */
  boltListener: RequestListener;
  signingSecret: string;
  logger: Logger;
  metrics: Pick<Metrics, 'slackRequests'>;
  /** How long Bolt gets to answer before the edge answers 503 for it. */
  ackDeadlineMs?: number;
}

/**
 * Slack gives 3 seconds for an answer. Past this the edge answers 503 itself: a Redis that hangs
 * would otherwise hold the answer for a command timeout or two (ioredis can pay it twice behind an
 * auto-pipelined batch), and Slack counts a late answer as a failure anyway. Storing an event
 * takes a millisecond or two; the rest of the 3 seconds is left for the network and for a busy
 * host (on a loaded 2-core machine, 503s given at 1.2 s reached a client at up to 1.9 s; given at
 * 1 s, at up to 1.3 s).
 */
export const ACK_DEADLINE_MS = 1000;

/** Bolt's own limit; Slack's bodies are far smaller. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const FORM = 'application/x-www-form-urlencoded';

type Outcome = 'handled' | 'malformed' | 'unsigned' | 'ignored' | 'not_stored' | 'late' | 'failed';

export function guardSlackEndpoint({ boltListener, signingSecret, logger, metrics, ackDeadlineMs = ACK_DEADLINE_MS }: SlackEdgeOptions): RequestListener {
  const log = logger.child({ component: 'slack-edge' });
  const count = (kind: SlackRequestKind, outcome: Outcome) => metrics.slackRequests.inc({ kind, outcome });
  const reject = (res: ServerResponse, status: number, kind: SlackRequestKind, outcome: Outcome, problems: string[], message: string) => {
    count(kind, outcome);
    log.warn({ kind, status, problems }, message);
    answer(res, status);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, BODY_LIMIT_BYTES);
    if (raw === 'too_large') return reject(res, 413, 'unknown', 'malformed', [`body: larger than ${BODY_LIMIT_BYTES} bytes`], 'Slack request rejected');
    if (raw === undefined) return; // the client went away while sending

    const text = raw.toString('utf8');
    const contentType = req.headers['content-type'];
    const form = contentType === FORM ? parseQueryString(text) : undefined;
    // Slack's SSL check is unsigned and needs only a 200 (Bolt answers it the same way).
    if (form?.ssl_check === '1') return answer(res, 200);

    // Parsed as Bolt parses it (HTTPModuleFunctions.parseHTTPRequestBody), so both see the same body.
    let body: unknown;
    let unreadable: string | undefined;
    try {
      body = form ? (typeof form.payload === 'string' ? JSON.parse(form.payload) : form) : JSON.parse(text);
    } catch {
      unreadable = form ? 'payload: not valid JSON' : `body: not valid JSON (content type ${describeContentType(contentType)})`;
    }
    const shape: SlackBodyVerdict = unreadable ? { verdict: 'not_slack', kind: 'unknown', problems: [unreadable] } : checkSlackBody(body);
    // Bolt verifies the signature of what it is handed; the edge verifies what it answers itself.
    // So an unsigned request is never answered or counted as a Slack one, and the busy path pays for
    // one signature check, not two.
    if (shape.verdict === 'process') return passToBolt(req, res, raw, shape.kind);
    const unsigned = signatureProblem(req, text, signingSecret);
    if (unsigned) return reject(res, 401, 'unknown', 'unsigned', [unsigned], 'Slack request signature did not verify');
    switch (shape.verdict) {
      case 'not_slack':
        return reject(res, 400, shape.kind, 'malformed', shape.problems, 'malformed Slack request answered and dropped');
      case 'malformed':
        return reject(res, 200, shape.kind, 'malformed', shape.problems, 'malformed Slack request answered and dropped');
      case 'ignore':
        count(shape.kind, 'ignored');
        log.info({ kind: shape.kind, reason: shape.reason }, 'Slack request needs no work');
        return answer(res, 200);
    }
  }

  function passToBolt(req: IncomingMessage, res: ServerResponse, raw: Buffer, kind: SlackRequestKind): void {
    let late = false;
    // Not for slash commands: `/lane` may wait up to 1.5 s for Slack's answer to a lookup and then
    // replies with what it has; Bolt's own ack timeout (2.5 s) bounds it.
    const deadline = kind === 'command' ? undefined : setTimeout(() => {
      if (res.headersSent) return;
      late = true;
      log.warn({ kind, deadlineMs: ackDeadlineMs }, 'Slack request not handled in time; asking Slack to retry');
      answer(res, 503, 'not handled in time; please retry');
    }, ackDeadlineMs);
    res.once('close', () => {
      clearTimeout(deadline);
      count(kind, late ? 'late' : outcomeOfStatus(res.statusCode));
    });
    // Bolt reads the body from `rawBody` when a request was buffered before it (bufferIncomingMessage).
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    boltListener(req, res);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The logger scrubs the message (scrubErrorText).
      log.error({ err: { message: String((error as Error)?.message ?? error) } }, 'Slack request failed at the edge');
      if (!res.headersSent) answer(res, 500);
    });
  };
}

function outcomeOfStatus(status: number): Outcome {
  if (status === 503) return 'not_stored';
  if (status === 401) return 'unsigned';
  return status >= 500 ? 'failed' : 'handled';
}

function signatureProblem(req: IncomingMessage, body: string, signingSecret: string): string | undefined {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return 'headers: signature or timestamp missing';
  try {
    verifySlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) } });
    return undefined;
  } catch (error) {
    // Bolt's reasons name the rule broken (stale, version, mismatch), never the values.
    return scrubErrorText((error as Error).message);
  }
}

/** The body as a buffer, `too_large` past `limit` bytes, or undefined when the client aborted. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Buffer | 'too_large' | undefined) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        req.resume(); // drain what is left without keeping it
        finish('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish(undefined));
    req.on('aborted', () => finish(undefined));
  });
}

function describeContentType(contentType: string | undefined): string {
  // A content type is a header, not a body, but keep only its media type (no parameters).
  return (contentType ?? 'none').split(';')[0].trim().slice(0, 60) || 'none';
}

function answer(res: ServerResponse, status: number, text?: string): void {
  if (res.headersSent) return;
  res.writeHead(status, text ? { 'content-type': 'text/plain' } : {});
  res.end(text);
}

/**
 * Everything Bolt serves: events, commands and clicks (`POST /slack/events`) pass the edge's checks
 * first; the install pages of many-workspace mode (`/slack/install`, `/slack/oauth_redirect`) are a
 * person's browser, not Slack, and go to Bolt as they are.
 */
export function slackRoutes(options: SlackEdgeOptions): RequestListener {
  const guarded = guardSlackEndpoint(options);
  return (req, res) => (new URL(req.url ?? '/', 'http://localhost').pathname === '/slack/events' ? guarded(req, res) : options.boltListener(req, res));
}
