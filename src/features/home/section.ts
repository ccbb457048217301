import type { KnownBlock } from '@slack/web-api';
import type { PersonSettings, WeeklyRecord } from '../../core/records';
import type { Role } from '../../core/types';
import type { ListedPhrase } from '../../store/word-lists';

/**
 * The App Home tab is built from sections, each its own module in ./sections, listed in one table
 * (./sections/index.ts) in the order they appear; ./view.ts puts dividers between them. A new
 * section is a new module and one line in that table.
 */
/** Every button on the Home tab; ./buttons.ts handles each. */
export const HOME_ACTIONS = {
  nudgesOn: 'home_nudges_on',
  nudgesOff: 'home_nudges_off',
  endSnooze: 'home_end_snooze',
  unmute: 'home_unmute_channel',
  restorePhrases: 'home_restore_phrases',
  digestOn: 'home_digest_on',
  digestOff: 'home_digest_off',
} as const;

export interface HomeViewInput {
  role?: Role;
  roleSource: 'self' | 'admin' | 'profile' | 'unknown';
  delegate?: { id: string; isDefault: boolean };
  settings: PersonSettings;
  week: WeeklyRecord;
  now: number;
  timeZone: string;
  /** The workspace's `/lane words` phrases. */
  words?: readonly ListedPhrase[];
}

/** One section of the tab: its blocks for one person. */
export type HomeSection = (input: HomeViewInput) => KnownBlock[];
