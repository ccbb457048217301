import { MAX_LISTED_PHRASES, listedForm, type ListedPhrase, type WordList } from '../../../store/word-lists';
import { clip, notAdmin, parsed, reply, subcommand, usageError } from '../subcommand';

const USAGE =
  '`/lane words` to list, `/lane words add project "herd the dates"` (always project work), ' +
  '`/lane words add never "board meeting"` (never project work), `/lane words remove "board meeting"` (admins change them)';

/** Long enough for any phrase people use; a sentence is not a phrase. */
const MAX_PHRASE_CHARS = 60;

type WordsCommand =
  | { name: 'words'; action: 'list' }
  | { name: 'words'; action: 'add'; list: WordList; phrase: string }
  | { name: 'words'; action: 'remove'; phrase: string };

const LISTS: Record<string, WordList> = { project: 'project', always: 'project', never: 'never', not: 'never' };

/** The phrase as typed: quotes (straight or curly) taken off, Slack's escapes undone. */
function phraseOf(raw: string): string {
  return raw
    .trim()
    .replace(/^["“”']+|["“”']+$/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** What is wrong with a phrase, or undefined when it can be listed. */
function phraseProblem(phrase: string): string | undefined {
  if (listedForm(phrase) === '') return 'Give the phrase to list.';
  if (/<[@#!]|https?:\/\//.test(phrase)) return 'A phrase is words only: no mentions, channels or links.';
  if (phrase.length > MAX_PHRASE_CHARS) return `\`${clip(phrase)}\` is longer than ${MAX_PHRASE_CHARS} characters: list a short phrase.`;
  return undefined;
}

/** `/lane words`: the workspace's phrases that always count as project work, or never do (admins change them). */
export const words = subcommand<WordsCommand>({
  words: ['words'],
  usage: USAGE,
  parse({ args, rest }) {
    const action = args[0]?.toLowerCase();
    if (action === undefined || action === 'list') return args.length <= 1 ? parsed({ name: 'words', action: 'list' }) : usageError('`list` takes nothing more.', USAGE);
    const afterAction = rest.slice(args[0].length).trim();
    if (action === 'add') {
      const listWord = args[1]?.toLowerCase();
      const list = listWord === undefined ? undefined : LISTS[listWord];
      if (list === undefined) return usageError(listWord === undefined ? 'Say which list: `project` or `never`.' : `\`${clip(args[1])}\` is not a list: use \`project\` or \`never\`.`, USAGE);
      const phrase = phraseOf(afterAction.slice(args[1].length));
      const problem = phraseProblem(phrase);
      return problem ? usageError(problem, USAGE) : parsed({ name: 'words', action: 'add', list, phrase });
    }
    if (action === 'remove' || action === 'delete') {
      // "remove project "x"" reads as "remove "x"": a phrase is in one list at a time.
      const listed = args[1] !== undefined && LISTS[args[1].toLowerCase()] !== undefined && args.length > 2;
      const phrase = phraseOf(listed ? afterAction.slice(args[1].length) : afterAction);
      const problem = phraseProblem(phrase);
      return problem ? usageError(problem, USAGE) : parsed({ name: 'words', action: 'remove', phrase });
    }
    return usageError(`\`${clip(args[0])}\` is not something I can do with words.`, USAGE);
  },
  async run(command, { teamId, userId }, lane) {
    const store = lane.deps.wordLists;
    if (command.action === 'list') return reply(describeLists(await store.list(teamId)));
    const admin = await lane.isAdmin(teamId, userId);
    if (admin !== true) return notAdmin('change the workspace’s word lists', admin);
    const shown = listedForm(command.phrase);
    if (command.action === 'remove') {
      return reply((await store.remove(teamId, command.phrase)) ? `Removed “${shown}”: it is judged by the usual rules again.` : `“${shown}” is not on either list.`);
    }
    if (!(await store.add(teamId, command.phrase, command.list))) {
      return reply(`The lists are full (${MAX_LISTED_PHRASES} phrases): remove one first with \`/lane words remove "…"\`.`);
    }
    return reply(command.list === 'project' ? `“${shown}” now always counts as project work in this workspace.` : `“${shown}” never counts as project work in this workspace.`);
  },
});

/** The lists in plain words, for `/lane words`. */
export function describeLists(listed: readonly ListedPhrase[]): string {
  const of = (list: WordList) => listed.filter((p) => p.list === list).map((p) => `“${p.phrase}”`);
  const project = of('project');
  const never = of('never');
  if (project.length === 0 && never.length === 0) return `No workspace phrases yet. Admins add them: ${USAGE}.`;
  const lines = [];
  if (project.length > 0) lines.push(`*Always project work:* ${project.join(', ')}`);
  if (never.length > 0) lines.push(`*Never project work:* ${never.join(', ')}`);
  return lines.join('\n');
}
