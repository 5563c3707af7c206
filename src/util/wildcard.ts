/**
 * IAM-style wildcards: `*` matches any run of characters (none included), `?` any one character (UTF-16
 * code unit); every other character stands for itself. Matching ignores case by default, as IAM does for
 * action names; ARNs compare with case (`{ caseSensitive: true }`).
 *
 * Patterns come from untrusted files (policies, templates, exclusion lists), so matching never backtracks:
 * the pattern is cut at its `*`s into fixed-length pieces, the first must sit at the start, the last at the
 * end, and each one between is taken at its leftmost place after the previous one. Leftmost is always
 * right for fixed-length pieces, so no earlier choice is ever revisited: O(value x pattern) at worst,
 * about linear in practice.
 */

export interface WildcardOptions {
  /** Compare with case. Default false: `S3:get*` matches `s3:GetObject`. */
  caseSensitive?: boolean;
}

/** A pattern prepared once, to test many values (the expansion of `s3:Get*` tests every s3 action). */
export interface WildcardMatcher {
  /** The pattern as given. */
  readonly pattern: string;
  test(value: string): boolean;
}

const STAR = 42; // '*'
const QUESTION = 63; // '?'

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** True for a pattern made only of `*` (`*`, `**`, ...): it matches everything. */
export function isMatchAll(pattern: string): boolean {
  if (pattern.length === 0) return false;
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) !== STAR) return false;
  return true;
}

/** The pattern with each run of `*` written as one `*`: the same set of matches. */
export function collapseStars(pattern: string): string {
  return pattern.includes('**') ? pattern.replace(/\*{2,}/g, '*') : pattern;
}

/** Does the fixed-length piece (literals and `?`) match `value` at `at`? The caller checks the length. */
function pieceAt(piece: string, value: string, at: number): boolean {
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c !== QUESTION && c !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost position >= from (and <= last) where the piece matches, or -1. */
function findPiece(piece: string, plain: boolean, value: string, from: number, last: number): number {
  if (plain) {
    const at = value.indexOf(piece, from);
    return at >= 0 && at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (pieceAt(piece, value, at)) return at;
  return -1;
}

/** A matcher for a pattern with at least one `*`; the pattern is already case-folded when that applies. */
function starMatcher(folded: string): (value: string) => boolean {
  const pieces = collapseStars(folded).split('*');
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const plain = middle.map((p) => !p.includes('?'));
  const fixed = first.length + last.length;
  return (value) => {
    if (value.length < fixed) return false;
    if (!pieceAt(first, value, 0) || !pieceAt(last, value, value.length - last.length)) return false;
    let from = first.length;
    const end = value.length - last.length;
    for (let i = 0; i < middle.length; i++) {
      const at = findPiece(middle[i], plain[i], value, from, end - middle[i].length);
      if (at < 0) return false;
      from = at + middle[i].length;
    }
    return true;
  };
}

/** Prepares `pattern` for testing many values. See WildcardOptions for the default (ignore case). */
export function compileWildcard(pattern: string, options: WildcardOptions = {}): WildcardMatcher {
  const fold = options.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const folded = fold(pattern);
  let test: (value: string) => boolean;
  if (isMatchAll(folded)) test = () => true;
  else if (folded.includes('*')) {
    const match = starMatcher(folded);
    test = (value) => match(fold(value));
  } else if (folded.includes('?')) {
    test = (value) => {
      const v = fold(value);
      return v.length === folded.length && pieceAt(folded, v, 0);
    };
  } else test = (value) => fold(value) === folded;
  return { pattern, test };
}

// Compiled patterns, reused across calls; bounded so that a long-running process cannot grow it without end.
const CACHE_LIMIT = 10_000;
const caches = {
  insensitive: new Map<string, WildcardMatcher>(),
  sensitive: new Map<string, WildcardMatcher>(),
};

/** Does `value` match `pattern`? Ignores case unless `{ caseSensitive: true }`. */
export function matchesWildcard(pattern: string, value: string, options: WildcardOptions = {}): boolean {
  const cache = options.caseSensitive ? caches.sensitive : caches.insensitive;
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = compileWildcard(pattern, options);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, matcher);
  }
  return matcher.test(value);
}

const regExpCache = new Map<string, RegExp>();

/**
 * @deprecated Not used by iamwright itself; use matchesWildcard or compileWildcard. Kept for library users:
 * a case-insensitive RegExp with the same answers as matchesWildcard (for ASCII text). Each `*` piece is
 * found in a lookahead, which a RegExp never re-enters, so it does not backtrack into earlier choices.
 */
export function wildcardToRegExp(pattern: string): RegExp {
  let re = regExpCache.get(pattern);
  if (!re) {
    const body = (piece: string) => piece.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '[\\s\\S]');
    const pieces = collapseStars(pattern).split('*');
    let source = `^${body(pieces[0])}`;
    if (pieces.length > 1) {
      pieces.slice(1, -1).forEach((p, i) => {
        source += `(?=([\\s\\S]*?${body(p)}))\\${i + 1}`;
      });
      source += `[\\s\\S]*${body(pieces[pieces.length - 1])}`;
    }
    re = new RegExp(`${source}$`, 'i');
    if (regExpCache.size >= CACHE_LIMIT) regExpCache.clear();
    regExpCache.set(pattern, re);
  }
  return re;
}
