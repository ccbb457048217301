import type { WebClient } from '@slack/web-api';
import { LanekeeperError } from '../errors';
import type { Logger } from '../logger';
import { classifySlackFailure } from '../ports/slack-errors';
import type { BotIdentity } from './incoming-message';

export interface BotAuth extends BotIdentity {
  teamId: string;
  /** The workspace's base URL, e.g. https://acme.slack.com/ (message links are built from it). */
  workspaceUrl: string;
}

export interface AuthenticateOptions {
  logger: Logger;
  /** How many times to try `auth.test` before giving up. Default 6. */
  attempts?: number;
  /** First pause between tries, doubled each time. Default 500 ms. */
  firstDelayMs?: number;
}

/**
 * Calls `auth.test` once at start, with a bounded retry, and hands the bot's ids to Bolt so Bolt
 * never calls it itself (Bolt does not handle that call failing: an unhandled rejection or a
 * half-hour hang). A wrong token fails at once; an unreachable Slack fails after the last try.
 */
export async function authenticateBot(
  client: WebClient,
  { logger, attempts = 6, firstDelayMs = 500 }: AuthenticateOptions,
): Promise<BotAuth> {
  let delay = firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await client.auth.test();
      if (!result.user_id || !result.bot_id || !result.team_id) {
        throw new LanekeeperError('slack_auth_failed', 'auth.test did not identify a bot user: is SLACK_BOT_TOKEN a bot token?');
      }
      return { botUserId: result.user_id, botId: result.bot_id, teamId: result.team_id, workspaceUrl: result.url ?? 'https://slack.com/' };
    } catch (error) {
      if (error instanceof LanekeeperError) throw error;
      const failure = classifySlackFailure(error);
      if (failure.kind === 'permanent' || attempt >= attempts) {
        throw new LanekeeperError('slack_auth_failed', `Slack auth.test failed (${failure.code}) after ${attempt} attempt(s)`, {
          cause: error,
        });
      }
      logger.warn({ attempt, code: failure.code, retryInMs: delay }, 'Slack auth.test failed; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}
