import { randomBytes } from 'node:crypto';
import { readInstallMode } from '../../src/install-mode';

const KEY = randomBytes(32).toString('base64');
const OAUTH = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'client-secret-value', SLACK_STATE_SECRET: 'state-secret-value' };

describe('choosing single- or multi-workspace mode', () => {
  it('is single-workspace with a bot token', () => {
    expect(readInstallMode({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({ mode: { kind: 'single', botToken: 'xoxb-1' }, problems: [] });
  });

  it('is multi-workspace with the client id, client secret, state secret and an encryption key', () => {
    const { mode, problems } = readInstallMode({ ...OAUTH, INSTALLATION_ENCRYPTION_KEY: KEY });
    expect(problems).toEqual([]);
    expect(mode).toMatchObject({ kind: 'multi', clientId: '123.456', clientSecret: 'client-secret-value', stateSecret: 'state-secret-value' });
    expect(mode?.kind === 'multi' && mode.encryptionKey.equals(Buffer.from(KEY, 'base64'))).toBe(true);
  });

  it('refuses both at once in one line naming the variables, never their values', () => {
    const { mode, problems } = readInstallMode({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-secret-token', INSTALLATION_ENCRYPTION_KEY: KEY });
    expect(mode).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(`${problems[0].variable} ${problems[0].message}`).toMatch(/^SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set/);
    expect(JSON.stringify(problems)).not.toMatch(/secret-token|client-secret-value|state-secret-value/);
  });

  it('names the OAuth variables that are missing when only some are set', () => {
    const { problems } = readInstallMode({ SLACK_CLIENT_ID: '1.2', INSTALLATION_ENCRYPTION_KEY: KEY });
    expect(problems.map((p) => p.variable)).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']);
  });

  it('needs a well-formed encryption key in multi-workspace mode', () => {
    expect(readInstallMode(OAUTH).problems).toEqual([{ variable: 'INSTALLATION_ENCRYPTION_KEY', message: expect.stringMatching(/^is required in multi-workspace mode/) }]);
    const short = readInstallMode({ ...OAUTH, INSTALLATION_ENCRYPTION_KEY: randomBytes(16).toString('base64') });
    expect(short.problems).toEqual([{ variable: 'INSTALLATION_ENCRYPTION_KEY', message: expect.stringMatching(/^must be 32 bytes in base64/) }]);
  });

  it('asks for one of the two when neither is set', () => {
    expect(readInstallMode({}).problems).toEqual([{ variable: 'SLACK_BOT_TOKEN', message: expect.stringContaining('or set SLACK_CLIENT_ID') }]);
  });

  it('refuses Socket Mode in multi-workspace mode (installs need the HTTP pages)', () => {
    const { problems } = readInstallMode({ ...OAUTH, INSTALLATION_ENCRYPTION_KEY: KEY, SLACK_APP_TOKEN: 'xapp-1' });
    expect(problems.map((p) => p.variable)).toEqual(['SLACK_APP_TOKEN']);
  });
});
