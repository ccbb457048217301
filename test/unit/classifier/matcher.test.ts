import { PhraseMatcher } from '../../../src/core/classifier/matcher';

function phrases(patterns: Array<{ cat: string | null; pattern: string; prio?: number }>, text: string): string[] {
  return new PhraseMatcher(patterns).scan(text).map((h) => `${h.cat}:${h.phrase}`);
}

describe('PhraseMatcher', () => {
  it('matches whole words only', () => {
    expect(phrases([{ cat: 'a', pattern: 'schedule' }], 'the scheduler and the schedule')).toEqual(['a:schedule']);
    expect(phrases([{ cat: 'a', pattern: 'just' }], 'justice is served')).toEqual([]);
  });

  it('expands "word~" to regular inflections', () => {
    expect(phrases([{ cat: 'a', pattern: 'book~ room' }], 'booked room, booking room, books room, book room')).toHaveLength(4);
    expect(phrases([{ cat: 'a', pattern: 'plan~ sprint' }], 'planned sprint and planning sprint')).toHaveLength(2);
  });

  it('supports alternatives, optional words, determiners and gaps', () => {
    const rules = [{ cat: 'a', pattern: 'send|share DET *1 status? report' }];
    expect(phrases(rules, 'send the weekly status report')).toEqual(['a:send the weekly status report']);
    expect(phrases(rules, 'share our client report')).toEqual(['a:share our client report']);
    expect(phrases(rules, 'send a very long winded report')).toEqual([]);
  });

  it('lets the higher-priority rule win at a word, and consumes its words', () => {
    const rules = [
      { cat: 'product', pattern: 'roadmap' },
      { cat: 'project', pattern: 'sprint roadmap', prio: 1 },
      { cat: null, pattern: '5 minutes' },
      { cat: 'logistics', pattern: 'minutes' },
    ];
    expect(phrases(rules, 'the sprint roadmap and the roadmap')).toEqual(['project:sprint roadmap', 'product:roadmap']);
    expect(phrases(rules, 'give me 5 minutes, then send the minutes')).toEqual(['null:5 minutes', 'logistics:minutes']);
  });

  it('takes the longest match among rules of the same priority', () => {
    const rules = [
      { cat: 'weak', pattern: 'sprint' },
      { cat: 'calendar', pattern: 'sprint calendar' },
    ];
    expect(phrases(rules, 'the sprint calendar')).toEqual(['calendar:sprint calendar']);
  });

  it('does not match across a sentence end', () => {
    expect(phrases([{ cat: 'a', pattern: 'book *2 room' }], 'book it. room for rent')).toEqual([]);
  });

  it('rejects a pattern that starts with an optional part', () => {
    expect(() => new PhraseMatcher([{ cat: 'a', pattern: 'DET room' }])).toThrow(/must start/);
  });
});
