import { emptyWeek, type WeeklyRecord } from '../../../src/core/records';
import { projectShare, renderShareTrend, renderTeamDistribution, sparkline, weeklyShares } from '../../../src/core/digest/trend';

function week(id: string, projectItems: number, productItems: number): WeeklyRecord {
  return { ...emptyWeek(id), projectItems, productItems };
}

const EIGHT_WEEKS = [
  week('2026-W41', 1, 9), // 10%
  week('2026-W42', 2, 8), // 20%
  week('2026-W43', 3, 7), // 30%
  week('2026-W44', 3, 7), // 30%
  week('2026-W45', 5, 5), // 50%
  week('2026-W46', 4, 6), // 40%
  week('2026-W47', 6, 4), // 60%
  week('2026-W48', 13, 7), // 65%
];

describe('the project-work trend', () => {
  it('draws 8 weeks with the first and last values and the change from last week', () => {
    const text = renderShareTrend(weeklyShares(EIGHT_WEEKS, '2026-W48'));
    expect(text).toBe(['`▁▂▃▃▅▄▅▆` 10% → 65%', 'Up 5 points from last week.', 'Your project-work share, 8 weeks.'].join('\n'));
  });

  it('says down, and same, in words', () => {
    const down = [...EIGHT_WEEKS.slice(0, 7), week('2026-W48', 1, 3)]; // 60% → 25%
    expect(renderShareTrend(weeklyShares(down, '2026-W48'))).toContain('\nDown 35 points from last week.');
    const same = [...EIGHT_WEEKS.slice(0, 7), week('2026-W48', 3, 2)]; // 60% → 60%
    expect(renderShareTrend(weeklyShares(same, '2026-W48'))).toContain('\nSame as last week.');
  });

  it('shows a single week on its own and says when the trend starts', () => {
    const text = renderShareTrend(weeklyShares([week('2026-W48', 2, 3)], '2026-W48'));
    expect(text).toBe('`▄` 40%, week of 23 Nov\nYour project-work share; the trend shows from next week.');
  });

  it('with no week recorded, says so instead of drawing', () => {
    expect(renderShareTrend(weeklyShares([], '2026-W48'))).toBe('No work recorded yet: your trend starts after the first week.');
    expect(renderShareTrend([], 'the team’s')).toBe('No work recorded yet: the team’s trend starts after the first week.');
  });

  it('leaves out the weeks before the first record and marks a quiet week as a gap, not a zero', () => {
    const records = [week('2026-W45', 1, 1), week('2026-W47', 0, 4), week('2026-W48', 1, 3)];
    const text = renderShareTrend(weeklyShares(records, '2026-W48'));
    expect(text.split('\n')[0]).toBe('`▅·▁▃` 50% → 25%');
    expect(text).toContain('Up 25 points from last week.');
    expect(text).toContain('4 weeks.');
  });

  it('has no comparison when last week has no record', () => {
    const text = renderShareTrend(weeklyShares([week('2026-W46', 1, 1), week('2026-W48', 1, 3)], '2026-W48'));
    expect(text).not.toMatch(/last week/);
    expect(text.split('\n')[0]).toBe('`▅·▃` 50% → 25%');
  });

  it('keeps every line short enough for a phone', () => {
    const lines = renderShareTrend(weeklyShares(EIGHT_WEEKS, '2026-W48')).split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('adds up several people’s records for the team’s trend', () => {
    const shares = weeklyShares([week('2026-W48', 1, 3), week('2026-W48', 3, 1)], '2026-W48', 1);
    expect(shares).toEqual([{ week: '2026-W48', share: 0.5 }]);
  });
});

describe('the pieces', () => {
  it('scales from empty to full, absolutely', () => {
    expect(sparkline([0, 0.125, 0.5, 0.99, 1, undefined])).toBe('▁▂▅██·');
  });

  it('a week with no work at all has no share', () => {
    expect(projectShare({ projectItems: 0, productItems: 0 })).toBeUndefined();
    expect(projectShare({ projectItems: 3, productItems: 1 })).toBe(0.75);
  });
});

describe('the team distribution', () => {
  it('draws how the share spreads across product managers, naming no one', () => {
    const text = renderTeamDistribution([0.1, 0.3, 0.35, 0.38, 0.5, 0.9, undefined]);
    expect(text).toBe(['`▄█▄▁▄` 0% … 100%', 'Middle 37%, from 10% to 90%, 6 people.'].join('\n'));
  });

  it('shows no figure for fewer people than the group size, or none', () => {
    expect(renderTeamDistribution([0.2, 0.8])).toBe('Too few product managers with recorded work to show the spread (fewer than 3).');
    expect(renderTeamDistribution([])).toBe('No product manager had work recorded this week.');
  });
});
