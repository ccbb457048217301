import { createClassifier } from '../../../src/core/classifier';
import { featuresOf, scoreText, stem } from '../../../src/core/classifier/scorer';
import { SCORER_MODEL } from '../../../src/core/classifier/scorer-model.gen';
import { ROLES_MAP } from './helpers';

const withScorer = createClassifier();
const rulesAlone = createClassifier({ scorer: null });
const ask = (text: string) => ({ text, author: 'U_LEAD', roles: ROLES_MAP });

describe('the learned scorer', () => {
  it('fills the gap when a product manager is asked for work no phrase names, and says it decided', () => {
    const text = '<@U_ANA> could you wrangle the approvals for the pilot extension?';
    expect(rulesAlone(ask(text)).flag).toBe(false);
    const v = withScorer(ask(text));
    expect(v.flag).toBe(true);
    expect(v.reasons.some((r) => r.startsWith('likely project work by its words (learned scorer)'))).toBe(true);
  });

  it('never overrides who is asked, negation or questions', () => {
    expect(withScorer(ask('<@U_ANA> no need to wrangle the approvals for the pilot extension')).flag).toBe(false);
    expect(withScorer(ask('the approvals for the pilot extension are a mess')).flag).toBe(false);
    expect(withScorer(ask('<@U_RAJ> could you wrangle the approvals for the pilot extension?')).flag).toBe(false);
  });

  it('reads stems and word pairs, and leaves mentions out', () => {
    expect(stem('booking')).toBe('book');
    expect(featuresOf('@p0 book the rooms')).toEqual(['book', 'book_the', 'the_room', 'room']);
    expect(scoreText(SCORER_MODEL, 'thanks').project).toBe(false);
  });
});
