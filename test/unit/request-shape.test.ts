import { appHomeOpenedEvent, blockActionPayload, messageEvent, slashCommandPayload, tokensRevokedEvent, viewSubmissionPayload } from '../../scripts/local-slack/requests';
import { checkSlackBody } from '../../src/slack/request-shape';

/**
 * The edge's check of a Slack body before Bolt or a listener reads it: what passes, what is
 * malformed (answered 200, never retried), what is not a Slack body at all (400), and that a
 * problem names the field, never the value.
 */
const message = () => messageEvent({ team: 'T1', channel: 'C1', user: 'U1', text: 'please book the room' }) as unknown as Record<string, unknown>;
const click = () => blockActionPayload({ userId: 'U1', teamId: 'T1', actionId: 'home_nudges_off', view: { id: 'V1' } });

describe('checkSlackBody', () => {
  it.each<[string, unknown, string]>([
    ['a message event', message(), 'event'],
    ['app_home_opened', appHomeOpenedEvent({ team: 'T1', user: 'U1' }), 'event'],
    ['tokens_revoked', tokensRevokedEvent({ team: 'T1' }), 'event'],
    ['a slash command', slashCommandPayload({ text: 'help', userId: 'U1', teamId: 'T1' }), 'command'],
    ['a button click', click(), 'interaction'],
    ['a view submission', viewSubmissionPayload({ userId: 'U1', teamId: 'T1', callbackId: 'x' }), 'interaction'],
  ])('passes %s to Bolt', (_name, body, kind) => {
    expect(checkSlackBody(body)).toEqual({ verdict: 'process', kind });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 12345],
    ['an array', [message()]],
    ['a string', 'event_callback'],
  ])('answers a body that is %s as not a Slack request', (_name, body) => {
    expect(checkSlackBody(body)).toMatchObject({ verdict: 'not_slack' });
  });

  it.each<[string, () => unknown, string]>([
    ['a numeric team_id', () => ({ ...message(), team_id: 918273645 }), 'team_id'],
    ['an event that is null', () => ({ ...message(), event: null }), 'event'],
    ['authorizations: [null]', () => ({ ...message(), authorizations: [null] }), 'authorizations.0'],
    ['app_home_opened with a numeric user', () => ({ ...appHomeOpenedEvent({ team: 'T1', user: 'U1' }), event: { type: 'app_home_opened', user: 918273645, tab: 'home' } }), 'event.user'],
    ['a click whose user is true', () => ({ ...click(), user: true }), 'user'],
    ['a click without actions', () => ({ ...click(), actions: [] }), 'actions'],
    ['a click with an extra event key', () => ({ ...click(), event: 'block_actions' }), 'event'],
    ['a command with a numeric user_id', () => ({ ...slashCommandPayload({ text: 'help', userId: 'U1', teamId: 'T1' }), user_id: 918273645 }), 'user_id'],
    ['an object of no known kind', () => ({ hello: 'world' }), 'body'],
  ])('finds %s malformed, naming the field and not the value', (_name, body, field) => {
    const verdict = checkSlackBody(body());
    expect(verdict.verdict).toBe('malformed');
    const problems = (verdict as { problems: string[] }).problems;
    expect(problems.some((problem) => problem.startsWith(`${field}:`))).toBe(true);
    expect(problems.join(' ')).not.toContain('918273645');
  });

  it('lets app_rate_limited through with a 200 and no work', () => {
    expect(checkSlackBody({ token: 'x', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1518467820, api_app_id: 'A1' })).toMatchObject({ verdict: 'ignore' });
  });
});
