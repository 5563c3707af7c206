/** Small helpers for looking at parsed JSON and naming places in it, shared by the lint checks. */
import type { JsonPath } from './types.js';

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** 'a list', 'an object', 'null', 'a number'...: what a value is, for "found ..." in messages. */
export function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number'
    ? `the number ${v}`
    : typeof v === 'boolean'
      ? `the boolean ${v}`
      : `a ${typeof v}`;
}

/** `Statement[0].Action[2]`; `the policy` for the root. Keys that are not identifiers are quoted. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return 'the policy';
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** A list of names as `'a', 'b' or 'c'`. */
export function quotedList(names: readonly string[], last = 'or'): string {
  const q = names.map((n) => `'${n}'`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${last} ${q.at(-1)}` : (q[0] ?? '');
}

/** The values of a string-or-list element as [value, path] pairs (strings only). */
export function stringsOf(value: unknown, path: JsonPath): [string, JsonPath][] {
  if (typeof value === 'string') return [[value, path]];
  if (!Array.isArray(value)) return [];
  const out: [string, JsonPath][] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push([v, [...path, i]]);
  });
  return out;
}
