import { createClassifier } from '../../../src/core/classifier';
import { featuresOf, scoreText, stem, type ScorerModel } from '../../../src/core/classifier/scorer';
import { SCORER_MODEL } from '../../../src/core/classifier/scorer-model.gen';
import { ROLES_MAP } from './helpers';

// A tiny model, so the test shows the mechanism whatever the trained model's figures are.
const MODEL: ScorerModel = { prior: 0, features: { wrangle: [2.5, 0], approval: [1.5, 0], pilot: [-0.5, 0] }, categories: ['follow_up'], threshold: 2 };
const withScorer = createClassifier({ scorer: MODEL });
const rulesAlone = createClassifier({ scorer: null });
const ask = (text: string) => ({ text, author: 'U_LEAD', roles: ROLES_MAP });

describe('the learned scorer', () => {
  it('fills the gap when a product manager is asked for work no phrase names, and says it decided', () => {
    const text = '<@U_ANA> could you wrangle the approvals for the pilot extension?';
    expect(rulesAlone(ask(text)).flag).toBe(false);
    const v = withScorer(ask(text));
    expect(v.flag).toBe(true);
    expect(v.categories).toEqual(['follow_up']);
    // The phrase kept is the words around the strongest feature, not a bare stem.
    expect(v.phrase).toContain('wrangle the approvals');
    expect(v.reasons).toContain('likely project work by its words (learned scorer): "wrangle", "approval"');
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
    expect(scoreText(MODEL, 'wrangle the pilot').project).toBe(false);
  });
});
