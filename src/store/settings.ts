import { defaultSettings, PERSONAL_DELIVERY_MODES, type DeliveryMode, type DigestSlot, type PersonalDelivery, type PersonSettings } from '../core/records';
import { ROLES, type Role } from '../core/types';
import type { KeySpace, RedisClient } from './redis';

/**
 * Per-person and per-workspace settings. Each setting is its own hash field or set member, so every
 * change is a single atomic Redis command and two clicks at once cannot overwrite each other.
 * Settings are kept until the workspace uninstalls the app.
 */
export interface SettingsStore {
  person(teamId: string, userId: string): Promise<PersonSettings>;
  /** Sets or clears (`undefined`) the person's own role or the one an admin gave them. */
  setRole(teamId: string, userId: string, role: Role | undefined, setBy: 'self' | 'admin'): Promise<void>;
  setDelegate(teamId: string, userId: string, delegateId: string | undefined): Promise<void>;
  setNudgesOff(teamId: string, userId: string, off: boolean): Promise<void>;
  snoozeUntil(teamId: string, userId: string, untilMs: number): Promise<void>;
  setChannelMuted(teamId: string, userId: string, channelId: string, muted: boolean): Promise<void>;
  dismissPhrase(teamId: string, userId: string, phrase: string): Promise<void>;
  restorePhrases(teamId: string, userId: string): Promise<number>;
  setDigest(teamId: string, userId: string, digest: { enabled: boolean; slot?: DigestSlot; alwaysSend?: boolean }): Promise<void>;
  /** Sets or clears (`undefined`: as each channel is set) how the person's own nudges reach them. */
  setDelivery(teamId: string, userId: string, delivery: PersonalDelivery | undefined): Promise<void>;

  workspace(teamId: string): Promise<WorkspaceSettings>;
  setDefaultDelegate(teamId: string, delegateId: string | undefined): Promise<void>;
  setChannelMode(teamId: string, channelId: string, mode: DeliveryMode): Promise<void>;
  channelMode(teamId: string, channelId: string): Promise<DeliveryMode>;
  setProductLead(teamId: string, userId: string, lead: boolean): Promise<void>;
  setTeamDigestSubscription(teamId: string, userId: string, subscribed: boolean): Promise<void>;
}

export interface WorkspaceSettings {
  defaultDelegateId?: string;
  productLeads: string[];
  teamDigestSubscribers: string[];
}

/**
 * Sets (or, with '', clears) `role` or `adminRole`, first moving an admin's role stored the old way
 * (`role` + `roleSetBy: admin`) to `adminRole`, in one atomic step.
 * KEYS: the person's hash. ARGV: field, value.
 */
const SET_ROLE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'roleSetBy') == 'admin' then
  local legacy = redis.call('HGET', KEYS[1], 'role')
  if legacy and redis.call('HEXISTS', KEYS[1], 'adminRole') == 0 then redis.call('HSET', KEYS[1], 'adminRole', legacy) end
  redis.call('HDEL', KEYS[1], 'role')
