/**
 * The small team the sandbox starts with: a product manager with a delegate, a project manager,
 * an engineering lead, a designer and a group product manager, in #planning and #standup. Roles
 * come from the titles exactly as in production (see `src/core/roles.ts`).
 */
export interface SeedPerson {
  id: string;
  /** The @handle (`users.info` name): what mention completion matches and slash commands echo. */
  handle: string;
  name: string;
  title: string;
}

export interface SeedChannel {
  id: string;
  name: string;
  topic: string;
  /** Messages a visitor can try with one click when the channel is empty. */
  examples: { as: string; text: string }[];
}

export const SEED_PEOPLE: readonly SeedPerson[] = [
  { id: 'U01ANA', handle: 'ana', name: 'Ana Souza', title: 'Senior Product Manager' },
  { id: 'U02RAJ', handle: 'raj', name: 'Raj Patel', title: 'Project Manager' },
  { id: 'U03LEE', handle: 'lee', name: 'Lee Morgan', title: 'Engineering Manager' },
  { id: 'U04DEE', handle: 'dee', name: 'Dee Okafor', title: 'Product Designer' },
  { id: 'U05BEN', handle: 'ben', name: 'Ben Carter', title: 'Group Product Manager' },
];

/** Ana hands project work to Raj: set at start through the real `/lane delegate` command. */
export const SEED_DELEGATIONS: readonly { from: string; to: string }[] = [{ from: 'U01ANA', to: 'U02RAJ' }];

/** Whom the page shows first: the lead, who is about to hand Ana some project work. */
export const FIRST_VIEWER = 'U03LEE';

export const SEED_CHANNELS: readonly SeedChannel[] = [
  {
    id: 'C01PLANNING',
    name: 'planning',
    topic: 'Roadmap, priorities and who does what',
    examples: [
      { as: 'U03LEE', text: '@ana can you send the weekly status report and book the retro room?' },
      { as: 'U05BEN', text: '@ana could you draft the pricing experiment hypothesis for Q3?' },
    ],
  },
  {
    id: 'C02STANDUP',
    name: 'standup',
    topic: 'Daily updates',
    examples: [
      {
        as: 'U01ANA',
        text: 'Yesterday: updated the Gantt chart and chased the vendor invoice.\nToday: book the sprint review room, send meeting notes from the sync.\nBlockers: none',
      },
    ],
  },
];

/**
 * A fixed-offset zone where the local time is now `localHour` (within the hour). lanekeeper holds
 * nudges outside 08:00–19:00 in the person's own zone, so the sandbox puts everyone where it is
 * midday: otherwise a visitor in the evening would see nothing until "the morning".
 * (Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3.)
 */
export function zoneWhereItIsHour(localHour: number, now = Date.now()): string {
  const utcHour = new Date(now).getUTCHours();
  let offset = (localHour - utcHour + 24) % 24;
  if (offset > 12) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset < 0 ? '+' : '-'}${Math.abs(offset)}`;
}
