import { renderShareTrend, TREND_WEEKS, weeklyShares } from '../../core/digest/trend';
import type { WeeklyRecord } from '../../core/records';
import type { RecordsStore } from '../../store/records';

/** One person's records for the `TREND_WEEKS` weeks ending with `lastWeek`, oldest first. */
export async function trendRecords(records: Pick<RecordsStore, 'week'>, teamId: string, userId: string, lastWeek: string): Promise<WeeklyRecord[]> {
  const weeks = weeklyShares([], lastWeek, TREND_WEEKS).map((share) => share.week);
  return Promise.all(weeks.map((week) => records.week(teamId, userId, week)));
}

/** One person's project-work share over the weeks ending with `lastWeek`, drawn for Slack (see `renderShareTrend`). */
export async function personShareTrend(records: Pick<RecordsStore, 'week'>, teamId: string, userId: string, lastWeek: string): Promise<string> {
  return renderShareTrend(weeklyShares(await trendRecords(records, teamId, userId, lastWeek), lastWeek));
}
