import type { KnownBlock } from '@slack/web-api';
import type { PersonSettings, WeeklyRecord } from '../../core/records';
import type { Role } from '../../core/types';
import type { ListedPhrase } from '../../store/word-lists';
import type { Absence } from '../../core/time/absence';
import type { WorkingHours } from '../../core/time/working-hours';

/**
 * The App Home tab is built from sections, each its own module in ./sections, listed in one table
 * (./sections/index.ts) in the order they appear; ./view.ts puts dividers between them. A new
 * section is a new module and one line in that table.
 */
/** Every button and menu on the Home tab; ./buttons.ts handles each. */
export const HOME_ACTIONS = {
  nudgesOn: 'home_nudges_on',
  nudgesOff: 'home_nudges_off',
  endSnooze: 'home_end_snooze',
  unmute: 'home_unmute_channel',
  restorePhrases: 'home_restore_phrases',
  digestOn: 'home_digest_on',
  digestOff: 'home_digest_off',
  /** A menu, not a button: the chosen option's value is a preset's typed hours (./hours-presets.ts). */
  hoursPreset: 'home_hours_preset',
  awayOff: 'home_away_off',
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
  /** When the person may be reached: working hours and whose they are, an absence in force, public holidays kept. */
  time?: {
    hours: WorkingHours;
    hoursSource: 'own' | 'workspace' | 'default';
    absence?: Absence & { lastDay?: string };
    holidays?: { name: string; isWorkspaceDefault: boolean };
  };
  /** The project-work share over the last weeks, drawn (`renderShareTrend`). */
  trend?: string;
}

/** One section of the tab: its blocks for one person. */
export type HomeSection = (input: HomeViewInput) => KnownBlock[];
