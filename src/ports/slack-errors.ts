import { ErrorCode } from '@slack/web-api';

/**
 * Sorts a failed Web API call into what the queue should do about it. Permanent errors will fail
 * the same way however often they are tried; transient ones are worth a retry with backoff; a rate
 * limit says exactly when to try again.
 */
export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterSeconds: number; code: string }
  | { kind: 'permanent'; code: string }
  | { kind: 'transient'; code: string };

/** Platform errors that no retry can fix: the channel, user, token or payload is wrong. */
const PERMANENT_PLATFORM_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'user_not_found',
  'user_not_visible',
  'user_not_in_channel',
  'users_not_found',
  'is_archived',
  'channel_is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'not_allowed_token_type',
  'restricted_action',
  'cannot_dm_bot',
  'user_disabled',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'invalid_arg_name',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'too_many_attachments',
  'messages_tab_disabled',
  'team_access_not_granted',
  'ekm_access_denied',
  'method_deprecated',
  'unknown_method',
]);

export function classifySlackFailure(error: unknown): SlackFailure {
  if (error instanceof Error && error.name === 'WorkspaceNotInstalled') return { kind: 'permanent', code: 'not_installed' };
  if (error instanceof Error && error.name === 'ResponseUrlError') {
    const status = (error as Error & { status: number }).status;
    // 404: the response_url expired (30 minutes) or was used up; trying again cannot help.
    return status >= 500 || status === 429 ? { kind: 'transient', code: `response_url_${status}` } : { kind: 'permanent', code: `response_url_${status}` };
  }
  const coded = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number };
  switch (coded?.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', retryAfterSeconds: Math.max(1, coded.retryAfter ?? 1), code: 'ratelimited' };
    case ErrorCode.PlatformError: {
      const code = coded.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return { kind: 'rate_limited', retryAfterSeconds: 1, code };
      return PERMANENT_PLATFORM_ERRORS.has(code) ? { kind: 'permanent', code } : { kind: 'transient', code };
    }
    case ErrorCode.HTTPError: {
      const status = coded.statusCode ?? 0;
      // 4xx other than 408/429 means the request itself is wrong; 5xx is Slack having a bad moment.
      const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
      return { kind: permanent ? 'permanent' : 'transient', code: `http_${status}` };
    }
    case ErrorCode.RequestError:
      return { kind: 'transient', code: 'request_error' };
    default:
      return { kind: 'transient', code: 'unexpected_error' };
  }
}

/** Errors a SlackWorkspace raises itself rather than through the Web API client (see ports/slack.ts). */
const PORT_ERRORS = new Set(['ResponseUrlError', 'WorkspaceNotInstalled']);

/** True for errors from talking to Slack (as opposed to Redis or our own code). */
export function isSlackApiError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('slack_webapi_')) || (error instanceof Error && PORT_ERRORS.has(error.name));
}

/**
 * Slack's own errors that, by its documentation, may come after part of the call was carried out
 * ("it's possible some aspect of the operation succeeded"): the outcome is unknown, not refused.
 */
const MAYBE_CARRIED_OUT_ERRORS = new Set(['fatal_error', 'internal_error', 'request_timeout']);

/**
 * True when Slack answered that it refused the call (an error code, a 429, a 503, a 4xx): nothing
 * was delivered. False when the call may have been carried out without us hearing so: a timeout, a
 * dropped connection, a 500, 502 or 504 (an error on the way back, or behind a proxy that gave up),
 * Slack's `fatal_error`, `internal_error` and `request_timeout`, or anything else.
 */
export function slackAnswered(error: unknown): boolean {
  const coded = error as { code?: unknown; statusCode?: unknown; data?: { error?: unknown } } | null;
  switch (coded?.code) {
    case ErrorCode.RateLimitedError:
      return true;
    case ErrorCode.PlatformError:
      return !MAYBE_CARRIED_OUT_ERRORS.has(String(coded.data?.error));
    case ErrorCode.HTTPError: {
      const status = Number(coded.statusCode);
      // 503: Slack is not taking calls. Other 5xx may come after the call was carried out.
      return status === 503 || status < 500;
    }
    default:
      return false;
  }
}

/**
 * Tags a failed call with the Web API method it went to, when a use case calls more than the one
 * method its job is gated on (a lookup before a post): a 429 then holds back the right method.
 */
export function withSlackMethod<E>(error: E, method: string): E {
  if (error !== null && typeof error === 'object') (error as { slackMethod?: string }).slackMethod = method;
  return error;
}

/** The method a failed call was tagged with (`withSlackMethod`), else undefined. */
export function slackMethodOf(error: unknown): string | undefined {
  const method = (error as { slackMethod?: unknown } | null)?.slackMethod;
  return typeof method === 'string' ? method : undefined;
}

/** The error code of a call Slack answered with `ok: false` (e.g. `user_not_in_channel`), else undefined. */
export function slackErrorCode(error: unknown): string | undefined {
  const coded = error as { code?: unknown; data?: { error?: unknown } } | null;
  return coded?.code === ErrorCode.PlatformError && typeof coded.data?.error === 'string' ? coded.data.error : undefined;
}
