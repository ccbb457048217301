import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../logger';
import { slackLoggerFrom } from '../logger';
import { isStoreUnavailable } from '../errors';

/**
 * A Socket Mode receiver that acknowledges an envelope only after Bolt has finished with it.
 * Bolt's own SocketModeReceiver acknowledges events before listeners run, which would confirm an
 * event that Redis then failed to store. Here an envelope whose job could not be stored is left
 * unacknowledged, and Slack delivers it again.
 */
export interface DeferredAckSocketModeOptions {
  appToken: string;
  apiUrl: string;
  logger: Logger;
}

export class DeferredAckSocketModeReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | undefined;
  private readonly logger: Logger;

  constructor({ appToken, apiUrl, logger }: DeferredAckSocketModeOptions) {
    this.logger = logger.child({ component: 'socket-mode' });
    this.client = new SocketModeClient({
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
    body: Record<string, unknown>;
    retry_num?: number;
    retry_reason?: string;
  }): Promise<void> {
    if (!this.app) return;
    let response: Record<string, unknown> | undefined;
    const event: ReceiverEvent = {
      body: args.body,
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
        this.logger.warn('event not stored; leaving the envelope unacknowledged so Slack delivers it again');
        return;
      }
      this.logger.error({ err: { message: (error as Error).message } }, 'error while processing a Socket Mode envelope');
    }
    try {
      await args.ack(response);
    } catch (error) {
      // The socket closed while the event was processed (Slack's periodic refresh, a drop, a
      // shutdown). The job is stored; Slack delivers the unacknowledged envelope again and the job
      // id makes that harmless.
      this.logger.warn({ err: { message: (error as Error).message } }, 'could not acknowledge a Socket Mode envelope');
    }
  }
}
