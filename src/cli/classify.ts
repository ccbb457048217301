import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classify as defaultClassify } from '../core/classifier';
import { ROLES, type Classifier, type Verdict } from '../core/types';
import { EXIT_USAGE, write, type CliIo } from './io';

/**
 * `lanekeeper classify`: JSON lines in, one JSON line out per input line, in order.
 *
 * Input:  {"id": string, "text": string, "author"?: string, "roles"?: {"<user id>": role}, "fromBot"?: boolean}
 * Output: {"id", "kind", "flag", "assignees", "work", "categories", "confidence", "reasons"}, plus
 *         "items" and "projectShare" for standups; a bad line gives {"id"?, "error"} and the run goes on.
 * Blank lines are skipped. Exit code 0, or 1 when stdin cannot be read.
 */

const InputLine = z.object({
  id: z.string(),
  text: z.string(),
  author: z.string().optional(),
  roles: z.record(z.string(), z.enum(ROLES)).optional(),
  fromBot: z.boolean().optional(),
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

/** Judges one input line; never throws. */
export function classifyLine(line: string, classify: Classifier = defaultClassify): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return JSON.stringify({ error: `invalid JSON: ${(error as Error).message}` });
  }
  const result = InputLine.safeParse(parsed);
  if (!result.success) {
    const id = typeof parsed === 'object' && parsed !== null && typeof (parsed as { id?: unknown }).id === 'string' ? (parsed as { id: string }).id : undefined;
    const message = result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return JSON.stringify(id === undefined ? { error: message } : { id, error: message });
  }
  const input = result.data;
  try {
    const verdict = classify({ text: input.text, author: input.author, roles: input.roles, fromBot: input.fromBot });
    return JSON.stringify(toOutput(input.id, verdict));
  } catch (error) {
    return JSON.stringify({ id: input.id, error: `classifier failed: ${(error as Error).message}` });
  }
}

export async function runClassify(args: readonly string[], io: CliIo, classify: Classifier = defaultClassify): Promise<number> {
  if (args.length > 0) {
    await write(io.stderr, `lanekeeper classify takes no arguments (got ${args.join(' ')}); it reads JSON lines on stdin.\n`);
    return EXIT_USAGE;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim().length === 0) continue;
      await write(io.stdout, `${classifyLine(line, classify)}\n`);
    }
  } catch (error) {
    await write(io.stderr, `lanekeeper classify: cannot read stdin: ${(error as Error).message}\n`);
    return 1;
  } finally {
    lines.close();
  }
  return 0;
}
