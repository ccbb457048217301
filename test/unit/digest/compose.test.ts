import type { KnownBlock } from '@slack/web-api';
import { PROJECT_CATEGORIES } from '../../../src/core/categories';
import { composeDigest, composeTeamDigest, standupShare, weekLabel, type ComposeDigestInput, type DigestMessage } from '../../../src/core/digest/compose';
import { defaultSettings, emptyWeek, type FlaggedMessageRef, type WeeklyRecord } from '../../../src/core/records';
import { pickTip } from '../../../src/core/tips';

const ANA = 'U0ANA';
const BEN = 'U0BEN';
const CY = 'U0CY';
const DAN = 'U0DAN';
const DELEGATE = 'U0PAT';
const PERSON = 'U0PM1';

const PROJECT_CATEGORIES_COUNTS = Object.fromEntries(Object.keys(PROJECT_CATEGORIES).map((id) => [id, 1]));

function ref(overrides: Partial<FlaggedMessageRef> & { ts: string }): FlaggedMessageRef {
  return {
    channelId: 'C0LAUNCH',
    threadTs: overrides.ts,
    categories: ['schedule'],
    phrase: 'update the timeline',
    source: 'assignment',
    at: 0,
    ...overrides,
  };
}

function week(overrides: Partial<WeeklyRecord> = {}, id = '2026-W47'): WeeklyRecord {
  return { ...emptyWeek(id), ...overrides };
}

/** Seven pieces of project work: the week the wording tests read. */
function builtWeek(): WeeklyRecord {
  return week({
    projectItems: 7,
    projectByCategory: { status_reporting: 2, schedule: 3, risk_log: 1, meeting_logistics: 1 },
    projectBySource: { assignment: 4, self_assigned: 1, standup: 2 },
    standupItems: 10,
    standupProjectItems: 4,
    productItems: 12,
    assigners: { [DAN]: 1, [ANA]: 3, [CY]: 1, [BEN]: 2 },
    channels: { C0LAUNCH: 5, C0STANDUP: 2 },
    nudges: 5,
    handoffs: 2,
    snoozes: 1,
    notProjectWork: 0,
    flagged: [
      ref({ ts: '1.000001', phrase: 'update the timeline', assignerId: ANA }),
      ref({ ts: '1.000002', phrase: 'book the retro room', categories: ['meeting_logistics'], assignerId: BEN }),
      ref({ ts: '1.000003', phrase: 'send the <weekly> status & RAG', categories: ['status_reporting'], assignerId: ANA }),
      ref({ ts: '1.000004', phrase: 'no permalink for this one', assignerId: CY }),
      ref({ ts: '1.000005', channelId: 'C0STANDUP', phrase: 'chase the vendor', source: 'standup' }),
    ],
  });
}

function input(overrides: Partial<ComposeDigestInput> = {}): ComposeDigestInput {
  return {
    personId: PERSON,
    thisWeek: builtWeek(),
    lastWeek: week({ projectItems: 3, handoffs: 1 }, '2026-W46'),
    settings: defaultSettings(),
    permalinks: {
      'C0LAUNCH/1.000001': 'https://acme.slack.com/archives/C0LAUNCH/p1000001',
      'C0LAUNCH/1.000002': 'https://acme.slack.com/archives/C0LAUNCH/p1000002',
      'C0LAUNCH/1.000003': 'https://acme.slack.com/archives/C0LAUNCH/p1000003?thread_ts=1.000003&cid=C0LAUNCH',
      'C0STANDUP/1.000005': 'https://acme.slack.com/archives/C0STANDUP/p1000005',
    },
    ...overrides,
  };
}

function texts(block: KnownBlock): string[] {
  if (block.type === 'section' || block.type === 'header') return block.text ? [block.text.text] : [];
  if (block.type === 'context') return block.elements.flatMap((element) => ('text' in element ? [element.text] : []));
  return [];
}

function allText(message: DigestMessage): string {
  return message.blocks.flatMap(texts).join('\n');
}

