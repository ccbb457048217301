import { PROJECT_CATEGORIES, PRODUCT_CATEGORIES } from '../../src/core/categories';
import { allTipIds, pickTip } from '../../src/core/tips';

const projectCategories = Object.keys(PROJECT_CATEGORIES);

/** Every tip of a category, by walking the rotation once around. */
function tipsOf(category: string, delegate?: { id: string }): Array<{ id: string; text: string }> {
  const tips = [pickTip({ category, delegate })];
  for (;;) {
    const next = pickTip({ category, delegate, previousTipId: tips[tips.length - 1].id });
    if (next.id === tips[0].id) return tips;
    tips.push(next);
  }
}

describe('delegation tips', () => {
  it('has at least three tips for every project-management category', () => {
    for (const category of projectCategories) expect(tipsOf(category).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every tip under 300 characters, with or without a delegate', () => {
    for (const category of [...projectCategories, 'general']) {
      for (const tip of [...tipsOf(category), ...tipsOf(category, { id: 'U0123456789ABCDEF' })]) expect(tip.text.length).toBeLessThan(300);
    }
  });

  it('names the delegate as a Slack mention in every tip when one is given', () => {
    for (const category of [...projectCategories, 'general']) {
      for (const tip of tipsOf(category, { id: 'U_RAJ' })) expect({ id: tip.id, named: tip.text.includes('<@U_RAJ>') }).toEqual({ id: tip.id, named: true });
    }
  });

  it('reads naturally with a delegate too: one sentence end, no doubled words around the name', () => {
    for (const category of [...projectCategories, 'general']) {
      for (const tip of tipsOf(category, { id: 'U_RAJ' })) {
        expect(tip.text).toMatch(/[.?!"]$/);
        expect(tip.text).not.toMatch(/\s{2,}|undefined|\b(\w+) \1\b/);
      }
    }
  });

  it('reads naturally without a delegate: no empty mention, no placeholder', () => {
    for (const category of projectCategories) {
      for (const tip of tipsOf(category)) {
        expect(tip.text).not.toMatch(/<@|undefined|\{|\}|\s{2,}|\b(\w+) \1\b/);
        expect(tip.text).toMatch(/[.?!"]$/);
      }
    }
  });

  it('offers one alternative at most: never "your project manager or a delivery coordinator or procurement"', () => {
    for (const category of [...projectCategories, 'general']) {
      for (const tip of tipsOf(category)) expect({ id: tip.id, text: tip.text }).not.toMatchObject({ text: expect.stringMatching(/\bor\b[^.,;:"?]*\bor\b/) });
    }
  });

  it('never gives the same person the same tip twice in a row', () => {
    let previousTipId: string | undefined;
    const sequence = ['schedule', 'schedule', 'meeting_logistics', 'schedule', 'schedule', 'pricing', 'pricing', 'follow_up'];
    for (const category of sequence) {
      const tip = pickTip({ category, previousTipId });
      expect(tip.id).not.toBe(previousTipId);
      previousTipId = tip.id;
    }
  });

  it('rotates through all of a category\'s tips before repeating one', () => {
    const ids = tipsOf('status_reporting').map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic', () => {
    expect(pickTip({ category: 'risk_log', previousTipId: 'risk_log.1' })).toEqual(pickTip({ category: 'risk_log', previousTipId: 'risk_log.1' }));
  });

  it('falls back to general tips for product or unknown categories, and survives a malformed previous id', () => {
    expect(pickTip({ category: Object.keys(PRODUCT_CATEGORIES)[0] }).id).toMatch(/^general\.\d+$/);
    expect(pickTip({ category: 'no-such-category', previousTipId: 'garbage' }).id).toBe('general.1');
  });

  it('lists stable ids for every tip', () => {
    const ids = allTipIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const category of projectCategories) expect(ids).toContain(`${category}.1`);
  });
});

describe('tips that fit what was noticed', () => {
  it('does not answer "send out the agenda and book the room" with the tip about running ceremonies', () => {
    const tip = pickTip({ category: 'meeting_logistics', previousTipId: 'meeting_logistics.3', phrase: 'send out the agenda' });
    expect(tip.text).not.toMatch(/Running ceremonies/);
    expect(tip.id).not.toBe('meeting_logistics.3');
  });

  it('still gives the ceremonies tip when a ceremony is what was noticed', () => {
    expect(pickTip({ category: 'meeting_logistics', previousTipId: 'meeting_logistics.3', phrase: 'run the retro' }).id).toBe('meeting_logistics.4');
  });

  it('answers chairing, a scrum master and a go/no-go meeting with the ceremonies tips, not the one about rooms and invites', () => {
    for (const phrase of ["chair thursday's sync", 'scrum master', 'go/no-go meeting', 'run the go/no-go meeting']) {
      for (const previousTipId of [undefined, 'meeting_logistics.1', 'meeting_logistics.2', 'meeting_logistics.3', 'meeting_logistics.4']) {
        const tip = pickTip({ category: 'meeting_logistics', previousTipId, phrase });
        expect({ phrase, previousTipId, id: tip.id }).not.toMatchObject({ id: expect.stringMatching(/^meeting_logistics\.[13]$/) });
      }
    }
    expect(pickTip({ category: 'meeting_logistics', phrase: 'scrum master' }).text).toMatch(/Running ceremonies/);
  });

  it('answers rooms, invites, agendas and catering with the logistics tips, and any other phrase too', () => {
    for (const phrase of ['book the room', 'send the invites', 'get the kickoff on the calendar', 'sort the catering', 'organise the offsite', 'set up the all-hands']) {
      const tips = [undefined, 'meeting_logistics.3', 'meeting_logistics.4'].map((previousTipId) => pickTip({ category: 'meeting_logistics', previousTipId, phrase }).id);
      expect({ phrase, tips }).toEqual({ phrase, tips: expect.arrayContaining(['meeting_logistics.1']) });
      expect(tips).not.toContain('meeting_logistics.4');
    }
  });
});
