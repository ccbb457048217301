import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../logger';
import { slackLoggerFrom } from '../logger';
import { isStoreUnavailable } from '../errors';
import type { Metrics } from '../metrics';
import { checkSlackBody } from './request-shape';

/**
 * A Socket Mode receiver that acknowledges an envelope only after Bolt has finished with it.
 * Bolt's own SocketModeReceiver acknowledges events before listeners run, which would confirm an
 * event that Redis then failed to store. Here an envelope whose job could not be stored is left
 * unacknowledged, and Slack delivers it again.
 *
 * An envelope whose payload can never be processed (see request-shape.ts) is acknowledged, counted
 * as `malformed` and logged once, like a malformed HTTP request: Slack must not deliver it again.
 */
export interface DeferredAckSocketModeOptions {
  appToken: string;
  apiUrl: string;
  logger: Logger;
  metrics: Pick<Metrics, 'slackRequests'>;
}

export class DeferredAckSocketModeReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | undefined;
  private readonly logger: Logger;
  private readonly metrics: Pick<Metrics, 'slackRequests'>;

  constructor({ appToken, apiUrl, logger, metrics }: DeferredAckSocketModeOptions) {
    this.logger = logger.child({ component: 'socket-mode' });
    this.metrics = metrics;
    this.client = new EnvelopeSafeSocketModeClient({
      appToken,
      logger: slackLoggerFrom(logger, 'socket-mode-client'),
      clientOptions: { slackApiUrl: apiUrl },
    });
    this.client.on('slack_event', (args) => this.dispatch(args));
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    await this.client.start();
  }

  async stop(): Promise<void> {
    await this.client.disconnect();
  }

  private async dispatch(args: {
    ack: (response?: Record<string, unknown>) => Promise<void>;
    /** Whatever the envelope's `payload` was: checked below before Bolt reads it. */
    body: unknown;
    retry_num?: number;
    retry_reason?: string;
  }): Promise<void> {
    if (!this.app) return;
    const shape = checkSlackBody(args.body);
    if (shape.verdict !== 'process') {
      if (shape.verdict === 'ignore') {
        this.metrics.slackRequests.inc({ kind: shape.kind, outcome: 'ignored' });
      } else {
        this.metrics.slackRequests.inc({ kind: shape.kind, outcome: 'malformed' });
        this.logger.warn({ kind: shape.kind, problems: shape.problems }, 'malformed Socket Mode envelope acknowledged and dropped');
      }
      await this.acknowledge(args.ack, undefined);
      return;
    }
    let response: Record<string, unknown> | undefined;
    const event: ReceiverEvent = {
      body: args.body as ReceiverEvent['body'],
      retryNum: args.retry_num,
      retryReason: args.retry_reason,
      ack: async (body?: unknown) => {
        if (body !== undefined && body !== '') response = typeof body === 'string' ? { text: body } : (body as Record<string, unknown>);
      },
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      if (isStoreUnavailable(error)) {
        this.metrics.slackRequests.inc({ kind: shape.kind, outcome: 'not_stored' });
        this.logger.warn('event not stored; leaving the envelope unacknowledged so Slack delivers it again');
        return;
      }
      this.metrics.slackRequests.inc({ kind: shape.kind, outcome: 'failed' });
      this.logger.error({ err: { message: (error as Error).message } }, 'error while processing a Socket Mode envelope');
      await this.acknowledge(args.ack, response);
      return;
    }
    this.metrics.slackRequests.inc({ kind: shape.kind, outcome: 'handled' });
    await this.acknowledge(args.ack, response);
  }

  private async acknowledge(ack: (response?: Record<string, unknown>) => Promise<void>, response: Record<string, unknown> | undefined): Promise<void> {
    try {
      await ack(response);
    } catch (error) {
      // The socket closed while the event was processed (Slack's periodic refresh, a drop, a
      // shutdown). The job is stored; Slack delivers the unacknowledged envelope again and the job
      // id makes that harmless.
      this.logger.warn({ err: { message: (error as Error).message } }, 'could not acknowledge a Socket Mode envelope');
    }
  }
}

/**
 * The SDK's client reads `payload.event.type` of every `events_api` envelope before handing it on,
 * so an envelope whose payload or event is not an object would throw there, unacknowledged and
 * unseen. Such an envelope is handed on under another type instead (the SDK then reads nothing in
 * it), to be acknowledged and counted as malformed like any other.
 */
class EnvelopeSafeSocketModeClient extends SocketModeClient {
  protected override async onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void> {
    if (!isBinary) {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      const envelope = parseObject(text);
      const payload = envelope?.payload as { event?: unknown } | null | undefined;
      const event = payload && typeof payload === 'object' ? payload.event : undefined;
      if (envelope?.type === 'events_api' && (typeof event !== 'object' || event === null)) {
        return super.onWebSocketMessage(JSON.stringify({ ...envelope, type: 'events_api_unreadable' }), false);
      }
    }
    return super.onWebSocketMessage(data, isBinary);
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // The SDK drops a message that is not JSON itself (at debug level, which is not logged).
    return undefined;
  }
}
