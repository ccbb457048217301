import { WebClient } from '@slack/web-api';
import type { Logger } from '../logger';
import { slackLoggerFrom } from '../logger';
import type { RefreshBotToken } from '../store/installations';

export interface TokenRefreshOptions {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  logger: Logger;
}

/**
 * Exchanges a bot's refresh token for a new token pair (`oauth.v2.access`, grant_type
 * refresh_token). No retries of its own: a refresh token works once, and a request that timed
 * out after Slack accepted it cannot be repeated; the installation store decides what next.
 */
export function createBotTokenRefresher({ apiUrl, clientId, clientSecret, logger }: TokenRefreshOptions): RefreshBotToken {
  const client = new WebClient(undefined, {
    slackApiUrl: apiUrl,
    logger: slackLoggerFrom(logger, 'slack-oauth'),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10000,
  });
  return async (refreshToken) => {
    const result = await client.oauth.v2.access({ client_id: clientId, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken });
    if (!result.access_token || !result.refresh_token || result.expires_in === undefined) {
      throw new Error('oauth.v2.access answered a refresh without a new token pair');
    }
    return { token: result.access_token, refreshToken: result.refresh_token, expiresInSeconds: result.expires_in };
  };
}