end
redis.call('HDEL', KEYS[1], 'roleSetBy')
if ARGV[2] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`;

function asRole(value: string | undefined): Role | undefined {
  return (ROLES as readonly string[]).includes(value ?? '') ? (value as Role) : undefined;
}

export function normalizePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function createSettingsStore({ redis, keys }: { redis: RedisClient; keys: KeySpace }): SettingsStore {
  const personKey = (teamId: string, userId: string) => keys.team(teamId, 'person', userId);
  const mutedKey = (teamId: string, userId: string) => keys.team(teamId, 'person', userId, 'muted');
  const dismissedKey = (teamId: string, userId: string) => keys.team(teamId, 'person', userId, 'dismissed');
  const workspaceKey = (teamId: string) => keys.team(teamId, 'workspace');
  const leadsKey = (teamId: string) => keys.team(teamId, 'leads');
  const subscribersKey = (teamId: string) => keys.team(teamId, 'team-digest');
  const channelModesKey = (teamId: string) => keys.team(teamId, 'channel-modes');
  if (!('lanekeeperSetRole' in redis)) redis.defineCommand('lanekeeperSetRole', { numberOfKeys: 1, lua: SET_ROLE_SCRIPT });
  const setRoleField = (redis as unknown as { lanekeeperSetRole: (key: string, field: string, value: string) => Promise<number> }).lanekeeperSetRole.bind(redis);
  const setOrDelete = (key: string, field: string, value: string | undefined) =>
    value === undefined ? redis.hdel(key, field) : redis.hset(key, field, value);

  return {
    async person(teamId, userId) {
      const [fields, muted, dismissed] = await Promise.all([
        redis.hgetall(personKey(teamId, userId)),
        redis.smembers(mutedKey(teamId, userId)),
        redis.smembers(dismissedKey(teamId, userId)),
      ]);
      const settings = defaultSettings();
      // The person's own choice outranks an admin's: each is kept in its own field, so neither
      // overwrites the other and clearing one falls back to the next.
      // Before the two were kept apart, an admin's choice sat in `role` with `roleSetBy: admin`.
      const legacyAdmin = fields.roleSetBy === 'admin';
      const ownRole = legacyAdmin ? undefined : asRole(fields.role);
      const adminRole = asRole(fields.adminRole) ?? (legacyAdmin ? asRole(fields.role) : undefined);
      if (ownRole) Object.assign(settings, { role: ownRole, roleSetBy: 'self' });
      else if (adminRole) Object.assign(settings, { role: adminRole, roleSetBy: 'admin' });
      if (fields.delegateId) settings.delegateId = fields.delegateId;
      settings.nudgesOff = fields.nudgesOff === '1';
      settings.snoozedUntil = Number(fields.snoozedUntil ?? 0) || 0;
      settings.mutedChannels = muted.sort();
      settings.dismissedPhrases = dismissed.sort();
      if (fields.digestEnabled !== undefined) settings.digest.enabled = fields.digestEnabled === '1';
      if (fields.digestWeekday) settings.digest.slot.isoWeekday = Number(fields.digestWeekday);
      if (fields.digestHour) settings.digest.slot.hour = Number(fields.digestHour);
      settings.digest.alwaysSend = fields.digestAlways === '1';
      if ((PERSONAL_DELIVERY_MODES as readonly string[]).includes(fields.delivery ?? '')) settings.delivery = fields.delivery as PersonalDelivery;
      return settings;
    },
    async setRole(teamId, userId, role, setBy) {
      await setRoleField(personKey(teamId, userId), setBy === 'self' ? 'role' : 'adminRole', role ?? '');
    },
    async setDelegate(teamId, userId, delegateId) {
      await setOrDelete(personKey(teamId, userId), 'delegateId', delegateId);
    },
    async setNudgesOff(teamId, userId, off) {
      await redis.hset(personKey(teamId, userId), 'nudgesOff', off ? '1' : '0');
    },
    async snoozeUntil(teamId, userId, untilMs) {
      await redis.hset(personKey(teamId, userId), 'snoozedUntil', String(Math.max(0, Math.floor(untilMs))));
    },
    async setChannelMuted(teamId, userId, channelId, muted) {
      if (muted) await redis.sadd(mutedKey(teamId, userId), channelId);
      else await redis.srem(mutedKey(teamId, userId), channelId);
    },
    async dismissPhrase(teamId, userId, phrase) {
      await redis.sadd(dismissedKey(teamId, userId), normalizePhrase(phrase));
    },
    async restorePhrases(teamId, userId) {
      const count = await redis.scard(dismissedKey(teamId, userId));
      await redis.del(dismissedKey(teamId, userId));
      return count;
    },
    async setDigest(teamId, userId, { enabled, slot, alwaysSend }) {
      const fields: string[] = ['digestEnabled', enabled ? '1' : '0'];
      if (slot) fields.push('digestWeekday', String(slot.isoWeekday), 'digestHour', String(slot.hour));
      if (alwaysSend !== undefined) fields.push('digestAlways', alwaysSend ? '1' : '0');
      await redis.hset(personKey(teamId, userId), ...fields);
    },
    async setDelivery(teamId, userId, delivery) {
      await setOrDelete(personKey(teamId, userId), 'delivery', delivery);
    },

    async workspace(teamId) {
      const [fields, leads, subscribers] = await Promise.all([
        redis.hgetall(workspaceKey(teamId)),
        redis.smembers(leadsKey(teamId)),
        redis.smembers(subscribersKey(teamId)),
      ]);
      return { defaultDelegateId: fields.defaultDelegateId || undefined, productLeads: leads.sort(), teamDigestSubscribers: subscribers.sort() };
    },
    async setDefaultDelegate(teamId, delegateId) {
      await setOrDelete(workspaceKey(teamId), 'defaultDelegateId', delegateId);
    },
    async setChannelMode(teamId, channelId, mode) {
      await redis.hset(channelModesKey(teamId), channelId, mode);
    },
    async channelMode(teamId, channelId) {
      const mode = await redis.hget(channelModesKey(teamId), channelId);
      return mode === 'thread' || mode === 'dm' || mode === 'off' ? mode : 'ephemeral';
    },
    async setProductLead(teamId, userId, lead) {
      if (lead) await redis.sadd(leadsKey(teamId), userId);
      else await redis.srem(leadsKey(teamId), userId);
    },
    async setTeamDigestSubscription(teamId, userId, subscribed) {
      if (subscribed) await redis.sadd(subscribersKey(teamId), userId);
      else await redis.srem(subscribersKey(teamId), userId);
    },
  };
}
