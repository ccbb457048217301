import type { Redis } from 'ioredis';
import type { LocalSlack, SlackRequestSender } from '../../scripts/local-slack';
import type { Logger } from '../logger';
import { createRecordsStore } from '../store/records';
import { KeySpace } from '../store/redis';
import { Activity } from './activity';
import { createDirectory, type Directory, type PersonChanges, type SandboxPerson } from './directory';
import { EphemeralMessages } from './ephemerals';
import { seedHistory } from './history';
import type { HeldNudge } from './queue-watch';
import { zoneWhereItIsHour } from './seed';
import { buildSnapshot, type Snapshot } from './snapshot';
import { createVisitor, type ButtonPlace, type Visitor } from './visitor';
import type { WorkspaceSeed } from './workspace-seeds';
import { workspaceSlack, type CallOwners } from './workspace-slack';

/**
 * One workspace of the sandbox: its people and channels, the visitor acting in it, the ephemeral
 * messages its people see, its log of signed requests, and the page's snapshot of it. Nothing here
 * reaches another workspace: each has its own slice of the local Slack (`workspace-slack.ts`).
 */
export interface WorkspaceSummary {
  id: string;
  name: string;
}

export interface SandboxWorkspace {
  readonly teamId: string;
  readonly name: string;
  people(): SandboxPerson[];
  /** What `viewer` sees here (this workspace's first viewer when `viewer` is not one of its people). */
  snapshot(viewer: string | undefined, workspaces: WorkspaceSummary[]): Snapshot & { workspaces: WorkspaceSummary[] };
  post(input: { viewer: string; channel: string; threadTs?: string; text: string }): Promise<{ ts: string }>;
  command(input: { viewer: string; channel: string; text: string }): Promise<{ status: number; reply?: string }>;
  click(input: { viewer: string; actionId: string; blockId?: string; option?: string; on: ButtonPlace }): Promise<{ status: number }>;
  openHome(viewer: string): Promise<{ status: number }>;
  addPerson(person: { name: string; title: string; tz: string }): Promise<SandboxPerson>;
  updatePerson(id: string, changes: PersonChanges): Promise<SandboxPerson>;
  everyoneToMidday(): Promise<{ tz: string }>;
}

export interface SandboxWorkspaceDeps {
  slack: LocalSlack;
  owners: CallOwners;
  sender: SlackRequestSender;
  redis: Redis;
  redisPrefix: string;
  /** Told whenever something this workspace shows changed (the page's event stream). */
  pageActivity: Activity;
  held: () => HeldNudge[];
  tz: string;
  logger: Logger;
}

export async function openSandboxWorkspace(seed: WorkspaceSeed, deps: SandboxWorkspaceDeps): Promise<SandboxWorkspace> {
  const slack = workspaceSlack(deps.slack, seed.teamId, deps.owners);
  const directory = createDirectory({ slack, redis: deps.redis, redisPrefix: deps.redisPrefix, teamId: seed.teamId }, { people: seed.people, channels: seed.channels, tz: deps.tz });
  // Its own log of the requests sent to the bot; every change still moves the page's one version.
  const activity = new Activity();
  activity.subscribe(() => deps.pageActivity.bump());
  const ephemerals = new EphemeralMessages(slack);
  deps.slack.onCall((call) => {
    if (deps.owners.teamOf(call) === seed.teamId) ephemerals.observe(call);
  });
  const visitor = createVisitor({ slack, sender: deps.sender, directory, ephemerals, activity, teamId: seed.teamId });
  await seedDelegations(seed, visitor, directory, deps.logger);
  if (seed.history) {
    const records = createRecordsStore({ redis: deps.redis, keys: new KeySpace(deps.redisPrefix) });
    await seedHistory(records, slack.teamId, seed.history, Date.now(), deps.tz);
  }

  const isMine = (user: string) => directory.person(user) !== undefined;
  const changed = <T>(result: T): T => {
    activity.bump();
    return result;
  };

  return {
    teamId: seed.teamId,
    name: seed.name,
    people: () => directory.people(),
    snapshot: (viewer, workspaces) => ({
      ...buildSnapshot(
        { slack, directory, ephemerals, activity, held: () => deps.held().filter((nudge) => isMine(nudge.recipient)), teamName: seed.name },
        viewer && isMine(viewer) ? viewer : seed.firstViewer,
      ),
      workspaces,
    }),
    post: ({ viewer, ...input }) => visitor.post({ user: viewer, ...input }),
    command: ({ viewer, ...input }) => visitor.command({ user: viewer, ...input }),
    click: ({ viewer, ...input }) => visitor.click({ user: viewer, ...input }),
    openHome: (viewer) => visitor.openHome(viewer),
    addPerson: async (person) => changed(await directory.add(person)),
    updatePerson: async (id, changes) => changed(await directory.update(id, changes)),
    everyoneToMidday: async () => {
      const zone = zoneWhereItIsHour(12);
      for (const person of directory.people()) await directory.update(person.id, { tz: zone });
      return changed({ tz: zone });
    },
  };
}

/** Sets each seeded delegate through the real `/lane delegate`, so the bot's own store holds it. */
async function seedDelegations(seed: WorkspaceSeed, visitor: Visitor, directory: Directory, logger: Logger): Promise<void> {
  const channel = seed.channels[0].id;
  for (const { from, to } of seed.delegations) {
    const handle = directory.person(to)?.handle;
    const { status, reply } = await visitor.command({ user: from, channel, text: `/lane delegate @${handle}` }, { quiet: true });
    if (status !== 200 || !reply?.startsWith('Got it')) logger.warn({ team: seed.teamId, from, to, status }, 'the sandbox could not set a seeded delegate');
  }
}
