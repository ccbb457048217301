/**
 * Deterministic mutations of Slack payloads for a signed fuzz: a seeded generator, so a failing
 * case can be replayed from its seed and index, and mutations that put wrong types, nulls, deep
 * nesting and very large values anywhere in a payload.
 */

import { seededRandom } from '../../scripts/seeded-random';

export { seededRandom };

export class Picker {
  constructor(readonly random: () => number) {}

  int(maxExclusive: number): number {
    return Math.floor(this.random() * maxExclusive);
  }

  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }
}

/**
 * A stand-in for arrays and objects nested `depth` levels deep. JSON.stringify recurses and would
 * overflow the test's own stack, so the nesting is written as text by {@link toJson}.
 */
export function deeplyNested(depth: number): string {
  return `__nested_${depth}__`;
}

function nestedJson(depth: number): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    open.push(i % 2 === 0 ? '[' : '{"nested":');
    close.unshift(i % 2 === 0 ? ']' : '}');
  }
  return `${open.join('')}"bottom"${close.join('')}`;
}

/** JSON.stringify, with every {@link deeplyNested} stand-in written out as the nesting it stands for. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"__nested_(\d+)__"/g, (_match, depth: string) => nestedJson(Number(depth)));
}

export const ONE_MEGABYTE = 1024 * 1024;

/** Values of the wrong type (or shape) for any field, with a label saying what was put there. */
export function oddValue(pick: Picker): { label: string; value: unknown } {
  return pick.one<() => { label: string; value: unknown }>([
    () => ({ label: 'null', value: null }),
    () => ({ label: 'a number', value: 12345 }),
    () => ({ label: 'a negative float', value: -1.5 }),
    () => ({ label: 'true', value: true }),
    () => ({ label: 'false', value: false }),
    () => ({ label: 'an empty array', value: [] }),
    () => ({ label: 'an array of nulls', value: [null, null] }),
    () => ({ label: 'an empty object', value: {} }),
    () => ({ label: 'an empty string', value: '' }),
    () => ({ label: 'a string', value: 'not what was expected' }),
    () => ({ label: 'a __proto__ object', value: JSON.parse('{"__proto__":{"polluted":true},"id":"U1"}') }),
    () => ({ label: 'nesting 50 deep', value: deeplyNested(50) }),
    () => ({ label: 'nesting 5000 deep', value: deeplyNested(5000) }),
  ])();
}

/** Every path to a value in `value` (objects and arrays), shallowest first. */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      if (path.length < 6) pathsOf(child, path, out);
    }
  }
  return out;
}

export function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

export function deleteAt(root: Record<string, unknown>, path: (string | number)[]): void {
  let node: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (Array.isArray(node)) node.splice(Number(path[path.length - 1]), 1);
  else delete node[path[path.length - 1]];
}
