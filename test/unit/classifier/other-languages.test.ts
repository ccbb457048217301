import { glossaryPhrasesAreWords, inEnglish } from '../../../src/core/classifier/other-languages';

describe('the glossary of other languages', () => {
  it('is made of words the fast check can find (letters, apostrophes and hyphens, one space apart)', () => {
    expect(glossaryPhrasesAreWords()).toBe(true);
  });

  it('reads phrases in English, whole words only', () => {
    expect(inEnglish('kannst du bitte die agenda rumschicken?')).toBe('can you please die agenda send?');
    expect(inEnglish('zeitplanung')).toBe('zeitplanung');
    expect(inEnglish('mä hoidan laskujen jahtaamisen')).toBe("i'll do invoices chase");
  });

  it('replaces each phrase in turn, including one replaced by nothing', () => {
    // "naman" goes, and "pakisend" and "yung" are read on either side of it.
    expect(inEnglish('pakisend naman yung timeline')).toBe('please send  the timeline');
  });

  it('leaves English lines as they are', () => {
    const line = 'can you book the room for the retro on thursday and send the invites';
    expect(inEnglish(line)).toBe(line);
  });
});
