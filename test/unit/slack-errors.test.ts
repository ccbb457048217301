import { ErrorCode } from '@slack/web-api';
import { WorkspaceNotInstalled } from '../../src/ports/slack';
import { classifySlackFailure, isSlackApiError, slackAnswered, slackErrorCode } from '../../src/ports/slack-errors';

describe('sorting Slack failures', () => {
  it('honours Retry-After on a 429', () => {
    expect(classifySlackFailure({ code: ErrorCode.RateLimitedError, retryAfter: 7 })).toEqual({
      kind: 'rate_limited',
      retryAfterSeconds: 7,
      code: 'ratelimited',
    });
  });

  it.each(['channel_not_found', 'not_in_channel', 'user_not_found', 'invalid_auth'])('gives up at once on %s', (error) => {
    expect(classifySlackFailure({ code: ErrorCode.PlatformError, data: { error } }).kind).toBe('permanent');
  });

  it('retries Slack’s own hiccups and network errors', () => {
    expect(classifySlackFailure({ code: ErrorCode.PlatformError, data: { error: 'internal_error' } }).kind).toBe('transient');
    expect(classifySlackFailure({ code: ErrorCode.HTTPError, statusCode: 503 }).kind).toBe('transient');
    expect(classifySlackFailure({ code: ErrorCode.RequestError }).kind).toBe('transient');
    expect(classifySlackFailure(new Error('boom')).kind).toBe('transient');
  });

  it('does not retry a request Slack rejects as malformed', () => {
    expect(classifySlackFailure({ code: ErrorCode.HTTPError, statusCode: 400 }).kind).toBe('permanent');
  });

  it('gives up at once on a workspace lanekeeper is not installed in, as on a revoked token', () => {
    const error = new WorkspaceNotInstalled('T0GONE');
    expect(isSlackApiError(error)).toBe(true);
    expect(classifySlackFailure(error)).toEqual({ kind: 'permanent', code: 'not_installed' });
  });
});

describe('whether Slack answered a failed call', () => {
  it('knows nothing was delivered when Slack answered with an error code, a 429 or an HTTP status', () => {
    expect(slackAnswered({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } })).toBe(true);
    expect(slackAnswered({ code: ErrorCode.RateLimitedError, retryAfter: 1 })).toBe(true);
    expect(slackAnswered({ code: ErrorCode.HTTPError, statusCode: 503 })).toBe(true);
    expect(slackAnswered({ code: ErrorCode.HTTPError, statusCode: 400 })).toBe(true);
    expect(slackAnswered({ code: ErrorCode.PlatformError, data: { error: 'service_unavailable' } })).toBe(true);
  });

  it('does not know after an answer Slack documents as "may have succeeded", or a 5xx other than 503', () => {
    for (const error of ['fatal_error', 'internal_error', 'request_timeout']) {
      expect(slackAnswered({ code: ErrorCode.PlatformError, data: { error } })).toBe(false);
    }
    for (const statusCode of [500, 502, 504]) expect(slackAnswered({ code: ErrorCode.HTTPError, statusCode })).toBe(false);
  });

  it('does not know after a timeout, a dropped connection or anything else', () => {
    expect(slackAnswered({ code: ErrorCode.RequestError })).toBe(false);
    expect(slackAnswered(new Error('socket hang up'))).toBe(false);
    expect(slackAnswered(null)).toBe(false);
  });

  it('reads the error code of an ok:false answer only', () => {
    expect(slackErrorCode({ code: ErrorCode.PlatformError, data: { error: 'user_not_in_channel' } })).toBe('user_not_in_channel');
    expect(slackErrorCode({ code: ErrorCode.HTTPError, statusCode: 404 })).toBeUndefined();
    expect(slackErrorCode(undefined)).toBeUndefined();
  });
});
