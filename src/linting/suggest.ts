/**
 * Cheap pre-selection for "did you mean": the candidates that closeMatches (src/util/errors.ts) could
 * accept, found with a bounded edit distance that gives up as soon as a candidate is out of reach. A
 * service has up to a thousand actions and a policy may name hundreds of unknown ones, so computing
 * every full distance is too slow; closeMatches then ranks the few survivors as usual.
 */
import { closeMatches } from '../util/errors.js';

/** closeMatches' own limit for an input (see there): the survivors are exactly the names it may accept. */
function limitFor(needle: string): number {
  return Math.max(2, Math.floor(needle.length / 3));
}

let row = new Int32Array(64);
let prev = new Int32Array(64);

/** Is the edit distance of `a` and `b` at most `limit`? Works in the band |i - j| <= limit, stops early. */
export function withinDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const m = b.length;
  if (prev.length <= m) {
    prev = new Int32Array(m + 1);
    row = new Int32Array(m + 1);
  }
  const BIG = limit + 1;
  for (let j = 0; j <= m; j++) prev[j] = j <= limit ? j : BIG;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    row[0] = i <= limit ? i : BIG;
    if (from > 1) row[from - 1] = BIG;
    let best = row[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      row[j] = v > BIG ? BIG : v;
      if (row[j] < best) best = row[j];
    }
    if (to < m) row[to + 1] = BIG;
    if (best > limit) return false;
    [prev, row] = [row, prev];
  }
  return prev[m] <= limit;
}

const template = new Int16Array(64);
const diff = new Int16Array(64);

/**
 * A lower bound of the edit distance from character counts: one edit changes the counts by at most 2 in
 * total, so distance >= (sum of count differences) / 2. Characters share 64 buckets, which only lowers
 * the sum, so the bound holds. `template` holds the needle's counts.
 */
function countBound(needleLength: number, hay: string): number {
  diff.set(template);
  let l1 = needleLength;
  for (let i = 0; i < hay.length; i++) {
    const b = hay.charCodeAt(i) & 63;
    l1 += diff[b] > 0 ? -1 : 1;
    diff[b]--;
  }
  return Math.ceil(l1 / 2);
}

/** The close matches of `input` among `candidates`, as closeMatches gives them, but quickly. */
export function suggest(input: string, candidates: readonly string[]): string[] {
  const needle = input.toLowerCase();
  const limit = limitFor(needle);
  template.fill(0);
  for (let i = 0; i < needle.length; i++) template[needle.charCodeAt(i) & 63]++;
  const near = candidates.filter((c) => {
    const hay = c.toLowerCase();
    if (hay.startsWith(needle) || needle.startsWith(hay)) return true;
    return (
      Math.abs(hay.length - needle.length) <= limit &&
      countBound(needle.length, hay) <= limit &&
      withinDistance(needle, hay, limit)
    );
  });
  return closeMatches(input, near);
}
