import type { Logger } from '../../../logger';
import type { Metrics } from '../../../metrics';
import { enqueue, type Queues } from '../../../queue/queues';
import { readIncomingMessage, type BotIdentity } from '../../incoming-message';

export interface IncomingMessageDeps {
  queues: Queues;
  /** Single-workspace mode's bot; in multi-workspace mode each event's installation names its own (Bolt's context). */
  bot?: BotIdentity;
  metrics: Pick<Metrics, 'eventsReceived'>;
  logger: Logger;
  now?: () => number;
}

/**
 * Handles `message` and `app_mention` events on the receive path: validate, drop what the bot never
 * acts on, and queue one analyze job. No classification and no Web API calls happen here, so the
 * ack stays fast whatever the queue holds. A failed enqueue throws, and the receiver answers with
 * a non-2xx so Slack retries; a payload that can never be processed is logged and acknowledged.
 */
export function createIncomingMessageHandler(deps: IncomingMessageDeps) {
  const now = deps.now ?? Date.now;
  // Label sets resolved once: this runs for every message the bot can see.
  const counted = (type: string, outcome: string) => deps.metrics.eventsReceived.labels({ type, outcome });
  const counters = Object.fromEntries(
    ['message', 'app_mention'].map((type) => [
      type,
      { malformed: counted(type, 'malformed'), dropped: counted(type, 'dropped'), failed: counted(type, 'failed'), queued: counted(type, 'queued') },
    ]),
  );
  return async function handleIncomingMessage(body: unknown, eventType: 'message' | 'app_mention', installedBot?: Partial<BotIdentity>): Promise<void> {
    const count = counters[eventType];
    const bot = installedBot?.botUserId && installedBot.botId ? { botUserId: installedBot.botUserId, botId: installedBot.botId } : (deps.bot ?? NO_BOT);
    const decision = readIncomingMessage(body, bot, now());
    switch (decision.action) {
      case 'malformed':
        count.malformed.inc();
        deps.logger.warn({ eventType, eventId: eventIdOf(body), problems: decision.problems }, 'malformed event dropped');
        return;
      case 'drop':
        count.dropped.inc();
        if (deps.logger.isLevelEnabled('debug')) deps.logger.debug({ eventType, eventId: eventIdOf(body), reason: decision.reason }, 'event not for us');
        return;
      case 'enqueue':
        try {
          await enqueue(deps.queues, 'analyze', 'analyze-message', decision.payload, {
            jobId: decision.jobId,
            deduplicateForMs: decision.deduplicateForMs,
          });
        } catch (error) {
          count.failed.inc();
          throw error;
        }
        count.queued.inc();
        if (deps.logger.isLevelEnabled('debug')) deps.logger.debug(
          { eventType, eventId: eventIdOf(body), team: decision.payload.teamId, channel: decision.payload.channelId, ts: decision.payload.ts },
          'event queued',
        );
    }
  };
}

/** No bot known (cannot happen with Bolt's authorize): nothing counts as our own post. */
const NO_BOT: BotIdentity = { botUserId: '', botId: '' };

function eventIdOf(body: unknown): string | undefined {
  const id = (body as { event_id?: unknown } | null)?.event_id;
  return typeof id === 'string' ? id : undefined;
}
