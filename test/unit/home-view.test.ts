import { defaultSettings, emptyWeek } from '../../src/core/records';
import { DEFAULT_WORKING_HOURS } from '../../src/core/time/working-hours';
import { HOURS_PRESETS } from '../../src/features/home/hours-presets';
import { buildHomeView, type HomeViewInput } from '../../src/features/home/view';
import { hoursFrom } from '../support/time';

/** The Home tab as Block Kit: what Slack accepts (at most 100 blocks, option labels of 75 characters). */
describe('the Home tab’s time controls', () => {
  const base = (time: HomeViewInput['time']): HomeViewInput => ({
    roleSource: 'self',
    role: 'product',
    settings: defaultSettings(),
    week: emptyWeek('2026-W49'),
    now: Date.parse('2026-11-30T12:00Z'),
    timeZone: 'Europe/London',
    time,
  });
  const accessories = (input: HomeViewInput) =>
    buildHomeView(input).blocks.map((block) => (block as { accessory?: Record<string, unknown> }).accessory).filter((a): a is Record<string, unknown> => a !== undefined);

  it('offers "I’m back" only for an absence set with /lane away, not for a Slack status', () => {
    const hours = { hours: DEFAULT_WORKING_HOURS, hoursSource: 'default' as const };
    const ids = (input: HomeViewInput) => accessories(input).map((a) => a.action_id);
    expect(ids(base({ ...hours, absence: { source: 'manual', untilMs: Date.parse('2026-12-03T00:00Z'), lastDay: '2026-12-02' } }))).toContain('home_away_off');
    expect(ids(base({ ...hours, absence: { source: 'status' } }))).not.toContain('home_away_off');
    expect(ids(base(hours))).not.toContain('home_away_off');
  });

  it('marks the person’s own hours in the menu when a preset matches, and none when not', () => {
    const menu = (input: HomeViewInput) => accessories(input).find((a) => a.action_id === 'home_hours_preset') as { initial_option?: { value: string } };
    expect(menu(base({ hours: hoursFrom('8-16'), hoursSource: 'own' })).initial_option?.value).toBe('8-16 mon-fri');
    expect(menu(base({ hours: hoursFrom('7:30-16 mon-thu'), hoursSource: 'own' })).initial_option).toBeUndefined();
    expect(menu(base({ hours: hoursFrom('10-18'), hoursSource: 'workspace' })).initial_option?.value).toBe('default');
  });

  it('keeps within Slack’s limits with every list on the tab at its longest', () => {
    expect(Math.max(...HOURS_PRESETS.map((preset) => preset.label.length))).toBeLessThanOrEqual(75);
    const full = base({ hours: hoursFrom('22-06 mon,wed,fri'), hoursSource: 'own', absence: { source: 'manual', untilMs: 1, lastDay: '2026-12-02' } });
    full.settings = { ...full.settings, mutedChannels: Array.from({ length: 200 }, (_, i) => `C${i}`), dismissedPhrases: ['book the room'], snoozedUntil: full.now + 1 };
    expect(buildHomeView(full).blocks.length).toBeLessThanOrEqual(100);
  });
});
