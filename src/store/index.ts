import type { SlackWorkspaces } from '../ports/slack';
import { createDeliveryGuards } from './delivery-guards';
import { createDmChannels } from './dm-channels';
import { createNudgeCaps } from './nudge-caps';
import { createPeopleDirectory } from './people';
import { createProfileCache } from './profile-cache';
import { createRecordsStore } from './records';
import type { KeySpace, RedisClient } from './redis';
import { createSettingsStore } from './settings';
import { createTimePreferencesStore } from './time-preferences';
import { createTipHistory } from './tip-history';
import { createNameDirectory } from './name-directory';
import { createThreadParents } from './thread-parents';
import { createTicketReminders } from './ticket-reminders';
import { createWordListsStore } from './word-lists';

/** Every Redis repository, built over one connection. The app builds one set per connection kind. */
export interface StoreOptions {
  redis: RedisClient;
  keys: KeySpace;
  /** Profiles and DM channels not cached yet are asked of the workspace. */
  workspaces: SlackWorkspaces;
  profileTtlSeconds: number;
  /** Profiles from the cache only, never from Slack (the receive path). */
  cacheOnlyProfiles?: boolean;
}

export function createStores({ redis, keys, workspaces, profileTtlSeconds, cacheOnlyProfiles }: StoreOptions) {
  const profiles = createProfileCache({ redis, keys, workspaces, ttlSeconds: profileTtlSeconds, cacheOnly: cacheOnlyProfiles });
  const settings = createSettingsStore({ redis, keys });
  const guards = createDeliveryGuards({ redis, keys });
  return {
    profiles,
    settings,
    records: createRecordsStore({ redis, keys }),
    people: createPeopleDirectory({ profiles, settings }),
    tipHistory: createTipHistory({ redis, keys }),
    timePreferences: createTimePreferencesStore({ redis, keys }),
    caps: createNudgeCaps({ redis, keys }),
    guards,
    dmChannels: createDmChannels({ redis, keys, workspaces }),
    // Read by the analyze worker only (never on the receive path).
    names: createNameDirectory({ redis, keys, workspaces, guards }),
    threadParents: createThreadParents({ redis, keys, workspaces, guards }),
    reminders: createTicketReminders({ redis, keys }),
    wordLists: createWordListsStore({ redis, keys }),
  };
}

export type Stores = ReturnType<typeof createStores>;
