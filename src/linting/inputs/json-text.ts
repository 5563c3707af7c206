/**
 * Strict JSON with positions: a whole file, or a policy held as JSON text in a string of another document
 * (Terraform plans, authorization details, a CloudFormation PolicyDocument written as a string). For the
 * latter, positions inside the policy are mapped through the string's escapes to the file, so a finding
 * points at its element within the string's line.
 */
import { JsonTextError, parseJsonText } from '../../analysis/json-text.js';
import { INPUT_LIMITS } from '../../util/limits.js';
import { jsonSourceTree, type ScalarNode, type SourceNode } from './source-tree.js';

export interface JsonSyntaxError {
  message: string;
  /** Offset of the fault in the file. */
  offset: number;
}

export type ParsedJson =
  | { value: unknown; error?: undefined; duplicateKeys: boolean }
  | { error: JsonSyntaxError; value?: undefined; duplicateKeys?: undefined };

/**
 * JSON.parse with the input limits; the error names the first fault and where it is. `duplicateKeys` says
 * whether some object names a key twice (JSON.parse keeps the last; see duplicateKeysIn for where).
 */
export function parseStrictJson(text: string, mapOffset: (offset: number) => number = (o) => o): ParsedJson {
  // One pass over the text before parsing: nesting past the limit would cost seconds and gigabytes to build,
  // and the count of keys written, against the count parsed, tells whether a key repeats.
  const scan = scanJson(text, INPUT_LIMITS.maxDepth);
  if (scan.tooDeepAt !== undefined) {
    const message = `nested deeper than ${INPUT_LIMITS.maxDepth} levels; not a policy`;
    return { error: { message, offset: mapOffset(scan.tooDeepAt) } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: positionedError(text, mapOffset) };
  }
  return { value, duplicateKeys: countKeys(value) !== scan.keys };
}

/** The first fault of a text JSON.parse refused, with where it is (the slow path: errors only). */
function positionedError(text: string, mapOffset: (offset: number) => number): JsonSyntaxError {
  try {
    parseJsonText(text, { maxDepth: INPUT_LIMITS.maxDepth });
  } catch (e) {
    if (!(e instanceof JsonTextError)) throw e;
    // The message repeats the position the finding carries anyway.
    const message = e.message.replace(/^invalid JSON at line \d+, column \d+: /, 'invalid JSON: ');
    const offset = e.line === undefined ? 0 : offsetOfLine(text, e.line, e.column ?? 1);
    return { message, offset: mapOffset(offset) };
  }
  return { message: 'invalid JSON', offset: mapOffset(0) };
}

// A whole string (with a `:` after it when it is a key), or a bracket. Strings are consumed whole, so a
// bracket or quote inside one is never mistaken for structure.
const TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?|[[\]{}]/g;

/** JavaScript's `\s`, as TOKEN reads it. */
function isRegexSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/**
 * How many keys the text writes, and where it first nests deeper than `limit`. The same as the TOKEN scan,
 * by characters (no match objects per token); a string TOKEN would not take whole (unterminated, or an
 * escaped line end) goes to the TOKEN scan, which alone defines what happens then.
 */
function scanJson(text: string, limit: number): { keys: number; tooDeepAt?: number } {
  const n = text.length;
  let depth = 0;
  let keys = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      for (;;) {
        if (j >= n) return scanJsonTokens(text, limit);
        const d = text.charCodeAt(j);
        if (d === 34) break;
        if (d === 92) {
          if (j + 1 >= n || isLineEnd(text.charCodeAt(j + 1))) return scanJsonTokens(text, limit);
          j += 2;
        } else j++;
      }
      i = j;
      let k = j + 1;
      while (k < n && isRegexSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 58) keys++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return { keys, tooDeepAt: i };
    } else if (c === 93 || c === 125) depth--;
  }
  return { keys };
}

function scanJsonTokens(text: string, limit: number): { keys: number; tooDeepAt?: number } {
  TOKEN.lastIndex = 0;
  let depth = 0;
  let keys = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c === 34) {
      if (m[1] !== undefined) keys++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return { keys, tooDeepAt: m.index };
    } else depth--;
  }
  return { keys };
}

/** How many keys the parsed value holds (iteratively: no recursion on user data). */
function countKeys(value: unknown): number {
  let n = 0;
  const pending = [value];
  while (pending.length) {
    const v = pending.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const x of v) pending.push(x);
    else {
      for (const k in v) {
        n++;
        pending.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return n;
}

/** Every repeated key of the tree: the second and later occurrences, where they stand. */
export function duplicateKeysIn(tree: SourceNode): { key: string; offset: number }[] {
  const out: { key: string; offset: number }[] = [];
  const pending = [tree];
  while (pending.length) {
    const n = pending.pop() as SourceNode;
    if (n.kind === 'array') pending.push(...n.items);
    else if (n.kind === 'object') {
      const seen = new Set<string>();
      for (const m of n.members) {
        if (seen.has(m.key)) out.push({ key: m.key, offset: m.keyOffset });
        seen.add(m.key);
        pending.push(m.value);
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function offsetOfLine(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) break;
    at = nl + 1;
  }
  return at + column - 1;
}

export interface EmbeddedJson {
  value?: unknown;
  tree?: SourceNode;
  error?: JsonSyntaxError;
  /** Where keys repeat inside the string (positions in the file). */
  duplicates?: { key: string; offset: number }[];
}

/**
 * The JSON held in string `node` of `fileText`. When the string is a JSON literal in the file (its
 * `length` known), offsets inside map to their characters in the literal; otherwise (YAML, URL-encoded
 * text) every position is the string's own.
 */
export function parseEmbeddedJson(fileText: string, node: ScalarNode, text: string): EmbeddedJson {
  const map =
    node.length === undefined ? () => node.offset : literalOffsets(fileText, node.offset, node.length);
  const parsed = parseStrictJson(text, map);
  if (parsed.error) return { error: parsed.error };
  const tree = jsonSourceTree(text, map);
  return { value: parsed.value, tree, ...(parsed.duplicateKeys && { duplicates: duplicateKeysIn(tree) }) };
}

/**
 * For a JSON string literal at `offset` (its opening quote) of `length` characters: the file offset of
 * each character of its decoded value (one past the last for the end).
 */
function literalOffsets(fileText: string, offset: number, length: number): (i: number) => number {
  const at: number[] = [];
  const end = offset + length - 1; // the closing quote
  for (let i = offset + 1; i < end;) {
    at.push(i);
    if (fileText.charCodeAt(i) !== 92) i++;
    else i += fileText[i + 1] === 'u' ? 6 : 2;
  }
  at.push(end);
  return (i) => at[Math.min(Math.max(i, 0), at.length - 1)];
}
