import { delegateOf } from '../../core/policy';
import { isoWeekOf, previousIsoWeek } from '../../core/digest/calendar';
import type { SlackWorkspaces } from '../../ports/slack';
import { buildHomeView } from './view';
import type { PeopleDirectory } from '../../store/people';
import type { ProfileCache } from '../../store/profile-cache';
import type { RecordsStore } from '../../store/records';
import type { SettingsStore } from '../../store/settings';
import type { WordListsStore } from '../../store/word-lists';
import type { TimePreferencesStore } from '../../store/time-preferences';
import { personShareTrend } from '../digests/share-trend';
import { personTimeNow, type PersonTimeNow } from '../time/person-time';
import { formatRegion, regionName } from '../../core/time/holidays';
import type { HomeViewInput } from './section';
import type { PublishHomePayload } from '../../ports/jobs';

export interface PublishHomeDeps {
  workspaces: SlackWorkspaces;
  settings: SettingsStore;
  records: RecordsStore;
  profiles: ProfileCache;
  people: PeopleDirectory;
  wordLists: Pick<WordListsStore, 'list'>;
  timePreferences: TimePreferencesStore;
  now?: () => number;
}

/** The `publish-home` job: rebuilds one person's Home tab from their settings and this week's record. */
export async function publishHome(deps: PublishHomeDeps, { teamId, enterpriseId, userId }: PublishHomePayload): Promise<void> {
  const now = (deps.now ?? Date.now)();
  const [settings, workspace, person, role, words] = await Promise.all([
    deps.settings.person(teamId, userId),
    deps.settings.workspace(teamId),
    personTimeNow(deps, teamId, userId, now),
    deps.people.roleOf(teamId, userId),
    deps.wordLists.list(teamId),
  ]);
  const { timeZone } = person;
  const thisWeek = isoWeekOf(now, timeZone);
  // The trend shows finished weeks, as the digest does: a week in progress would read as a drop.
  const [week, trend] = await Promise.all([
    deps.records.week(teamId, userId, thisWeek),
    personShareTrend(deps.records, teamId, userId, previousIsoWeek(thisWeek)),
  ]);
  const view = buildHomeView({
    role: role.role,
    roleSource: role.source,
    delegate: delegateOf(userId, settings, workspace),
    settings,
    week,
    now,
    timeZone,
    words,
    time: timeSection(person),
    trend,
  });
  await (await deps.workspaces.forTeam(teamId, { enterpriseId })).publishHome(userId, view);
}

function timeSection(person: PersonTimeNow): HomeViewInput['time'] {
  const { preferences, workspace, holidays, absence } = person;
  return {
    hours: person.hours,
    hoursSource: preferences.hours ? 'own' : workspace.hours ? 'workspace' : 'default',
    absence: absence && { ...absence, lastDay: absence.source === 'manual' ? preferences.away?.lastDay : undefined },
    holidays: holidays && { name: regionName(holidays.region) ?? formatRegion(holidays.region), isWorkspaceDefault: holidays.isWorkspaceDefault },
  };
}
