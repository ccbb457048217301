import { classify } from '../../src/core/classifier';
import { reasonInWords, verdictInWords } from '../../src/core/verdict-wording';

const person = (id: string): string => `<@${id}>`;

describe('a verdict in plain words', () => {
  it('names categories as people say them and never shows internal ids or "chatter"', () => {
    const words = verdictInWords(classify({ text: '<@U_ANA> can you book the retro room?', roles: { U_ANA: 'product' } }), { person });
    expect(words.kind).toBe('a request');
    expect(words.work).toBe('project-management work: meeting logistics');
    expect(words.reasons).toContain('project work, meeting logistics: "book the retro room"');
    const chatter = verdictInWords(classify({ text: 'lol the retro room has no chairs again' }), { person });
    expect(chatter.kind).toBe('not a request');
    expect(JSON.stringify(chatter)).not.toMatch(/chatter|meeting_logistics/);
  });

  it('says why a clause was not a request in words', () => {
    expect(reasonInWords('not a request (done): "already sent"', person)).toBe('not a request (already done): "already sent"');
    expect(reasonInWords('not a request (question): "when is"', person)).toBe('not a request (a question for information): "when is"');
    expect(reasonInWords('not a request (information): "can you tell me"', person)).toBe('not a request (a question for information): "can you tell me"');
    expect(reasonInWords('likely project work for <@U_ANA> (learned flagger, 84%): "pen", "steering"', person)).toBe(
      'probably project-management work for <@U_ANA> (84% sure, from how messages like this one are meant); words that weighed: "pen", "steering"',
    );
    expect(reasonInWords('not likely project work for <@U_ANA> (learned flagger, 12%)', person)).toBe('probably not project-management work for <@U_ANA>, from how messages like this one are meant');
  });

  it("words the learned scorer's reason plainly, with the message's own words", () => {
    const verdict = classify({ text: '<@U_ANA> can you update the sprint goal on the board after the review?', roles: { U_ANA: 'product' } });
    const words = verdictInWords(verdict, { person });
    const line = words.reasons.find((r) => r.startsWith('words that usually mean project work: '));
    expect(line).toMatch(/^words that usually mean project work: "[^"]+"(?:, "[^"]+")*$/);
    // Each word quoted is the message's own, as it wrote it.
    for (const [, quoted] of (line ?? '').matchAll(/"([^"]+)"/g)) expect('update the sprint goal on the board after the review').toContain(quoted);
    expect(verdict.phrase).toBe('update the sprint goal on the board after the review');
    expect(JSON.stringify(words)).not.toMatch(/learned scorer|@someone/);
  });

  it('does not say "not a request" inside a request', () => {
    const verdict = classify({ text: '<@U_ANA> thx! can you also update the status report?', roles: { U_ANA: 'product' } });
    expect(verdict.kind).toBe('assignment');
    const words = verdictInWords(verdict, { person });
    expect(words.kind).toBe('a request');
    expect(words.reasons.join('\n')).not.toMatch(/not a request|thx/);
  });

  it('words a standup plainly, without the layout it was read from', () => {
    const verdict = classify({ text: 'Yesterday: booked the retro room\nToday: chase the vendor invoice\nBlockers: none', author: 'U_ANA', roles: { U_ANA: 'product' } });
    expect(verdict.kind).toBe('standup');
    const reasons = verdictInWords(verdict, { person }).reasons;
    expect(reasons).toContain('a status update: 2 of 2 items are project-management work');
    expect(reasons.join('\n')).not.toMatch(/standup|sections/);
  });

  it('does not call a laugh thanks', () => {
    const words = verdictInWords(classify({ text: 'lol the retro room has no chairs again' }), { person });
    expect(words.reasons).toContain('not a request (a laugh): "lol"');
    expect(words.reasons.join('\n')).not.toMatch(/thanks/);
  });

  it('says the author takes the work on when they volunteer, rather than that they were asked', () => {
    const verdict = classify({ text: 'Leave the status roll-up with me', author: 'U_ANA', roles: { U_ANA: 'product' } });
    const reasons = verdictInWords(verdict, { person }).reasons;
    expect(reasons).toContain('<@U_ANA> takes it on: "leave the status roll-up with me"');
    expect(reasons.join('\n')).not.toMatch(/asks <@U_ANA>/);
  });

  it("says it can't tell when the asked person's role is unknown", () => {
    const verdict = classify({ text: '<@U_BEN> can you book the retro room?' });
    expect(verdictInWords(verdict, { person, roleKnown: () => false }).nudge).toMatch(/^can't tell: the role of <@U_BEN> is not known/);
  });
});
