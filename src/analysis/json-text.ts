/**
 * Reading JSON that users hand us (policies, authorization details), with errors that point at a line and
 * column. JSON.parse does the work; only when it fails do we scan the text ourselves, because V8's messages
 * do not always carry a position ("Unexpected token 'x', ... is not valid JSON").
 *
 * One scan of the text runs before JSON.parse: it refuses nesting past the limit (before building anything)
 * and finds repeated keys in an object, which JSON.parse silently resolves to the last. AWS rejects a policy
 * with a repeated key, and JSON readers disagree on which one counts, so a scanner could be shown one
 * policy and AWS another: a repeated key is an error.
 */
import { INPUT_LIMITS } from '../util/limits.js';
import { escapeUnsafe, quoted } from '../util/printable.js';

export class JsonTextError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'JsonTextError';
  }
}

export interface JsonLimits {
  /** Deepest nesting of arrays and objects accepted. Default INPUT_LIMITS.maxDepth (64): policies nest 5 or 6 levels. */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = INPUT_LIMITS.maxDepth;

/**
 * Parses `text` (a leading BOM is ignored). Throws JsonTextError naming the line and column of the fault:
 * a syntax error, nesting past the limit, or a key repeated in one object.
 */
export function parseJsonText(text: string, limits: JsonLimits = {}): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Checked on the text, before parsing: millions of nested brackets would cost seconds and gigabytes to
  // build as objects only to be refused.
  const scan = scanStructure(body, maxDepth);
  if (scan.tooDeep !== undefined) {
    const { line, column } = lineAndColumn(body, scan.tooDeep);
    throw new JsonTextError(
      `nested deeper than ${maxDepth} levels (line ${line}, column ${column}); not a policy`,
      line,
      column,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const fault = locateJsonError(body);
    if (!fault) throw new JsonTextError(`invalid JSON: ${escapeUnsafe((e as Error).message)}`);
    const { line, column } = lineAndColumn(body, fault.offset);
    throw new JsonTextError(
      `invalid JSON at line ${line}, column ${column}: ${escapeUnsafe(fault.message)}`,
      line,
      column,
    );
  }
  // Reported only for valid JSON: in broken text the scan's idea of what is a key may be wrong.
  if (scan.duplicate) {
    const { key, offset, first } = scan.duplicate;
    const { line, column } = lineAndColumn(body, offset);
    const shown = key.length > 60 ? `${key.slice(0, 60)}...` : key;
    const earlier = lineAndColumn(body, first);
    throw new JsonTextError(
      `duplicate key ${quoted(shown)} at line ${line}, column ${column} (first at line ` +
        `${earlier.line}, column ${earlier.column}); AWS rejects repeated keys, and readers differ on which counts`,
      line,
      column,
    );
  }
  return value;
}

interface Structure {
  /** Offset of the first bracket nested deeper than the limit (the scan stops there). */
  tooDeep?: number;
  /** The first key repeated within one object: its offset, and the offset of its first occurrence. */
  duplicate?: { key: string; offset: number; first: number };
}

/**
 * One pass over the text: nesting depth, and the keys of each object. Brackets and commas inside strings
 * do not count. Meaningful only for valid JSON; on broken text it must merely not fail.
 */
function scanStructure(text: string, limit: number): Structure {
  let depth = 0;
  // Per open bracket: the keys seen so far (key -> offset) for an object, null for an array. A Map is made
  // only when an object has a second key: most objects in a policy have one or a few.
  const stack: (Map<string, number> | string | null)[] = [];
  const firstKeyAt: number[] = [];
  let expectKey = false;
  let duplicate: Structure['duplicate'];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      let escaped = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) {
          escaped = true;
          i++;
        }
      }
      if (!expectKey || duplicate) continue;
      expectKey = false;
      const top = stack.length - 1;
      if (top < 0) continue;
      const raw = text.slice(start + 1, i);
      // An escaped key is compared as JSON reads it: "Eff\u0065ct" repeats "Effect".
      const key = escaped ? decodeKey(raw) : raw;
      const keys = stack[top];
      if (keys === '') {
        // The first key: kept as the string itself, unless it is '' (which stands for no key yet).
        stack[top] = key === '' ? new Map([[key, start]]) : key;
        firstKeyAt[top] = start;
      } else if (typeof keys === 'string') {
        if (keys === key) duplicate = { key, offset: start, first: firstKeyAt[top] };
        else
          stack[top] = new Map([
            [keys, firstKeyAt[top]],
            [key, start],
          ]);
      } else if (keys) {
        const first = keys.get(key);
        if (first !== undefined) duplicate = { key, offset: start, first };
        else keys.set(key, start);
      }
    } else if (c === 123) {
      if (++depth > limit) return { tooDeep: i };
      // '' stands for an object with no key yet (a first key '' goes straight into a Map).
      stack.push('');
      firstKeyAt.push(-1);
      expectKey = true;
    } else if (c === 91) {
      if (++depth > limit) return { tooDeep: i };
      stack.push(null);
      firstKeyAt.push(-1);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      depth--;
      stack.pop();
      firstKeyAt.pop();
      expectKey = false;
    } else if (c === 44) {
      expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    }
  }
  return duplicate ? { duplicate } : {};
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Finds the first syntax error of a text that JSON.parse rejected: a small iterative scanner (no recursion,
 * so deeply nested input cannot overflow the stack). Returns undefined if it finds none.
 */
