/**
 * Condition blocks put together (the template's, an access level's, a group's: each action gets all that
 * apply to it), compared, and cut down (a key an action does not support, with `split`).
 */
import { UserError } from '../../util/errors.js';
import { shown } from '../../querying/printable.js';
import { lineNote } from './places.js';
import type { ConditionBlock } from './types.js';

/** Values as a block holds them once read: text, or a list of text. */
type Values = string | string[];
type Block = Record<string, Record<string, Values>>;

/** A block and the template key path it was written at. */
export interface PlacedBlock {
  block: ConditionBlock;
  where: string;
}

/** A merged block, with where each (operator, key) was asked for. */
export interface MergedCondition {
  block: ConditionBlock;
  /** `operator\0lower-case key` -> where it was written (with its line, when read from a file). */
  origin: Map<string, string>;
}

const entryKey = (operator: string, key: string): string => `${operator}\u0000${key.toLowerCase()}`;

/**
 * The blocks as one (operators in the order first seen, keys in the order written); undefined when there
 * are none. The same key under the same operator in two blocks is an error: IAM cannot hold both in one
 * statement, and keeping either would drop the other.
 */
export function mergeBlocks(parts: readonly PlacedBlock[]): MergedCondition | undefined {
  if (parts.length === 0) return undefined;
  const out: Block = {};
  const origin = new Map<string, string>();
  for (const { block, where } of parts) {
    for (const [operator, keys] of Object.entries(block as Block)) {
      const target = (out[operator] ??= {});
      for (const [key, values] of Object.entries(keys)) {
        const id = entryKey(operator, key);
        const before = origin.get(id);
        const here = `${where}${lineNote(block, operator, key)}`;
        if (before !== undefined) {
          throw new UserError(
            `${here}: condition key '${shown(key)}' under ${operator} is also given in '${before}', and both ` +
              'would apply to the same actions; one statement holds a key once per operator: give it in one place',
          );
        }
        origin.set(id, here);
        target[key] = Array.isArray(values) ? [...(values as string[])] : values;
      }
    }
  }
  return { block: out as ConditionBlock, origin };
}

/** The block without the keys (lower case) in `drop`; undefined when nothing is left. */
export function withoutKeys(block: ConditionBlock, drop: ReadonlySet<string>): ConditionBlock | undefined {
  const out: Block = {};
  for (const [operator, keys] of Object.entries(block as Block)) {
    const kept = Object.entries(keys).filter(([k]) => !drop.has(k.toLowerCase()));
    if (kept.length > 0) out[operator] = Object.fromEntries(kept);
  }
  return Object.keys(out).length > 0 ? (out as ConditionBlock) : undefined;
}

/** The keys of a block, in the order written, each once (lower case -> as written). */
export function blockKeys(block: ConditionBlock): Map<string, string> {
  const out = new Map<string, string>();
  for (const keys of Object.values(block as Block))
    for (const k of Object.keys(keys)) if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), k);
  return out;
}

/** One text per meaning: operators and keys sorted, values as written. `''` for no condition. */
export function canonicalCondition(block: ConditionBlock | undefined): string {
  if (block === undefined) return '';
  const operators = Object.keys(block).sort();
  return JSON.stringify(
    operators.map((op) => {
      const keys = (block as Block)[op];
      return [
        op,
        Object.keys(keys)
          .sort()
          .map((k) => [k, keys[k]]),
      ];
    }),
  );
}

/**
 * The Sid suffix of a conditioned statement whose `{Service}{AccessLevel}{ResourceType}` is shared with
 * statements of other conditions: `If` and eight hex digits of a hash (32-bit FNV-1a) of its condition. It
 * depends on the condition alone, so it stays when the template's entries move or others are added.
 */
export function sidSuffix(block: ConditionBlock): string {
  const text = canonicalCondition(block);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `If${hash.toString(16).padStart(8, '0')}`;
}
