/**
 * A parsed document that remembers where each value stands in its file, whatever the format (JSON, YAML, a
 * JSON string inside JSON): lint reports JSON paths, and this turns them into lines and columns. Offsets are
 * character offsets (UTF-16 code units, as SARIF counts columns) into the file's text.
 */
import { parseTree, type Node as JsoncNode } from 'jsonc-parser';
import type { JsonPath } from '../types.js';

export type Scalar = string | number | boolean | null;

export interface ObjectNode {
  kind: 'object';
  offset: number;
  members: Member[];
}
export interface Member {
  key: string;
  /** Where the key stands: findings about an element point at its name. */
  keyOffset: number;
  value: SourceNode;
}
export interface ArrayNode {
  kind: 'array';
  offset: number;
  items: SourceNode[];
}
export interface ScalarNode {
  kind: 'scalar';
  offset: number;
  value: Scalar;
  /** Length of the literal in the file, quotes included, when it is written as JSON there (not inside a string). */
  length?: number;
}
export type SourceNode = ObjectNode | ArrayNode | ScalarNode;

/** The member named `key` (the last one when a key repeats, as JSON.parse keeps the last). */
export function member(node: ObjectNode, key: string): Member | undefined {
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i].key === key) return node.members[i];
  return undefined;
}

/** The node's value as plain JSON data. */
export function toValue(node: SourceNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(toValue);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) {
        // As JSON.parse does: a key named __proto__ is an own property, not the object's prototype.
        if (m.key === '__proto__') {
          Object.defineProperty(out, m.key, {
            value: toValue(m.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else out[m.key] = toValue(m.value);
      }
      return out;
    }
  }
}

/**
 * The offset `path` points at: the key of an object member, the start of a list item. A path that leaves
 * the tree (an element the document lacks, which is what a "missing" finding is about) stops at the
 * deepest node it reached.
 */
export function offsetOf(root: SourceNode, path: JsonPath): number {
  let node = root;
  let at = root.offset;
  for (const step of path) {
    if (node.kind === 'object' && typeof step === 'string') {
      const m = member(node, step);
      if (!m) break;
      at = m.keyOffset;
      node = m.value;
    } else if (node.kind === 'array' && typeof step === 'number' && step >= 0 && step < node.items.length) {
      node = node.items[step];
      at = node.offset;
    } else break;
  }
  return at;
}

/** The node at `path`, if there is one. */
export function nodeAt(root: SourceNode, path: JsonPath): SourceNode | undefined {
  let node: SourceNode | undefined = root;
  for (const step of path) {
    if (node?.kind === 'object' && typeof step === 'string') node = member(node, step)?.value;
    else if (node?.kind === 'array' && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  return node;
}

/**
 * The tree of a JSON text that JSON.parse has already accepted (so no error handling here). `mapOffset`
 * turns offsets in `text` into offsets in the file, for JSON held in a string of another document.
 */
export function jsonSourceTree(text: string, mapOffset?: (offset: number) => number): SourceNode {
  const root = parseTree(text, undefined, { disallowComments: true });
  const map = mapOffset ?? ((o: number) => o);
  if (!root) return { kind: 'scalar', offset: map(0), value: null };
  return fromJsonc(root, map, mapOffset === undefined);
}

function fromJsonc(n: JsoncNode, map: (offset: number) => number, exact: boolean): SourceNode {
  const offset = map(n.offset);
  if (n.type === 'object') {
    const members: Member[] = [];
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      members.push({ key: String(k.value), keyOffset: map(k.offset), value: fromJsonc(v, map, exact) });
    }
    return { kind: 'object', offset, members };
  }
  if (n.type === 'array') {
    return { kind: 'array', offset, items: (n.children ?? []).map((c) => fromJsonc(c, map, exact)) };
  }
  const node: ScalarNode = { kind: 'scalar', offset, value: (n.value ?? null) as Scalar };
  if (exact) node.length = n.length;
  return node;
}
