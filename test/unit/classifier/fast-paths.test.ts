import { TYPOS } from '../../../src/core/classifier/typos';
import { splitItems } from '../../../src/core/classifier/standup';

/**
 * The classifier's hand-written fast paths must behave exactly like the plain code they replace
 * (see the speed notes in docs/classifier.md). Each reference below is the original one-liner.
 */
describe('classifier fast paths', () => {
  const texts = [
    '',
    'stauts',
    'upate the timline',
    'a stauts, b shedule; c procurment.',
    'abcd stauts abcde',
    'stauts1stauts stauts_timline',
    'x-stauts-y stautsé éstauts',
    'STAUTS Stauts stauts',
    'cn u do the stauts report and upate the timline',
    'the scheduler states its status',
    '@p0 pls resechedule the retro @p1',
  ];

  it('repairs typos word by word, like a replace over /[a-z]{5,}/g', () => {
    for (const text of texts) {
      expect(TYPOS.correct(text)).toBe(text.replace(/[a-z]{5,}/g, (word) => TYPOS.correctWord(word)));
    }
  });

  it('returns an unchanged text as the same string', () => {
    const text = 'nothing to repair in this line';
    expect(TYPOS.correct(text)).toBe(text);
  });

  it('cuts standup items as before', () => {
    expect(splitItems('wrote the prd, sent the survey; booked the room + chased legal')).toEqual([
      'wrote the prd',
      'sent the survey',
      'booked the room',
      'chased legal',
    ]);
    expect(splitItems('interviews with ana and ben plus roadmap review and then updated the plan.')).toEqual([
      'interviews with ana and ben',
      'roadmap review',
      'updated the plan',
    ]);
    expect(splitItems('synced (with ana, ben) and sent notes plus')).toEqual(['synced (with ana, ben)', 'sent notes plus']);
  });
});