export function locateJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  // What the scanner expects next.
  let state: 'value' | 'afterValue' | 'key' | 'keyOrEnd' | 'valueOrEnd' | 'colon' = 'value';
  const skipWs = () => {
    while (i < n && WS.has(text[i])) i++;
  };
  const fail = (message: string) => ({ offset: i, message });
  const describe = () => (i >= n ? 'end of input' : `'${text[i]}'`);

  for (;;) {
    skipWs();
    if (state === 'afterValue') {
      const top = stack.at(-1);
      if (!top) {
        if (i < n) return fail(`unexpected ${describe()} after the end of the document`);
        return undefined;
      }
      if (text[i] === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
        continue;
      }
      if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
        i++;
        stack.pop();
        continue;
      }
      return fail(`expected ',' or '${top === '{' ? '}' : ']'}' but found ${describe()}`);
    }
    if (state === 'colon') {
      if (text[i] !== ':') return fail(`expected ':' after a property name but found ${describe()}`);
      i++;
      state = 'value';
      continue;
    }
    if (state === 'key' || state === 'keyOrEnd') {
      if (state === 'keyOrEnd' && text[i] === '}') {
        i++;
        stack.pop();
        state = 'afterValue';
        continue;
      }
      if (text[i] !== '"') {
        const trailing = state === 'key' && text[i] === '}';
        return fail(
          trailing
            ? 'trailing comma before }'
            : `expected a property name in double quotes but found ${describe()}`,
        );
      }
      const err = scanString();
      if (err) return err;
      state = 'colon';
      continue;
    }
    // A value is expected.
    if (i >= n) return fail('unexpected end of input');
    const c = text[i];
    if (state === 'valueOrEnd' && c === ']') {
      i++;
      stack.pop();
      state = 'afterValue';
      continue;
    }
    if (c === '{') {
      stack.push('{');
      i++;
      state = 'keyOrEnd';
      continue;
    }
    if (c === '[') {
      stack.push('[');
      i++;
      state = 'valueOrEnd';
      continue;
    }
    if (c === '"') {
      const err = scanString();
      if (err) return err;
      state = 'afterValue';
      continue;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (literal) {
      i += literal[0].length;
      state = 'afterValue';
      continue;
    }
    if (c === ']' && stack.at(-1) === '[') return fail('trailing comma before ]');
    return fail(`unexpected ${describe()} where a value was expected`);
  }

  function scanString(): { offset: number; message: string } | undefined {
    i++; // opening quote
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 34) {
        i++;
        return undefined;
      }
      if (ch < 32) return fail('control character (such as a line break) inside a string');
      if (ch === 92) {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape in a string');
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) return fail('bad escape in a string');
        i += 2;
        continue;
      }
      i++;
    }
    return fail('unterminated string');
  }
}
