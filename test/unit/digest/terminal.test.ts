import { composeDigest } from '../../../src/core/digest/compose';
import { digestToTerminal, mrkdwnToText } from '../../../src/core/digest/terminal';
import { defaultSettings, emptyWeek } from '../../../src/core/records';

describe('a digest printed in a terminal', () => {
  const message = composeDigest({
    personId: 'U0PM1',
    thisWeek: {
      ...emptyWeek('2026-W47'),
      projectItems: 3,
      projectByCategory: { schedule: 2, status_reporting: 1 },
      projectBySource: { assignment: 2, standup: 1 },
      standupItems: 4,
      standupProjectItems: 1,
      assigners: { U0ANA: 2 },
      handoffs: 1,
      flagged: [{ channelId: 'C0LAUNCH', ts: '1.000001', threadTs: '1.000001', categories: ['schedule'], phrase: 'update the <timeline> & plan', source: 'assignment', at: 0 }],
    },
    lastWeek: emptyWeek('2026-W46'),
    settings: defaultSettings(),
    delegateId: 'U0PAT',
    permalinks: { 'C0LAUNCH/1.000001': 'https://acme.slack.com/archives/C0LAUNCH/p1000001' },
    period: 'last-week',
  })!;
  const printed = digestToTerminal(message);

  it('shows every part of the digest, not just the one-line fallback', () => {
    expect(printed.split('\n')[0]).toBe('Your week in project work · 16–22 Nov 2026');
    expect(printed).toContain('3 pieces of project work reached you last week (none the week before).');
    expect(printed).toContain('By kind of work\n• schedule & timeline: 2\n• status reporting: 1');
    expect(printed).toContain('Where it came from\n• assigned by others: 2\n• in your standups: 1');
    expect(printed).toContain('Who handed over the most\n• @U0ANA: 2');
    expect(printed).toContain('• “update the <timeline> & plan” (https://acme.slack.com/archives/C0LAUNCH/p1000001) in #C0LAUNCH');
    expect(printed).toMatch(/To try this week\n💡 \S/);
    expect(printed).toContain('@U0PAT');
    expect(printed).toContain('Compared with the week before\n• You handed over 1 piece of project work (none the week before).');
    expect(printed).toContain('Only you get this digest. Change when it arrives with /lane digest day monday 9');
  });

  it('leaves no Slack markup behind', () => {
    expect(printed).not.toMatch(/<[@#]|<https|\|“|&amp;|&lt;|&gt;|:bulb:|\*[A-Z]/);
  });

  it('emboldens headings only when asked (a TTY)', () => {
    expect(printed).not.toContain('\u001b[');
    expect(digestToTerminal(message, { color: true })).toContain('\u001b[1mBy kind of work\u001b[22m');
  });

  it('reads mrkdwn links, mentions and escapes', () => {
    expect(mrkdwnToText('<https://x.test/a|a &amp; b> from <@U1> in <#C2>, _quietly_')).toBe('a & b (https://x.test/a) from @U1 in #C2, quietly');
  });
});
