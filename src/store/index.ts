import type { SlackWorkspaces } from '../ports/slack';
import { createDeliveryGuards } from './delivery-guards';
import { createDmChannels } from './dm-channels';
import { createNudgeCaps } from './nudge-caps';
import { createPeopleDirectory } from './people';
import { createProfileCache } from './profile-cache';
import { createRecordsStore } from './records';
import type { KeySpace, RedisClient } from './redis';
import { createSettingsStore } from './settings';
import { createTipHistory } from './tip-history';

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
  return {
    profiles,
    settings,
    records: createRecordsStore({ redis, keys }),
    people: createPeopleDirectory({ profiles, settings }),
    tipHistory: createTipHistory({ redis, keys }),
    caps: createNudgeCaps({ redis, keys }),
    guards: createDeliveryGuards({ redis, keys }),
    dmChannels: createDmChannels({ redis, keys, workspaces }),
  };
}

export type Stores = ReturnType<typeof createStores>;
