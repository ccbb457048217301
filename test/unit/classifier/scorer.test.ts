import { createClassifier } from '../../../src/core/classifier';
import { featuresOf, scoreText, stem, type ScorerModel } from '../../../src/core/classifier/scorer';
import { SCORER_MODEL } from '../../../src/core/classifier/scorer-model.gen';
import { ROLES_MAP } from './helpers';

// A tiny model, so the test shows the mechanism whatever the trained model's figures are.
const MODEL: ScorerModel = { prior: 0, features: { wrangle: [2.5, 0], approval: [1.5, 0], pilot: [-0.5, 0] }, categories: ['follow_up'], threshold: 2 };
// (The learned flagger is left out: it is tested on its own, and this shows the scorer's part.)
const withScorer = createClassifier({ scorer: MODEL, flagger: null });
const rulesAlone = createClassifier({ scorer: null, flagger: null });
const ask = (text: string) => ({ text, author: 'U_LEAD', roles: ROLES_MAP });

describe('the learned scorer', () => {
  it('fills the gap when a product manager is asked for work no phrase names, and says it decided', () => {
    const text = '<@U_ANA> could you wrangle the lawyers for the extension?';
    expect(rulesAlone(ask(text)).flag).toBe(false);
    const v = withScorer(ask(text));
    expect(v.flag).toBe(true);
    expect(v.categories).toEqual(['follow_up']);
    // The phrase kept is the clause around the strongest feature, not a bare stem, and without the
    // asking or the placeholder of the person asked; the reason names the words as written.
    expect(v.phrase).toBe('wrangle the lawyers for the extension');
    expect(v.reasons).toContain('likely project work by its words (learned scorer): "wrangle"');
  });

  it('quotes only the clause the words are in, at most 60 characters, with nobody in it as a placeholder', () => {
    const v = withScorer(ask('<@U_ANA> thanks for yesterday. <@U_ANA> can you pls wrangle the lawyers for the extension and all of the rest of them before the end of the quarter, cc <@U_RAJ>'));
    expect(v.flag).toBe(true);
    expect(v.phrase).toMatch(/^wrangle the lawyers/);
    expect(v.phrase?.length).toBeLessThanOrEqual(60);
    expect(v.phrase).not.toMatch(/@|thanks|can you|pls|\bcc\b/);
  });

  it('never overrides who is asked, negation or questions', () => {
    expect(withScorer(ask('<@U_ANA> no need to wrangle the lawyers for the extension')).flag).toBe(false);
    expect(withScorer(ask('the lawyers for the extension are a mess')).flag).toBe(false);
    expect(withScorer(ask('<@U_RAJ> could you wrangle the lawyers for the extension?')).flag).toBe(false);
  });

  it('reads stems and word pairs, and leaves mentions out', () => {
    expect(stem('booking')).toBe('book');
    expect(featuresOf('@p0 book the rooms')).toEqual(['book', 'book_the', 'the_room', 'room']);
    expect(scoreText(SCORER_MODEL, 'thanks').project).toBe(false);
    expect(scoreText(MODEL, 'wrangle the pilot').project).toBe(false);
  });
});
