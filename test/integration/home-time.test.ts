import type { KnownBlock } from '@slack/web-api';
import { appHomeOpenedEvent } from '../../scripts/local-slack/requests';
import { isoWeekOf, localParts, previousIsoWeek } from '../../src/core/digest/calendar';
import { KeySpace } from '../../src/store/redis';
import { createRecordsStore } from '../../src/store/records';
import { CAST, TEAM, startHarness, zoneWhereItIsHour, type Harness } from '../support/harness';

/**
 * The Home tab's part in people's time, through the real Bolt app, BullMQ on the real Redis and the
 * local Slack: working hours picked from a menu, an absence ended with "I'm back", the tab rebuilt
 * after `/lane hours|away|holidays`, and a trend of finished weeks, as the digest shows.
 */
describe('the Home tab and people’s time', () => {
  let h: Harness;
  let tz: string;
  beforeEach(async () => {
    h = await startHarness();
    tz = zoneWhereItIsHour(12);
  });
  afterEach(async () => {
    await h.close();
  });

  const lane = async (text: string) => {
    const response = await h.sender.sendSlashCommand({ text, userId: CAST.ana.id, teamId: TEAM, channelId: 'C_PLAN' });
    expect(response.status).toBe(200);
    return (response.json as { text: string }).text;
  };
  /** The blocks of the `count`th Home tab published for Ana. */
  const publishedHome = async (count: number): Promise<KnownBlock[]> => {
    const calls = await h.slack.waitForCalls('views.publish', count);
    return (calls[count - 1]!.params.view as { blocks: KnownBlock[] }).blocks;
  };
  const openHome = () => h.sender.sendEvent(appHomeOpenedEvent({ team: TEAM, user: CAST.ana.id, tab: 'home' }));
  const click = (actionId: string, extra: { selectedOption?: { text: string; value: string } } = {}) =>
    h.sender.sendInteraction(h.sender.blockAction({ userId: CAST.ana.id, teamId: TEAM, actionId, view: { id: 'V_HOME' }, ...extra }));
  const hoursMenu = (blocks: KnownBlock[]) => {
    const accessory = blocks.map((block) => (block as { accessory?: { type: string; action_id: string } }).accessory).find((a) => a?.action_id === 'home_hours_preset');
    return accessory as { type: string; options: { text: { text: string }; value: string }[]; initial_option?: { value: string } } | undefined;
  };
  const textOf = (blocks: KnownBlock[]) => JSON.stringify(blocks);

  it('sets working hours from a menu of common ones, and shows the days', async () => {
    await openHome();
    const first = await publishedHome(1);
    const menu = hoursMenu(first);
    expect(menu?.type).toBe('static_select');
    expect(menu!.options.map((option) => option.text.text)).toEqual([
      'Default: 08:00–19:00, every day',
      '09:00–17:00, Mon–Fri',
      '09:00–17:00, every day',
      '08:00–16:00, Mon–Fri',
      'The workspace’s default',
    ]);
    // Nothing of her own yet: the workspace's default is the one chosen.
    expect(menu!.initial_option?.value).toBe('default');
    expect(textOf(first)).toContain('*Working hours:* 08:00–19:00, every day, your time');

    const nineToFive = menu!.options.find((option) => option.text.text === '09:00–17:00, Mon–Fri')!;
    expect((await click('home_hours_preset', { selectedOption: { text: nineToFive.text.text, value: nineToFive.value } })).status).toBe(200);
    const after = await publishedHome(2);
    expect(textOf(after)).toContain('*Working hours:* 09:00–17:00, Mon–Fri, your time');
    expect(hoursMenu(after)!.initial_option?.value).toBe(nineToFive.value);
    expect(await lane('hours')).toContain('Your working hours: *09:00–17:00, Mon–Fri*');

    // A value no menu offers changes nothing.
    await click('home_hours_preset', { selectedOption: { text: 'forged', value: '0-24 daily' } });
    await publishedHome(3);
    expect(await lane('hours')).toContain('Your working hours: *09:00–17:00, Mon–Fri*');
  });

  it('rebuilds the tab after `/lane hours`, `/lane away` and `/lane holidays`, and ends an absence with "I’m back"', async () => {
    expect(await lane('hours 9-17 daily')).toContain('*09:00–17:00, every day*');
    expect(textOf(await publishedHome(1))).toContain('*Working hours:* 09:00–17:00, every day, your time');

    const today = localParts(Date.now(), tz);
    const lastDay = new Date(Date.UTC(today.year, today.month - 1, today.day + 2)).toISOString().slice(0, 10);
    expect(await lane(`away until ${lastDay}`)).toContain('Away until the end of');
    const away = await publishedHome(2);
    expect(textOf(away)).toContain(`*Away:* until the end of ${lastDay}`);
    expect(textOf(away)).toContain('home_away_off');

    expect((await click('home_away_off')).status).toBe(200);
    const back = await publishedHome(3);
    expect(textOf(back)).toContain('*Away:* no');
    expect(textOf(back)).not.toContain('home_away_off');
    expect(await lane('away')).toContain('You are not away');

    expect(await lane('holidays GB')).toContain('United Kingdom');
    expect(textOf(await publishedHome(4))).toContain('*Public holidays:* United Kingdom');
  });

  it('draws the trend of finished weeks, as the digest does, and compares last week with the one before', async () => {
    const records = createRecordsStore({ redis: h.redis, keys: new KeySpace(h.prefix) });
    const thisWeek = isoWeekOf(Date.now(), tz);
    const lastWeek = previousIsoWeek(thisWeek);
    const weekBefore = previousIsoWeek(lastWeek);
    let n = 0;
    const work = async (week: string, project: number, product: number) => {
      for (let i = 0; i < project; i += 1) {
        n += 1;
        const ref = { channelId: 'C_PLAN', ts: `${1700000000 + n}.000100`, threadTs: `${1700000000 + n}.000100`, categories: ['schedule'], phrase: 'update the timeline', source: 'assignment' as const, at: 0 };
        await records.recordProjectWork(TEAM, CAST.ana.id, week, { categories: ['schedule'], source: 'assignment', ref });
      }
      if (product > 0) await records.recordProductWork(TEAM, CAST.ana.id, week, `C_PLAN-${(n += 1)}`, product);
    };
    await work(weekBefore, 3, 1); // 75%
    await work(lastWeek, 1, 3); // 25%
    await work(thisWeek, 4, 0); // 100% so far, and the week is not over

    await openHome();
    const trend = textOf(await publishedHome(1));
    expect(trend).toContain('75% → 25%');
    expect(trend).toContain('Down 50 points from last week.');
  });
});
