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
  const map = mapOffset ?? ((o: number) => o);
  return fastJsonTree(text, map, mapOffset === undefined) ?? jsoncSourceTree(text, mapOffset);
}

/** jsonSourceTree through jsonc-parser: the reference the direct scan must agree with (see its test). */
export function jsoncSourceTree(text: string, mapOffset?: (offset: number) => number): SourceNode {
  const map = mapOffset ?? ((o: number) => o);
  const root = parseTree(text, undefined, { disallowComments: true });
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

/** Characters jsonc-parser skips between tokens (JSON's four, plus the Unicode spaces and the BOM). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

class Unexpected extends Error {}

/**
 * The same tree as through jsonc-parser, built by one direct scan (jsonc-parser's visitor costs several
 * times more, and a tree is built for every document with a finding). Undefined for anything it does not
 * expect, which then goes to jsonc-parser.
 */
function fastJsonTree(text: string, map: (offset: number) => number, exact: boolean): SourceNode | undefined {
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const str = (): string => {
    const start = i;
    let escaped = false;
    i++;
    for (;;) {
      if (i >= n) throw new Unexpected();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        i += 2;
      } else i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const value = (depth: number): SourceNode => {
    if (depth > 512) throw new Unexpected();
    skip();
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i++;
      const members: Member[] = [];
      skip();
      if (text.charCodeAt(i) === 0x7d) i++;
      else
        for (;;) {
          skip();
          if (text.charCodeAt(i) !== 0x22) throw new Unexpected();
          const keyOffset = i;
          const key = str();
          skip();
          if (text.charCodeAt(i) !== 0x3a) throw new Unexpected();
          i++;
          members.push({ key, keyOffset: map(keyOffset), value: value(depth + 1) });
          skip();
          const d = text.charCodeAt(i++);
          if (d === 0x7d) break;
          if (d !== 0x2c) throw new Unexpected();
        }
      return { kind: 'object', offset: map(start), members };
    }
    if (c === 0x5b) {
      i++;
      const items: SourceNode[] = [];
      skip();
      if (text.charCodeAt(i) === 0x5d) i++;
      else
        for (;;) {
          items.push(value(depth + 1));
          skip();
          const d = text.charCodeAt(i++);
          if (d === 0x5d) break;
          if (d !== 0x2c) throw new Unexpected();
        }
      return { kind: 'array', offset: map(start), items };
    }
    let v: Scalar;
    if (c === 0x22) v = str();
    else if (text.startsWith('true', i)) {
      v = true;
      i += 4;
    } else if (text.startsWith('false', i)) {
      v = false;
      i += 5;
    } else if (text.startsWith('null', i)) {
      v = null;
      i += 4;
    } else {
      while (i < n && /[-+.0-9eE]/.test(text[i])) i++;
      if (i === start) throw new Unexpected();
      v = Number(text.slice(start, i));
      if (Number.isNaN(v)) throw new Unexpected();
    }
    const node: ScalarNode = { kind: 'scalar', offset: map(start), value: v };
    if (exact) node.length = i - start;
    return node;
  };
  try {
    const root = value(0);
    skip();
    return i === n ? root : undefined;
  } catch (e) {
    if (e instanceof Unexpected || e instanceof SyntaxError) return undefined;
    throw e;
  }
}
