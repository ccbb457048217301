import { roleFromTitle } from '../core/roles';
import type { Role } from '../core/types';
import type { ProfileCache } from './profile-cache';
import type { SettingsStore } from './settings';

/**
 * Answers "what is this person's role?" for the workers. Sources, strongest first: what the person
 * or an admin set with `/lane role`, then the Slack profile title; otherwise unknown.
 */
export interface PeopleDirectory {
  rolesOf(teamId: string, userIds: readonly string[]): Promise<Record<string, Role>>;
  roleOf(teamId: string, userId: string): Promise<{ role?: Role; source: 'self' | 'admin' | 'profile' | 'unknown' }>;
}

export function createPeopleDirectory({ profiles, settings }: { profiles: ProfileCache; settings: SettingsStore }): PeopleDirectory {
  const roleOf: PeopleDirectory['roleOf'] = async (teamId, userId) => {
    const set = await settings.person(teamId, userId);
    if (set.role) return { role: set.role, source: set.roleSetBy ?? 'self' };
    const profile = await profiles.get(teamId, userId);
    if (!profile || profile.deleted) return { source: 'unknown' };
    if (profile.isBot) return { role: 'other', source: 'profile' };
    const role = roleFromTitle(profile.title);
    return role ? { role, source: 'profile' } : { source: 'unknown' };
  };
  return {
    roleOf,
    async rolesOf(teamId, userIds) {
      const unique = [...new Set(userIds)];
      const entries = await Promise.all(unique.map(async (userId) => [userId, (await roleOf(teamId, userId)).role] as const));
      const roles: Record<string, Role> = {};
      for (const [userId, role] of entries) if (role) roles[userId] = role;
      return roles;
    },
  };
}
