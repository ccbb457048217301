import type { Redis } from 'ioredis';
import { randomSlackId, type LocalUser } from '../../scripts/local-slack';
import { roleFromTitle } from '../core/roles';
import { KeySpace } from '../store/redis';
import type { SeedChannel, SeedPerson } from './seed';
import type { WorkspaceSlack } from './workspace-slack';

/**
 * The sandbox's people and channels: what the visitor edits, pushed into the local Slack's
 * directory (what `users.info` answers) every time it changes.
 */
export interface SandboxPerson {
  id: string;
  handle: string;
  name: string;
  title: string;
  /** IANA zone, as Slack's `users.info` gives it. */
  tz: string;
}

export interface SandboxChannel {
  id: string;
  name: string;
  topic: string;
  examples: { as: string; text: string }[];
}

export interface PersonChanges {
  name?: string;
  title?: string;
  tz?: string;
}

export class DirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryError';
  }
}

export interface DirectoryDeps {
  slack: Pick<WorkspaceSlack, 'botUserId' | 'addUser' | 'addChannel'>;
  redis: Redis;
  redisPrefix: string;
  teamId: string;
}

export interface Directory {
  people(): SandboxPerson[];
  person(id: string): SandboxPerson | undefined;
  channels(): SandboxChannel[];
  channel(id: string): SandboxChannel | undefined;
  add(person: { name: string; title: string; tz: string }): Promise<SandboxPerson>;
  update(id: string, changes: PersonChanges): Promise<SandboxPerson>;
}

export function createDirectory(deps: DirectoryDeps, seed: { people: readonly SeedPerson[]; channels: readonly SeedChannel[]; tz: string }): Directory {
  const people = new Map<string, SandboxPerson>();
  const channels = new Map<string, SandboxChannel>();
  const keys = new KeySpace(deps.redisPrefix);

  const publish = (person: SandboxPerson) => deps.slack.addUser(toLocalUser(person));
  // Everyone is in every channel, with the bot: the bot only ever posts where it was invited, and
  // an ephemeral message to someone outside a channel with known members fails as on Slack.
  const publishChannels = () => {
    const members = [deps.slack.botUserId, ...people.keys()];
    for (const channel of channels.values()) deps.slack.addChannel({ id: channel.id, name: channel.name, members });
  };
  // The bot caches profiles (title, timezone) for hours; an edit must be seen on the next message.
  const forgetCachedProfile = (id: string) => deps.redis.del(keys.team(deps.teamId, 'profile', id));

  for (const person of seed.people) {
    const entry = { ...person, tz: seed.tz };
    people.set(person.id, entry);
    publish(entry);
  }
  for (const channel of seed.channels) channels.set(channel.id, { ...channel, examples: [...channel.examples] });
  publishChannels();

  return {
    people: () => [...people.values()].map((p) => ({ ...p })),
    person: (id) => {
      const found = people.get(id);
      return found ? { ...found } : undefined;
    },
    channels: () => [...channels.values()],
    channel: (id) => channels.get(id),

    async add({ name, title, tz }) {
      const cleanName = requireName(name);
      const person: SandboxPerson = { id: randomSlackId('U', 9), handle: uniqueHandle(cleanName, people), name: cleanName, title: title.trim(), tz: requireZone(tz) };
      people.set(person.id, person);
      publish(person);
      publishChannels();
      return { ...person };
    },

    async update(id, changes) {
      const current = people.get(id);
      if (!current) throw new DirectoryError(`nobody has the id ${id}`);
      const next: SandboxPerson = {
        ...current,
        ...(changes.name !== undefined ? { name: requireName(changes.name) } : {}),
        ...(changes.title !== undefined ? { title: changes.title.trim() } : {}),
        ...(changes.tz !== undefined ? { tz: requireZone(changes.tz) } : {}),
      };
      people.set(id, next);
      publish(next);
      await forgetCachedProfile(id);
      return { ...next };
    },
  };
}

/** What the local Slack's `users.info` answers for a person. */
export function toLocalUser(person: SandboxPerson, now = Date.now()): LocalUser {
  return {
    id: person.id,
    name: person.handle,
    real_name: person.name,
    display_name: person.name.split(/\s+/)[0],
    title: person.title,
    tz: person.tz,
    tz_offset: offsetSeconds(person.tz, now),
  };
}

/** The role lanekeeper reads from a title, for the people editor (the bot decides for itself). */
export function roleHint(title: string): string {
  return roleFromTitle(title) ?? 'unknown';
}

/** Seconds the zone is ahead of UTC at `now`, as Slack's `tz_offset`. */
export function offsetSeconds(timeZone: string, now = Date.now()): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

export function isKnownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function requireZone(tz: string): string {
  const zone = tz.trim();
  if (!zone || !isKnownZone(zone)) throw new DirectoryError(`"${zone}" is not a time zone this machine knows (try Europe/Berlin or Etc/GMT-2)`);
  return zone;
}

function requireName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new DirectoryError('a person needs a name');
  if (clean.length > 80) throw new DirectoryError('names are at most 80 characters');
  return clean;
}

/** A lower-case @handle from the first name, made unique with a number when taken. */
function uniqueHandle(name: string, people: Map<string, SandboxPerson>): string {
  const base =
    name
      .split(' ')[0]
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase() || 'person';
  const taken = new Set([...people.values()].map((p) => p.handle));
  let handle = base;
  for (let n = 2; taken.has(handle); n += 1) handle = `${base}${n}`;
  return handle;
}
