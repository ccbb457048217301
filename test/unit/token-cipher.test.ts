import { randomBytes } from 'node:crypto';
import { createTokenCipher, decodeEncryptionKey, UndecryptableRecord } from '../../src/store/token-cipher';

describe('the installation cipher', () => {
  const key = randomBytes(32);
  const cipher = createTokenCipher(key);
  const secret = JSON.stringify({ bot: { token: 'xoxb-1-secret' } });

  it('gives back what it sealed, and the sealed form shows nothing of it', () => {
    const sealed = cipher.seal(secret, 'lk:{t:T1}:installation');
    expect(sealed).not.toContain('xoxb');
    expect(cipher.open(sealed, 'lk:{t:T1}:installation')).toBe(secret);
  });

  it('seals the same record differently each time (a fresh nonce)', () => {
    expect(cipher.seal(secret, 'k')).not.toBe(cipher.seal(secret, 'k'));
  });

  it('refuses a record moved under another key, a tampered record, and the wrong key', () => {
    const sealed = cipher.seal(secret, 'lk:{t:T1}:installation');
    expect(() => cipher.open(sealed, 'lk:{t:T2}:installation')).toThrow(UndecryptableRecord);
    const [version, nonce, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.open([version, nonce, tag, flipped.toString('base64url')].join('.'), 'lk:{t:T1}:installation')).toThrow(UndecryptableRecord);
    expect(() => createTokenCipher(randomBytes(32)).open(sealed, 'lk:{t:T1}:installation')).toThrow(UndecryptableRecord);
    expect(() => cipher.open('plain text', 'k')).toThrow(UndecryptableRecord);
  });

  it('reads a 32-byte key in standard or url-safe base64, and nothing else', () => {
    expect(decodeEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(decodeEncryptionKey(key.toString('base64url'))).toEqual(key);
    expect(decodeEncryptionKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(decodeEncryptionKey('not base64 at all!')).toBeUndefined();
    expect(decodeEncryptionKey('')).toBeUndefined();
  });
});
