import { categoryLabel, isProjectCategory } from '../core/categories';
import { classify as defaultClassify } from '../core/classifier';
import { pickTip } from '../core/tips';
import { ROLES, type Classifier, type Role, type Verdict } from '../core/types';
import { EXIT_USAGE, write, type CliIo } from './io';

/**
 * `lanekeeper check "some text" [--author U…] [--role U…=product …] [--from-bot]`: prints the verdict
 * for one message in words, with its reasons and the tip a flagged product manager would get.
 */

export const CHECK_USAGE = `usage: lanekeeper check "message text" [--author USER_ID] [--role USER_ID=ROLE ...] [--from-bot]
  ROLE is one of: ${ROLES.join(', ')}. People without a role are not treated as product managers.
`;

export interface CheckArgs {
  text: string;
  author?: string;
  roles: Record<string, Role>;
  fromBot: boolean;
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
    if (name === '--author') {
      author = value();
      if (!author) return { error: '--author needs a user id' };
    } else if (name === '--role') {
      const spec = value();
      const match = /^([^=\s]+)=([a-z]+)$/.exec(spec ?? '');
      if (!match || !(ROLES as readonly string[]).includes(match[2])) {
        return { error: `--role needs USER_ID=ROLE with ROLE one of ${ROLES.join(', ')} (got ${spec ?? 'nothing'})` };
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

function people(ids: readonly string[]): string {
  return ids.length === 0 ? '(nobody)' : ids.map((id) => `<@${id}>`).join(', ');
}

/** The verdict in words, for a person at a terminal. */
export function formatVerdict(verdict: Verdict, roles: Readonly<Record<string, Role>>): string {
  const out: string[] = [];
  out.push(`kind:        ${verdict.kind}`);
  out.push(`flag:        ${verdict.flag ? `yes, nudge ${people(verdict.flagged)}` : 'no'}`);
  out.push(`assignees:   ${people(verdict.assignees)}`);
  out.push(`work:        ${verdict.work}${verdict.categories.length > 0 ? ` (${verdict.categories.map(categoryLabel).join(', ')})` : ''}`);
  out.push(`confidence:  ${verdict.confidence.toFixed(2)}`);
  if (verdict.phrase) out.push(`phrase:      "${verdict.phrase}"`);
  if (verdict.items) {
    out.push(`items:       ${verdict.items.length}, project share ${Math.round((verdict.projectShare ?? 0) * 100)}%`);
    for (const item of verdict.items) out.push(`  - [${item.work}] ${item.text}${item.categories.length > 0 ? ` (${item.categories.join(', ')})` : ''}`);
  }
  out.push('reasons:');
  for (const reason of verdict.reasons) out.push(`  - ${reason}`);
  const category = verdict.categories.find(isProjectCategory);
  if (verdict.flag && category) {
    // Suggest a project manager the roles mention, if any, as the person to hand the work to.
    const delegateId = Object.keys(roles).find((id) => roles[id] === 'project' && !verdict.flagged.includes(id));
    const tip = pickTip({ category, delegate: delegateId ? { id: delegateId } : undefined });
    out.push(`tip (${categoryLabel(category)}): ${tip.text}`);
  }
  return `${out.join('\n')}\n`;
}

export async function runCheck(args: readonly string[], io: CliIo, classify: Classifier = defaultClassify): Promise<number> {
  const parsed = parseCheckArgs(args);
  if ('error' in parsed) {
    await write(io.stderr, `lanekeeper check: ${parsed.error}\n${CHECK_USAGE}`);
    return EXIT_USAGE;
  }
  const verdict = classify({ text: parsed.text, author: parsed.author, roles: parsed.roles, fromBot: parsed.fromBot });
  await write(io.stdout, formatVerdict(verdict, parsed.roles));
  return 0;
}
