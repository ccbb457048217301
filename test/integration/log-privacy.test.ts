/**
 * Issue 12, "Nothing leaked", item 6: no log line carries message text, tokens, secrets or request
 * bodies, whatever Bolt or ioredis put in an error message. Marked texts go through valid requests
 * (a message that gets a nudge, a `/lane check`, a click) and through malformed ones (JSON broken
 * inside the text, a form body sent with another content type); then every line the process wrote
 * during the run, at debug level, stdout and stderr, is searched for the marks and the secrets.
 */
import { randomBytes } from 'node:crypto';
import { LOCAL_DEFAULTS } from '../../scripts/local-slack/ids';
import { messageEvent, slashCommandPayload } from '../../scripts/local-slack/requests';
import { BOT_TOKEN, CAST, SIGNING_SECRET, TEAM, sleep } from '../support/harness';
import { startAppProcess, type AppProcess } from '../support/app-process';

describe('the log of a run with marked texts and secrets (issue 12, nothing leaked)', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startAppProcess({ LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('carries none of the texts, tokens, secrets or request bodies sent', async () => {
    const marks: string[] = [];
    const mark = (what: string) => {
      const value = `MARK${randomBytes(4).toString('hex')}${what}`;
      marks.push(value);
      return value;
    };
    const sent: { what: string; body: string; status: number }[] = [];
    const send = async (what: string, body: string, contentType: string) => {
      const response = await app.sender.sendRaw(body, contentType);
      sent.push({ what, body, status: response.status });
    };
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

    // Valid requests: a message that is project work (nudged), a `/lane check`, a click on a nudge.
    const flagged = messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `<@${CAST.ana.id}> ${mark('nudged')} can you book the room for the retro and send the invites?` });
    await send('a message that gets a nudge', JSON.stringify(flagged), 'application/json');
    // The message goes all the way through (so the workers' logs are part of the run) before the
    // click below snoozes its recipient.
    await app.slack.waitForCall('chat.postEphemeral', undefined, 10000);
    const command = slashCommandPayload({ text: `check ${mark('command')} please book the room`, userId: CAST.ana.id, teamId: TEAM, channelId: 'C_PLAN', responseUrl: app.slack.responseUrl() });
    await send('/lane check', form(command), 'application/x-www-form-urlencoded');
    const click = app.sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, actionId: 'nudge_snooze_week', value: JSON.stringify({ r: CAST.ana.id, c: 'C_PLAN', t: '1764500000.000100', k: ['booking'], p: mark('phrase') }), messageText: mark('clicked') });
    await send('a click on a nudge', form({ payload: JSON.stringify(click) }), 'application/x-www-form-urlencoded');

    // Malformed requests: JSON broken inside the text, and form bodies sent as something else.
    const event = JSON.stringify(messageEvent({ team: TEAM, channel: 'C_PLAN', user: CAST.lead.id, text: `${mark('broken')} please send the invoice` }));
    await send('an event cut off in its text', event.slice(0, event.indexOf('please')), 'application/json');
    await send('an event whose text lost its opening quote', event.replace('"text":"MARK', '"text":MARK'), 'application/json');
    await send('a short body broken after its text', `text=${mark('short')}&user=${CAST.ana.id}`, 'application/json');
    const commandForm = form(slashCommandPayload({ text: `status ${mark('form')}`, userId: CAST.ana.id, teamId: TEAM }));
    await send('a slash command sent as JSON', commandForm, 'application/json');
    await send('a slash command sent as text/plain', commandForm, 'text/plain');
    await send('interactivity with JSON cut off in its text', form({ payload: JSON.stringify(click).slice(0, JSON.stringify(click).indexOf('MARK') + 14) }), 'application/x-www-form-urlencoded');

    await sleep(500);

    const forbidden: [string, string][] = [
      // Every mark starts with MARK; an error message may quote only a few characters of one.
      ['a marked text', 'MARK'],
      ...marks.map((m): [string, string] => ['a marked text', m.slice(4, 12)]),
      ['the signing secret', SIGNING_SECRET],
      ['the bot token', BOT_TOKEN],
      ['the verification token', LOCAL_DEFAULTS.verificationToken],
      // A body's first characters, as JSON.parse quotes them in its error message.
      ...sent.filter((s) => !s.body.startsWith('{')).map((s): [string, string] => [`the start of the body of ${s.what}`, s.body.slice(0, 10)]),
    ];
    const leaks = app.output.flatMap((line) => {
      const found = forbidden.filter(([, value]) => line.includes(value)).map(([what]) => what);
      return found.length > 0 ? [`${[...new Set(found)].join(', ')} in: ${line.slice(0, 300)}`] : [];
    });
    expect(app.exit()).toBeUndefined();
    expect(sent.filter((s) => s.status >= 500)).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
