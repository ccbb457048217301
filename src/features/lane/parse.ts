import { clip, type LaneEntry, type ParseResult } from './subcommand';
import { LANE_SUBCOMMANDS } from './subcommands';

/**
 * Parses the text of `/lane …` into a command, or a message saying what was wrong and the right
 * form: the first word picks the subcommand from the table, which parses the rest. Pure, so every
 * bad input can be tested without Slack.
 */
export interface LaneCommand {
  name: string;
}

export const HELP_USAGE = '`/lane help`';

/** Parses, and says which subcommand the command belongs to (absent for help). */
export function parseWithSubcommand(raw: string): ParseResult<LaneCommand> & { subcommand?: LaneEntry } {
  const text = raw.trim();
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  if (word === '' || word === 'help') return { ok: true, command: { name: 'help' } };
  const found = LANE_SUBCOMMANDS.find((entry) => entry.words.includes(word));
  if (!found) return { ok: false, error: `I don't know \`${clip(first)}\`. Try \`/lane help\` for everything I can do.` };
  return { ...found.parse({ word, args: rest.filter(Boolean), rest: text.slice(first.length).trim() }), subcommand: found };
}

export function parseLaneCommand(raw: string): ParseResult<LaneCommand> {
  const result = parseWithSubcommand(raw);
  return result.ok ? { ok: true, command: result.command } : { ok: false, error: result.error };
}
