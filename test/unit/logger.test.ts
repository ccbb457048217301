import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';

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
});
