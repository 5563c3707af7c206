/**
 * Does one IAM wildcard pattern cover another: is every string `specific` can match also matched by
 * `general`? Decided on the patterns themselves, not on today's list of actions, so that the answer stays
 * true when AWS adds actions. `general`'s `*` may absorb any run of `specific` (its wildcards too), its `?`
 * one character or `?`; a `*` of `specific` can only be absorbed by a `*`. The answer is never a false "yes".
 */
export function globCovers(general: string, specific: string, ignoreCase = true): boolean {
  return coverer(general, ignoreCase)(ignoreCase ? specific.toLowerCase() : specific);
}

/**
 * `general` prepared for testing many patterns: the returned function takes `specific` already
 * lower-cased when `ignoreCase`.
 */
export function coverer(general: string, ignoreCase = true): (specific: string) => boolean {
  const g = ignoreCase ? general.toLowerCase() : general;
  if (g === '*') return () => true;
  const first = firstWildcard(g);
  if (first === g.length) return (s) => s === g;
  const prefix = g.slice(0, first);
  // `prefix*` covers whatever starts with the prefix.
  if (first === g.length - 1 && g[first] === '*') return (s) => s.startsWith(prefix);
  // Otherwise `general`'s text before its first wildcard must still open `specific` literally.
  return (s) => s === g || (s.startsWith(prefix) && coversFrom(g, s));
}

/**
 * Beyond this many cells the general case answers "no" without computing: a safe answer (coverage is
 * never claimed falsely), and it keeps a hostile pair of huge patterns from costing seconds.
 */
const MAX_CELLS = 1_000_000;

/** The general case, by dynamic programming over both patterns from their ends. */
function coversFrom(g: string, s: string): boolean {
  const n = g.length;
  const m = s.length;
  if (n * m > MAX_CELLS) return false;
  // next[j]: does g[i+1..] cover s[j..]; cur[j] the same for g[i..].
  let next = new Uint8Array(m + 1);
  let cur = new Uint8Array(m + 1);
  next[m] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const c = g[i];
    if (c === '*') {
      cur[m] = next[m];
      for (let j = m - 1; j >= 0; j--) cur[j] = next[j] || cur[j + 1] ? 1 : 0;
    } else {
      cur[m] = 0;
      for (let j = 0; j < m; j++) {
        const t = s[j];
        const ok = c === '?' ? t !== '*' : t === c;
        cur[j] = ok && next[j + 1] ? 1 : 0;
      }
    }
    [next, cur] = [cur, next];
  }
  return next[0] === 1;
}

function firstWildcard(p: string): number {
  for (let i = 0; i < p.length; i++) if (p[i] === '*' || p[i] === '?') return i;
  return p.length;
}
