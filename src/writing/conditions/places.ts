/**
 * Where a condition block was written, for the messages of checks made when the policy is written (they
 * have the database, but no longer the YAML): blocks read from a file are noted with a way to find the line
 * of any of their parts. Kept beside the blocks (a WeakMap), so templates compare and print as before.
 */
import type { ConditionBlock } from './types.js';

type LineOf = (path: string[]) => number | undefined;

const places = new WeakMap<object, LineOf>();

/** Notes that `block` was read where `locate` finds its parts (`file:line` strings, or names without a line). */
export function notePlace(block: ConditionBlock, locate: (path: string[]) => string): void {
  places.set(block, (path) => {
    const m = /:(\d+)$/.exec(locate(path));
    return m ? Number(m[1]) : undefined;
  });
}

/** Was the block read from a file (and checked there)? */
export function hasPlace(block: ConditionBlock): boolean {
  return places.has(block);
}

/** ` (line 9)` for the part of `block` at `path` (operator, key), or '' when it was not read from a file. */
export function lineNote(block: ConditionBlock, ...path: string[]): string {
  const line = places.get(block)?.(path);
  return line === undefined ? '' : ` (line ${line})`;
}
