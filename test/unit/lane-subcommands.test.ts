import { LANE_HELP } from '../../src/features/lane/command';
import { parseLaneCommand } from '../../src/features/lane/parse';
import { LANE_SUBCOMMANDS } from '../../src/features/lane/subcommands';

// The table several people add to: each word must pick exactly one subcommand, and help must list them all.
describe('the /lane subcommand table', () => {
  const words = LANE_SUBCOMMANDS.flatMap((entry) => entry.words);

  it('gives every first word to one subcommand only, and never takes help', () => {
    expect(new Set(words).size).toBe(words.length);
    expect(words).not.toContain('help');
    for (const word of words) expect(word).toBe(word.toLowerCase());
  });

  it('lists every subcommand in /lane help', () => {
    for (const entry of LANE_SUBCOMMANDS) expect(LANE_HELP).toContain(`• ${entry.usage}`);
  });

  it('sends each word to its own subcommand, whatever its case', () => {
    for (const word of words) {
      const result = parseLaneCommand(word.toUpperCase());
      // Known words never get the "I don't know" answer, even when their arguments are missing.
      if (!result.ok) expect(result.error).not.toMatch(/I don't know/);
    }
  });
});
