/**
 * Sends the soak benchmark's requests the way Slack does: an answer later than 3 s is no answer,
 * and an event without one is sent again with `X-Slack-Retry-Num`. Counts what came back.
 */
import type { SlackRequestSender, SlackResponse } from '../local-slack/requests';
import type { SoakRequest } from './soak-traffic';

export interface AckFigures {
  /** Requests sent, retries included. */
  sent: number;
  retries: number;
  /** Events still not acknowledged after the retries the bench makes. */
  gaveUp: number;
  /** Answers other than 200, by status (or no answer in time). */
  failures: Record<string, number>;
  ms: number[];
}

/** Slack waits 3 s for an answer. An event it gets no 200 for is sent again: nearly at once, after 1 minute and after 5 minutes. */
const SLACK_ACK_TIMEOUT_MS = 3000;
/** The 5-minute retry is left out: it would hold every run for 5 more minutes. */
const SLACK_RETRY_DELAYS_MS = [1000, 60_000];

/** Sends one request as Slack would, retrying events that were not acknowledged. Resolves with whether one attempt got a 200. */
export async function sendAsSlackDoes(sender: SlackRequestSender, request: SoakRequest, figures: AckFigures): Promise<boolean> {
  // Commands and clicks are not retried: the person sees an error instead.
  const retryDelays = request.kind === 'lane' || request.kind === 'click' ? [] : SLACK_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt += 1) {
    const options = { timeoutMs: SLACK_ACK_TIMEOUT_MS, ...(attempt > 0 ? { retryNum: attempt, retryReason: 'http_timeout' } : {}) };
    const sent =
      request.kind === 'lane'
        ? sender.sendSlashCommand(request.command, options)
        : request.kind === 'click'
          ? sender.sendInteraction(request.interaction, options)
          : sender.sendEvent(request.event, options);
    const answer: SlackResponse | undefined = await sent.catch(() => undefined);
    figures.sent += 1;
    if (attempt > 0) figures.retries += 1;
    if (answer) figures.ms.push(answer.elapsedMs);
    // A 200 that comes too late is no answer to Slack: it has already given up on this attempt.
    const inTime = answer !== undefined && answer.elapsedMs <= SLACK_ACK_TIMEOUT_MS;
    if (answer?.status === 200 && inTime) return true;
    const why = !answer ? `no answer in ${SLACK_ACK_TIMEOUT_MS / 1000} s` : inTime ? `HTTP ${answer.status}` : `HTTP ${answer.status} after ${SLACK_ACK_TIMEOUT_MS / 1000} s`;
    figures.failures[why] = (figures.failures[why] ?? 0) + 1;
    if (attempt >= retryDelays.length) {
      if (retryDelays.length > 0) figures.gaveUp += 1;
      return false;
    }
    await sleep(retryDelays[attempt]);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
