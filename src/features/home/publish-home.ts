import { delegateOf } from '../../core/policy';
import { isoWeekOf } from '../../core/digest/calendar';
import type { SlackWorkspaces } from '../../ports/slack';
import { buildHomeView } from './view';
import type { PeopleDirectory } from '../../store/people';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { WordListsStore } from '../../store/word-lists';
import type { PublishHomePayload } from '../../ports/jobs';

export interface PublishHomeDeps {
  workspaces: SlackWorkspaces;
  settings: SettingsStore;
  records: RecordsStore;
  profiles: ProfileCache;
  people: PeopleDirectory;
  wordLists: Pick<WordListsStore, 'list'>;
  now?: () => number;
}

/** The `publish-home` job: rebuilds one person's Home tab from their settings and this week's record. */
export async function publishHome(deps: PublishHomeDeps, { teamId, enterpriseId, userId }: PublishHomePayload): Promise<void> {
  const now = (deps.now ?? Date.now)();
  const [settings, workspace, profile, role, words] = await Promise.all([
    deps.settings.person(teamId, userId),
    deps.settings.workspace(teamId),
    deps.profiles.get(teamId, userId),
    deps.people.roleOf(teamId, userId),
    deps.wordLists.list(teamId),
  ]);
  const timeZone = profile?.tz ?? 'UTC';
  const week = await deps.records.week(teamId, userId, isoWeekOf(now, timeZone));
  const view = buildHomeView({
    role: role.role,
    roleSource: role.source,
    delegate: delegateOf(userId, settings, workspace),
    settings,
    week,
    now,
    timeZone,
    words,
  });
  await (await deps.workspaces.forTeam(teamId, { enterpriseId })).publishHome(userId, view);
}
