/**
 * Can a Resource pattern with wildcards name some resource of an ARN format? Both sides are patterns: the
 * user's (`*`, `?`, placeholders read as `*`) and the format's (`${...}` placeholders), so the question is
 * whether two patterns share a string. That is decided on the product of the two patterns' positions, in
 * time proportional to the product of their lengths.
 *
 * A format's placeholder may stand for a path (object keys, parameter and log group names hold `/`), except
 * in the formats of S3 buckets and DynamoDB tables, whose names cannot (as in querying/arn-match.ts): so that
 * `arn:aws:s3:::my-bucket/*` names objects, not buckets.
 */

/** One position of a pattern: a character, or a wildcard for one (`one`) or any number (`star`) of them. */
export type Token =
  { kind: 'lit'; ch: string } | { kind: 'one'; slash: boolean } | { kind: 'star'; slash: boolean };

/** Formats whose placeholder is a single name, without `/`. */
const SINGLE_NAME_FORMATS = new Set(['${BucketName}', 'table/${TableName}']);

/** Tokens of a user's resource string (after `${...}` were read as `*`). Wildcards may match `/`. */
export function userPattern(resource: string): Token[] {
  const out: Token[] = [];
  for (const ch of resource.toLowerCase()) {
    if (ch === '*') {
      if (out.at(-1)?.kind !== 'star') out.push({ kind: 'star', slash: true });
    } else if (ch === '?') out.push({ kind: 'one', slash: true });
    else out.push({ kind: 'lit', ch });
  }
  return out;
}

/** Tokens of a database format's resource string (`role/${RoleNameWithPath}`). */
export function formatPattern(resource: string): Token[] {
  const out: Token[] = [];
  const re = /\$\{[^}]*\}/g;
  let last = 0;
  const slash = !SINGLE_NAME_FORMATS.has(resource);
  for (let m = re.exec(resource); m; m = re.exec(resource)) {
    pushLiteral(out, resource.slice(last, m.index));
    out.push({ kind: 'one', slash }, { kind: 'star', slash });
    last = m.index + m[0].length;
  }
  pushLiteral(out, resource.slice(last));
  return out;
}

function pushLiteral(out: Token[], text: string): void {
  for (const ch of text.toLowerCase()) {
    out.push(ch === '*' ? { kind: 'star', slash: true } : { kind: 'lit', ch });
  }
}

/** Could one character satisfy both tokens? */
function compatible(a: Token, b: Token): boolean {
  if (a.kind === 'lit') return b.kind === 'lit' ? a.ch === b.ch : b.slash || a.ch !== '/';
  if (b.kind === 'lit') return a.slash || b.ch !== '/';
  return true;
}

/** Scratch space for patternsOverlap, reused across calls: a generation stamp per state, and a stack. */
let stamps = new Uint32Array(1024);
let generation = 0;
let stack = new Int32Array(1024);

/** Do the literal characters both patterns start (or end) with agree, up to the first wildcard of either? */
function endsAgree(a: readonly Token[], b: readonly Token[], fromEnd: boolean): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const ta = a[fromEnd ? a.length - 1 - k : k];
    const tb = b[fromEnd ? b.length - 1 - k : k];
    if (ta.kind !== 'lit' || tb.kind !== 'lit') return true;
    if (ta.ch !== tb.ch) return false;
  }
  return true;
}

/** Is there a string both patterns match? (Letters are compared without regard to case.) */
export function patternsOverlap(a: readonly Token[], b: readonly Token[]): boolean {
  if (!endsAgree(a, b, false) || !endsAgree(a, b, true)) return false;
  const n = a.length;
  const m = b.length;
  const states = (n + 1) * (m + 1);
  if (stamps.length < states) stamps = new Uint32Array(2 * states);
  if (stack.length < states) stack = new Int32Array(2 * states);
  if (++generation === 0xffffffff) {
    stamps.fill(0);
    generation = 1;
  }
  const gen = generation;
  let top = 0;
  const visit = (i: number, j: number) => {
    const k = i * (m + 1) + j;
    if (stamps[k] !== gen) {
      stamps[k] = gen;
      stack[top++] = k;
    }
  };
  visit(0, 0);
  while (top > 0) {
    const k = stack[--top];
    const i = Math.floor(k / (m + 1));
    const j = k % (m + 1);
    if (i === n && j === m) return true;
    const ta = a[i];
    const tb = b[j];
    // A star may end here and match nothing more.
    if (ta?.kind === 'star') visit(i + 1, j);
    if (tb?.kind === 'star') visit(i, j + 1);
    // Or both sides take the same next character.
    if (ta && tb && compatible(ta, tb)) visit(ta.kind === 'star' ? i : i + 1, tb.kind === 'star' ? j : j + 1);
  }
  return false;
}
