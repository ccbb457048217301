import { categoryLabel, isProjectCategory } from '../core/categories';
import { classify as defaultClassify } from '../core/classifier';
import { pickTip } from '../core/tips';
import { ROLES, type Classifier, type Role, type Verdict } from '../core/types';
import { verdictInWords, workInWords } from '../core/verdict-wording';
import { EXIT_USAGE, write, type CliIo } from './io';

/**
 * `lanekeeper check "some text" [--author WHO] [--role WHO=ROLE …] [--from-bot]`: prints the verdict
 * for one message in plain words, with its reasons and the tip a flagged product manager would get.
 * People may be written as Slack mentions (`<@U123>`, `--role U123=product`) or as plain handles
 * (`@ana`, `--role ana=product`).
 */

export const CHECK_USAGE = `usage: lanekeeper check "message text" [--author WHO] [--role WHO=ROLE ...] [--from-bot]
  Explains how lanekeeper would judge one Slack message, and the tip a product manager would get.
  WHO is a handle written in the text as @name (--role ana=product) or a Slack user id (--role U123=product).
  ROLE is one of: ${ROLES.join(', ')}. People without a role are not treated as product managers.
  --author WHO   who wrote the message (an "I'll do it" volunteers them)
  --from-bot     the message was posted by an app (a tracker or a standup bot), not a person
  -h, --help     print this help
  example: lanekeeper check "@ana can you book a room for the retro?" --role ana=product --role raj=project
`;

export interface CheckArgs {
  text: string;
  author?: string;
  roles: Record<string, Role>;
  fromBot: boolean;
  help?: boolean;
}

/** Parses the arguments after `check`; returns an error message instead when they are wrong. */
export function parseCheckArgs(args: readonly string[]): CheckArgs | { error: string } {
  const texts: string[] = [];
  const roles: Record<string, Role> = {};
  let author: string | undefined;
  let fromBot = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // Options take their value as the next argument or after "=" (--author=U1).
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : args[++i]);
    if (name === '--help' || name === '-h') {
      return { text: '', roles, fromBot, help: true };
    } else if (name === '--author') {
      author = value()?.replace(/^@/, '');
      if (!author) return { error: '--author needs a handle or a user id' };
    } else if (name === '--role') {
      const spec = value();
      const match = /^@?([^=\s]+)=([a-z]+)$/.exec(spec ?? '');
      if (!match || !(ROLES as readonly string[]).includes(match[2])) {
        return { error: `--role needs WHO=ROLE with ROLE one of ${ROLES.join(', ')} (got ${spec ?? 'nothing'})` };
      }
      roles[match[1]] = match[2] as Role;
    } else if (name === '--from-bot') {
      fromBot = true;
    } else if (arg.startsWith('--')) {
      return { error: `unknown option ${arg}` };
    } else {
      texts.push(arg);
    }
  }
  if (texts.length === 0) return { error: 'missing the message text' };
  if (texts.length > 1) return { error: 'give the message text as one argument (quote it)' };
  return { text: texts[0], author, roles, fromBot };
}

const USER_ID = /^[UW][A-Z0-9_]+$/;

/** People written as handles, given Slack-shaped ids so the classifier reads them as mentions. */
interface People {
  text: string;
  author?: string;
  roles: Record<string, Role>;
  /** How to write each id back: "@ana" for a handle, "<@U123>" for an id. */
  name: (id: string) => string;
  roleKnown: (id: string) => boolean;
}

function idForHandle(handle: string): string {
  return `U_${handle.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Turns "@ana" in the text and "ana" in --role/--author into mentions the classifier understands. */
export function resolveHandles(args: CheckArgs): People {
  const handles = new Map<string, string>();
  const idOf = (who: string): string => {
    if (USER_ID.test(who)) return who;
    const id = idForHandle(who);
    handles.set(id, who);
    return id;
  };
  // "@ana", "@ana.souza": not inside a Slack token (<@U1>, <!here>) and not an e-mail address.
  const text = args.text
    .replace(/(^|[^<\w.])@(here|channel|everyone)\b/g, '$1<!$2>')
    .replace(/(^|[^<\w.!])@([A-Za-z][\w.-]*[\w])/g, (_m, before: string, handle: string) => `${before}<@${idOf(handle.toLowerCase())}>`);
  const roles: Record<string, Role> = {};
  for (const [who, role] of Object.entries(args.roles)) roles[idOf(USER_ID.test(who) ? who : who.toLowerCase())] = role;
  const author = args.author === undefined ? undefined : idOf(USER_ID.test(args.author) ? args.author : args.author.toLowerCase());
  return {
    text,
    author,
    roles,
    name: (id) => (handles.has(id) ? `@${handles.get(id)}` : `<@${id}>`),
    roleKnown: (id) => Object.hasOwn(roles, id),
  };
}

/** The verdict in words, for a person at a terminal. */
export function formatVerdict(verdict: Verdict, people: Pick<People, 'roles' | 'name' | 'roleKnown'>): string {
  const words = verdictInWords(verdict, { person: people.name, roleKnown: people.roleKnown });
  const out: string[] = [];
  out.push(`kind:        ${words.kind}`);
  out.push(`nudge:       ${words.nudge}`);
  out.push(`asked:       ${words.asked}`);
  out.push(`work:        ${words.work}`);
  out.push(`confidence:  ${Math.round(verdict.confidence * 100)}%`);
  if (verdict.phrase) out.push(`noticed:     "${verdict.phrase}"`);
  if (verdict.items) {
    out.push(`items:       ${verdict.items.length}, ${Math.round((verdict.projectShare ?? 0) * 100)}% project-management work`);
    for (const item of verdict.items) out.push(`  - ${item.text.replace(/<@([UW][A-Z0-9_]+)>/g, (_m, id: string) => people.name(id))} (${workInWords(item.work, item.categories)})`);
  }
  out.push('why:');
  for (const reason of words.reasons) out.push(`  - ${reason}`);
  const category = verdict.categories.find(isProjectCategory);
  if (verdict.flag && category) {
    // Suggest a project manager the roles mention, if any, as the person to hand the work to.
    const delegateId = Object.keys(people.roles).find((id) => people.roles[id] === 'project' && !verdict.flagged.includes(id));
    const tip = pickTip({ category, delegate: delegateId ? { id: delegateId } : undefined, phrase: verdict.phrase });
    out.push(`tip (${categoryLabel(category)}): ${tip.text.replace(/<@([UW][A-Z0-9_]+)>/g, (_m, id: string) => people.name(id))}`);
  }
  return `${out.join('\n')}\n`;
}

export async function runCheck(args: readonly string[], io: CliIo, classify: Classifier = defaultClassify): Promise<number> {
  const parsed = parseCheckArgs(args);
  if ('error' in parsed) {
    await write(io.stderr, `lanekeeper check: ${parsed.error}\n${CHECK_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help === true) {
    await write(io.stdout, CHECK_USAGE);
    return 0;
  }
  const people = resolveHandles(parsed);
  const verdict = classify({ text: people.text, author: people.author, roles: people.roles, fromBot: parsed.fromBot });
  await write(io.stdout, formatVerdict(verdict, people));
  return 0;
}
