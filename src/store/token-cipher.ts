import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts installation records at rest with AES-256-GCM. Each record gets a fresh 12-byte nonce;
 * the Redis key it is stored under is bound in as additional authenticated data, so a record
 * copied under another workspace's key does not decrypt. The stored form is
 * `v1.<nonce>.<tag>.<ciphertext>` (base64url), the version leaving room for a key rotation.
 */

const FORMAT_VERSION = 'v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Reads INSTALLATION_ENCRYPTION_KEY: 32 bytes in standard or url-safe base64. Undefined when it is not that. */
export function decodeEncryptionKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** A record that did not decrypt: the wrong key, a record moved between keys, or tampering. */
export class UndecryptableRecord extends Error {
  constructor() {
    super('an installation record could not be decrypted (wrong INSTALLATION_ENCRYPTION_KEY?)');
    this.name = 'UndecryptableRecord';
  }
}

export interface TokenCipher {
  seal(plaintext: string, boundTo: string): string;
  open(sealed: string, boundTo: string): string;
}

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== KEY_BYTES) throw new Error(`the encryption key must be ${KEY_BYTES} bytes`);
  return {
    seal(plaintext, boundTo) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [FORMAT_VERSION, nonce, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed, boundTo) {
      const [version, nonce, tag, ciphertext] = sealed.split('.');
      if (version !== FORMAT_VERSION || nonce === undefined || tag === undefined || ciphertext === undefined) throw new UndecryptableRecord();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(boundTo, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new UndecryptableRecord();
      }
    },
  };
}
