import { createClassifier } from '../../../src/core/classifier';
import { scoreCandidates, type FlaggerModel } from '../../../src/core/classifier/flagger';
import { FLAGGER_MODEL } from '../../../src/core/classifier/flagger-model.gen';
import type { ClassifyInput, Role } from '../../../src/core/types';

/**
 * The learned flagger's place beside the rules (flagger.ts, withSecondOpinion in index.ts). Models
 * that always say yes or always say no show what the flagger may and may not change, whatever a
 * retrained model weighs; the shipped model is checked for its shape only.
 */
const roles: Record<string, Role> = { U_ANA: 'product', U_BEN: 'product', U_RAJ: 'project', U_LEAD: 'engineering', U_APP: 'other' };
const alwaysYes: FlaggerModel = { bias: 10, weights: {}, threshold: 0.5 };
const alwaysNo: FlaggerModel = { bias: -10, weights: {}, threshold: 0.5, veto: 0.3 };
const withYes = createClassifier({ flagger: alwaysYes });
const withNo = createClassifier({ flagger: alwaysNo });
const rulesOnly = createClassifier({ flagger: null });

function input(text: string, extra: Partial<ClassifyInput> = {}): ClassifyInput {
  return { text, author: 'U_LEAD', roles, ...extra };
}

describe('the learned flagger beside the rules', () => {
  // A statement the rules read as nobody being asked: the kind of miss the flagger is for.
  const statement = input('<@U_ANA> the steering pack for the partner review, with the RAG and the milestones, sits with you from Monday on');

  it('adds a product manager the rules missed, says so, and names the work the message names', () => {
    expect(rulesOnly(statement).flag).toBe(false);
    const v = withYes(statement);
    expect(v).toMatchObject({ kind: 'assignment', flag: true, flagged: ['U_ANA'], work: 'project' });
    expect(v.categories[0]).toBe('status_reporting');
    expect(v.reasons[0]).toMatch(/^likely project work for <@U_ANA> \(learned flagger, 100%\)/);
    expect(v.phrase).toBeDefined();
  });

  it.each([
    ['called off', '<@U_ANA> no need to update the RAID log, Raj has it'],
    ['thanks', 'thanks <@U_ANA> for sending the steering minutes so quickly'],
    ['someone away', '<@U_ANA> is out today, ping <@U_RAJ> for anything on the vendor contract'],
    ['a question for information', '<@U_ANA> can you tell me when the status report is due?'],
    ['attendance', "<@U_ANA> I've put you down as a guest at the vendor steering lunch"],
  ])('never overrules the rules on %s', (_why, text) => {
    expect(withYes(input(text)).flag).toBe(false);
  });

  it('does not add someone when the rules name who is asked', () => {
    const v = withYes(input('<@U_ANA> can you ask <@U_RAJ> to book the room for the retro?'));
    expect(v.flagged).not.toContain('U_ANA');
  });

  it('does not flag work nobody names', () => {
    expect(withYes(input('<@U_ANA> can you own this?')).flag).toBe(false);
  });

  it("leaves an app's post to the tracker reading", () => {
    const post = input('New comment on *Book the retro room*: <@U_ANA> see above', { author: 'U_APP', fromBot: true });
    expect(withYes(post).flag).toBe(false);
  });

  it('does not overrule a phrase the workspace lists as never project work', () => {
    const words = { notProject: ['steering pack'] };
    expect(withYes({ ...statement, words }).flag).toBe(false);
  });

  it("quotes a workspace list's phrase, not the sentence around it (the phrase is all the bot keeps)", () => {
    const words = { project: [{ phrase: 'herding of the partner cats', category: 'follow_up' }] };
    const v = withYes(input('<@U_ANA> the herding of the partner cats sits with you from Monday on', { words }));
    expect(v).toMatchObject({ flag: true, categories: ['follow_up'], phrase: 'herding of the partner cats' });
  });

  it('never flags someone who is not a product manager', () => {
    const v = withYes(input('<@U_RAJ> the steering pack for the partner review sits with you from Monday on'));
    expect(v.flag).toBe(false);
  });

  it("takes away a rules' flag only under its veto, and says so", () => {
    const asked = input('<@U_ANA> can you book the room for the sprint retro?');
    expect(rulesOnly(asked).flag).toBe(true);
    const v = withNo(asked);
    expect(v.flag).toBe(false);
    expect(v.flagged).toEqual([]);
    expect(v.reasons[0]).toMatch(/^not likely project work for <@U_ANA> \(learned flagger, 0%\)/);
    expect(createClassifier({ flagger: { ...alwaysNo, veto: undefined } })(asked).flag).toBe(true);
  });

  it("leaves a standup's share of project work to the rules", () => {
    const standup = input('yesterday: updated the RAID log, chased the vendor for the SOW / today: booked the retro room / blockers: none', { author: 'U_ANA' });
    expect(withNo(standup)).toMatchObject({ kind: 'standup', flag: true });
  });

  it('scores only the product managers a message involves, and not those named as needing something', () => {
    const ctxInput = input('can someone book a room for the retro? <@U_ANA> and <@U_BEN> will need it');
    expect(withYes(ctxInput).flag).toBe(false);
    const ids = scoreCandidates(alwaysYes, {
      norm: { lines: [], mentions: ['U_ANA', 'U_RAJ'], text: '@p0 please book the room, @p1 can help', linkLabels: [], quoted: [] },
      author: 'U_LEAD',
      roles,
      fromBot: false,
      verdict: rulesOnly(input('x')),
    }).map((c) => c.id);
    expect(ids).toEqual(['U_ANA']);
  });

  it('ships a trained model with a threshold and a veto between 0 and 1', () => {
    expect(Object.keys(FLAGGER_MODEL.weights).length).toBeGreaterThan(1000);
    expect(FLAGGER_MODEL.threshold).toBeGreaterThan(0);
    expect(FLAGGER_MODEL.threshold).toBeLessThan(1);
    expect(FLAGGER_MODEL.veto ?? 0).toBeLessThan(FLAGGER_MODEL.threshold);
  });
});
