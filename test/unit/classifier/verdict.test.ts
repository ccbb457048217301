import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, mentionedUsers, naiveClassify } from '../../../src/core/classifier';
import { isProjectCategory } from '../../../src/core/categories';
import { loadCorpus } from '../../../src/core/classifier/evaluation';

const dev = loadCorpus(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'corpus', 'dev.jsonl'), 'utf8'));

describe('mentionedUsers', () => {
  it('lists user ids from <@U…> and <@U…|name>, de-duplicated, in order', () => {
    expect(mentionedUsers('<@U2|bea> and <@U1> and <@U2> again, <@W3>')).toEqual(['U2', 'U1', 'W3']);
  });

  it('ignores user groups, <!here>/<!channel> and channel links', () => {
    expect(mentionedUsers('<!subteam^S01|@pms> <!here> <!channel> <#C123|general> <@U_ANA>')).toEqual(['U_ANA']);
  });
});

describe('every verdict', () => {
  const verdicts = dev.map((line) => classify({ text: line.text, author: line.author, roles: line.roles, fromBot: line.fromBot }));

  it('has a confidence between 0 and 1', () => {
    for (const v of verdicts) {
      expect(v.confidence).toBeGreaterThanOrEqual(0);
      expect(v.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('flags only assignees, and only when flag is true', () => {
    for (const v of verdicts) {
      expect(v.flagged.every((id) => v.assignees.includes(id))).toBe(true);
      expect(v.flag).toBe(v.flagged.length > 0);
    }
  });

  it('keeps a short phrase without user ids when flagged, naming a project category', () => {
    for (const v of verdicts.filter((x) => x.flag)) {
      expect(v.phrase).toBeDefined();
      expect((v.phrase ?? '').length).toBeLessThan(80);
      expect(v.phrase).not.toMatch(/<@|U_[A-Z]/);
      expect(v.categories.some(isProjectCategory)).toBe(true);
    }
  });

  it('gives a reason quoting the phrase behind each category', () => {
    for (const v of verdicts) for (const cat of v.categories) expect(v.reasons.some((r) => r.startsWith(`${cat}: "`))).toBe(true);
  });

  it('is deterministic: the same message gives the same verdict', () => {
    const again = dev.map((line) => classify({ text: line.text, author: line.author, roles: line.roles, fromBot: line.fromBot }));
    expect(again).toEqual(verdicts);
  });

  it('survives odd input: empty text, only markup, a very long message', () => {
    expect(classify({ text: '' }).kind).toBe('chatter');
    expect(classify({ text: '<><@>&amp;&lt;``` :: * _ ~' }).kind).toBe('chatter');
    const long = `<@U_ANA> please ${'update the timeline and book the room, '.repeat(400)}`;
    expect(classify({ text: long, roles: { U_ANA: 'product' } }).flag).toBe(true);
  });
});

describe('the naive baseline', () => {
  it('flags any mention of a product manager next to a project word, even a thank-you', () => {
    expect(naiveClassify({ text: 'thanks <@U_ANA> for the status report!', roles: { U_ANA: 'product' } }).flag).toBe(true);
  });
});
