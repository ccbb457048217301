import { randomBytes } from 'node:crypto';

/**
 * Identifiers shared by the local Web API and the request builders, so an event built with the
 * defaults is addressed to the same workspace and bot that the stand-in answers `auth.test` for.
 * They are upper-case letters and digits like real Slack ids, so mention parsers and id
 * validators treat them as real ones.
 */
export const LOCAL_DEFAULTS = Object.freeze({
  teamId: 'T0LOCAL001',
  teamName: 'Lanekeeper Local',
  teamDomain: 'lanekeeper-local',
  appId: 'A0LOCAL001',
  botUserId: 'U0LOCALBOT',
  botId: 'B0LOCAL001',
  botName: 'lanekeeper',
  /** Legacy verification token carried in event bodies (Bolt ignores it). */
  verificationToken: 'local-verification-token',
  userId: 'U0LOCAL001',
  userName: 'local.user',
  channelId: 'C0LOCAL001',
  channelName: 'general',
});

/**
 * Slack message timestamps: `seconds.micros`, unique per channel and increasing. Each clock hands
 * out values from the wall clock, bumped by one microsecond when two are asked for in the same
 * microsecond, so `oldest`/`latest` filters written against `Date.now()` behave as they would on Slack.
 */
export class TsClock {
  private last = 0n;

  next(nowMs: number = Date.now()): string {
    const micros = BigInt(Math.floor(nowMs)) * 1000n;
    this.last = micros > this.last ? micros : this.last + 1n;
    return formatTs(this.last);
  }
}

export function formatTs(micros: bigint): string {
  const seconds = micros / 1_000_000n;
  const rest = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${seconds}.${rest}`;
}

/** Parses a Slack ts (`"1732000000.000100"`) into microseconds; undefined when it is not one. */
export function parseTs(ts: unknown): bigint | undefined {
  if (typeof ts === 'number' && Number.isFinite(ts)) return BigInt(Math.round(ts * 1_000_000));
  if (typeof ts !== 'string' || !/^\d+(\.\d{1,6})?$/.test(ts)) return undefined;
  const [seconds, fraction = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A random Slack-looking id: `prefix` followed by upper-case letters and digits. */
export function randomSlackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}
