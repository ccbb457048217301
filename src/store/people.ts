import { roleFromTitle } from '../core/roles';
import type { Role } from '../core/types';
import type { ProfileCache } from './profile-cache';

/**
 * Answers "what is this person's role?" for the workers. Today the source is the Slack profile
 * title; stronger sources (what the person or an admin set) slot in ahead of it.
 */
export interface PeopleDirectory {
  rolesOf(teamId: string, userIds: readonly string[]): Promise<Record<string, Role>>;
}

export function createPeopleDirectory({ profiles }: { profiles: ProfileCache }): PeopleDirectory {
  return {
    async rolesOf(teamId, userIds) {
      const unique = [...new Set(userIds)];
      const entries = await Promise.all(
        unique.map(async (userId) => {
          const profile = await profiles.get(teamId, userId);
          if (!profile || profile.deleted) return [userId, undefined] as const;
          if (profile.isBot) return [userId, 'other' as Role] as const;
          return [userId, roleFromTitle(profile.title)] as const;
        }),
      );
      const roles: Record<string, Role> = {};
      for (const [userId, role] of entries) if (role) roles[userId] = role;
      return roles;
    },
  };
}
