import { Writable } from 'node:stream';
import { createLogger, scrubErrorText, slackLoggerFrom } from '../../src/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('logging', () => {
  it('writes JSON lines with the ids carried by child loggers', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).child({ team: 'T1', channel: 'C1', ts: '1.2', jobId: 'j1' }).info('hello');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', team: 'T1', channel: 'C1', ts: '1.2', jobId: 'j1' });
  });

  it('never writes tokens, secrets or message text', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    logger.info({ token: 'xoxb-123', text: 'please book the room', event: { text: 'book it', blocks: [{ x: 1 }] } }, 'event');
    logger.info({ config: { slack: { botToken: 'xoxb-456', signingSecret: 'shh', appToken: 'xapp-1' } } }, 'config');
    logger.info({ payload: { phrase: 'book the room' }, headers: { authorization: 'Bearer xoxb-789' } }, 'job');
    logger.info({ oauth: { access_token: 'xoxb-oauth', refresh_token: 'xoxe-1', client_secret: 'cs-1' } }, 'oauth answer');
    logger.info({ install: { clientSecret: 'cs-2', stateSecret: 'ss-2', encryptionKey: 'key-2', bot: { refreshToken: 'xoxe-2' } } }, 'install');
    const written = JSON.stringify(lines);
    const oauthSecrets = ['xoxb-oauth', 'xoxe-1', 'cs-1', 'cs-2', 'ss-2', 'key-2', 'xoxe-2'];
    for (const secret of ['xoxb-123', 'please book the room', 'book it', 'xoxb-456', 'shh', 'xapp-1', 'book the room', 'xoxb-789', ...oauthSecrets]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('[redacted]');
  });

  it("keeps what an error message quotes out of the log: JSON.parse's view of a body, a form's token, token-shaped words", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    const parseError = (body: string) => {
      try {
        JSON.parse(body);
      } catch (error) {
        return error as Error;
      }
      throw new Error('parsed');
    };
    logger.error({ err: { message: parseError('{"type":"event_callback","text":MARKsecretplan').message } }, 'from a library');
    logger.warn({ err: parseError('token=verif1cation&team_id=T1&text=MARKform') }, 'from a library');
    slackLoggerFrom(logger, 'bolt').warn('Malformed request body:', parseError('text=MARKbolt&user=U1'));
    slackLoggerFrom(logger, 'bolt').error('An API error occurred: invalid_auth for xoxb-123-secret and xapp-1-A1-secret');
    const written = JSON.stringify(lines);
    for (const leak of ['MARK', 'verif1cation', 'xoxb-123', 'xapp-1-A1']) expect(written).not.toContain(leak);
    // What went wrong is still said.
    expect(lines.map((line) => String((line.err as { message?: string } | undefined)?.message ?? line.msg))).toEqual([
      expect.stringContaining('is not valid JSON'),
      expect.stringMatching(/Unexpected token|not valid JSON/),
      expect.stringContaining('Malformed request body: Unexpected token'),
      'An API error occurred: invalid_auth for [token] and [token]',
    ]);
  });

  it('leaves error messages that quote nothing as they are', () => {
    expect(scrubErrorText('connect ECONNREFUSED 127.0.0.1:6379')).toBe('connect ECONNREFUSED 127.0.0.1:6379');
    expect(scrubErrorText('Command timed out')).toBe('Command timed out');
  });
});
