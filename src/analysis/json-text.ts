/**
 * Reading JSON that users hand us (policies, authorization details), with errors that point at a line and
 * column. JSON.parse does the work; only when it fails do we scan the text ourselves, because V8's messages
 * do not always carry a position ("Unexpected token 'x', ... is not valid JSON").
 */

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
  /** Deepest nesting of arrays and objects accepted. Default 64: policies nest 5 or 6 levels. */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 64;

/** Parses `text` (a leading BOM is ignored). Throws JsonTextError naming the line and column of the fault. */
export function parseJsonText(text: string, limits: JsonLimits = {}): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Checked on the text, before parsing: millions of nested brackets would cost seconds and gigabytes to
  // build as objects only to be refused.
  const tooDeep = offsetPastDepth(body, maxDepth);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(body, tooDeep);
    throw new JsonTextError(
      `nested deeper than ${maxDepth} levels (line ${line}, column ${column}); not a policy`,
      line,
      column,
    );
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const fault = locateJsonError(body);
    if (!fault) throw new JsonTextError(`invalid JSON: ${(e as Error).message}`);
    const { line, column } = lineAndColumn(body, fault.offset);
    throw new JsonTextError(`invalid JSON at line ${line}, column ${column}: ${fault.message}`, line, column);
  }
}

/** Offset of the first bracket that nests deeper than `limit` (brackets inside strings do not count). */
function offsetPastDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
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
