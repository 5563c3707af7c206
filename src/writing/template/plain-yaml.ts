/**
 * A fast reading of the plain shape that almost every template has: top-level `key: value` lines, block
 * lists of `- value` entries, mappings nested by indentation, comments, and values that are plain words,
 * '...' or "..." strings, or `[]`. For such text this gives exactly the data the YAML library's
 * `parseDocument(text).toJS()` gives, at a small fraction of its cost (the library builds a full syntax
 * tree with positions for every document; writing many policies is mostly that).
 *
 * It is a recognizer, not a YAML parser: whatever falls outside the shape, or could mean something other
 * than a string (`true`, `null`, `1e3`, `~`, tags, anchors, aliases, merge keys, flow collections other
 * than `[]`, multi-line or escaped strings, non-ASCII text, tabs, duplicate keys, unusual indentation...),
 * returns undefined and is left to the YAML library, which also reports every error with its line.
 * test/writing/plain-yaml.test.ts checks it against the library on generated documents.
 */
import { INPUT_LIMITS } from '../../util/limits.js';

/** The data of a plain template: strings, null, lists of them and mappings of all these. */
export type PlainValue = string | null | PlainValue[] | { [key: string]: PlainValue };

/** Plain words YAML 1.2 (the core schema) reads as null or a boolean rather than a string. */
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** `key:` then nothing, a comment, or a value after a space. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

/**
 * A plain (unquoted) word that YAML reads as this very string: begins with a letter (so not a number, not
 * an indicator such as `*`, `&`, `!`, `-`, `?`), holds no `#` (a comment, or one after a space) and no
 * `: ` (a nested mapping), and does not end with `:`.
 */
const PLAIN = /^[A-Za-z_$/][^#]*$/;

/** Lines nested deeper than this are left to the library (templates use three levels). */
const MAX_NESTING = 16;

/** Thrown inside the reader when the text leaves the plain shape; never escapes it. */
const NOT_PLAIN = Symbol('not plain');

interface Line {
  indent: number;
  /** The line after its indentation, without trailing spaces; never empty, never a comment. */
  text: string;
}

/**
 * The data of a template in the plain shape (a mapping at the top), as the YAML library would read it;
 * undefined for anything else, which then goes to the library.
 */
export function readPlainYaml(text: string): Record<string, PlainValue> | undefined {
  if (text.includes('\r')) {
    if (/\r(?!\n)/.test(text)) return undefined;
    text = text.replace(/\r\n/g, '\n');
  }
  // Printable ASCII and line breaks only: no tabs, control characters, byte-order marks or other text
  // whose reading differs between YAML versions or that the library refuses.
  if (/[^\x20-\x7e\n]/.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.trimEnd();
    const content = body.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    lines.push({ indent: body.length - content.length, text: content });
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const data = reader.mapping(0, 0);
    return reader.atEnd() ? data : undefined;
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}

class Reader {
  private i = 0;

  constructor(private readonly lines: Line[]) {}

  atEnd(): boolean {
    return this.i === this.lines.length;
  }

  /** The entries of a block mapping whose keys are at `indent`. */
  mapping(indent: number, depth: number): Record<string, PlainValue> {
    if (depth > MAX_NESTING) throw NOT_PLAIN;
    const out: Record<string, PlainValue> = {};
    let count = 0;
    for (let line = this.lines[this.i]; line !== undefined && line.indent === indent;) {
      const m = KEY_LINE.exec(line.text);
      if (m === null) throw NOT_PLAIN;
      const key = m[1];
      if (NOT_STRINGS.has(key) || key === '__proto__' || Object.hasOwn(out, key)) throw NOT_PLAIN;
      if (++count > INPUT_LIMITS.maxItems) throw NOT_PLAIN;
      const rest = m[2] ?? '';
      this.i++;
      const next = this.lines[this.i];
      if (rest === '' || rest.startsWith('#')) {
        // A list (which may sit at the key's own indentation), a nested mapping, or nothing: null.
        if (next !== undefined && next.indent >= indent && isEntry(next.text)) {
          out[key] = this.list(next.indent);
        } else if (next !== undefined && next.indent > indent) {
          out[key] = this.mapping(next.indent, depth + 1);
        } else {
          out[key] = null;
        }
      } else {
        out[key] = rest === '[]' || rest.startsWith('[] #') ? [] : scalar(rest);
        if (next !== undefined && next.indent > indent) throw NOT_PLAIN; // a continued value
      }
      line = this.lines[this.i];
    }
    return out;
  }

  /** The entries of a block list whose dashes are at `indent`; each a plain value or empty (null). */
  list(indent: number): PlainValue[] {
    const out: PlainValue[] = [];
    for (let line = this.lines[this.i]; line !== undefined && line.indent === indent;) {
      if (!isEntry(line.text)) break;
      const rest = line.text.slice(1).trimStart();
      out.push(rest === '' || rest.startsWith('#') ? null : scalar(rest));
      if (out.length > INPUT_LIMITS.maxItems) throw NOT_PLAIN;
      this.i++;
      line = this.lines[this.i];
      // Anything indented under an entry (a nested list or mapping, a continued value) is not plain.
      if (line !== undefined && line.indent > indent) throw NOT_PLAIN;
    }
    return out;
  }
}

/** `-` alone or `- ...`: a list entry (`-x` is a word). */
function isEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** A value on one line: '...' (with '' for a quote), "..." without escapes, or a plain word. */
function scalar(text: string): string {
  const quote = text[0];
  if (quote === "'") {
    let end = 1;
    for (;;) {
      end = text.indexOf("'", end);
      if (end < 0) throw NOT_PLAIN; // continues on the next line
      if (text[end + 1] !== "'") break;
      end += 2;
    }
    afterQuoted(text.slice(end + 1));
    return text.slice(1, end).replaceAll("''", "'");
  }
  if (quote === '"') {
    const end = text.indexOf('"', 1);
    if (end < 0) throw NOT_PLAIN;
    const inner = text.slice(1, end);
    if (inner.includes('\\')) throw NOT_PLAIN;
    afterQuoted(text.slice(end + 1));
    return inner;
  }
  const hash = text.indexOf(' #');
  const word = hash < 0 ? text : text.slice(0, hash).trimEnd();
  if (!PLAIN.test(word) || word.includes(': ') || word.endsWith(':') || NOT_STRINGS.has(word)) {
    throw NOT_PLAIN;
  }
  return word;
}

/** After a closing quote: nothing, or a comment after a space. */
function afterQuoted(rest: string): void {
  if (rest !== '' && !/^ +#/.test(rest)) throw NOT_PLAIN;
}
