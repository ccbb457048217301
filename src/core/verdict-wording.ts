import { categoryLabel, isProductCategory, isProjectCategory } from './categories';
import type { MessageKind, Verdict, WorkKind } from './types';

/**
 * A verdict in plain words, for people: `/lane check` and `lanekeeper check`. Category names as people
 * say them ("meeting logistics"), "not a request" rather than "chatter", people by the name the
 * caller gives them, and no internal ids. Pure: the caller decides how a person is written.
 */

/** How a person is written: a Slack mention (`<@U…>`) in Slack, "@ana" at a terminal. */
export type PersonName = (userId: string) => string;

const KINDS: Readonly<Record<MessageKind, string>> = {
  assignment: 'a request',
  standup: 'a status update',
  chatter: 'not a request',
};

const WORK: Readonly<Record<WorkKind, string>> = {
  project: 'project-management work',
  product: 'product work',
  other: 'neither project nor product work',
};

/** Why a clause was not read as a request, as people say it. */
const BLOCKED: Readonly<Record<string, string>> = {
  negated: 'called off',
  done: 'already done',
  thanks: 'thanks or praise',
  laughter: 'a laugh',
  question: 'a question for information',
  information: 'a question for information',
  away: 'someone is away',
};

export function kindInWords(kind: MessageKind): string {
  return KINDS[kind];
}

/** "project-management work: meeting logistics, budget & cost tracking". */
export function workInWords(work: WorkKind, categories: readonly string[]): string {
  return categories.length === 0 ? WORK[work] : `${WORK[work]}: ${categories.map(categoryLabel).join(', ')}`;
}

/** Category ids at the start of a reason ("meeting_logistics: …") as their names. */
const CATEGORY_AT_START = /^([a-z_]+)( \(workspace word list\))?: /;

/** One reason from the classifier (see Verdict.reasons) in plain words, with people named by `person`. */
export function reasonInWords(reason: string, person: PersonName): string {
  let text = reason.replace(/<@([UW][A-Z0-9_]+)>/g, (_m, id: string) => person(id)).replace(/@someone/g, 'someone');
  const category = CATEGORY_AT_START.exec(text);
  if (category && (isProjectCategory(category[1]) || isProductCategory(category[1]))) {
    const kind = isProjectCategory(category[1]) ? 'project work' : 'product work';
    text = `${kind}, ${categoryLabel(category[1])}${category[2] ? ' (from this workspace’s word list)' : ''}: ${text.slice(category[0].length)}`;
  }
  text = text.replace(/^not a request \(([a-z]+)\)/, (_m, why: string) => `not a request (${BLOCKED[why] ?? why})`);
  text = text.replace(/^standup \([^)]*\): (\d+) of (\d+) items are project work$/, (_m, n: string, of: string) => `a status update: ${n} of ${of} items are project-management work`);
  text = text.replace(/^likely project work by its words \(learned scorer\): /, 'words that usually mean project work: ');
  // The learned flagger's reasons, without the model's name.
  text = text.replace(/^likely project work for (.+?) \(learned flagger, (\d+)%\)(?:: (.+))?$/, (_m, who: string, pct: string, words?: string) =>
    `probably project-management work for ${who} (${pct}% sure, from how messages like this one are meant)${words ? `; words that weighed: ${words}` : ''}`,
  );
  text = text.replace(/^not likely project work for (.+?) \(learned flagger, (\d+)%\)$/, (_m, who: string) => `probably not project-management work for ${who}, from how messages like this one are meant`);
  // A cue that begins with the person's placeholder reads better without it: asks @ana: "can you".
  return text.replace(/^(asks [^:]+: ")someone /, '$1');
}

export interface VerdictWords {
  kind: string;
  /** Who would be nudged, or why nobody would. */
  nudge: string;
  asked: string;
  work: string;
  reasons: string[];
}

export interface WordingOptions {
  person: PersonName;
  /** Whether each person's role is known. Without it every role is taken as known. */
  roleKnown?: (userId: string) => boolean;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The verdict in words. When nobody would be nudged because nobody's role is known, it says so
 * rather than a bare "no": the same message to a product manager would be nudged.
 */
export function verdictInWords(verdict: Verdict, options: WordingOptions): VerdictWords {
  const { person } = options;
  const unknown = verdict.assignees.filter((id) => options.roleKnown !== undefined && !options.roleKnown(id));
  let nudge: string;
  if (verdict.flag) nudge = `yes: ${list(verdict.flagged.map(person))} would get a private tip`;
  else if (verdict.work === 'project' && unknown.length > 0)
    nudge = `can't tell: the role of ${list(unknown.map(person))} is not known (a product manager would get a tip)`;
  else if (verdict.kind === 'chatter') nudge = 'no: nothing is asked of anyone';
  else if (verdict.work !== 'project') nudge = `no: this is ${WORK[verdict.work]}`;
  else nudge = 'no: the work does not land on a product manager';
  return {
    kind: kindInWords(verdict.kind),
    nudge,
    asked: verdict.assignees.length === 0 ? 'nobody' : list(verdict.assignees.map(person)),
    work: workInWords(verdict.work, verdict.categories),
    // In a request, why a side clause ("thx!") was not one only muddles what was asked.
    reasons: verdict.reasons.filter((r) => verdict.kind === 'chatter' || !r.startsWith('not a request')).map((r) => reasonInWords(r, person)),
  };
}
