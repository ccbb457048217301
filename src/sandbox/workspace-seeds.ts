import { SEED_HISTORY, type SeededHistory } from './history';
import { FIRST_VIEWER, SEED_CHANNELS, SEED_DELEGATIONS, SEED_PEOPLE, type SeedChannel, type SeedPerson } from './seed';

/**
 * The workspaces the sandbox installs lanekeeper into, each with its own people and channels.
 * The first is the one a newcomer meets (the team of `seed.ts`); the second shows that the bot
 * keeps every workspace apart: other people, other channels, other settings, its own token.
 * Ids are Slack-shaped and never shared between workspaces, as on Slack.
 */
export interface WorkspaceSeed {
  teamId: string;
  name: string;
  people: readonly SeedPerson[];
  channels: readonly SeedChannel[];
  /** Set at start through the real `/lane delegate` command of that workspace. */
  delegations: readonly { from: string; to: string }[];
  /** Whom the page shows first in this workspace. */
  firstViewer: string;
  /**
   * Earlier weeks of its product manager, written at start so the digest shows a trend at once.
   * Northwind has none: seeded weeks make its product owner known to the digest tick, so the first
   * press (in Acme) would already claim her digest for this week, before anything happened to her.
   */
  history?: SeededHistory;
}

export const NORTHWIND: WorkspaceSeed = {
  teamId: 'T02NORTHWIND',
  name: 'Northwind',
  people: [
    { id: 'U11MIA', handle: 'mia', name: 'Mia Chen', title: 'Product Owner' },
    { id: 'U12TOM', handle: 'tom', name: 'Tom Weber', title: 'Scrum Master' },
    { id: 'U13SARA', handle: 'sara', name: 'Sara Lind', title: 'Tech Lead' },
    { id: 'U14OMAR', handle: 'omar', name: 'Omar Haddad', title: 'Head of Product' },
  ],
  channels: [
    {
      id: 'C11ROADMAP',
      name: 'roadmap',
      topic: 'What we build next, and why',
      examples: [{ as: 'U13SARA', text: '@mia could you update the Gantt chart and book the sprint review room?' }],
    },
    {
      id: 'C12DAILY',
      name: 'daily',
      topic: 'Daily updates',
      examples: [{ as: 'U11MIA', text: 'Yesterday: chased the vendor invoice.\nToday: interview two customers about onboarding.\nBlockers: none' }],
    },
  ],
  delegations: [{ from: 'U11MIA', to: 'U12TOM' }],
  firstViewer: 'U13SARA',
};

export const ACME: WorkspaceSeed = {
  teamId: 'T01ACME',
  name: 'Acme',
  people: SEED_PEOPLE,
  channels: SEED_CHANNELS,
  delegations: SEED_DELEGATIONS,
  firstViewer: FIRST_VIEWER,
  history: SEED_HISTORY,
};

/** In the order the page's switcher lists them; the first is where the page opens. */
export const SANDBOX_WORKSPACES: readonly WorkspaceSeed[] = [ACME, NORTHWIND];
