/**
 * A long statement (ReadOnlyAccess lists thousands of actions) shown whole in every finding would make a
 * report of AWS managed policies hundreds of megabytes and bury the one line that matters. So a statement
 * longer than a limit is shown as an excerpt: every line but the strings of long lists, the lines that hold
 * a granting pattern with a little context, and a count of the lines left out.
 */

// Bidirectional marks and overrides survive JSON.stringify; they only occur inside JSON strings there.
const BIDI = /[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** A JSON value as indented text (not yet HTML-escaped), with bidirectional controls written as \u escapes. */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2) ?? 'null';
  return json.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Findings of one policy share its statements: each is turned into lines once.
const LINES = new WeakMap<object, string[]>();

function linesOf(statement: unknown): string[] {
  if (typeof statement !== 'object' || statement === null) return jsonText(statement).split('\n');
  let lines = LINES.get(statement);
  if (!lines) {
    lines = jsonText(statement).split('\n');
    LINES.set(statement, lines);
  }
  return lines;
}

export interface StatementExcerptOptions {
  /** Statements of at most this many lines are shown whole. Default 40. */
  maxLines?: number;
  /** Lines kept before and after each line holding a pattern. Default 2. */
  context?: number;
}

/** A kept line of JSON, or a run of `omitted` lines left out (`indent`: the first one's indentation). */
export type ExcerptPart = { line: string } | { omitted: number; indent: string };

/** The JSON strings a statement's text holds for the patterns (`NotAction x` is the string "x"). */
export function patternNeedles(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map((p) => JSON.stringify(p.replace(/^NotAction /, ''))))]
    .filter((n) => n.length > 2)
    .sort((a, b) => b.length - a.length);
}

/** A line of indented JSON that is only a string in a list: `    "s3:GetObject",`. */
const LIST_STRING = /^\s*"(?:[^"\\]|\\.)*",?$/;

export function statementExcerpt(
  statement: unknown,
  patterns: readonly string[],
  options: StatementExcerptOptions = {},
): ExcerptPart[] {
  const lines = linesOf(statement);
  const maxLines = options.maxLines ?? 40;
  if (lines.length <= maxLines) return lines.map((line) => ({ line }));
  const context = options.context ?? 2;
  const needles = patternNeedles(patterns);
  const keep = new Uint8Array(lines.length);
  lines.forEach((line, i) => {
    // Only the strings of lists (actions, resources, condition values) are left out: every key, brace
    // and scalar value stays, so Effect, Resource and every Condition are always shown.
    if (!LIST_STRING.test(line)) keep[i] = 1;
    if (needles.some((n) => line.includes(n))) {
      for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = 1;
    }
  });
  const parts: ExcerptPart[] = [];
  let omitted = 0;
  let indent = '';
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (omitted) parts.push({ omitted, indent });
      omitted = 0;
      parts.push({ line });
    } else if (omitted++ === 0) indent = /^\s*/.exec(line)?.[0] ?? '';
  });
  if (omitted) parts.push({ omitted, indent });
  return parts;
}
