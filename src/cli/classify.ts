import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classify as defaultClassify } from '../core/classifier';
import { ROLES, type Classifier, type Verdict } from '../core/types';
import { EXIT_USAGE, write, type CliIo } from './io';

/**
 * `lanekeeper classify`: JSON lines in, one JSON line out per input line, in order.
 *
 * Input:  {"id": string, "text": string, "author"?: string, "roles"?: {"<user id>": role}, "fromBot"?: boolean,
 *          "blocks"?: [Slack blocks], "attachments"?: [Slack attachments],
 *          "parent"?: {"text"?, "blocks"?, "attachments"?, "author"?, "fromBot"?}, "names"?: {"<user id>": "Ana Souza"}}
 * Output: {"id", "kind", "flag", "assignees", "work", "categories", "confidence", "reasons"}, plus
 *         "items" and "projectShare" for standups; a bad line gives {"id"?, "line", "error"} (line: the
 *         input line number, counting from 1) and the run goes on.
 * Blank lines are skipped. Exit code 0, or 1 when stdin cannot be read.
 */

export const CLASSIFY_USAGE = `usage: lanekeeper classify < messages.jsonl
  Reads one JSON object per line on stdin and writes one verdict per line on stdout, in order.
  Input fields: id, text (required; may be ""), author, roles {"U…": role}, fromBot,
  blocks and attachments (Slack's own shapes), parent {text, blocks, attachments, author, fromBot}
  (a thread reply's parent message), names {"U…": "Ana Souza"} (to resolve people named in plain text).
  ROLE is one of: ${ROLES.join(', ')}.
  A bad line gives {"id", "line", "error"} and the run goes on.
`;

/** Slack's blocks and attachments: arrays of objects, read by shape in the classifier. */
const SlackObjects = z.array(z.record(z.string(), z.unknown()));

const InputLine = z.object({
  id: z.string(),
  text: z.string(),
  author: z.string().optional(),
  roles: z.record(z.string(), z.enum(ROLES)).optional(),
  fromBot: z.boolean().optional(),
  blocks: SlackObjects.optional(),
  attachments: SlackObjects.optional(),
  parent: z
    .object({
      text: z.string().optional(),
      blocks: SlackObjects.optional(),
      attachments: SlackObjects.optional(),
      author: z.string().optional(),
      fromBot: z.boolean().optional(),
    })
    .optional(),
  names: z.record(z.string(), z.string()).optional(),
});

export interface ClassifyOutput {
  id: string;
  kind: Verdict['kind'];
  flag: boolean;
  assignees: string[];
  work: Verdict['work'];
  categories: string[];
  confidence: number;
  reasons: string[];
  items?: Verdict['items'];
  projectShare?: number;
}

/** The output shape of the issue, keys in its order; nothing else from the verdict. */
export function toOutput(id: string, verdict: Verdict): ClassifyOutput {
  const out: ClassifyOutput = {
    id,
    kind: verdict.kind,
    flag: verdict.flag,
    assignees: verdict.assignees,
    work: verdict.work,
    categories: verdict.categories,
    confidence: verdict.confidence,
    reasons: verdict.reasons,
  };
  if (verdict.kind === 'standup') {
    out.items = verdict.items ?? [];
    out.projectShare = verdict.projectShare ?? 0;
  }
  return out;
}

/** An error line: the input's id when it had one, and its line number (from 1) when known. */
function errorLine(id: string | undefined, lineNumber: number | undefined, error: string): string {
  return JSON.stringify({ ...(id === undefined ? {} : { id }), ...(lineNumber === undefined ? {} : { line: lineNumber }), error });
}

/** Judges one input line (`lineNumber` counts from 1, for error lines); never throws. */
export function classifyLine(line: string, classify: Classifier = defaultClassify, lineNumber?: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return errorLine(undefined, lineNumber, `invalid JSON: ${(error as Error).message}`);
  }
  const result = InputLine.safeParse(parsed);
  if (!result.success) {
    const id = typeof parsed === 'object' && parsed !== null && typeof (parsed as { id?: unknown }).id === 'string' ? (parsed as { id: string }).id : undefined;
    const message = result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return errorLine(id, lineNumber, message);
  }
  const input = result.data;
  try {
    const verdict = classify({
      text: input.text,
      author: input.author,
      roles: input.roles,
      fromBot: input.fromBot,
      blocks: input.blocks,
      attachments: input.attachments,
      parent: input.parent,
      names: input.names,
    });
    return JSON.stringify(toOutput(input.id, verdict));
  } catch (error) {
    return errorLine(input.id, lineNumber, `classifier failed: ${(error as Error).message}`);
  }
}

export async function runClassify(args: readonly string[], io: CliIo, classify: Classifier = defaultClassify): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    await write(io.stdout, CLASSIFY_USAGE);
    return 0;
  }
  if (args.length > 0) {
    await write(io.stderr, `lanekeeper classify takes no arguments (got ${args.join(' ')}); it reads JSON lines on stdin.\n${CLASSIFY_USAGE}`);
    return EXIT_USAGE;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim().length === 0) continue;
      await write(io.stdout, `${classifyLine(line, classify, lineNumber)}\n`);
    }
  } catch (error) {
    await write(io.stderr, `lanekeeper classify: cannot read stdin: ${(error as Error).message}\n`);
    return 1;
  } finally {
    lines.close();
  }
  return 0;
}