/** The section whose text starts with the bold title. */
function sectionTitled(message: DigestMessage, title: string): string | undefined {
  return message.blocks.flatMap(texts).find((text) => text.startsWith(`*${title}*`));
}

function compose(overrides: Partial<ComposeDigestInput> = {}): DigestMessage {
  const message = composeDigest(input(overrides));
  if (!message) throw new Error('expected a digest');
  return message;
}

function expectWithinBlockKitLimits(message: DigestMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    if (block.type === 'header') {
      expect(block.text.type).toBe('plain_text');
      expect(block.text.text.length).toBeLessThanOrEqual(150);
    }
    if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'context') for (const text of texts(block)) expect(text.length).toBeLessThanOrEqual(2000);
  }
}

describe('a product manager’s weekly digest', () => {
  it('says the week just ended in one line, as “last week”, with the week before for comparison', () => {
    // The scheduled digest arrives in the slot's week and reports the week before it.
    const message = compose();
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Your week in project work · 16–22 Nov 2026', emoji: true } });
    expect(texts(message.blocks[1]!)).toEqual(['*7 pieces of project work reached you last week (3 the week before).*']);
    expect(message.text).toBe('7 pieces of project work reached you last week (3 the week before). Most of it: schedule &amp; timeline (3), status reporting (2), meeting logistics (1).');
    // Nothing speaks of the reported week as the one in progress.
    expect(`${message.text}\n${allText(message)}`).not.toMatch(/reached you this week|\(\d+ last week\)|Since last week/);
    expect(sectionTitled(message, 'To try this week')).toBeDefined();
  });

  it('speaks of the week in progress as “this week so far” in a preview (/lane digest)', () => {
    const message = compose({ period: 'so-far', force: true });
    expect(texts(message.blocks[1]!)).toEqual(['*7 pieces of project work reached you this week so far (3 last week).*']);
    expect(message.text).toMatch(/^7 pieces of project work reached you this week so far \(3 last week\)\./);
    expect(sectionTitled(message, 'Since last week')).toBeDefined();
    expect(sectionTitled(message, 'To try next week')).toBeDefined();
    const empty = composeDigest(input({ period: 'so-far', force: true, thisWeek: week() }))!;
    expect(empty.text).toBe('Nothing reached you this week so far: no project work landed on you (3 last week).');
  });

  it('speaks of an older week as “that week”', () => {
    const message = compose({ period: 'past-week' });
    expect(message.text).toMatch(/^7 pieces of project work reached you that week \(3 the week before\)\./);
    expect(allText(message)).not.toMatch(/this week|last week/);
  });

  it.each([
    [1, 1, '1 piece of project work reached you last week (1 the week before)'],
    [2, 0, '2 pieces of project work reached you last week (none the week before)'],
    [1, undefined, '1 piece of project work reached you last week (none the week before)'],
  ])('gets singular and plural right (%i last week, %s the week before)', (items, lastItems, line) => {
    const message = compose({
      thisWeek: week({ projectItems: items, projectByCategory: { schedule: items } }),
      lastWeek: lastItems === undefined ? undefined : week({ projectItems: lastItems }, '2026-W46'),
    });
    expect(message.text.startsWith(line)).toBe(true);
    expect(allText(message)).toContain(`*${line}.*`);
  });

  it('lists the kinds of work most first, with their labels (& escaped for mrkdwn)', () => {
    expect(sectionTitled(compose(), 'By kind of work')).toBe(
      ['*By kind of work*', '• schedule &amp; timeline: 3', '• status reporting: 2', '• meeting logistics: 1', '• risk &amp; issue logs: 1'].join('\n'),
    );
  });

  it('lists the sources most first and the share of project work in the person’s standups', () => {
    expect(sectionTitled(compose(), 'Where it came from')).toBe(
      ['*Where it came from*', '• assigned by others: 4', '• in your standups: 2', '• volunteered: 1', '4 of your 10 standup items (40%) were project work.'].join('\n'),
    );
  });

  it('leaves the standup share out when the person reported no standup', () => {
    const message = compose({ thisWeek: { ...builtWeek(), standupItems: 0, standupProjectItems: 0 } });
    expect(allText(message)).not.toContain('standup items');
  });

  it.each([
    [{ standupItems: 10, standupProjectItems: 4 }, '4 of your 10 standup items (40%) were project work.'],
    [{ standupItems: 3, standupProjectItems: 1 }, '1 of your 3 standup items (33%) was project work.'],
    [{ standupItems: 3, standupProjectItems: 0 }, '0 of your 3 standup items (0%) were project work.'],
    [{ standupItems: 1, standupProjectItems: 1 }, 'Your one standup item was project work.'],
    [{ standupItems: 1, standupProjectItems: 0 }, 'Your one standup item was not project work.'],
    [{ standupItems: 2, standupProjectItems: 5 }, '2 of your 2 standup items (100%) were project work.'],
    [{ standupItems: 0, standupProjectItems: 0 }, undefined],
  ])('standup share for %j: %s', (counts, expected) => {
    expect(standupShare(counts)).toBe(expected);
  });

  it('names the three people who handed over the most, with counts (ties in a stable order)', () => {
    expect(sectionTitled(compose(), 'Who handed over the most')).toBe(
      [
        '*Who handed over the most*',
        `• <@${ANA}>: 3`,
        `• <@${BEN}>: 2`,
        `• <@${CY}>: 1`,
        '_A quick word about who owns this kind of work can save you both time._',
      ].join('\n'),
    );
  });

  it('links the flagged messages it has permalinks for, newest first, with &, < and > escaped', () => {
    expect(sectionTitled(compose(), 'Messages lanekeeper noticed')).toBe(
      [
        '*Messages lanekeeper noticed*',
        '• <https://acme.slack.com/archives/C0STANDUP/p1000005|“chase the vendor”> in <#C0STANDUP>',
        '• <https://acme.slack.com/archives/C0LAUNCH/p1000003?thread_ts=1.000003&cid=C0LAUNCH|“send the &lt;weekly&gt; status &amp; RAG”> in <#C0LAUNCH>',
        '• <https://acme.slack.com/archives/C0LAUNCH/p1000002|“book the retro room”> in <#C0LAUNCH>',
        '• <https://acme.slack.com/archives/C0LAUNCH/p1000001|“update the timeline”> in <#C0LAUNCH>',
      ].join('\n'),
    );
    expect(allText(compose())).not.toContain('no permalink for this one');
  });

  it('shows at most five links, and no link section when no permalink is known', () => {
    const flagged = Array.from({ length: 9 }, (_, index) => ref({ ts: `2.00000${index}`, phrase: `item ${index}` }));
    const permalinks = Object.fromEntries(flagged.map((item) => [`${item.channelId}/${item.ts}`, `https://acme.slack.com/p${item.ts}`]));
    const links = sectionTitled(compose({ thisWeek: { ...builtWeek(), flagged }, permalinks }), 'Messages lanekeeper noticed')!;
    expect(links.split('\n').slice(1)).toHaveLength(5);
    expect(links).toContain('item 8');
    expect(links).not.toContain('item 3');
    expect(sectionTitled(compose({ permalinks: {} }), 'Messages lanekeeper noticed')).toBeUndefined();
  });

  it('refuses a permalink that is not https or would break out of the link', () => {
    const links = sectionTitled(
      compose({
        thisWeek: { ...builtWeek(), flagged: [ref({ ts: '3.1' }), ref({ ts: '3.2', phrase: 'second' })] },
        permalinks: { 'C0LAUNCH/3.1': 'javascript:alert(1)', 'C0LAUNCH/3.2': 'https://acme.slack.com/p|x>y' },
      }),
      'Messages lanekeeper noticed',
    );
    expect(links).toBe('*Messages lanekeeper noticed*\n• <https://acme.slack.com/p%7Cx%3Ey|“second”> in <#C0LAUNCH>');
  });

  it('gives one tip for each of the two top categories, naming the delegate', () => {
    const message = compose({ delegateId: DELEGATE });
    const expected = [pickTip({ category: 'schedule', delegate: { id: DELEGATE } }), pickTip({ category: 'status_reporting', delegate: { id: DELEGATE } })];
    const distinct = expected.filter((tip, index) => expected.findIndex((other) => other.text === tip.text) === index);
    expect(message.tipIds).toEqual(distinct.map((tip) => tip.id));
    const tips = sectionTitled(message, 'To try this week')!;
    for (const tip of distinct) expect(tips).toContain(tip.text);
    expect(tips).toContain(`<@${DELEGATE}>`);
  });

  it('takes the delegate from the settings when none is passed', () => {
    const message = compose({ settings: { ...defaultSettings(), delegateId: DELEGATE } });
    expect(sectionTitled(message, 'To try this week')).toContain(`<@${DELEGATE}>`);
  });

  it('never names the person as their own delegate (e.g. they are the workspace’s default delegate)', () => {
    for (const overrides of [{ delegateId: PERSON }, { settings: { ...defaultSettings(), delegateId: PERSON } }]) {
      const message = compose(overrides);
      expect(allText(message)).not.toContain(`<@${PERSON}>`);
      expect(allText(message)).not.toMatch(/go-to person/);
    }
    // Their own delegate still comes through when the passed one is themselves.
    const own = compose({ delegateId: PERSON, settings: { ...defaultSettings(), delegateId: DELEGATE } });
    expect(sectionTitled(own, 'To try this week')).toContain(`<@${DELEGATE}>`);
  });

  it('does not repeat the tip the person saw last', () => {
    const previous = pickTip({ category: 'schedule' });
    const message = compose({ previousTipId: previous.id });
    expect(message.tipIds.length).toBeGreaterThanOrEqual(1);
    expect(message.tipIds).not.toContain(previous.id);
  });

  it('says what changed compared with the week before, only for what happened', () => {
    expect(sectionTitled(compose(), 'Compared with the week before')).toBe(
      ['*Compared with the week before*', '• You handed over 2 pieces of project work (1 the week before).', '• You snoozed nudges once (none the week before).'].join('\n'),
    );
    const quiet = compose({ thisWeek: { ...builtWeek(), handoffs: 0, snoozes: 0, notProjectWork: 0 } });
    expect(sectionTitled(quiet, 'Compared with the week before')).toBeUndefined();
    const answers = compose({ thisWeek: { ...builtWeek(), handoffs: 0, snoozes: 0, notProjectWork: 3 } });
    expect(sectionTitled(answers, 'Compared with the week before')).toBe('*Compared with the week before*\n• You answered “not project work” 3 times (none the week before).');
    expect(sectionTitled(compose({ period: 'so-far' }), 'Since last week')).toMatch(/^\*Since last week\*\n• You handed over 2 pieces/);
  });

  it('sends nothing for a week without project work', () => {
    expect(composeDigest(input({ thisWeek: week({ handoffs: 1, standupItems: 4 }) }))).toBeUndefined();
  });

  it.each([
    ['force', { force: true }],
    ['alwaysSend', { settings: { ...defaultSettings(), digest: { enabled: true, slot: { isoWeekday: 1, hour: 9 }, alwaysSend: true } } }],
  ])('with %s, an empty week gets a short “nothing reached you” message', (_name, overrides) => {
    const message = composeDigest(input({ ...overrides, thisWeek: week() }))!;
    expect(message.text).toBe('Nothing reached you last week: no project work landed on you (3 the week before).');
    expect(message.tipIds).toEqual([]);
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
  });

  it('skips an assigner or delegate id that is not a Slack user id', () => {
    const message = compose({ delegateId: 'not an id>', thisWeek: { ...builtWeek(), assigners: { '<!channel>': 9, [ANA]: 1 } } });
    expect(allText(message)).not.toContain('<!channel>');
    expect(allText(message)).not.toContain('not an id');
    expect(sectionTitled(message, 'Who handed over the most')).toContain(`<@${ANA}>: 1`);
  });

  it('stays within Block Kit limits for a huge week (200 flagged messages, 40 categories)', () => {
    const categories = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`category_${String(index).padStart(2, '0')}_${'x'.repeat(60)}`, 40 - index]));
    const flagged = Array.from({ length: 200 }, (_, index) =>
      ref({ ts: `9.${String(index).padStart(6, '0')}`, phrase: `${'&<>'.repeat(50)} ${index}`, assignerId: `U${String(index).padStart(4, '0')}` }),
    );
    const permalinks = Object.fromEntries(flagged.map((item) => [`${item.channelId}/${item.ts}`, `https://acme.slack.com/archives/${item.channelId}/p${item.ts}?${'q'.repeat(500)}`]));
    const huge = week({
      projectItems: 200,
      projectByCategory: { ...categories, ...PROJECT_CATEGORIES_COUNTS },
      projectBySource: { assignment: 200 },
      assigners: Object.fromEntries(flagged.map((item, index) => [item.assignerId!, index + 1])),
      channels: Object.fromEntries(flagged.map((_item, index) => [`C${index}`, 1])),
      handoffs: 1_000,
      snoozes: 1_000,
      notProjectWork: 1_000,
      flagged,
    });
    const message = compose({ thisWeek: huge, permalinks, delegateId: DELEGATE });
    expectWithinBlockKitLimits(message);
    const kinds = sectionTitled(message, 'By kind of work')!;
    expect(kinds.split('\n')).toHaveLength(1 + 8 + 1);
    expect(kinds).toMatch(/• 42 other kinds: \d+$/);
    // Whole links only: what does not fit in one section is counted, never cut in half.
    const links = sectionTitled(message, 'Messages lanekeeper noticed')!.split('\n');
    expect(links.length).toBeLessThanOrEqual(1 + 5 + 1);
    expect(links.slice(1, -1).every((line) => /^• <https:[^<>]+\|“[^<>]+”> in <#C0LAUNCH>$/.test(line))).toBe(true);
    expect(links.at(-1)).toMatch(/^…and \d more$/);
    expect(sectionTitled(message, 'Who handed over the most')).toContain('<@U0199>: 200');
    expect(message.tipIds.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the product lead’s team view', () => {
  const active = [
    { personId: 'U0PM1', thisWeek: builtWeek(), lastWeek: week({ projectItems: 3 }, '2026-W46') },
    {
      personId: 'U0PM2',
      thisWeek: week({
        projectItems: 4,
        projectByCategory: { schedule: 1, budget_tracking: 3 },
        projectBySource: { assignment: 1, standup: 3 },
        standupItems: 10,
        standupProjectItems: 6,
        assigners: { [ANA]: 4 },
        channels: { C0LAUNCH: 1, C0BUDGET: 3 },
        handoffs: 1,
      }),
      lastWeek: week({ projectItems: 2 }, '2026-W46'),
    },
    {
      personId: 'U0PM3',
      thisWeek: week({ projectItems: 2, projectByCategory: { status_reporting: 2 }, projectBySource: { self_assigned: 2 }, channels: { C0LAUNCH: 2 } }),
      lastWeek: week({ projectItems: 1 }, '2026-W46'),
    },
  ];
  /** A product manager with records but no project work that week (product work, a standup without any). */
  const idle = (personId: string) => ({
    personId,
    thisWeek: week({ productItems: 9, standupItems: 4, nudges: 2 }),
    lastWeek: week({ projectItems: 40 }, '2026-W46'),
  });
  const people = [...active, idle('U0PM4')];

  it('adds up the figures of the product managers who had project work, for last week', () => {
    const message = composeTeamDigest({ people });
    expect(message.text).toBe('13 pieces of project work reached 3 product managers last week (6 the week before).');
    expect(sectionTitled(message, 'By kind of work')).toBe(
      ['*By kind of work*', '• schedule &amp; timeline: 4', '• status reporting: 4', '• budget &amp; cost tracking: 3', '• meeting logistics: 1', '• risk &amp; issue logs: 1'].join('\n'),
    );
    // The idle member's standup items are not in the share.
    expect(sectionTitled(message, 'Where it came from')).toBe(
      ['*Where it came from*', '• assigned by others: 5', '• in standups: 5', '• volunteered: 3', '10 of the team’s 20 standup items (50%) were project work.'].join('\n'),
    );
    expect(sectionTitled(message, 'Top channels it came from')).toBe(['*Top channels it came from*', '• <#C0LAUNCH>: 8', '• <#C0BUDGET>: 3', '• <#C0STANDUP>: 2'].join('\n'));
    expect(sectionTitled(message, 'Compared with the week before')).toBe(
      ['*Compared with the week before*', '• The team handed over 3 pieces of project work (none the week before).', '• The team snoozed nudges once (none the week before).'].join('\n'),
    );
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Product team: project work · 16–22 Nov 2026' } });
    expect(allText(message)).toContain('Figures for the 3 product managers who had project work last week, together;');
    expectWithinBlockKitLimits(message);
  });

  it('speaks of the week in progress as “this week so far” (/lane team)', () => {
    const message = composeTeamDigest({ people, period: 'so-far' });
    expect(message.text).toBe('13 pieces of project work reached 3 product managers this week so far (6 last week).');
    expect(sectionTitled(message, 'Since last week')).toBeDefined();
  });

  it('never names or quotes an individual', () => {
    const serialized = JSON.stringify(composeTeamDigest({ people }));
    expect(serialized).not.toContain('<@');
    for (const id of [ANA, BEN, CY, DAN, 'U0PM1', 'U0PM2', 'U0PM3', 'U0PM4']) expect(serialized).not.toContain(id);
    expect(serialized).not.toContain('retro room');
    expect(serialized).not.toContain('https://');
  });

  it.each([
    [0, 'No product managers had project work last week: too few to show figures without identifying someone. The team view needs at least 3.'],
    [1, 'Only one product manager had project work last week: too few to show figures without identifying someone. The team view needs at least 3.'],
    [2, 'Only 2 product managers had project work last week: too few to show figures without identifying someone. The team view needs at least 3.'],
  ])('with %i product managers who had project work (and others who had none) it shows no figures', (size, text) => {
    const message = composeTeamDigest({ people: [...active.slice(0, size), idle('U0PM4'), idle('U0PM5'), idle('U0PM6')] });
    expect(message.text).toBe(text);
    expect(allText(message)).not.toMatch(/\d+ pieces|<#|schedule|standup/);
  });

  it('with three members of whom one had project work, does not show that person’s figures as the team’s', () => {
    const message = composeTeamDigest({ people: [active[0]!, idle('U0PM4'), idle('U0PM5')] });
    expect(message.text).toMatch(/^Only one product manager had project work/);
    expect(allText(message)).not.toMatch(/7 pieces|schedule/);
    expect(composeTeamDigest({ people: [active[0]!, idle('U0PM4'), idle('U0PM5')], skipWhenEmpty: true })).toBeUndefined();
  });

  it('for the weekly DM, gives nothing when there is nothing to show, and the figures otherwise', () => {
    expect(composeTeamDigest({ people: [], skipWhenEmpty: true })).toBeUndefined();
    expect(composeTeamDigest({ people: [idle('U0PM4'), idle('U0PM5'), idle('U0PM6')], skipWhenEmpty: true })).toBeUndefined();
    expect(composeTeamDigest({ people: active.slice(0, 2), skipWhenEmpty: true })).toBeUndefined();
    expect(composeTeamDigest({ people, skipWhenEmpty: true })?.text).toBe(composeTeamDigest({ people }).text);
  });

  it('leaves out the comparison when too few of them had project work the week before', () => {
    const message = composeTeamDigest({ people: [active[0]!, active[1]!, { ...active[2]!, lastWeek: undefined }] });
    expect(message.text).toBe('13 pieces of project work reached 3 product managers last week.');
    expect(allText(message)).toContain('too few had any the week before to compare');
    expect(allText(message)).not.toMatch(/\(\d+ the week before\)|none the week before/);
  });

  it('counts a person listed twice once', () => {
    const message = composeTeamDigest({ people: [active[0]!, active[0]!, active[1]!] });
    expect(message.text).toMatch(/^Only 2 product managers/);
  });

  it('honours a larger group size', () => {
    expect(composeTeamDigest({ people, minGroupSize: 4 }).text).toMatch(/^Only 3 product managers .* at least 4\.$/);
  });

  it('stays within Block Kit limits and names no one for a large team', () => {
    const many = Array.from({ length: 300 }, (_, index) => ({
      personId: `U${index}`,
      thisWeek: week({
        projectItems: 3,
        projectByCategory: { [`category_${index % 40}`]: 3 },
        projectBySource: { assignment: 3 },
        assigners: { [`U${index + 1}`]: 3 },
        channels: { [`C${index}`]: index },
        flagged: [ref({ ts: `${index}.1`, assignerId: `U${index + 1}` })],
      }),
    }));
    const message = composeTeamDigest({ people: many });
    expectWithinBlockKitLimits(message);
    expect(JSON.stringify(message)).not.toContain('<@');
    expect(message.text).toBe('900 pieces of project work reached 300 product managers last week.');
    expect(sectionTitled(message, 'Top channels it came from')!.split('\n')).toHaveLength(6);
  });
});

describe('counts of one', () => {
  /** Any number other than 1 followed by a singular noun, or 1 by a plural one, in every piece of text. */
  const BAD_PLURAL = /\b1 (pieces|items|managers|product managers|kinds|times|digests|people)\b|\b(?!1\b)\d+ (piece|item|manager|product manager|kind) (?!of the)/;
  const one = week({
    projectItems: 1,
    projectByCategory: { schedule: 1 },
    projectBySource: { assignment: 1 },
    standupItems: 1,
    standupProjectItems: 1,
    assigners: { [ANA]: 1 },
    channels: { C0LAUNCH: 1 },
    handoffs: 1,
    snoozes: 1,
    notProjectWork: 1,
    flagged: [ref({ ts: '1.000001' })],
  });
  const oneBefore = week({ projectItems: 1, handoffs: 1, snoozes: 1, notProjectWork: 1 }, '2026-W46');

  it.each(['so-far', 'last-week', 'past-week'] as const)('never says “1 pieces” (or the like) in a digest (%s)', (period) => {
    const message = compose({ period, thisWeek: one, lastWeek: oneBefore });
    const everything = `${message.text}\n${allText(message)}`;
    expect(everything).toContain('1 piece of project work reached you');
    expect(everything).toContain('You handed over 1 piece of project work (1 the week before)');
    expect(everything).not.toMatch(BAD_PLURAL);
  });

  it.each(['so-far', 'last-week', 'past-week'] as const)('never says “1 pieces” or “1 product managers” in a team view (%s)', (period) => {
    const single = composeTeamDigest({ people: [{ personId: 'U0PM1', thisWeek: one, lastWeek: oneBefore }], minGroupSize: 1, period });
    const everything = `${single.text}\n${allText(single)}`;
    expect(everything).toMatch(/^1 piece of project work reached 1 product manager /);
    expect(everything).not.toMatch(BAD_PLURAL);
    const tooFew = composeTeamDigest({ people: [{ personId: 'U0PM1', thisWeek: one }], period });
    expect(`${tooFew.text}\n${allText(tooFew)}`).not.toMatch(BAD_PLURAL);
  });
});

describe('week labels', () => {
  it.each([
    ['2026-W47', '16–22 Nov 2026'],
    ['2026-W49', '30 Nov – 6 Dec 2026'],
    ['2026-W53', '28 Dec 2026 – 3 Jan 2027'],
    ['nonsense', 'nonsense'],
  ])('%s reads %s', (id, label) => {
    expect(weekLabel(id)).toBe(label);
  });
});
