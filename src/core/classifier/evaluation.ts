import type { Classifier, ClassifyInput, MessageKind, Role, ThreadParent, WorkKind } from '../types';

/**
 * Scoring against the labelled corpus (test/fixtures/corpus/README.md). Shared by `npm run eval`
 * and the regression test, so both measure the same thing.
 */

export interface CorpusLine {
  id: string;
  text: string;
  author?: string;
  roles?: Record<string, Role>;
  fromBot?: boolean;
  blocks?: unknown[];
  attachments?: unknown[];
  parent?: ThreadParent;
  names?: Record<string, string>;
  expect: {
    kind: MessageKind;
    flag: boolean;
    work: WorkKind;
    categories: string[];
    assignees: string[];
    projectShare?: number;
    items?: number;
  };
  note?: string;
}

export interface Miss {
  id: string;
  /** Which labels were wrong: kind, flag, assignees, work. */
  fields: string[];
  expected: string;
  got: string;
  text: string;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Share of chatter lines that were flagged. */
  chatterFpRate: number;
  kindAccuracy: number;
  workAccuracy: number;
  assigneeAccuracy: number;
  counts: { total: number; flagPositives: number; chatter: number; tp: number; fp: number; fn: number };
  misses: Miss[];
}

/** Parses JSON lines, skipping blank ones; throws with the line number on a malformed line. */
export function loadCorpus(content: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    try {
      out.push(JSON.parse(line) as CorpusLine);
    } catch (error) {
      throw new Error(`corpus line ${i + 1}: ${(error as Error).message}`);
    }
  });
  return out;
}

/** The classifier's input from a corpus line: every field `lanekeeper classify` accepts. */
export function inputOf(line: CorpusLine): ClassifyInput {
  return {
    text: line.text ?? '',
    author: line.author,
    roles: line.roles,
    fromBot: line.fromBot,
    blocks: line.blocks,
    attachments: line.attachments,
    parent: line.parent,
    names: line.names,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

function describe(kind: string, flag: boolean, work: string, assignees: readonly string[]): string {
  return `${kind} flag=${flag} work=${work} assignees=[${assignees.join(',')}]`;
}

export function score(lines: readonly CorpusLine[], classify: Classifier): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let chatter = 0;
  let chatterFlagged = 0;
  let kindOk = 0;
  let workOk = 0;
  let assigneesOk = 0;
  const misses: Miss[] = [];
  for (const line of lines) {
    const verdict = classify(inputOf(line));
    const e = line.expect;
    if (verdict.flag && e.flag) tp++;
    else if (verdict.flag && !e.flag) fp++;
    else if (!verdict.flag && e.flag) fn++;
    if (e.kind === 'chatter') {
      chatter++;
      if (verdict.flag) chatterFlagged++;
    }
    const fields: string[] = [];
    if (verdict.kind === e.kind) kindOk++;
    else fields.push('kind');
    if (verdict.flag !== e.flag) fields.push('flag');
    if (sameSet(verdict.assignees, e.assignees)) assigneesOk++;
    else fields.push('assignees');
    if (verdict.work === e.work) workOk++;
    else fields.push('work');
    if (fields.length > 0) {
      misses.push({
        id: line.id,
        fields,
        expected: describe(e.kind, e.flag, e.work, e.assignees),
        got: describe(verdict.kind, verdict.flag, verdict.work, verdict.assignees),
        text: line.text,
      });
    }
  }
  const precision = tp + fp === 0 ? NaN : tp / (tp + fp);
  const recall = tp + fn === 0 ? NaN : tp / (tp + fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const total = lines.length;
  return {
    precision,
    recall,
    f1,
    chatterFpRate: chatter === 0 ? NaN : chatterFlagged / chatter,
    kindAccuracy: kindOk / total,
    workAccuracy: workOk / total,
    assigneeAccuracy: assigneesOk / total,
    counts: { total, flagPositives: tp + fn, chatter, tp, fp, fn },
    misses,
  };
}
