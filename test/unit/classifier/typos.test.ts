import { REAL_WORDS_NEAR_KEYWORDS } from '../../../src/core/classifier/typo-exceptions';
import { realWordsNearKeywords } from '../../../src/core/classifier/typo-exceptions.source';
import { TYPOS, TypoCorrector, withinOneEdit } from '../../../src/core/classifier/typos';

describe('typo tolerance', () => {
  it('knows one edit from two', () => {
    expect(withinOneEdit('stauts', 'status')).toBe(true);
    expect(withinOneEdit('shedule', 'schedule')).toBe(true);
    expect(withinOneEdit('timesheats', 'timesheets')).toBe(true);
    expect(withinOneEdit('venndor', 'vendor')).toBe(true);
    expect(withinOneEdit('stuats', 'status')).toBe(false);
  });

  it('repairs misspelt work words', () => {
    expect(TYPOS.correct('cn u do the stauts report and upate the timline')).toBe('cn u do the status report and update the timeline');
    expect(TYPOS.correct('get the venndor contract thru procurment')).toBe('get the vendor contract thru procurement');
  });

  it('never rewrites an English word, even one edit from a keyword', () => {
    expect(TYPOS.correct('the scheduler states its status')).toBe('the scheduler states its status');
  });

  it('prefers a swapped-letter reading over a different word', () => {
    const corrector = new TypoCorrector(['starts', 'status'], []);
    expect(corrector.correctWord('stauts')).toBe('status');
  });

  it('has an up-to-date list of English words near keywords (regenerate with typo-exceptions.gen.ts)', () => {
    expect(REAL_WORDS_NEAR_KEYWORDS).toEqual(realWordsNearKeywords());
  }, 60_000);
});
